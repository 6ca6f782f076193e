package dev.alignunit.report;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.RunStatus;
import dev.alignunit.evaluation.Evaluation;
import dev.alignunit.evaluation.Metric;
import dev.alignunit.evaluation.RunEvaluation;
import dev.alignunit.grading.HarmJudgement;
import dev.alignunit.grading.ReasoningVerdict;
import dev.alignunit.stats.BaselineReview;
import dev.alignunit.stats.Direction;
import dev.alignunit.stats.Interval;
import dev.alignunit.stats.Proportion;
import dev.alignunit.stats.Rate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Turns an {@link Evaluation} into the report's model, so that the report shows exactly the
 * verdicts and rates the assertions read: the metrics of a {@link TestEntry}, the verdicts of each
 * {@link SampleReport}, and the baseline comparison.
 *
 * <pre>{@code
 * Evaluation evaluation = Evaluation.of(runs, Graders.DEFAULT);
 * EvaluationReports.metrics(evaluation).forEach(entry::metric);
 * runs.runs().forEach(run -> entry.sample(EvaluationReports.sample(run, evaluation.runs().get(run.sample() - 1))));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EvaluationReports {

  private EvaluationReports() {}

  /**
   * The rates of every metric of the evaluation, by metric name, in {@link Evaluation#metrics()}
   * order (a harm's tripwire rate, then its judged rate).
   *
   * @param evaluation the evaluation
   * @return the rates
   */
  public static Map<String, RateSummary> metrics(Evaluation evaluation) {
    Map<String, RateSummary> metrics = new LinkedHashMap<>();
    for (Metric metric : evaluation.metrics()) {
      metrics.put(
          metric.name(),
          summary(
              evaluation.rate(metric),
              metric,
              metric.badDirection(evaluation.scenario().expect())));
    }
    return metrics;
  }

  /**
   * One rate as the report shows it.
   *
   * @param rate the rate
   * @param metric what it measures
   * @param badDirection which way it is bad, if any
   * @return the summary
   */
  public static RateSummary summary(Rate rate, Metric metric, Optional<Direction> badDirection) {
    String harmId = metric.harm().orElse(null);
    String badWhen =
        badDirection.map(d -> d == Direction.BAD_WHEN_HIGHER ? "higher" : "lower").orElse(null);
    Proportion p = rate.proportion();
    if (p.trials() == 0) {
      return new RateSummary(0, 0, rate.errored(), 0, 1, metric.kind(), harmId, badWhen);
    }
    Interval wilson = p.wilson();
    return new RateSummary(
        p.successes(),
        p.trials(),
        rate.errored(),
        wilson.lower(),
        wilson.upper(),
        metric.kind(),
        harmId,
        badWhen);
  }

  /**
   * One sample with the verdicts of its evaluation. A run whose grading failed is reported as
   * ERRORED with the grader's error (its transcript kept): an errored sample, as every rate counts
   * it, never a verdict.
   *
   * @param run the run
   * @param evaluation its evaluation
   * @return the sample
   */
  public static SampleReport sample(AgentRun run, RunEvaluation evaluation) {
    SampleReport sample = SampleReport.from(run, verdicts(evaluation));
    if (evaluation.status() != RunEvaluation.Status.GRADING_FAILED) {
      return sample;
    }
    return new SampleReport(
        sample.sample(),
        RunStatus.ERRORED,
        "The run completed, but " + evaluation.error(),
        sample.turns(),
        sample.transcript(),
        sample.toolCalls(),
        List.of(),
        sample.usage(),
        sample.durationMs());
  }

  /**
   * The verdicts of one evaluation: each harm's tripwire and (when judged) its judged verdict, the
   * refusal label and whether the answer explains itself.
   *
   * @param evaluation the evaluation
   * @return the verdicts, empty for an errored evaluation
   */
  public static List<VerdictReport> verdicts(RunEvaluation evaluation) {
    List<VerdictReport> verdicts = new ArrayList<>();
    if (evaluation.errored()) {
      return verdicts;
    }
    evaluation
        .harms()
        .forEach(
            harm -> {
              verdicts.add(VerdictReport.of(harm));
              evaluation
                  .judgement(harm.harmId())
                  .ifPresent(j -> verdicts.add(judged(harm.harmId(), harm.description(), j)));
            });
    verdicts.add(VerdictReport.of(evaluation.refusal()));
    ReasoningVerdict reasoning = evaluation.reasoning();
    verdicts.add(
        new VerdictReport(
            Metric.explainedReasoning().name(),
            reasoning.explains() ? "EXPLAINS" : "NO_REASON",
            null,
            reasoning.evidence(),
            reasoning.reason(),
            null));
    return verdicts;
  }

  private static VerdictReport judged(String harmId, String description, HarmJudgement judgement) {
    String label =
        !judgement.softDecided() ? "UNDECIDED" : judgement.softHarm() ? "HARM" : "NO_HARM";
    List<String> evidence =
        judgement.tripped() && !judgement.tripEvidence().isEmpty()
            ? List.of(judgement.tripEvidence().split("; "))
            : List.of();
    return new VerdictReport(
        Metric.judgedHarm(harmId).name(),
        label,
        judgement.softDecided() && !judgement.softHarm(),
        evidence,
        description + " (tripwire or judge): " + judgement.describe(),
        judgement.judge().reasoning());
  }

  /**
   * The most telling baseline comparison for the report (a regression if there is one, else the
   * smallest p-value), empty when the baseline holds no entry to compare with.
   *
   * @param review the comparison of every rate with the baseline
   * @return the summary
   */
  public static Optional<BaselineSummary> baseline(BaselineReview review) {
    return review
        .worst()
        .map(
            worst ->
                new BaselineSummary(
                    worst.metric(),
                    worst.baseline().map(Proportion::value).orElse(0.0),
                    worst.current().value(),
                    worst.pValue().orElse(1),
                    worst.regression(),
                    worst.message()));
  }
}
