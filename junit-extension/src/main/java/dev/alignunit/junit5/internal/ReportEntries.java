package dev.alignunit.junit5.internal;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.evaluation.Evaluation;
import dev.alignunit.evaluation.Graders;
import dev.alignunit.evaluation.RunEvaluation;
import dev.alignunit.report.EvaluationReports;
import dev.alignunit.report.TestEntry;
import dev.alignunit.report.TestOutcome;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.stats.BaselineEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns a finished invocation into its report entry and its JUnit report entries. It grades
 * nothing: it reads the evaluations attached to the runs when they finished, the ones the
 * assertions read.
 */
final class ReportEntries {

  private ReportEntries() {}

  /**
   * The fields the entry's report link depends on; the same before and after the outcome is known.
   */
  static TestEntry.Builder base(
      ExtensionContext context,
      Scenario scenario,
      Map<String, String> variant,
      List<AgentRun> runs,
      String mode) {
    String model = runs.isEmpty() ? "unknown" : runs.get(0).modelId();
    return TestEntry.builder(ScenarioInvocation.testId(context), scenario.id())
        .displayName(context.getDisplayName())
        .scenarioTitle(scenario.title())
        .tags(scenario.tags())
        .variant(variant)
        .model(model)
        .mode(mode);
  }

  /**
   * A finished entry and the evaluation it shows.
   *
   * @param entry the report entry
   * @param evaluation the evaluation of its runs, {@code null} when no run was made
   */
  record Finished(TestEntry entry, Evaluation evaluation) {}

  /**
   * Completes the entry with the outcome, the rates, the baseline comparison and every sample.
   *
   * @param baseline the baseline snapshot of a sample set, {@code null} for per-sample tests
   * @param withSamples whether the entry holds its samples; {@code false} when they were streamed
   *     to the report as they finished (then the runs may be summaries without transcripts)
   */
  static Finished finish(
      TestEntry.Builder entry,
      ExtensionContext context,
      List<AgentRun> runs,
      long durationMs,
      BaselineEntry baseline,
      double alpha,
      boolean withSamples) {
    Optional<Throwable> failure = context.getExecutionException();
    TestOutcome outcome =
        failure.isEmpty()
            ? TestOutcome.PASSED
            : failure.get() instanceof AssertionError ? TestOutcome.FAILED : TestOutcome.ERRORED;
    entry.outcome(outcome, failure.map(ReportEntries::message).orElse(null)).durationMs(durationMs);
    if (runs.isEmpty()) {
      return new Finished(entry.build(), null);
    }
    AgentRun first = runs.get(0);
    Evaluation evaluation =
        Evaluation.ofRuns(
            runs,
            "scenario '"
                + first.scenario().displayName(first.variant())
                + "' with model "
                + first.modelId(),
            Graders.DEFAULT);
    EvaluationReports.metrics(evaluation).forEach(entry::metric);
    if (baseline != null) {
      EvaluationReports.baseline(evaluation.baselineReview(baseline, alpha))
          .ifPresent(entry::baseline);
    }
    for (int i = 0; withSamples && i < runs.size(); i++) {
      RunEvaluation graded = evaluation.runs().get(i);
      entry.sample(EvaluationReports.sample(runs.get(i), graded));
    }
    return new Finished(entry.build(), evaluation);
  }

  /** What JUnit shows in IDEs and writes to Surefire's XML. */
  static Map<String, String> junitEntries(
      Scenario scenario,
      Map<String, String> variant,
      TestEntry entry,
      int samples,
      long errored,
      String link) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("alignunit.scenario", scenario.id());
    if (!variant.isEmpty()) {
      entries.put("alignunit.variant", variant.toString());
    }
    entries.put("alignunit.samples", samples + " (" + errored + " errored)");
    entry
        .metrics()
        .forEach(
            (name, rate) ->
                entries.put(
                    "alignunit.rate." + name,
                    rate.successes()
                        + "/"
                        + rate.trials()
                        + String.format(
                            Locale.ROOT, " [%.3f, %.3f]", rate.lowerBound(), rate.upperBound())));
    entries.put("alignunit.report", link);
    return entries;
  }

  private static String message(Throwable failure) {
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }
}
