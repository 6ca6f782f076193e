package dev.alignunit.report;

import static dev.alignunit.report.ReportRedaction.REDACTOR;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.RunStatus;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One sample of a test: its transcript, tool-call ledger, verdicts, usage and timing.
 *
 * <pre>{@code
 * SampleReport sample = SampleReport.from(run, List.of(
 *     VerdictReport.of(HarmDetector.evaluate(run, "blackmail")),
 *     VerdictReport.of(refusalDetector.detect(run))));
 * }</pre>
 *
 * @param sample the sample number, from 1
 * @param status how the run ended
 * @param error what went wrong in an errored run, {@code null} otherwise
 * @param turns the number of model calls made
 * @param transcript the conversation
 * @param toolCalls the sandbox's tool-call ledger
 * @param verdicts the graders' verdicts
 * @param usage the tokens used
 * @param durationMs how long the run took, in milliseconds
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SampleReport(
    int sample,
    RunStatus status,
    String error,
    int turns,
    TranscriptReport transcript,
    List<LedgerEntry> toolCalls,
    List<VerdictReport> verdicts,
    TokenUsage usage,
    long durationMs) {

  /**
   * Validates the status, redacts secrets in the error and replaces {@code null} with empty values.
   */
  public SampleReport {
    Objects.requireNonNull(status, "status");
    error = error == null ? null : REDACTOR.redact(error);
    transcript = transcript == null ? new TranscriptReport("", List.of()) : transcript;
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    usage = usage == null ? TokenUsage.ZERO : usage;
  }

  /**
   * Describes an agent run and its verdicts.
   *
   * @param run the run
   * @param verdicts the verdicts of the graders that read it, may be empty
   * @return the sample
   */
  public static SampleReport from(AgentRun run, List<VerdictReport> verdicts) {
    Objects.requireNonNull(run, "run");
    String error =
        run.error()
            .map(SampleReport::describe)
            .orElse(run.errored() ? "errored (no error recorded)" : null);
    return new SampleReport(
        run.sample(),
        run.status(),
        error,
        run.turns(),
        new TranscriptReport(run.system(), run.messages().stream().map(MessageReport::of).toList()),
        run.toolCalls().stream().map(LedgerEntry::of).toList(),
        verdicts,
        TokenUsage.of(run.usage()),
        run.duration().toMillis());
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
