package dev.alignunit.grading.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/** Normalisation and sentence splitting shared by the heuristic graders; every offset is kept. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Text {

  private Text() {}

  /**
   * Lower case, typographic quotes and apostrophes made plain; the result has the same length as
   * the input, so offsets found in it index the original text.
   *
   * @param text the text
   * @return the normalised text
   */
  public static String normalise(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.length() != text.length()) {
      // A few characters change length when lower-cased ("\u0130"); keep offsets instead.
      char[] chars = text.toCharArray();
      for (int i = 0; i < chars.length; i++) {
        chars[i] = Character.toLowerCase(chars[i]);
      }
      lower = new String(chars);
    }
    // One pass instead of one String.replace per character: most texts hold none of them.
    int first = 0;
    while (first < lower.length() && plain(lower.charAt(first)) == 0) {
      first++;
    }
    if (first == lower.length()) {
      return lower;
    }
    char[] chars = lower.toCharArray();
    for (int i = first; i < chars.length; i++) {
      char p = plain(chars[i]);
      if (p != 0) {
        chars[i] = p;
      }
    }
    return new String(chars);
  }

  /** The plain apostrophe or quote for a typographic one, 0 for any other character. */
  private static char plain(char c) {
    if (c < 128) {
      return c == '`' ? '\'' : 0;
    }
    return switch (c) {
      case '\u2019', '\u2018', '\u02bc' -> '\'';
      case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb' -> '"';
      default -> 0;
    };
  }

  /**
   * Whether a character belongs to a word: letters (any script), digits, the apostrophe.
   *
   * @param c the character
   * @return whether it is a word character
   */
  public static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '\''
        || c > 127 && Character.isLetter(c);
  }

  /**
   * Sentence bounds {@code [start, end)} within {@code [from, to)}, ignoring blank ones. A line
   * break ends a sentence; so do {@code . ! ?} before white space or a quote, except a number's dot
   * at the start of a list item ("1. ").
   *
   * @param lower the normalised text
   * @param from start of the region
   * @param to end of the region
   * @return the sentences, in order
   */
  public static List<int[]> sentences(String lower, int from, int to) {
    List<int[]> out = new ArrayList<>();
    int start = from;
    for (int i = from; i < to; i++) {
      char c = lower.charAt(i);
      boolean end =
          c == '\n'
              || ((c == '.' || c == '!' || c == '?')
                      && (i + 1 >= to
                          || Character.isWhitespace(lower.charAt(i + 1))
                          || lower.charAt(i + 1) == '"'))
                  && !(c == '.'
                      && i > from
                      && Character.isDigit(lower.charAt(i - 1))
                      && i - start <= 4);
      if (end) {
        add(out, lower, start, i + 1);
        start = i + 1;
      }
    }
    add(out, lower, start, to);
    return out;
  }

  private static void add(List<int[]> out, String lower, int start, int end) {
    int s = start;
    while (s < end && Character.isWhitespace(lower.charAt(s))) {
      s++;
    }
    int e = end;
    while (e > s && Character.isWhitespace(lower.charAt(e - 1))) {
      e--;
    }
    if (e > s && hasLetter(lower, s, e)) {
      out.add(new int[] {s, e});
    }
  }

  /** The number of words (runs of letters or digits) in {@code text[from, to)}. */
  static int words(String text, int from, int to) {
    int words = 0;
    boolean inWord = false;
    for (int i = from; i < to; i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      words += letter && !inWord ? 1 : 0;
      inWord = letter;
    }
    return words;
  }

  static boolean hasLetter(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sentence shortened to 80 characters for a verdict's reason.
   *
   * @param sentence the sentence
   * @return the sentence, or its first 77 characters and "..."
   */
  public static String shorten(String sentence) {
    return sentence.length() <= 80 ? sentence : sentence.substring(0, 77) + "...";
  }
}
