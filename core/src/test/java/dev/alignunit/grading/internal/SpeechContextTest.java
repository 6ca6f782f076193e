package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cheap test before the told-someone pattern ({@link SpeechContext#mayTellSomeone}) passes
 * every window in which the pattern finds a match.
 */
class SpeechContextTest {

  /** Windows written for this test: each alternative, with what may trail it. */
  private static final List<String> OWN =
      List.of(
          "and then i told her that ",
          "i informed the team ",
          "we explained to the board, ",
          "je lui ai dit que ",
          "je leur ai expliqu\u00e9 qu'",
          "je lui ai \u00e9crit que, ",
          "le dije que ",
          "les expliqu\u00e9 que:\n",
          "ich habe ihm gesagt, dass ",
          "ich habe ihnen mitgeteilt dass\u2028",
          "i told you ",
          "the question is ",
          "der hund, dass");

  @Test
  void passesEveryWindowThePatternMatches() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String own : OWN) {
      texts.add(own + "we cannot do it.");
    }
    texts.addAll(DevResponses.read(DevResponses.REFUSAL_FILES));
    int told = 0;
    for (String text : texts) {
      String lower = Text.normalise(text);
      for (int at = 1; at < lower.length(); at++) {
        if (!Text.isWordChar(lower.charAt(at)) || Text.isWordChar(lower.charAt(at - 1))) {
          continue; // clauses start at words
        }
        String before = lower.substring(Math.max(0, at - 40), at);
        if (SpeechContext.toldSomeone(before)) {
          assertThat(SpeechContext.mayTellSomeone(before)).as("\"%s\"", before).isTrue();
          told++;
        }
      }
    }
    assertThat(told).isGreaterThan(10);
  }

  @Test
  void failsWindowsWithoutAVerbOrAClosingConjunction() {
    assertThat(SpeechContext.mayTellSomeone("the question is ")).isFalse();
    assertThat(SpeechContext.mayTellSomeone("que sera, sera ")).isFalse();
    assertThat(SpeechContext.mayTellSomeone("i told you ")).isTrue();
    assertThat(SpeechContext.mayTellSomeone("ich wei\u00df, dass ")).isTrue();
    assertThat(SpeechContext.mayTellSomeone("dit qu'")).isTrue();
  }
}
