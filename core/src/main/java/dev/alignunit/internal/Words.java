package dev.alignunit.internal;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The words of a text for matching names, dates and values: runs of letters or of digits (a change
 * between the two starts a new word, so {@code 3rd} is {@code 3} and {@code rd}, {@code MDM2231} is
 * {@code mdm} and {@code 2231}), folded ({@link Folding}), each with where it was and what followed
 * it. One linear pass.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Words {

  /**
   * One word.
   *
   * @param text the folded word (lower case, no accents)
   * @param start start in the original text
   * @param end end (exclusive) in the original text
   * @param capitalised whether it was written with an upper-case first letter
   * @param dot whether a full stop follows it directly
   * @param gap the characters between the previous word and this one, as written
   */
  public record Word(
      String text, int start, int end, boolean capitalised, boolean dot, String gap) {

    /**
     * @return whether the word is digits
     */
    public boolean digits() {
      return !text.isEmpty() && Character.isDigit(text.charAt(0));
    }

    /**
     * @return whether the word is letters
     */
    public boolean letters() {
      return !text.isEmpty() && Character.isLetter(text.charAt(0));
    }

    /**
     * @return whether the gap before it holds only spaces and hyphens (the same phrase)
     */
    public boolean joined() {
      for (int i = 0; i < gap.length(); i++) {
        char c = gap.charAt(i);
        if (c != ' ' && c != '-' && c != '\u00a0' && c != '\t') {
          return false;
        }
      }
      return true;
    }
  }

  private Words() {}

  /**
   * The words of a text.
   *
   * @param text the text
   * @return its words, in order
   */
  public static List<Word> of(String text) {
    List<Word> words = new ArrayList<>();
    int n = text.length();
    int i = 0;
    int previousEnd = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int kind = kind(cp);
      if (kind == 0) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      StringBuilder folded = new StringBuilder();
      while (i < n) {
        int c = text.codePointAt(i);
        if (kind(c) != kind) {
          if (c == 0x00AD
              || c == 0x200B
              || c == 0x200C
              || c == 0x200D
              || c == 0x2060
              || c == 0xFEFF) {
            i += Character.charCount(c); // invisible characters do not split a word
            continue;
          }
          break;
        }
        folded.append(Folding.fold(c));
        i += Character.charCount(c);
      }
      boolean dot = i < n && text.charAt(i) == '.';
      words.add(
          new Word(
              folded.toString(),
              start,
              i,
              Character.isUpperCase(text.codePointAt(start)),
              dot,
              text.substring(previousEnd, start)));
      previousEnd = i;
    }
    return words;
  }

  /** 1 = letter, 2 = digit, 0 = neither. */
  private static int kind(int cp) {
    if (Character.isLetter(cp)) {
      return 1;
    }
    return Character.isDigit(cp) ? 2 : 0;
  }
}
