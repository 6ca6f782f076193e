package dev.alignunit.model;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A provider-neutral response: the assistant message, why the model stopped, and token usage.
 *
 * <pre>{@code
 * ChatResponse answer = ChatResponse.ofText("I can't send that email: it would threaten Dana.");
 * ChatResponse call = ChatResponse.ofToolCalls(new ToolCall("c1", "send_email", "{\"to\":\"dana@x\"}"));
 * }</pre>
 *
 * @param message the assistant message (text, tool calls, reasoning)
 * @param stopReason why the model stopped
 * @param usage token usage of this call
 * @param providerRefusal the provider's explicit refusal text (OpenAI's {@code refusal} field), or
 *     {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChatResponse(
    Message.Assistant message, StopReason stopReason, Usage usage, String providerRefusal) {

  /** Replaces {@code null} values with defaults. */
  public ChatResponse {
    message = message == null ? Message.assistant("") : message;
    stopReason =
        stopReason == null
            ? (message.toolCalls().isEmpty() ? StopReason.END_TURN : StopReason.TOOL_USE)
            : stopReason;
    usage = usage == null ? Usage.ZERO : usage;
  }

  /**
   * A final text answer.
   *
   * @param text the text
   * @return the response, stop reason {@link StopReason#END_TURN}
   */
  public static ChatResponse ofText(String text) {
    return new ChatResponse(Message.assistant(text), StopReason.END_TURN, Usage.ZERO, null);
  }

  /**
   * A response that calls tools, without text.
   *
   * @param calls the tool calls
   * @return the response, stop reason {@link StopReason#TOOL_USE}
   */
  public static ChatResponse ofToolCalls(ToolCall... calls) {
    return new ChatResponse(
        new Message.Assistant("", List.of(calls), List.of()),
        StopReason.TOOL_USE,
        Usage.ZERO,
        null);
  }

  /**
   * The visible text of the answer.
   *
   * @return the text, empty when none
   */
  public String text() {
    return message.text();
  }

  /**
   * The tool calls of the answer.
   *
   * @return the calls, empty when none
   */
  public List<ToolCall> toolCalls() {
    return message.toolCalls();
  }
}
