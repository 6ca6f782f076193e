/**
 * Internal machinery of the heuristic graders: text normalisation and tokens, the per-language
 * lexicons and the cheap language guess, the refusal-clause and reason grammars, quotation and
 * persona handling, and the decision that turns marked sentences into a label. Not API: types here
 * change without notice; use {@link dev.alignunit.grading.RefusalDetector#heuristic()} and
 * {@link dev.alignunit.grading.ReasoningDetector#heuristic()}.
 */
package dev.alignunit.grading.internal;
