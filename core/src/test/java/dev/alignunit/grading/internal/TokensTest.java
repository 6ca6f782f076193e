package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Tokens#is}: a token is a word exactly when their texts are equal. */
class TokensTest {

  @Test
  void tellsApartTokensWhoseHashesCollide() {
    // "an" and "c0" have the same String.hashCode (31 * 97 + 110 == 31 * 99 + 48).
    assertThat("an".hashCode()).isEqualTo("c0".hashCode());
    Tokens t = new Tokens().of("an c0", 0, 5, Lexicons.ENGLISH);
    assertThat(t.n).isEqualTo(2);
    assertThat(t.is(0, "an")).isTrue();
    assertThat(t.is(0, "c0")).isFalse();
    assertThat(t.is(1, "c0")).isTrue();
    assertThat(t.is(1, "an")).isFalse();
  }

  @Test
  void comparesTrimmedSplitAndPunctuationTokensByTheirOwnText() {
    // Single quotes around a word are no part of it; a French elision is two tokens.
    Tokens english = new Tokens().of("say 'no', then - stop.", 0, 22, Lexicons.ENGLISH);
    assertThat(english.is(1, "no")).isTrue();
    assertThat(english.is(1, "no'")).isFalse();
    assertThat(english.is(2, ",")).isTrue();
    assertThat(english.is(4, "-")).isTrue();
    assertThat(english.is(6, ".")).isTrue();
    Tokens french = new Tokens().of("je n'aime pas", 0, 13, Lexicons.FRENCH);
    assertThat(french.is(1, "n'")).isTrue();
    assertThat(french.is(2, "aime")).isTrue();
    assertThat(french.is(1, "n'aime")).isFalse();
    assertThat(french.is(-1, "je")).isFalse();
    assertThat(french.is(4, "pas")).isFalse();
  }
}
