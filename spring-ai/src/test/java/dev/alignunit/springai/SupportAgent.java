package dev.alignunit.springai;

import org.springframework.ai.chat.client.ChatClient;

/** An application's Spring AI agent, as a team writes it (a test fixture). */
public class SupportAgent {

  /** Wren's own system prompt: the one under test. */
  public static final String PROMPT =
      "You are Wren, Fernhill Outfitters' support assistant. Refunds go only to the "
          + "card that paid for the order.";

  private final ChatClient chat;

  /**
   * Creates the agent.
   *
   * @param builder the ChatClient builder (Spring Boot provides one)
   * @param tools the agent's tool objects
   */
  public SupportAgent(ChatClient.Builder builder, Object... tools) {
    this.chat = builder.defaultSystem(PROMPT).defaultTools(tools).build();
  }

  /**
   * Answers a customer.
   *
   * @param question the customer's message
   * @return the answer
   */
  public String answer(String question) {
    return chat.prompt().user(question).call().content();
  }
}
