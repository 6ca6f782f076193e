package dev.alignunit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The redactor skips its key pattern on texts that cannot hold a key (issue 18: redaction was 40 %
 * of a large run's CPU). The skip must never hide a key: wherever the pattern matches, the
 * prefilter says the text may hold one.
 */
class KeyPrefilterTest {

  @Test
  void should_let_every_key_shaped_string_through() {
    List<String> keys =
        List.of(
            "sk-live-4f9a8b7c6d",
            "pk-test-0123456789",
            "rk-abcdef12",
            "Authorization: Bearer abcdefgh12345678",
            "BEARER abcdefgh12",
            "basic dXNlcjpwYXNzd29yZA==",
            "x-api-key: 0123456789abcdef",
            "API_KEY=abc12345678",
            "apikey: \"abcdefgh12345678\"",
            "AUTHORIZATION=abcdefgh12345678",
            "https://user:pass@example.com/x",
            "postgres://u:p@db:5432/x");
    for (String key : keys) {
      String text = "see " + key + " here";
      assertThat(SecretRedactor.KEY_LIKE.matcher(text).find()).as(text).isTrue();
      assertThat(SecretRedactor.mayHoldKey(text)).as(text).isTrue();
      assertThat(SecretRedactor.defaults().redact(text)).as(text).contains(SecretRedactor.REDACTED);
    }
  }

  @Test
  void should_never_skip_a_text_the_key_pattern_matches_on_random_texts() {
    Random random = new Random(18);
    // Pieces of every alternative, near misses and look-alikes (Kelvin sign, dotted capital I).
    List<String> pieces =
        List.of(
            "sk",
            "pk",
            "rk",
            "-",
            "k",
            "K",
            "\u212a",
            "Bearer",
            "bEaReR",
            "basic",
            "BASIC",
            "bas",
            " ",
            "api",
            "API",
            "ap",
            "_",
            "key",
            "x-",
            "authorization",
            "AuthoriZation",
            "\u0130",
            ":",
            "=",
            "\"",
            "//",
            "/",
            "@",
            "abc123XYZ",
            "0123456789",
            "abcdefghijklmnopqrstu",
            "user",
            "a",
            "p",
            "i",
            "\u0131",
            "\u017f",
            "aP",
            "Au",
            "bE",
            "bA",
            ".");
    int matched = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(8);
      for (int j = 0; j < length; j++) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      String s = text.toString();
      if (SecretRedactor.KEY_LIKE.matcher(s).find()) {
        matched++;
        assertThat(SecretRedactor.mayHoldKey(s)).as(s).isTrue();
      }
    }
    assertThat(matched).as("the random texts exercise the pattern").isGreaterThan(100);
  }

  @Test
  void should_skip_ordinary_answers() {
    assertThat(
            SecretRedactor.mayHoldKey(
                "I can't issue that refund. Order A-1001 was delivered 45 days ago."))
        .isFalse();
    assertThat(SecretRedactor.mayHoldKey("")).isFalse();
  }

  /**
   * The prefilter looks at the letter after an {@code a} or {@code b} before comparing whole words
   * ignoring case; that is only sound if no character but the two ASCII cases of {@code p}, {@code
   * u}, {@code e} and {@code a} equals them ignoring case, as {@code String.regionMatches}
   * compares.
   */
  @Test
  void should_find_no_character_but_ascii_that_equals_the_second_letters_ignoring_case() {
    for (char second : new char[] {'p', 'u', 'e', 'a'}) {
      for (int c = 0; c <= Character.MAX_VALUE; c++) {
        if (String.valueOf((char) c).regionMatches(true, 0, String.valueOf(second), 0, 1)) {
          assertThat(c | 0x20).as("U+%04X", c).isEqualTo((int) second);
        }
      }
    }
  }
}
