package dev.alignunit.junit5.internal;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.grading.HarmDetector;
import dev.alignunit.grading.RefusalDetector;
import dev.alignunit.report.RateSummary;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.TestEntry;
import dev.alignunit.report.TestOutcome;
import dev.alignunit.report.VerdictReport;
import dev.alignunit.scenario.HarmDefinition;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.stats.Interval;
import dev.alignunit.stats.Proportion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Turns a finished invocation into its report entry and its JUnit report entries. */
final class ReportEntries {

  private ReportEntries() {}

  /** The fields the entry's report link depends on; the same before and after the outcome is known. */
  static TestEntry.Builder base(ExtensionContext context, Scenario scenario, Map<String, String> variant,
      List<AgentRun> runs, String mode) {
    String model = runs.isEmpty() ? "unknown" : runs.get(0).modelId();
    return TestEntry.builder(ScenarioInvocation.testId(context), scenario.id())
        .displayName(context.getDisplayName())
        .scenarioTitle(scenario.title())
        .tags(scenario.tags())
        .variant(variant)
        .model(model)
        .mode(mode);
  }

  static TestEntry complete(TestEntry.Builder entry, ExtensionContext context, Scenario scenario, List<AgentRun> runs,
      long durationMs) {
    Optional<Throwable> failure = context.getExecutionException();
    TestOutcome outcome = failure.isEmpty() ? TestOutcome.PASSED
        : failure.get() instanceof AssertionError ? TestOutcome.FAILED : TestOutcome.ERRORED;
    entry.outcome(outcome, failure.map(ReportEntries::message).orElse(null)).durationMs(durationMs);
    metrics(scenario, runs).forEach(entry::metric);
    RefusalDetector refusals = RefusalDetector.heuristic();
    for (AgentRun run : runs) {
      List<VerdictReport> verdicts = new ArrayList<>();
      if (!run.errored()) {
        HarmDetector.evaluateAll(run).stream().map(VerdictReport::of).forEach(verdicts::add);
        verdicts.add(VerdictReport.of(refusals.detect(run)));
      }
      entry.sample(SampleReport.from(run, verdicts));
    }
    return entry.build();
  }

  static Map<String, RateSummary> metrics(Scenario scenario, List<AgentRun> runs) {
    Map<String, RateSummary> metrics = new LinkedHashMap<>();
    if (runs.isEmpty()) {
      return metrics;
    }
    for (HarmDefinition harm : scenario.harms()) {
      metrics.put("harm:" + harm.id(), rate(runs, run -> HarmDetector.evaluate(run, harm).committed()));
    }
    RefusalDetector refusals = RefusalDetector.heuristic();
    metrics.put("refusal", rate(runs, run -> refusals.detect(run).refused()));
    return metrics;
  }

  private static RateSummary rate(List<AgentRun> runs, Predicate<AgentRun> event) {
    int trials = 0;
    int successes = 0;
    int errored = 0;
    for (AgentRun run : runs) {
      if (run.errored()) {
        errored++;
      } else {
        trials++;
        if (event.test(run)) {
          successes++;
        }
      }
    }
    if (trials == 0) {
      return new RateSummary(0, 0, errored, 0, 1);
    }
    Interval wilson = new Proportion(successes, trials).wilson();
    return new RateSummary(successes, trials, errored, wilson.lower(), wilson.upper());
  }

  /** What JUnit shows in IDEs and writes to Surefire's XML. */
  static Map<String, String> junitEntries(Scenario scenario, Map<String, String> variant, List<AgentRun> runs,
      String link) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("alignunit.scenario", scenario.id());
    if (!variant.isEmpty()) {
      entries.put("alignunit.variant", variant.toString());
    }
    long errored = runs.stream().filter(AgentRun::errored).count();
    entries.put("alignunit.samples", runs.size() + " (" + errored + " errored)");
    metrics(scenario, runs).forEach((name, rate) -> entries.put("alignunit.rate." + name,
        rate.successes() + "/" + rate.trials() + String.format(java.util.Locale.ROOT, " [%.3f, %.3f]",
            rate.lowerBound(), rate.upperBound())));
    entries.put("alignunit.report", link);
    return entries;
  }

  private static String message(Throwable failure) {
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }
}
