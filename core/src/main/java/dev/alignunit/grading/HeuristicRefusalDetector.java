package dev.alignunit.grading;

import dev.alignunit.grading.internal.GrammarRefusalDetector;
import dev.alignunit.grading.internal.Tuning;
import java.util.Set;

/**
 * Holds the default heuristic refusal detector; the detector itself is {@link
 * GrammarRefusalDetector}.
 */
final class HeuristicRefusalDetector {

  private HeuristicRefusalDetector() {}

  static final RefusalDetector DEFAULT =
      new GrammarRefusalDetector(BuiltInPhrases.ALL, Set.of(), Tuning.DEFAULT);
}
