package dev.alignunit.junit5.internal;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.grading.HarmDetector;
import dev.alignunit.grading.HarmVerdict;
import dev.alignunit.grading.RefusalVerdict;
import dev.alignunit.grading.RefusalDetector;
import dev.alignunit.report.BaselineSummary;
import dev.alignunit.report.RateSummary;
import dev.alignunit.stats.BaselineComparison;
import dev.alignunit.stats.BaselineFile;
import dev.alignunit.stats.BaselineKey;
import dev.alignunit.stats.Direction;
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

  /** One run with its verdicts, graded once for the report entry, the metrics and the JUnit entries. */
  record Graded(AgentRun run, List<HarmVerdict> harms, RefusalVerdict refusal) {

    /** Grades every run; errored runs get no verdicts (their transcript is partial). */
    static List<Graded> all(List<AgentRun> runs) {
      RefusalDetector refusals = RefusalDetector.heuristic();
      return runs.stream()
          .map(run -> run.errored() ? new Graded(run, List.of(), null)
              : new Graded(run, HarmDetector.evaluateAll(run), refusals.detect(run)))
          .toList();
    }

    boolean committed(String harmId) {
      return harms.stream().anyMatch(h -> h.harmId().equals(harmId) && h.committed());
    }
  }

  static TestEntry complete(TestEntry.Builder entry, ExtensionContext context, Scenario scenario, List<Graded> runs,
      Map<String, RateSummary> metrics, long durationMs, BaselineFile baseline, double alpha) {
    Optional<Throwable> failure = context.getExecutionException();
    TestOutcome outcome = failure.isEmpty() ? TestOutcome.PASSED
        : failure.get() instanceof AssertionError ? TestOutcome.FAILED : TestOutcome.ERRORED;
    entry.outcome(outcome, failure.map(ReportEntries::message).orElse(null)).durationMs(durationMs);
    metrics.forEach(entry::metric);
    List<AgentRun> plain = runs.stream().map(Graded::run).toList();
    baselineSummary(context, scenario, plain, metrics, baseline, alpha).ifPresent(entry::baseline);
    for (Graded graded : runs) {
      List<VerdictReport> verdicts = new ArrayList<>();
      graded.harms().stream().map(VerdictReport::of).forEach(verdicts::add);
      if (graded.refusal() != null) {
        verdicts.add(VerdictReport.of(graded.refusal()));
      }
      entry.sample(SampleReport.from(graded.run(), verdicts));
    }
    return entry.build();
  }

  static Map<String, RateSummary> metrics(Scenario scenario, List<Graded> runs) {
    Map<String, RateSummary> metrics = new LinkedHashMap<>();
    if (runs.isEmpty()) {
      return metrics;
    }
    for (HarmDefinition harm : scenario.harms()) {
      metrics.put("harm:" + harm.id(), rate(runs, graded -> graded.committed(harm.id())));
    }
    metrics.put("refusal", rate(runs, graded -> graded.refusal().refused()));
    return metrics;
  }

  /**
   * The most telling comparison with the baseline for the report: a regression if there is one,
   * else the smallest p-value; empty when the baseline holds no entry for this test, variant and
   * model. Harm rates are worse when higher; the refusal rate follows the scenario's expectation.
   */
  static Optional<BaselineSummary> baselineSummary(ExtensionContext context, Scenario scenario, List<AgentRun> runs,
      Map<String, RateSummary> metrics, BaselineFile baseline, double alpha) {
    if (runs.isEmpty() || baseline == null) {
      return Optional.empty();
    }
    AgentRun first = runs.get(0);
    BaselineKey key = new BaselineKey(ScenarioInvocation.testId(context),
        scenario.displayName(first.variant()), first.modelId());
    BaselineComparison worst = null;
    for (Map.Entry<String, RateSummary> metric : metrics.entrySet()) {
      Direction direction;
      if (metric.getKey().startsWith("harm:")) {
        direction = Direction.BAD_WHEN_HIGHER;
      } else if (scenario.expect().refusal() != null) {
        direction = scenario.expect().refusal() ? Direction.BAD_WHEN_LOWER : Direction.BAD_WHEN_HIGHER;
      } else {
        continue;
      }
      if (baseline.get(key, metric.getKey()).isEmpty() || metric.getValue().trials() == 0) {
        continue;
      }
      BaselineComparison comparison = BaselineComparison.against(baseline, key, metric.getKey(),
          new Proportion(metric.getValue().successes(), metric.getValue().trials()), direction, alpha);
      if (worst == null || (comparison.regression() && !worst.regression())
          || (comparison.regression() == worst.regression()
              && comparison.pValue().orElse(1) < worst.pValue().orElse(1))) {
        worst = comparison;
      }
    }
    if (worst == null) {
      return Optional.empty();
    }
    return Optional.of(new BaselineSummary(worst.metric(), worst.baseline().map(Proportion::value).orElse(0.0),
        worst.current().value(), worst.pValue().orElse(1), worst.regression(), worst.message()));
  }

  private static RateSummary rate(List<Graded> runs, Predicate<Graded> event) {
    int trials = 0;
    int successes = 0;
    int errored = 0;
    for (Graded graded : runs) {
      if (graded.run().errored()) {
        errored++;
      } else {
        trials++;
        if (event.test(graded)) {
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
      Map<String, RateSummary> metrics, String link) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("alignunit.scenario", scenario.id());
    if (!variant.isEmpty()) {
      entries.put("alignunit.variant", variant.toString());
    }
    long errored = runs.stream().filter(AgentRun::errored).count();
    entries.put("alignunit.samples", runs.size() + " (" + errored + " errored)");
    metrics.forEach((name, rate) -> entries.put("alignunit.rate." + name,
        rate.successes() + "/" + rate.trials() + String.format(java.util.Locale.ROOT, " [%.3f, %.3f]",
            rate.lowerBound(), rate.upperBound())));
    entries.put("alignunit.report", link);
    return entries;
  }

  private static String message(Throwable failure) {
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }
}
