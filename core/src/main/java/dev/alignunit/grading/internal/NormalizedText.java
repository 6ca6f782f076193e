package dev.alignunit.grading.internal;

import dev.alignunit.internal.Folding;
import dev.alignunit.internal.NumberWords;
import dev.alignunit.internal.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A text prepared for marker matching, in one linear pass: every code point is normalised on its
 * own (NFKC, accents removed, lower case, zero-width characters and soft hyphens dropped), the
 * letters and digits form a skeleton with the token boundaries of the text, and numbers are read
 * with every plausible format ({@code 41.6}, {@code 41,6}, {@code 41.60}, {@code 1,200}, {@code 1
 * 200}) and the unit that follows them. Every position maps back to the original text, so evidence
 * quotes what the agent wrote.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NormalizedText {

  private final String original;
  private final StringBuilder norm = new StringBuilder();
  private int[] origin;
  private int[] originEnd;
  private int[] skelToNorm;
  private final StringBuilder skeleton = new StringBuilder();
  private boolean[] startsToken;
  private boolean[] endsToken;
  private final List<NumberToken> numbers = new ArrayList<>();

  /**
   * A number of the text.
   *
   * @param start index in the normalised text
   * @param end end (exclusive) in the normalised text, including the unit
   * @param values every value the digits may mean
   * @param significant significant digits of the first reading
   * @param units canonical units that follow it, empty when none
   * @param label the word right before it ({@code kp} in {@code Kp 12.4}), or {@code null}
   */
  public record NumberToken(
      int start,
      int end,
      Set<BigDecimal> values,
      int significant,
      Set<String> units,
      String label) {}

  /**
   * Normalises a text.
   *
   * @param text the text
   */
  public NormalizedText(String text) {
    this.original = text == null ? "" : text;
    normalise();
    buildSkeleton();
    readNumbers();
  }

  /**
   * @return the original text
   */
  public String original() {
    return original;
  }

  /**
   * @return the normalised text
   */
  public CharSequence normalized() {
    return norm;
  }

  /**
   * @return the letters and digits of the normalised text
   */
  public CharSequence skeleton() {
    return skeleton;
  }

  /**
   * @return the numbers of the text, in order
   */
  public List<NumberToken> numbers() {
    return numbers;
  }

  boolean startsToken(int skel) {
    return startsToken[skel];
  }

  boolean endsToken(int skel) {
    return endsToken[skel];
  }

  int skelToNorm(int skel) {
    return skelToNorm[skel];
  }

  /**
   * The original text of a normalised range.
   *
   * @param normStart start in the normalised text
   * @param normEnd end (exclusive) in the normalised text
   * @return the original text it came from
   */
  public String originalOf(int normStart, int normEnd) {
    if (normEnd <= normStart) {
      return "";
    }
    return original.substring(origin[normStart], originEnd[normEnd - 1]);
  }

  /**
   * The index in the original text of a normalised position.
   *
   * @param normIndex the position
   * @return the original index
   */
  public int originalIndex(int normIndex) {
    return normIndex >= origin.length ? original.length() : origin[normIndex];
  }

  /**
   * The original range of a skeleton range.
   *
   * @param skelStart start in the skeleton
   * @param skelEnd end (exclusive) in the skeleton
   * @return the original text
   */
  public String originalOfSkeleton(int skelStart, int skelEnd) {
    return originalOf(skelToNorm[skelStart], skelToNorm[skelEnd - 1] + 1);
  }

  // ---------------------------------------------------------------- passes

  private void normalise() {
    int n = original.length();
    int[] o = new int[n + 4];
    int[] oe = new int[n + 4];
    for (int i = 0; i < n; ) {
      int cp = original.codePointAt(i);
      int next = i + Character.charCount(cp);
      String mapped = map(cp);
      for (int k = 0; k < mapped.length(); k++) {
        if (norm.length() >= o.length) {
          o = java.util.Arrays.copyOf(o, o.length * 2);
          oe = java.util.Arrays.copyOf(oe, oe.length * 2);
        }
        o[norm.length()] = i;
        oe[norm.length()] = next;
        norm.append(mapped.charAt(k));
      }
      i = next;
    }
    origin = o;
    originEnd = oe;
  }

  static String map(int cp) {
    return Folding.fold(cp);
  }

  private void buildSkeleton() {
    int n = norm.length();
    int[] map = new int[n];
    boolean[] starts = new boolean[n + 1];
    boolean[] ends = new boolean[n + 1];
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = norm.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        map[k] = i;
        starts[k] = i == 0 || !Character.isLetterOrDigit(norm.charAt(i - 1));
        ends[k] = i + 1 == n || !Character.isLetterOrDigit(norm.charAt(i + 1));
        skeleton.append(c);
        k++;
      }
    }
    skelToNorm = map;
    startsToken = starts;
    endsToken = ends;
  }

  private void readNumbers() {
    int n = norm.length();
    int i = 0;
    while (i < n) {
      char c = norm.charAt(i);
      if (!isDigit(c) || i > 0 && isDigit(norm.charAt(i - 1))) {
        i++;
        continue;
      }
      if (i > 0 && Character.isLetter(norm.charAt(i - 1))) {
        i = digits(i); // part of an identifier such as x182 or HX7, not a quantity
        continue;
      }
      i = readNumber(i);
    }
    readNumberWords();
  }

  /**
   * Numbers written in words ({@code one hundred and eighty-two kg}, {@code thirty-eight
   * milliseconds}, {@code cent quatre-vingt-deux kilos}, {@link NumberWords}): the letter runs of
   * one phrase (joined by a space or a hyphen) are read from each word that can start a number, and
   * reading goes on after the number. Linear: every word is read at most twice.
   */
  private void readNumberWords() {
    List<String> words = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    int n = norm.length();
    int i = 0;
    boolean any = false;
    while (i < n) {
      if (!Character.isLetter(norm.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && Character.isLetter(norm.charAt(i))) {
        i++;
      }
      words.add(norm.substring(start, i));
      spans.add(new int[] {start, i});
      any |= NumberWords.starts(words.get(words.size() - 1));
    }
    if (!any) {
      return;
    }
    int w = 0;
    while (w < words.size()) {
      if (!NumberWords.starts(words.get(w))) {
        w++;
        continue;
      }
      int phraseEnd = w + 1;
      while (phraseEnd < words.size()
          && joined(spans.get(phraseEnd - 1)[1], spans.get(phraseEnd)[0])) {
        phraseEnd++;
      }
      NumberWords.Reading r = NumberWords.read(words.subList(w, phraseEnd), 0);
      if (r == null || r.end() == 0) {
        w++;
        continue;
      }
      int start = spans.get(w)[0];
      int end = spans.get(w + r.end() - 1)[1];
      BigDecimal value = r.value().stripTrailingZeros();
      int[] unitEnd = {end};
      Set<String> units = Units.after(norm, end, unitEnd);
      numbers.add(
          new NumberToken(
              start, unitEnd[0], Set.of(value), Numbers.significant(value), units, label(start)));
      w += r.end();
    }
    numbers.sort(java.util.Comparator.comparingInt(NumberToken::start));
  }

  /** Whether only one space or hyphen lies between two words of the normalised text. */
  private boolean joined(int end, int nextStart) {
    if (nextStart - end != 1) {
      return false;
    }
    char c = norm.charAt(end);
    return c == ' ' || c == '-' || c == '\u00a0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Reads digit groups and separators from {@code start}; returns where scanning continues. */
  private int readNumber(int start) {
    List<String> groups = new ArrayList<>();
    List<Character> seps = new ArrayList<>();
    int i = start;
    int end = digits(i);
    groups.add(norm.substring(i, end));
    i = end;
    while (i + 1 < norm.length()) {
      char sep = norm.charAt(i);
      if (sep != '.' && sep != ',' && sep != ' ' && sep != '\'' && sep != ':'
          || !isDigit(norm.charAt(i + 1))) {
        break;
      }
      int groupEnd = digits(i + 1);
      String group = norm.substring(i + 1, groupEnd);
      boolean grouping = group.length() == 3 && groups.get(0).length() <= 3;
      if ((sep == ' ' || sep == '\'') && !grouping
          || sep == ':'
              && (group.length() != 2 || groups.size() > 1 || groups.get(0).length() > 2)) {
        break;
      }
      seps.add(sep);
      groups.add(group);
      i = groupEnd;
      if (sep == ':') {
        break;
      }
    }
    Set<BigDecimal> values = Numbers.readings(groups, seps);
    if (values.isEmpty()) {
      // Not one number (a version such as 1.2.3): each group on its own.
      int at = start;
      for (String g : groups) {
        numbers.add(
            new NumberToken(
                at,
                at + g.length(),
                Set.of(new BigDecimal(g).stripTrailingZeros()),
                Numbers.significant(new BigDecimal(g)),
                Set.of(),
                at == start ? label(start) : null));
        at += g.length() + 1;
      }
      return i;
    }
    BigDecimal first = values.iterator().next();
    int[] unitEnd = {i};
    Set<String> units = Units.after(norm, i, unitEnd);
    if (units.isEmpty() && i < norm.length() && Character.isLetter(norm.charAt(i))) {
      return i; // digits glued to letters that are no unit (51Tsy...): an identifier
    }
    numbers.add(
        new NumberToken(
            start,
            unitEnd[0],
            new LinkedHashSet<>(values),
            Numbers.significant(first),
            units,
            label(start)));
    return i;
  }

  private int digits(int from) {
    int i = from;
    while (i < norm.length() && isDigit(norm.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The letters right before a number ({@code kp} of {@code Kp 12.4}, {@code Kd=0.37}). */
  private String label(int start) {
    int i = start - 1;
    int gap = 0;
    while (i >= 0
        && !Character.isLetterOrDigit(norm.charAt(i))
        && norm.charAt(i) != '\n'
        && gap < 3) {
      i--;
      gap++;
    }
    if (gap == 0) {
      return null;
    }
    int end = i + 1;
    while (i >= 0 && Character.isLetter(norm.charAt(i))) {
      i--;
    }
    if (end - (i + 1) < 1 || end - (i + 1) > 4 || i >= 0 && isDigit(norm.charAt(i))) {
      return null;
    }
    return norm.substring(i + 1, end);
  }
}
