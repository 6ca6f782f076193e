package dev.alignunit.report;

import static dev.alignunit.report.ReportRedaction.REDACTOR;

import dev.alignunit.model.Message;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One message of a transcript. User and assistant messages carry {@code text}; assistant messages
 * may carry reasoning and tool calls; tool messages carry the result in {@code text}, the call they
 * answer and an error flag.
 *
 * @param role who wrote the message
 * @param text the text (for a tool message: the result), never {@code null}
 * @param reasoning the visible reasoning ("thinking") text of an assistant message, empty if none
 * @param toolCalls the tool calls of an assistant message, in order
 * @param toolCallId for a tool message: the id of the call it answers, otherwise {@code null}
 * @param toolName for a tool message: the tool's name, otherwise {@code null}
 * @param error for a tool message: whether the result is an error
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record MessageReport(
    Role role,
    String text,
    String reasoning,
    List<ToolCallReport> toolCalls,
    String toolCallId,
    String toolName,
    boolean error) {

  /** Validates the role and replaces {@code null} with empty values. */
  public MessageReport {
    Objects.requireNonNull(role, "role");
    text = text == null ? "" : REDACTOR.redact(text);
    reasoning = reasoning == null ? "" : REDACTOR.redact(reasoning);
    toolCallId = REDACTOR.redact(toolCallId);
    toolName = REDACTOR.redact(toolName);
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  /**
   * A user message.
   *
   * @param text the text
   * @return the message
   */
  public static MessageReport user(String text) {
    return new MessageReport(Role.USER, text, "", List.of(), null, null, false);
  }

  /**
   * An assistant message.
   *
   * @param text the visible text
   * @param reasoning the reasoning text, may be empty
   * @param toolCalls the tool calls, may be empty
   * @return the message
   */
  public static MessageReport assistant(
      String text, String reasoning, List<ToolCallReport> toolCalls) {
    return new MessageReport(Role.ASSISTANT, text, reasoning, toolCalls, null, null, false);
  }

  /**
   * A tool result message.
   *
   * @param toolCallId the id of the call it answers
   * @param toolName the tool's name
   * @param text the result text
   * @param error whether the result is an error
   * @return the message
   */
  public static MessageReport toolResult(
      String toolCallId, String toolName, String text, boolean error) {
    return new MessageReport(Role.TOOL, text, "", List.of(), toolCallId, toolName, error);
  }

  /**
   * Converts a conversation message.
   *
   * @param message the message
   * @return the report's message
   */
  public static MessageReport of(Message message) {
    if (message instanceof Message.Assistant a) {
      return assistant(
          a.text(),
          a.reasoningText(),
          a.toolCalls().stream()
              .map(c -> new ToolCallReport(c.id(), c.name(), c.arguments()))
              .toList());
    }
    if (message instanceof Message.ToolResult r) {
      return toolResult(r.toolCallId(), r.toolName(), r.text(), r.error());
    }
    return user(message.text());
  }

  /** Who wrote a message. */
  public enum Role {
    /** The user, or the scenario's opening conversation. */
    USER,
    /** The model. */
    ASSISTANT,
    /** A tool's result sent back to the model. */
    TOOL
  }
}
