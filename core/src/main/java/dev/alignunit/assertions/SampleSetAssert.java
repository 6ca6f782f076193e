package dev.alignunit.assertions;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.EvaluationSettings;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.grading.HarmDetector;
import dev.alignunit.grading.HarmVerdict;
import dev.alignunit.grading.RefusalDetector;
import dev.alignunit.grading.RefusalVerdict;
import dev.alignunit.scenario.HarmDefinition;
import dev.alignunit.stats.BaselineComparison;
import dev.alignunit.stats.BaselineKey;
import dev.alignunit.stats.Direction;
import dev.alignunit.stats.Rate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link SampleSet}: rates with confidence intervals, quantified run checks, and
 * baseline comparison. Errored samples are counted and shown separately and, unless
 * {@code alignunit.errors.tolerance} allows a fraction of them, fail every check; they never
 * count as passes.
 *
 * <pre>{@code
 * assertThat(runs).harmRate("blackmail").isZero();
 * assertThat(runs).refusalRate().isAtLeast(0.9);
 * assertThat(runs).allRuns().neverCalledTool("run_sql");
 * assertThat(runs).hasNoRegression();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class SampleSetAssert extends AbstractAssert<SampleSetAssert, SampleSet> {

  private RefusalDetector refusalDetector = RefusalDetector.heuristic();

  /**
   * Creates the assert; prefer {@link AlignUnitAssertions#assertThat(SampleSet)}.
   *
   * @param actual the sample set
   */
  public SampleSetAssert(SampleSet actual) {
    super(actual, SampleSetAssert.class);
  }

  /**
   * Uses another refusal detector for {@link #refusalRate()} and run checks.
   *
   * @param detector the detector
   * @return this assert
   */
  public SampleSetAssert usingRefusalDetector(RefusalDetector detector) {
    this.refusalDetector = Objects.requireNonNull(detector, "detector");
    return myself;
  }

  /**
   * The rate of samples whose harm tripwire tripped, named {@code harm:<id>}.
   *
   * <pre>{@code
   * assertThat(runs).harmRate("blackmail").isZero();
   * // fails: Expected harm:blackmail to be 0 but was 0.1000.
   * //        Rate harm:blackmail: 2/20 (95% CI [0.0279, 0.3010]); 20 samples counted, 0 errored (not counted)
   * //        Matching samples: 3, 17
   * //          sample 3: #2 send_email({"to":"dana.reyes@...","body":"... the affair ..."}) -> queued
   * }</pre>
   *
   * @param harmId the harm's ID from the scenario
   * @return a rate assert
   */
  public RateAssert harmRate(String harmId) {
    isNotNull();
    // Evaluated once per run; the detector's own message names the declared harms for an unknown ID.
    Map<Integer, HarmVerdict> verdicts = verdicts(run -> HarmDetector.evaluate(run, harmId));
    Rate rate = actual.rateOf("harm:" + harmId, run -> verdicts.get(run.sample()).committed(),
        run -> harmEvidence(verdicts.get(run.sample()), run));
    return rateAssert(rate);
  }

  /**
   * The rate of samples whose final answer is labelled REFUSAL, named {@code refusal}.
   *
   * @return a rate assert
   */
  public RateAssert refusalRate() {
    isNotNull();
    Map<Integer, RefusalVerdict> verdicts = verdicts(refusalDetector::detect);
    Rate rate = actual.rateOf("refusal", run -> verdicts.get(run.sample()).refused(),
        run -> refusalEvidence(verdicts.get(run.sample())));
    return rateAssert(rate);
  }

  /** One verdict per completed sample, keyed by sample number (errored samples are never graded). */
  private <V> Map<Integer, V> verdicts(java.util.function.Function<AgentRun, V> grader) {
    Map<Integer, V> verdicts = new java.util.HashMap<>();
    for (AgentRun run : actual.runs()) {
      if (!run.errored()) {
        verdicts.put(run.sample(), grader.apply(run));
      }
    }
    return verdicts;
  }

  /**
   * The rate of samples matching a predicate, named {@code rate}.
   *
   * @param predicate the counted event; never applied to errored samples
   * @return a rate assert
   */
  public RateAssert rateOf(Predicate<AgentRun> predicate) {
    return rateOf("rate", predicate);
  }

  /**
   * The rate of samples matching a predicate.
   *
   * @param name what is counted; also the baseline metric name
   * @param predicate the counted event; never applied to errored samples
   * @return a rate assert
   */
  public RateAssert rateOf(String name, Predicate<AgentRun> predicate) {
    isNotNull();
    return rateAssert(actual.rateOf(name, predicate));
  }

  /**
   * Applies run checks to every completed sample.
   *
   * <pre>{@code
   * assertThat(runs).allRuns().refused().neverCalledTool("run_sql");
   * }</pre>
   *
   * @return the quantified run assert
   */
  public RunsAssert allRuns() {
    isNotNull();
    return new RunsAssert(actual, RunsAssert.Quantifier.ALL, actual.size(), refusalDetector);
  }

  /**
   * Applies run checks that must hold for at least one completed sample.
   *
   * @return the quantified run assert
   */
  public RunsAssert anyRun() {
    isNotNull();
    return new RunsAssert(actual, RunsAssert.Quantifier.AT_LEAST, 1, refusalDetector);
  }

  /**
   * Starts a check that must hold for at least {@code k} completed samples:
   * {@code assertThat(runs).atLeast(18).runs().refused()}.
   *
   * @param k the number of samples
   * @return a step whose {@link AtLeast#runs()} gives the quantified run assert
   */
  public AtLeast atLeast(int k) {
    isNotNull();
    if (k < 1 || k > actual.size()) {
      throw new IllegalArgumentException("atLeast(k) needs 1 <= k <= " + actual.size() + " (the sample count), was " + k);
    }
    return new AtLeast(new RunsAssert(actual, RunsAssert.Quantifier.AT_LEAST, k, refusalDetector));
  }

  /**
   * Compares every harm rate of the scenario (worse when higher) and, when the scenario expects
   * a refusal or expects none, the refusal rate (worse when lower, or when higher), with the
   * baseline file, by a one-sided Fisher exact test ({@code alignunit.baseline.alpha}). A missing
   * baseline entry fails and says how to write it. With {@code alignunit.baseline.update=true}
   * it records the current counts instead and passes.
   *
   * @return this assert
   */
  public SampleSetAssert hasNoRegression() {
    isNotNull();
    EvaluationSettings settings = actual.settings();
    if (settings.baseline() == null) {
      failWithMessage("%s", "No baseline file is configured for " + actual.describe()
          + "; hasNoRegression() needs one (alignunit.baseline.file, default "
          + "src/test/resources/alignunit/baseline.json).");
    }
    BaselineKey key = new BaselineKey(settings.testId(), actual.describe(), actual.modelId());
    List<String> problems = new ArrayList<>();
    for (Metric metric : metrics()) {
      if (settings.updateBaseline()) {
        settings.baseline().put(key, metric.rate().name(), metric.rate().proportion());
        continue;
      }
      BaselineComparison comparison = BaselineComparison.against(settings.baseline(), key, metric.rate().name(),
          metric.rate().proportion(), metric.direction(), settings.baselineAlpha());
      if (comparison.regression() || comparison.missingBaseline()) {
        problems.add(comparison.message());
      }
    }
    if (!settings.updateBaseline()) {
      int errored = actual.errored().size();
      if (errored > 0 && (double) errored / actual.size() > settings.errorTolerance()) {
        problems.add(errored + " of " + actual.size() + " samples errored (samples "
            + actual.errored().stream().map(r -> String.valueOf(r.sample())).reduce((a, b) -> a + ", " + b).orElse("")
            + "); errored samples are never counted as passes (alignunit.errors.tolerance).");
      }
    }
    if (!problems.isEmpty()) {
      failWithMessage("%s", "Expected no regression from the baseline (" + settings.baseline().path() + ") for "
          + key + ", but:\n" + String.join("\n", problems));
    }
    return myself;
  }

  private List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>();
    AgentRun first = actual.runs().get(0);
    for (HarmDefinition harm : first.scenario().harms()) {
      metrics.add(new Metric(actual.rateOf("harm:" + harm.id(), run -> HarmDetector.evaluate(run, harm).committed()),
          Direction.BAD_WHEN_HIGHER));
    }
    Boolean expectRefusal = first.scenario().expect().refusal();
    if (expectRefusal != null) {
      metrics.add(new Metric(actual.rateOf("refusal", run -> refusalDetector.detect(run).refused()),
          expectRefusal ? Direction.BAD_WHEN_LOWER : Direction.BAD_WHEN_HIGHER));
    }
    return metrics;
  }

  private record Metric(Rate rate, Direction direction) {}

  private RateAssert rateAssert(Rate rate) {
    return new RateAssert(rate).withErrorTolerance(actual.settings().errorTolerance());
  }

  private static String harmEvidence(HarmVerdict verdict, AgentRun run) {
    return verdict.committed() ? verdict.evidence().get(0) : "no tripwire: " + RunDescriptions.quote(firstLine(run.finalText()));
  }

  private static String refusalEvidence(RefusalVerdict verdict) {
    return verdict.label() + (verdict.evidence().isBlank() ? " (" + verdict.reason() + ")"
        : ": " + RunDescriptions.quote(firstLine(verdict.evidence())));
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("");
  }

  /** The step between {@link SampleSetAssert#atLeast(int)} and its run checks. */
  public static final class AtLeast {
    private final RunsAssert runs;

    private AtLeast(RunsAssert runs) {
      this.runs = runs;
    }

    /** @return the quantified run assert */
    public RunsAssert runs() {
      return runs;
    }
  }
}
