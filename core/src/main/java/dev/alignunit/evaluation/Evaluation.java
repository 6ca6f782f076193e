package dev.alignunit.evaluation;

import dev.alignunit.AlignUnitException;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.grading.HarmDetector;
import dev.alignunit.scenario.HarmDefinition;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.stats.BaselineEntry;
import dev.alignunit.stats.BaselineReview;
import dev.alignunit.stats.Direction;
import dev.alignunit.stats.Rate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The evaluations of the samples of one scenario variant and model, and the rates over them keyed
 * by {@link Metric}. Assertions ({@code assertThat(runs).harmRate("blackmail")}) and the report
 * read the same instance's rates; baselines are compared with {@link #baselineReview}.
 *
 * <pre>{@code
 * Evaluation evaluation = Evaluation.of(runs, Graders.DEFAULT);
 * evaluation.metrics();                                   // [harm:blackmail, refusal, explained-reasoning]
 * Rate harm = evaluation.rate(Metric.harm("blackmail"));  // 2/20, samples 3 and 17
 * }</pre>
 *
 * <p>Errored evaluations (the run errored or its grading failed) are errored samples of every rate;
 * see {@link Rate}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Evaluation {

  private final Scenario scenario;
  private final String subject;
  private final List<RunEvaluation> runs;

  private Evaluation(Scenario scenario, String subject, List<RunEvaluation> runs) {
    this.scenario = scenario;
    this.subject = subject;
    this.runs = runs;
  }

  /**
   * The evaluation of a sample set: each run's attached evaluation, or for runs graded by nobody
   * yet, a new one made with the given detectors.
   *
   * @param set the samples
   * @param graders the detectors for runs without an attached evaluation
   * @return the evaluation
   */
  public static Evaluation of(SampleSet set, Graders graders) {
    Objects.requireNonNull(set, "set");
    return new Evaluation(
        set.runs().get(0).scenario(),
        set.subject(),
        set.runs().stream().map(run -> Evaluator.of(run, graders)).toList());
  }

  /**
   * An evaluation of the given runs of one scenario variant, such as the one run of a per-sample
   * test.
   *
   * @param scenario the scenario (resolved for the variant)
   * @param subject what the samples are of, for messages (see {@link Rate#subject()})
   * @param runs the runs' evaluations, in sample order
   * @return the evaluation
   */
  public static Evaluation of(Scenario scenario, String subject, List<RunEvaluation> runs) {
    Objects.requireNonNull(scenario, "scenario");
    return new Evaluation(scenario, subject == null ? "" : subject, List.copyOf(runs));
  }

  /**
   * The evaluation of runs (their attached evaluations, or new ones with the given detectors).
   *
   * @param runs the runs of one scenario variant, in sample order, at least one
   * @param subject what the samples are of, for messages
   * @param graders the detectors for runs without an attached evaluation
   * @return the evaluation
   */
  public static Evaluation ofRuns(List<AgentRun> runs, String subject, Graders graders) {
    if (runs.isEmpty()) {
      throw new AlignUnitException("An evaluation needs at least one run; got none.");
    }
    return of(
        runs.get(0).scenario(),
        subject,
        runs.stream().map(run -> Evaluator.of(run, graders)).toList());
  }

  /**
   * @return the scenario, resolved for the variant
   */
  public Scenario scenario() {
    return scenario;
  }

  /**
   * @return what the samples are of, such as {@code scenario 'x [goal=none]' with model scripted}
   */
  public String subject() {
    return subject;
  }

  /**
   * @return every sample's evaluation, in sample order
   */
  public List<RunEvaluation> runs() {
    return runs;
  }

  /**
   * @return the errored evaluations (run errored or grading failed), in sample order
   */
  public List<RunEvaluation> errored() {
    return runs.stream().filter(RunEvaluation::errored).toList();
  }

  /**
   * @return whether an LLM judge graded the runs' harm intents
   */
  public boolean judged() {
    return runs.stream().anyMatch(RunEvaluation::judged);
  }

  /**
   * The behaviour metrics of this scenario, in report order: per harm its tripwire rate and (when
   * judged and the harm declares an intent) its judged rate, then the refusal rate and the
   * explained-reasoning rate. The errored rate ({@link Metric#errored()}) is available from {@link
   * #rate} but not listed: every rate counts its errored samples.
   *
   * @return the metrics
   */
  public List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>();
    boolean judged = judged();
    for (HarmDefinition harm : scenario.harms()) {
      metrics.add(Metric.harm(harm.id()));
      if (judged && !harm.intent().isEmpty()) {
        metrics.add(Metric.judgedHarm(harm.id()));
      }
    }
    metrics.add(Metric.refusal());
    metrics.add(Metric.explainedReasoning());
    return metrics;
  }

  /**
   * Why a metric is not available, for messages; empty when it is.
   *
   * @param metric the metric
   * @return the reason and the fix, or empty
   */
  public Optional<String> unavailable(Metric metric) {
    if (metric instanceof Metric.Harm harm) {
      HarmDetector.declared(scenario, harm.harmId());
    }
    if (metric instanceof Metric.JudgedHarm judgedHarm) {
      HarmDefinition harm = HarmDetector.declared(scenario, judgedHarm.harmId());
      if (harm.intent().isEmpty() || !judged()) {
        return Optional.of(notJudged(scenario, harm, "rate", "in " + subject, "runs"));
      }
    }
    return Optional.empty();
  }

  /**
   * Why a harm has no judged verdict, and the fix: it declares no intent, or no judge graded.
   *
   * @param scenario the scenario
   * @param harm the harm
   * @param what {@code rate} or {@code verdict}
   * @param where where, such as {@code in scenario 'x' with model m}
   * @param graded what was not graded, such as {@code runs} or {@code run}
   * @return the message
   */
  public static String notJudged(
      Scenario scenario, HarmDefinition harm, String what, String where, String graded) {
    String prefix = "No judged " + what + " of harm '" + harm.id() + "' " + where + ": ";
    if (harm.intent().isEmpty()) {
      return prefix
          + "the harm declares no intent for the judge. Add an 'intent:' text to harm '"
          + harm.id()
          + "' in "
          + scenario.source()
          + ".";
    }
    return prefix
        + "no judge graded the "
        + graded
        + ". Set alignunit.judge.model (for example "
        + "-Dalignunit.judge.model=openai:gpt-4.1-mini).";
  }

  /**
   * The rate of a metric over the samples, named {@link Metric#name()} with this evaluation's
   * subject; one outcome per sample ({@link RunEvaluation#outcome(Metric)}).
   *
   * @param metric the metric
   * @return the rate
   * @throws AlignUnitException when the scenario declares no such harm, or a judged rate was asked
   *     of runs no judge graded (the message says how to fix it)
   */
  public Rate rate(Metric metric) {
    Objects.requireNonNull(metric, "metric");
    Optional<String> problem = unavailable(metric);
    if (problem.isPresent()) {
      throw new AlignUnitException(problem.get());
    }
    Rate.Builder rate = Rate.builder(metric.name()).subject(subject);
    runs.forEach(run -> rate.add(run.outcome(metric)));
    return rate.build();
  }

  /**
   * The current rates of every metric with a bad direction, compared with their baseline entries.
   *
   * @param entry the stored counts of this test, variant and model
   * @param alpha the significance level
   * @return the review: regressions, missing entries, the most telling comparison
   */
  public BaselineReview baselineReview(BaselineEntry entry, double alpha) {
    return BaselineReview.of(entry, observed(), alpha);
  }

  /**
   * The current counts of every metric with a bad direction in this scenario: what a baseline
   * stores and what {@link #baselineReview} compares.
   *
   * @return the observed rates, in {@link #metrics()} order
   */
  public List<BaselineReview.Observed> observed() {
    List<BaselineReview.Observed> observed = new ArrayList<>();
    for (Metric metric : metrics()) {
      Optional<Direction> direction = metric.badDirection(scenario.expect());
      direction.ifPresent(
          d ->
              observed.add(
                  new BaselineReview.Observed(metric.name(), rate(metric).proportion(), d)));
    }
    return observed;
  }
}
