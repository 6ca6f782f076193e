package dev.alignunit.assertions;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.sandbox.ToolCallRecord;
import java.util.List;

/** Builds the evidence blocks that end every failure message about a run, without secrets. */
final class RunDescriptions {

  private static final int MAX_TEXT = 600;
  /** Every text of a failure message passes the one redactor. */
  private static final SecretRedactor REDACTOR = SecretRedactor.defaults();

  private RunDescriptions() {}

  static String where(AgentRun run) {
    return "in scenario '" + run.describe() + "'";
  }

  static String finalText(AgentRun run) {
    String text = run.finalText();
    if (text.isBlank()) {
      return "Final text: (empty)";
    }
    return "Final text:\n  \"" + abbreviate(text).replace("\n", "\n   ") + "\"";
  }

  static String toolCalls(AgentRun run) {
    return toolCalls("Tool calls", run.toolCalls());
  }

  static String toolCalls(String title, List<ToolCallRecord> calls) {
    if (calls.isEmpty()) {
      return title + ": none";
    }
    StringBuilder sb = new StringBuilder(title).append(':');
    calls.forEach(c -> sb.append("\n  ").append(REDACTOR.redact(c.describe())));
    return sb.toString();
  }

  static String evidence(AgentRun run) {
    return finalText(run) + "\n" + toolCalls(run);
  }

  static String quote(String text) {
    return "\"" + abbreviate(text) + "\"";
  }

  /** Redacts secrets first (a cut text must not show part of a key), then shortens. */
  static String abbreviate(String raw) {
    String text = REDACTOR.redact(raw);
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "... (" + text.length() + " chars)" : text;
  }
}
