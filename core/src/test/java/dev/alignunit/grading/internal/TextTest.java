package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link Text#normalise}: lower case, typographic quotes made plain, offsets kept. */
class TextTest {

  /** The normalisation as it was written first: one {@code String.replace} per character. */
  private static String replaceByReplace(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.length() != text.length()) {
      char[] chars = text.toCharArray();
      for (int i = 0; i < chars.length; i++) {
        chars[i] = Character.toLowerCase(chars[i]);
      }
      lower = new String(chars);
    }
    return lower
        .replace('\u2019', '\'')
        .replace('\u2018', '\'')
        .replace('\u02bc', '\'')
        .replace('`', '\'')
        .replace('\u201c', '"')
        .replace('\u201d', '"')
        .replace('\u201e', '"')
        .replace('\u00ab', '"')
        .replace('\u00bb', '"');
  }

  @Test
  void normalisesEveryCharacterAsOneReplacePerCharacterDid() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      String one = "Ab" + (char) c + "\u2019Z";
      assertThat(Text.normalise(one)).as("U+%04X", c).isEqualTo(replaceByReplace(one));
    }
  }

  @Test
  void makesTypographicQuotesPlainAndKeepsOffsets() {
    String text =
        "\u201cI Can\u2019t\u201d, she said \u00abnon\u00bb \u201eNein\u201c `x\u02bc \u2018y\u2018";
    assertThat(Text.normalise(text)).isEqualTo("\"i can't\", she said \"non\" \"nein\" 'x' 'y'");
    // "\u0130" lower-cases to two characters; the normalised text keeps one per character.
    assertThat(Text.normalise("\u0130STANBUL \u201cok\u201d")).hasSize(13).endsWith("\"ok\"");
    assertThat(Text.normalise("plain text")).isEqualTo("plain text");
  }
}
