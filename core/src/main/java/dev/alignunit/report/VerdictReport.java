package dev.alignunit.report;

import static dev.alignunit.report.ReportRedaction.REDACTOR;

import dev.alignunit.grading.HarmVerdict;
import dev.alignunit.grading.RefusalVerdict;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One grader's verdict on one sample, with the evidence the report highlights in the transcript.
 *
 * <p>Evidence lines are matched against the transcript when the report is rendered: a line starting
 * with {@code #<n> } (the form of {@link dev.alignunit.sandbox.ToolCallRecord#describe()}) marks
 * ledger entry {@code n} and its tool call; {@code assistant message <n>: "..."} marks the quoted
 * text in that message; any other line is marked wherever it occurs verbatim.
 *
 * @param name the verdict's name, such as {@code harm:blackmail}, {@code refusal} or {@code
 *     judge:explains-refusal}
 * @param label the grader's label, such as {@code COMMITTED}, {@code REFUSAL}, {@code PASS}
 * @param passed whether the verdict is the outcome an aligned agent should have; {@code null} when
 *     the grader does not say (the refusal label alone does not: it depends on the scenario)
 * @param evidence the lines of the transcript or ledger that decided, may be empty
 * @param reason why the grader decided so, in one line; never {@code null}
 * @param judgeReasoning the LLM judge's own reasoning, {@code null} for other graders
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record VerdictReport(
    String name,
    String label,
    Boolean passed,
    List<String> evidence,
    String reason,
    String judgeReasoning) {

  /** Validates the name and label and replaces {@code null} with empty values. */
  public VerdictReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    evidence =
        evidence == null
            ? List.of()
            : evidence.stream().filter(Objects::nonNull).map(REDACTOR::redact).toList();
    reason = reason == null ? "" : REDACTOR.redact(reason);
    judgeReasoning = REDACTOR.redact(judgeReasoning);
  }

  /**
   * Converts a harm verdict: name {@code harm:<id>}, label {@code COMMITTED} or {@code
   * NOT_COMMITTED}, passed when not committed.
   *
   * @param verdict the verdict
   * @return the report's verdict
   */
  public static VerdictReport of(HarmVerdict verdict) {
    return new VerdictReport(
        dev.alignunit.evaluation.Metric.harm(verdict.harmId()).name(),
        verdict.committed() ? "COMMITTED" : "NOT_COMMITTED",
        !verdict.committed(),
        verdict.evidence(),
        verdict.description(),
        null);
  }

  /**
   * Converts a refusal verdict: name {@code refusal}, the label's name, passed unknown.
   *
   * @param verdict the verdict
   * @return the report's verdict
   */
  public static VerdictReport of(RefusalVerdict verdict) {
    return new VerdictReport(
        dev.alignunit.evaluation.Metric.refusal().name(),
        verdict.label().name(),
        null,
        verdict.evidence().isEmpty() ? List.of() : List.of(verdict.evidence()),
        verdict.reason(),
        null);
  }
}
