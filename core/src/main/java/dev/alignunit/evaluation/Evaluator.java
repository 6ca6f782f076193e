package dev.alignunit.evaluation;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.grading.HarmDetector;
import dev.alignunit.grading.HarmVerdict;
import dev.alignunit.grading.Judge;
import dev.alignunit.grading.JudgeVerdict;
import dev.alignunit.grading.ReasoningVerdict;
import dev.alignunit.grading.RefusalVerdict;
import dev.alignunit.grading.Rubric;
import dev.alignunit.grading.Rubrics;
import dev.alignunit.grading.internal.AnswerReading;
import dev.alignunit.grading.internal.GrammarReasoningDetector;
import dev.alignunit.grading.internal.GrammarRefusalDetector;
import dev.alignunit.recording.RecordingException;
import dev.alignunit.scenario.HarmDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Grades runs once into {@link RunEvaluation}s: every harm's tripwire, the refusal and reasoning
 * detectors of its {@link Graders} and, with a {@link Judge}, the intent rubric of every harm that
 * declares an {@code intent} ({@code Rubrics.intentOf(harm)}). The JUnit extension grades every run
 * this way as soon as it finishes and attaches the result to the run ({@link AgentRun#tag(Class)});
 * code that runs agents itself can do the same:
 *
 * <pre>{@code
 * SampleSet graded = Evaluator.of(Graders.DEFAULT).withJudge(Judge.of(graderModel)).graded(samples);
 * assertThat(graded).harmRate("blackmail").judged().isZero();
 * }</pre>
 *
 * <p><b>Never throws for a grader's fault.</b> A tripwire, detector or judge that throws (a {@code
 * GradingException}, a stack overflow in a regular expression, a bug) makes the run's evaluation
 * {@link RunEvaluation.Status#GRADING_FAILED} with the grader and the error: an errored sample,
 * never a verdict. An INCONCLUSIVE or ERROR judge verdict is kept as it is and makes only that
 * harm's judged outcome errored. A {@link RecordingException} of the judge's recorded grader is
 * thrown instead: a stale recording fails the test (with the command that re-records it), as the
 * agent's does, and is never counted as an undecided judge.
 *
 * <p>Immutable; thread-safe when its graders and judge are.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Evaluator {

  private static final Evaluator DEFAULTS = new Evaluator(Graders.DEFAULT, null);

  private final Graders graders;
  private final Judge judge;

  private Evaluator(Graders graders, Judge judge) {
    this.graders = Objects.requireNonNull(graders, "graders");
    this.judge = judge;
  }

  /**
   * @return an evaluator with the built-in heuristic detectors and no judge
   */
  public static Evaluator defaults() {
    return DEFAULTS;
  }

  /**
   * An evaluator with the given detectors and no judge.
   *
   * @param graders the detectors
   * @return the evaluator
   */
  public static Evaluator of(Graders graders) {
    return new Evaluator(graders, null);
  }

  /**
   * A copy that also judges the intent of every harm declaring one.
   *
   * @param value the judge, or {@code null} for none
   * @return the copy
   */
  public Evaluator withJudge(Judge value) {
    return new Evaluator(graders, value);
  }

  /**
   * @return the detectors
   */
  public Graders graders() {
    return graders;
  }

  /**
   * @return the judge of harm intents, if any
   */
  public Optional<Judge> judge() {
    return Optional.ofNullable(judge);
  }

  /**
   * Grades one run.
   *
   * @param run the run
   * @return its evaluation; errored when the run errored or a grader threw
   * @throws RecordingException when the judge's recording cannot answer its request
   */
  public RunEvaluation evaluate(AgentRun run) {
    Objects.requireNonNull(run, "run");
    boolean judged = judge != null;
    if (run.errored()) {
      return RunEvaluation.failed(
          run.sample(),
          RunEvaluation.Status.RUN_ERRORED,
          runError(run),
          graders,
          judged,
          run.finalText());
    }
    String grader = "the harm tripwires";
    HarmDefinition tripwire = null; // named only when it fails: no message built per sample
    try {
      List<HarmVerdict> harms = new ArrayList<>();
      for (HarmDefinition harm : run.scenario().harms()) {
        tripwire = harm;
        harms.add(
            Objects.requireNonNull(
                HarmDetector.evaluate(run, harm), "the tripwire returned no verdict"));
      }
      tripwire = null;
      grader = "the refusal detector";
      // The built-in detectors share one reading of the answer (normalised text, language).
      AnswerReading answer =
          graders.refusal() instanceof GrammarRefusalDetector
                  && graders.reasoning() instanceof GrammarReasoningDetector
              ? AnswerReading.of(run.finalText())
              : null;
      RefusalVerdict refusal =
          Objects.requireNonNull(
              answer == null
                  ? graders.refusal().detect(run)
                  : ((GrammarRefusalDetector) graders.refusal()).detect(run, answer),
              "the detector returned null");
      grader = "the reasoning detector";
      ReasoningVerdict reasoning =
          Objects.requireNonNull(
              answer == null
                  ? graders.reasoning().detect(run)
                  : ((GrammarReasoningDetector) graders.reasoning()).detect(answer),
              "the detector returned null");
      Map<String, JudgeVerdict> intent = new LinkedHashMap<>();
      if (judge != null) {
        for (HarmDefinition harm : run.scenario().harms()) {
          Optional<Rubric> rubric = Rubrics.intentOf(harm);
          if (rubric.isPresent()) {
            grader = "the intent judge of harm '" + harm.id() + "'";
            intent.put(
                harm.id(),
                Objects.requireNonNull(judge.judge(run, rubric.get()), "the judge returned null"));
          }
        }
      }
      return new RunEvaluation(
          run.sample(),
          RunEvaluation.Status.GRADED,
          "",
          graders,
          judged,
          harms,
          intent,
          refusal,
          reasoning,
          answer != null ? answer.text() : run.finalText());
    } catch (RecordingException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      return RunEvaluation.failed(
          run.sample(),
          RunEvaluation.Status.GRADING_FAILED,
          "grading failed in "
              + (tripwire != null ? "the tripwire of harm '" + tripwire.id() + "'" : grader)
              + ": "
              + describe(e),
          graders,
          judged,
          run.finalText());
    }
  }

  /**
   * Grades a run and attaches the evaluation to it.
   *
   * @param run the run
   * @return a copy of the run tagged with its {@link RunEvaluation}
   */
  public AgentRun graded(AgentRun run) {
    return run.withTag(RunEvaluation.class, evaluate(run));
  }

  /**
   * Grades every sample of a set and attaches each evaluation to its run.
   *
   * @param set the samples
   * @return a copy of the set (same settings) whose runs are tagged with their evaluations
   */
  public SampleSet graded(SampleSet set) {
    return SampleSet.of(set.runs().stream().map(this::graded).toList())
        .withSettings(set.settings());
  }

  /**
   * The evaluation attached to a run, or a new one made with the given detectors (and no judge)
   * when none is attached.
   *
   * @param run the run
   * @param graders the detectors for a run that is not graded yet
   * @return the evaluation
   */
  public static RunEvaluation of(AgentRun run, Graders graders) {
    return run.tag(RunEvaluation.class).orElseGet(() -> of(graders).evaluate(run));
  }

  private static String runError(AgentRun run) {
    return run.error().map(Evaluator::describe).orElse("errored without an exception");
  }

  private static String describe(Throwable e) {
    return dev.alignunit.agent.SummarizedError.describe(e);
  }
}
