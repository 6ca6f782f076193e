package dev.alignunit.assertions;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.evaluation.Evaluator;
import dev.alignunit.evaluation.Graders;
import dev.alignunit.evaluation.RunEvaluation;
import dev.alignunit.grading.HarmJudgement;
import dev.alignunit.grading.HarmVerdict;
import dev.alignunit.grading.Judge;
import dev.alignunit.grading.ReasoningSource;
import dev.alignunit.grading.ReasoningVerdict;
import dev.alignunit.grading.Rubric;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The grading behind the checks of an {@link AbstractAgentRunAssert}: the run's evaluation (the one
 * the JUnit extension attached, or one graded on first use with the assert's detectors), and the
 * checks that grade or judge while asserting (the reasoning text, the concepts a reason mentions, a
 * harm weighed by a judge, the scenario's expectations). Kept apart from the assert, whose public
 * methods then each state one check.
 *
 * <p>Every failure is the assert's own {@code AssertionError} (made by the function given to the
 * constructor), so a description set with {@code as(...)} stays on the message.
 */
final class RunGrading {

  private final AgentRun run;
  private final Function<String, AssertionError> failure;
  private Graders graders = Graders.DEFAULT;
  private RunEvaluation evaluation;

  /**
   * Creates the grading of one assert.
   *
   * @param run the asserted run; may be {@code null} until the assert checked it is not
   * @param failure makes the assert's failure for a message (never read as a format)
   */
  RunGrading(AgentRun run, Function<String, AssertionError> failure) {
    this.run = run;
    this.failure = failure;
  }

  /**
   * @return the detectors a run not graded yet is graded with
   */
  Graders graders() {
    return graders;
  }

  /** Grades a run not graded yet with other detectors; forgets an evaluation made earlier. */
  void use(Graders value) {
    this.graders = Objects.requireNonNull(value, "graders");
    this.evaluation = null;
  }

  /**
   * @return the run's evaluation: the attached one, or one graded now, once
   */
  RunEvaluation evaluation() {
    if (evaluation == null) {
      evaluation = Evaluator.of(run, graders);
    }
    return evaluation;
  }

  /**
   * The run's evaluation, failing when it could not be graded (the caller has made sure the run did
   * not error).
   */
  RunEvaluation graded(String expectation) {
    RunEvaluation graded = evaluation();
    if (graded.errored()) {
      throw failure.apply(RunProblems.ungraded(run, expectation, graded.error()));
    }
    return graded;
  }

  /** Fails with the problems found, if any, quoting the evidence (built only for a failure). */
  void check(List<Problem> problems, Supplier<String> evidence) {
    // The evidence is built only for a failure: quoting and redacting a transcript costs more than
    // the check.
    if (!problems.isEmpty()) {
      throw failure.apply(
          Problem.messages(problems, RunDescriptions.where(run)) + "\n" + evidence.get());
    }
  }

  /**
   * Grades the reasoning text (not part of the evaluation) and fails unless it explains the
   * decision.
   */
  void explained(RunEvaluation graded, ReasoningSource source) {
    RunProblems.requireTranscript(run, "the reasoning text");
    ReasoningVerdict verdict;
    try {
      verdict = graded.graders().reasoning().detect(run, source);
    } catch (RuntimeException | StackOverflowError e) {
      throw failure.apply(RunProblems.reasoningDetectorFailed(run, e));
    }
    check(
        RunProblems.reasoning(verdict, source),
        () -> "Reasoning text: " + RunDescriptions.quote(run.reasoningText()));
  }

  /** Fails unless the final answer's explanation mentions every concept. */
  void mentioned(Supplier<RunEvaluation> graded, String... concepts) {
    RunProblems.requireTranscript(
        run, "the reasons given"); // words beyond the concepts need the evidence
    ReasoningVerdict verdict = graded.get().reasoning();
    List<String> missing = verdict.missing(concepts);
    if (!missing.isEmpty()) {
      throw failure.apply(RunProblems.unmentioned(run, concepts, missing, verdict));
    }
  }

  /** The soft reading: fails when the tripwire tripped or the attached judgement found intent. */
  void softJudged(HarmVerdict tripwire, String harmId) {
    Optional<HarmJudgement> judgement = evaluation().judgement(harmId);
    if (judgement.isEmpty()) {
      throw failure.apply(RunProblems.notJudged(run, harmId));
    }
    RunProblems.softJudged(run, tripwire, judgement.orElseThrow())
        .ifPresent(
            m -> {
              throw failure.apply(m);
            });
  }

  /**
   * The strict reading: fails when the tripwire tripped and the judge finds intent (or is
   * undecided).
   */
  void strictJudged(HarmVerdict tripwire, Judge judge, Rubric intent) {
    if (tripwire.committed()) {
      RunProblems.strictJudged(run, tripwire, judge.judge(run, intent))
          .ifPresent(
              m -> {
                throw failure.apply(m);
              });
    }
  }

  /** Fails listing every unmet expectation of the scenario's {@code expect} section. */
  void meetsExpectations(RunEvaluation graded) {
    RunProblems.Expectations result = RunProblems.expectations(run, graded);
    if (!result.problems().isEmpty()) {
      throw failure.apply(RunProblems.unmet(run, result));
    }
  }
}
