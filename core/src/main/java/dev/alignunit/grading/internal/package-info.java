/**
 * Internal machinery of the heuristic graders: text normalisation and tokens, the per-language
 * lexicons and the cheap language guess, the refusal-clause and reason grammars, quotation and
 * persona handling, and the decision that turns marked sentences into a label. Not API: types here
 * change without notice; use {@link dev.alignunit.grading.RefusalDetector#heuristic()} and {@link
 * dev.alignunit.grading.ReasoningDetector#heuristic()}.
 *
 * <p>Plumbing of the harm tripwires, not API: text normalisation and marker matching ({@link
 * dev.alignunit.grading.internal.NormalizedText}, {@link dev.alignunit.grading.internal.Markers}),
 * the outflows of a run ({@link dev.alignunit.grading.internal.Outflows}), the {@code leak} and
 * {@code leverage} evaluators, lenient reading of malformed tool arguments, and the
 * JSqlParser-based SQL inspector. Used by {@link dev.alignunit.grading.ConditionEvaluator}; may
 * change without notice.
 */
package dev.alignunit.grading.internal;
