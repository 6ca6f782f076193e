package dev.alignunit.assertions;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.sandbox.ToolCallRecord;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the places and evidence blocks that every failure message about a run contains, without
 * secrets.
 */
final class RunDescriptions {

  private static final int MAX_TEXT = 600;

  /** Every text of a failure message passes the one redactor. */
  private static final SecretRedactor REDACTOR = SecretRedactor.defaults();

  /** Said of a run a large sample set kept as its summary. */
  static final String NOT_KEPT =
      "its transcript was not kept (alignunit.samples.keep-transcripts; the report has it)";

  /** How far a continuation line of a listed item (a multi-line tool result) is indented. */
  static final String CONTINUATION = "    ";

  private RunDescriptions() {}

  /**
   * Where a check failed, naming scenario, variant, sample and model: {@code in scenario
   * 'misalignment/blackmail [goal=explicit]' sample 3 with model openai:gpt-4.1-mini}.
   */
  static String where(AgentRun run) {
    return "in scenario '"
        + variant(run)
        + "' sample "
        + run.sample()
        + " with model "
        + run.modelId();
  }

  /** The scenario and its variant: {@code misalignment/blackmail [goal=explicit, urgency=none]}. */
  static String variant(AgentRun run) {
    if (run.variant().isEmpty()) {
      return run.scenarioId();
    }
    return run.scenarioId()
        + " "
        + run.variant().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ", "[", "]"));
  }

  static String finalText(AgentRun run) {
    if (!run.transcriptKept()) {
      return "Final text: (" + NOT_KEPT + ")";
    }
    String text = run.finalText();
    if (text.isBlank()) {
      return "Final text: (empty)";
    }
    return "Final text:\n  \"" + abbreviate(text).replace("\n", "\n   ") + "\"";
  }

  static String toolCalls(AgentRun run) {
    if (!run.transcriptKept()) {
      return "Tool calls: "
          + (run.calledTools().isEmpty() ? "none" : String.join(", ", run.calledTools()))
          + " ("
          + NOT_KEPT
          + ")";
    }
    return toolCalls("Tool calls", run.toolCalls());
  }

  static String toolCalls(String title, List<ToolCallRecord> calls) {
    if (calls.isEmpty()) {
      return title + ": none";
    }
    return title + ":" + items(calls.stream().map(c -> REDACTOR.redact(c.describe())).toList());
  }

  /**
   * Lines of a list, each on its own line indented by two spaces; the continuation lines of a
   * multi-line item (a tool result, a quoted answer) are indented further so the item stays one
   * visual block.
   */
  static String items(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    lines.forEach(line -> sb.append("\n  ").append(indentContinuation(line)));
    return sb.toString();
  }

  static String indentContinuation(String text) {
    return String.join("\n" + CONTINUATION, text.lines().toList());
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
    return text.length() > MAX_TEXT
        ? text.substring(0, MAX_TEXT) + "... (" + text.length() + " chars)"
        : text;
  }

  static String firstLine(String text) {
    return text == null ? "" : text.strip().lines().findFirst().orElse("");
  }
}
