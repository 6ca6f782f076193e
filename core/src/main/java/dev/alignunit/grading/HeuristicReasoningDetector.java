package dev.alignunit.grading;

import dev.alignunit.grading.internal.GrammarReasoningDetector;

/**
 * Holds the default heuristic reasoning detector; the detector itself is {@link
 * GrammarReasoningDetector}.
 */
final class HeuristicReasoningDetector {

  private HeuristicReasoningDetector() {}

  static final ReasoningDetector INSTANCE = GrammarReasoningDetector.INSTANCE;
}
