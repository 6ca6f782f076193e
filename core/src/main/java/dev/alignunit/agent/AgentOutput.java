package dev.alignunit.agent;

import dev.alignunit.model.Message;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What an application's {@link Agent} returns: its final text and, optionally, its own view of the
 * conversation.
 *
 * <p>Without messages, {@link AgentRunner} reconstructs the transcript from what it captured: the
 * opening turns, then each answer of the instrumented model and each tool result, in the order they
 * happened. With messages, they are the transcript as given (include the opening turns if you want
 * them there). Either way, a final text that differs from the last assistant text is appended as a
 * last assistant message, so {@link AgentRun#finalText()} is what the agent answered.
 *
 * @param finalText the agent's answer to the user, may be empty
 * @param messages the conversation as the agent saw it, or empty to let the runner reconstruct it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AgentOutput(String finalText, List<Message> messages) {

  /** Replaces {@code null} with empty values and copies the list. */
  public AgentOutput {
    finalText = finalText == null ? "" : finalText;
    messages = messages == null ? List.of() : List.copyOf(messages);
  }

  /**
   * An answer whose transcript the runner reconstructs.
   *
   * @param finalText the agent's answer
   * @return the output
   */
  public static AgentOutput of(String finalText) {
    return new AgentOutput(finalText, List.of());
  }
}
