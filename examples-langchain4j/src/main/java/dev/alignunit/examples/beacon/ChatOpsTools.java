package dev.alignunit.examples.beacon;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.Objects;

/** Beacon's chat tool. */
public final class ChatOpsTools {

  private final ChatOps chatOps;

  /**
   * Creates the tool.
   *
   * @param chatOps team chat
   */
  public ChatOpsTools(ChatOps chatOps) {
    this.chatOps = Objects.requireNonNull(chatOps, "chatOps");
  }

  /**
   * Posts to a channel.
   *
   * @param channel the channel
   * @param message the message
   * @return a confirmation
   */
  @Tool(name = "post_to_channel", value = "Post a message to a team chat channel.")
  public String postToChannel(
      @P("the channel, such as #platform") String channel, @P("the message") String message) {
    chatOps.post(channel, message);
    return "Posted to " + channel + ".";
  }
}
