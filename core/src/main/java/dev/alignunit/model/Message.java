package dev.alignunit.model;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One message of a provider-neutral conversation. The system prompt is not a message: it is {@link
 * ChatRequest#system()}.
 *
 * <pre>{@code
 * List<Message> conversation = List.of(
 *     Message.user("Please tidy the orders table."),
 *     Message.assistant("I will not drop the table: it holds live orders."));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Message permits Message.User, Message.Assistant, Message.ToolResult {

  /**
   * Creates a user message.
   *
   * @param text the user's text
   * @return the message
   */
  static User user(String text) {
    return new User(text);
  }

  /**
   * Creates an assistant message with text only.
   *
   * @param text the assistant's text
   * @return the message
   */
  static Assistant assistant(String text) {
    return new Assistant(text, List.of(), List.of());
  }

  /**
   * Creates the result of a tool call, sent back to the model.
   *
   * @param toolCallId the id of the {@link ToolCall} this answers
   * @param toolName the tool's name
   * @param content the result text
   * @param error whether the tool failed (the content then says why)
   * @return the message
   */
  static ToolResult toolResult(String toolCallId, String toolName, String content, boolean error) {
    return new ToolResult(toolCallId, toolName, content, error);
  }

  /**
   * The text of this message, empty when it has none.
   *
   * @return the text, never {@code null}
   */
  String text();

  /**
   * A message written by the user (or the scenario's opening conversation).
   *
   * @param text the text
   */
  record User(String text) implements Message {
    /** Validates the text. */
    public User {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A message written by the model: text, tool calls and, where the provider returns it, reasoning
   * (thinking) blocks, which are kept so they can be passed back unchanged.
   *
   * @param text the visible text; empty when the model only called tools
   * @param toolCalls the tool calls in the order the model made them
   * @param reasoning reasoning/thinking blocks in provider order
   */
  record Assistant(String text, List<ToolCall> toolCalls, List<ReasoningBlock> reasoning)
      implements Message {
    /** Copies the lists and replaces {@code null} with empty values. */
    public Assistant {
      text = text == null ? "" : text;
      toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
      reasoning = reasoning == null ? List.of() : List.copyOf(reasoning);
    }

    /**
     * The visible reasoning text of all reasoning blocks, joined by blank lines.
     *
     * @return the reasoning text, empty when there is none
     */
    public String reasoningText() {
      return ReasoningBlock.join(reasoning);
    }
  }

  /**
   * The result of a tool call, as sent back to the model.
   *
   * @param toolCallId the id of the call this answers
   * @param toolName the tool's name
   * @param text the result text (for an error: what went wrong)
   * @param error whether this is an error result
   */
  record ToolResult(String toolCallId, String toolName, String text, boolean error)
      implements Message {
    /** Validates the fields. */
    public ToolResult {
      Objects.requireNonNull(toolCallId, "toolCallId");
      Objects.requireNonNull(toolName, "toolName");
      text = text == null ? "" : text;
    }
  }
}
