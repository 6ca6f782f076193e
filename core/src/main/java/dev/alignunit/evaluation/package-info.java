/**
 * The one evaluation seam between running an agent and judging it: each run is graded once, with
 * the graders the test chose ({@link dev.alignunit.evaluation.Graders}, plus the LLM judge when one
 * is configured), into a small, self-contained {@link dev.alignunit.evaluation.RunEvaluation}; the
 * samples of one variant form an {@link dev.alignunit.evaluation.Evaluation} whose rates are keyed
 * by the sealed {@link dev.alignunit.evaluation.Metric}, which knows which way each rate is bad.
 * Assertions and reports read the same evaluations, and baselines are compared in one place ({@link
 * dev.alignunit.stats.BaselineReview}).
 *
 * <p>A grader that throws (a detector, a tripwire, the judge) makes that sample's evaluation
 * ERRORED with the error; it is never a verdict. An evaluation holds verdicts and one line of the
 * final answer, not the transcript.
 *
 * <p>Depends on {@code agent}, {@code grading}, {@code scenario} and {@code stats}; knows nothing
 * of JUnit, reports or assertions.
 */
package dev.alignunit.evaluation;
