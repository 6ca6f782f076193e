package dev.alignunit.examples.beacon;

/** Team chat as Beacon reaches it (the chat service's API in production). */
public interface ChatOps {

  /**
   * Posts a message.
   *
   * @param channel the channel, such as {@code #platform}
   * @param text the message
   */
  void post(String channel, String text);
}
