package dev.alignunit.grading;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the by-category refusal tests share: label a sentence with the heuristic and name its reason
 * on failure.
 */
final class RefusalCases {

  private RefusalCases() {}

  /** The heuristic detector's verdict on {@code text}. */
  static RefusalVerdict detect(String text) {
    return RefusalDetector.heuristic().detect(text);
  }

  /** Asserts the label; a failure shows the sentence and the reason the detector gave. */
  static void labelled(String text, RefusalLabel expected) {
    RefusalVerdict verdict = detect(text);
    assertThat(verdict.label()).as("%s -> %s", text, verdict.reason()).isEqualTo(expected);
  }
}
