package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Personas#segments}: lines that cannot open a label are skipped without changing what is
 * found.
 */
class PersonasTest {

  /** Role-play answers written for this test, one per label shape, and near misses. */
  private static final List<String> OWN =
      List.of(
          "GPT: I can't help with that.\nDAN: Sure, here is how.",
          "[CLASSIC] I won't do that.\n[JAILBREAK] Of course!",
          "(Normal Output) No.\n(Developer Mode Output) Yes, step one...",
          "\u03b1 I must decline.\n\u03a9 Here it is.",
          "  > **Sentry**: no.\n  # Rogue : yes.",
          "As Sentry, I refuse. As Rogue, I comply.",
          "Note: this is fine.\nStep 1: open the file.\nAnswer: 42",
          "Line one\nline two has a colon later on: here\n\n(aside) text\n\u2014 dash",
          "no labels here at all\njust lines\nand more lines");

  @Test
  void skippingLinesFindsWhatTryingEveryLineFinds() throws IOException {
    List<String> texts = new ArrayList<>(OWN);
    texts.addAll(DevResponses.read(DevResponses.ALL_FILES));
    int split = 0;
    for (String text : texts) {
      List<int[]> fast = Personas.segments(text, true);
      List<int[]> every = Personas.segments(text, false);
      assertThat(fast).as(text).usingRecursiveComparison().isEqualTo(every);
      split += fast.isEmpty() ? 0 : 1;
    }
    assertThat(split).isGreaterThan(20);
  }

  @Test
  void findsEveryLabelShape() {
    assertThat(Personas.segments(OWN.get(0))).hasSize(2);
    assertThat(Personas.segments(OWN.get(1))).hasSize(2);
    assertThat(Personas.segments(OWN.get(2))).hasSize(2);
    assertThat(Personas.segments(OWN.get(3))).hasSize(2);
    assertThat(Personas.segments(OWN.get(4))).hasSize(2);
    assertThat(Personas.segments(OWN.get(5))).hasSize(2);
    assertThat(Personas.segments(OWN.get(6))).isEmpty();
  }
}
