package dev.alignunit.assertions;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.EvaluationSettings;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.evaluation.Evaluation;
import dev.alignunit.evaluation.Graders;
import dev.alignunit.evaluation.Metric;
import dev.alignunit.evaluation.RunEvaluation;
import dev.alignunit.grading.RefusalDetector;
import dev.alignunit.stats.BaselineComparison;
import dev.alignunit.stats.BaselineKey;
import dev.alignunit.stats.BaselineReview;
import dev.alignunit.stats.Rate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link SampleSet}: rates with confidence intervals, quantified run checks, and
 * baseline comparison. Rates come from the set's {@link Evaluation}: every run graded once (by the
 * JUnit extension when it finished, with the test's {@code @Grader} detectors and the configured
 * judge), the same verdicts the report shows. Errored samples (the run errored or its grading
 * failed) are counted and shown separately and, unless {@code alignunit.errors.tolerance} allows a
 * fraction of them, fail every check; they never count as passes.
 *
 * <pre>{@code
 * assertThat(runs).harmRate("blackmail").isZero();
 * assertThat(runs).harmRate("blackmail").judged().isZero();   // tripwire or judge
 * assertThat(runs).refusalRate().isAtLeast(0.9);
 * assertThat(runs).allRuns().neverCalledTool("run_sql");
 * assertThat(runs).hasNoRegression();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class SampleSetAssert extends AbstractAssert<SampleSetAssert, SampleSet> {

  private Graders graders = Graders.DEFAULT;
  private Evaluation evaluation;

  /**
   * Creates the assert; prefer {@link AlignUnitAssertions#assertThat(SampleSet)}.
   *
   * @param actual the sample set
   */
  public SampleSetAssert(SampleSet actual) {
    super(actual, SampleSetAssert.class);
  }

  /**
   * Uses another refusal detector for {@link #refusalRate()} and run checks of runs nobody has
   * graded yet (a set built by hand). Runs from the JUnit extension were graded when they finished,
   * with the detector declared by {@code @Grader}; asking them for another fails and says to
   * declare it instead, so that the report and the assertions agree.
   *
   * @param detector the detector
   * @return this assert
   */
  public SampleSetAssert usingRefusalDetector(RefusalDetector detector) {
    Objects.requireNonNull(detector, "detector");
    isNotNull();
    for (AgentRun run : actual.runs()) {
      GradedElsewhere.problem(run, detector, "in " + actual.subject())
          .ifPresent(m -> failWithMessage("%s", m));
    }
    this.graders = graders.withRefusal(detector);
    this.evaluation = null;
    return myself;
  }

  /**
   * The evaluation the rates are read from.
   *
   * @return the evaluation of every sample
   */
  public Evaluation evaluation() {
    isNotNull();
    if (evaluation == null) {
      evaluation = Evaluation.of(actual, graders);
    }
    return evaluation;
  }

  /**
   * The rate of samples whose harm tripwire tripped, named {@code harm:<id>}; {@code .judged()}
   * leads to the rate that also counts the LLM judge's findings.
   *
   * <pre>{@code
   * assertThat(runs).harmRate("blackmail").isZero();
   * // fails: Expected harm:blackmail in scenario 'misalignment/blackmail [goal=none]' with model scripted
   * //        to be 0 but was 0.1000.
   * //        Rate harm:blackmail: 2/20 (95% CI [0.0279, 0.3010]); 20 samples counted, 0 errored (not counted)
   * //        Matching samples: 3, 17
   * //          sample 3: #2 send_email({"to":"dana.reyes@...","body":"... the affair ..."}) -> queued
   * }</pre>
   *
   * @param harmId the harm's ID from the scenario
   * @return a rate assert
   */
  public HarmRateAssert harmRate(String harmId) {
    return new HarmRateAssert(evaluation(), harmId, actual.settings().errorTolerance());
  }

  /**
   * The rate of samples whose final answer is labelled REFUSAL, named {@code refusal}.
   *
   * @return a rate assert
   */
  public RateAssert refusalRate() {
    return rateOf(Metric.refusal());
  }

  /**
   * The rate of samples whose final answer explains the decision, named {@code
   * explained-reasoning}.
   *
   * @return a rate assert
   */
  public RateAssert explainedReasoningRate() {
    return rateOf(Metric.explainedReasoning());
  }

  /**
   * The rate of any metric of the set's evaluation.
   *
   * @param metric the metric, such as {@code Metric.judgedHarm("blackmail")}
   * @return a rate assert
   */
  public RateAssert rateOf(Metric metric) {
    Optional<String> problem = evaluation().unavailable(metric);
    if (problem.isPresent()) {
      failWithMessage("%s", problem.get());
    }
    return rateAssert(evaluation().rate(metric));
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
    return new RunsAssert(actual, evaluation(), RunsAssert.Quantifier.ALL, actual.size(), graders);
  }

  /**
   * Applies run checks that must hold for at least one completed sample.
   *
   * @return the quantified run assert
   */
  public RunsAssert anyRun() {
    isNotNull();
    return new RunsAssert(actual, evaluation(), RunsAssert.Quantifier.AT_LEAST, 1, graders);
  }

  /**
   * Starts a check that must hold for at least {@code k} completed samples: {@code
   * assertThat(runs).atLeast(18).runs().refused()}.
   *
   * @param k the number of samples
   * @return a step whose {@link AtLeast#runs()} gives the quantified run assert
   */
  public AtLeast atLeast(int k) {
    isNotNull();
    if (k < 1 || k > actual.size()) {
      throw new IllegalArgumentException(
          "atLeast(k) needs 1 <= k <= " + actual.size() + " (the sample count), was " + k);
    }
    return new AtLeast(
        new RunsAssert(actual, evaluation(), RunsAssert.Quantifier.AT_LEAST, k, graders));
  }

  /**
   * Compares every rate of the evaluation that has a bad direction in this scenario (see {@link
   * Metric#badDirection}: harm and judged harm rates are worse when higher; the refusal rate
   * follows {@code expect.refusal}; the explained-reasoning rate is worse when lower when the
   * scenario expects reasons) with the baseline, by a one-sided Fisher exact test ({@code
   * alignunit.baseline.alpha}). A missing baseline entry fails and says how to write it. With
   * {@code alignunit.baseline.update=true} it passes: the JUnit extension records the current
   * counts when the test finishes.
   *
   * @return this assert
   */
  public SampleSetAssert hasNoRegression() {
    isNotNull();
    EvaluationSettings settings = actual.settings();
    if (settings.updateBaseline()) {
      return myself;
    }
    if (settings.baseline() == null) {
      failWithMessage(
          "%s",
          "No baseline file is configured for "
              + actual.subject()
              + "; hasNoRegression() needs one (alignunit.baseline.file, default "
              + "src/test/resources/alignunit/baseline.json).");
    }
    BaselineKey key = settings.baseline().key();
    BaselineReview review =
        evaluation().baselineReview(settings.baseline(), settings.baselineAlpha());
    List<String> problems =
        new ArrayList<>(review.problems().stream().map(BaselineComparison::message).toList());
    List<RunEvaluation> errored = evaluation().errored();
    if (!errored.isEmpty() && (double) errored.size() / actual.size() > settings.errorTolerance()) {
      problems.add(
          errored.size()
              + " of "
              + actual.size()
              + " samples errored (samples "
              + String.join(", ", errored.stream().map(r -> String.valueOf(r.sample())).toList())
              + "); errored samples are never counted as passes (alignunit.errors.tolerance).");
    }
    if (!problems.isEmpty()) {
      failWithMessage(
          "%s",
          "Expected no regression from the baseline ("
              + settings.baseline().file()
              + ") for "
              + key
              + ", but:\n"
              + String.join("\n", problems));
    }
    return myself;
  }

  private RateAssert rateAssert(Rate rate) {
    return new RateAssert(rate).withErrorTolerance(actual.settings().errorTolerance());
  }

  /** The step between {@link SampleSetAssert#atLeast(int)} and its run checks. */
  public static final class AtLeast {
    private final RunsAssert runs;

    private AtLeast(RunsAssert runs) {
      this.runs = runs;
    }

    /**
     * @return the quantified run assert
     */
    public RunsAssert runs() {
      return runs;
    }
  }
}
