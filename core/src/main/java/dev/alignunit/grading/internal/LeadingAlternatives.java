package dev.alignunit.grading.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Narrows an anchored cue's pattern to the alternatives that can start with a given word. Most cue
 * patterns open with a group of alternatives ({@code \b(?:here(?:'s| is)|in theory|the
 * (?:best|easiest) way|...)}) and are tried with {@code lookingAt} at every occurrence of one of
 * their first words; at "the" only the alternatives that begin with "the" can match, yet the regex
 * engine tries every one of them, for every "the" of every response. The narrowed pattern has the
 * same first match (alternatives are tried in order, and only ones that cannot match are dropped),
 * so the marks, starts and ends it yields are exactly those of the full pattern.
 *
 * <p>The reading is deliberately conservative: only a pattern of the form {@code
 * [\b](?:A|B|...)rest} without flags is narrowed, and an alternative is dropped only when its
 * literal prefix (the characters before its first regex construct) contradicts the word; anything
 * else is kept.
 */
final class LeadingAlternatives {

  private LeadingAlternatives() {}

  private static final Pattern BACK_REFERENCE = Pattern.compile("\\\\(?:[1-9]|k<)");

  /** Marks a word at which the pattern can never match. */
  static final Pattern NEVER = Pattern.compile("(?!)");

  /**
   * The pattern to try at a word, for a match that starts at the word's first character.
   *
   * @param pattern the cue's pattern
   * @param word the word at the match start (a maximal run of {@link Text#isWordChar} characters)
   * @return {@code pattern} itself when nothing can be dropped, {@link #NEVER} when no alternative
   *     can start with the word, else a pattern with fewer alternatives
   */
  static Pattern at(Pattern pattern, String word) {
    String regex = pattern.pattern();
    if (pattern.flags() != 0 || hasInlineFlags(regex) || BACK_REFERENCE.matcher(regex).find()) {
      return pattern; // flags change what a literal matches; dropping groups renumbers them
    }
    String boundary = regex.startsWith("\\b") ? "\\b" : "";
    String body = regex.substring(boundary.length());
    if (!body.startsWith("(?:")) {
      return pattern;
    }
    int close = closingParen(body, 0);
    if (close < 0 || close + 1 < body.length() && "?*+{".indexOf(body.charAt(close + 1)) >= 0) {
      return pattern; // the group is optional or repeated: a match need not start with it
    }
    List<String> alternatives = split(body.substring(3, close));
    List<String> kept = new ArrayList<>();
    for (String alternative : alternatives) {
      if (consistent(literalPrefix(alternative), word)) {
        kept.add(alternative);
      }
    }
    if (kept.isEmpty()) {
      return NEVER;
    }
    if (kept.size() == alternatives.size()) {
      return pattern;
    }
    return Pattern.compile(
        boundary + "(?:" + String.join("|", kept) + ")" + body.substring(close + 1));
  }

  /** The most literal prefixes {@link #prefixes} collects before it gives up. */
  private static final int LIMIT = 48;

  /**
   * Literal strings one of which starts every match of {@code pattern} at {@code word}, to test
   * with {@code startsWith} before the regular expression runs (a few nanoseconds against some
   * fifty for setting up and failing a match): "the best way", "the easiest way", ... for the
   * content cue at "the".
   *
   * @param pattern the pattern tried at the word ({@link #at})
   * @param word the word at the match start
   * @return the prefixes, each longer than the word; null when the test would always pass or the
   *     pattern cannot be read
   */
  static Prefixes prefixes(Pattern pattern, String word) {
    String regex = pattern.pattern();
    if (pattern.flags() != 0 || hasInlineFlags(regex)) {
      return null;
    }
    List<String> all = new ArrayList<>();
    for (String branch : split(regex)) {
      all.addAll(expand(branch).strings());
    }
    List<String> useful = new ArrayList<>();
    for (String prefix : all) {
      if (!consistent(prefix, word)) {
        continue; // this branch cannot start at the word
      }
      if (prefix.length() <= word.length()) {
        return null; // a prefix of the word itself: the test would always pass
      }
      if (!useful.contains(prefix)) {
        useful.add(prefix);
      }
    }
    if (useful.isEmpty() || all.size() > LIMIT) {
      return null;
    }
    // "that is" already admits "that is ": keep only the shortest of prefixes that extend others.
    useful.removeIf(p -> useful.stream().anyMatch(q -> q.length() < p.length() && p.startsWith(q)));
    return new Prefixes(word.length(), useful.toArray(String[]::new));
  }

  /**
   * Literal prefixes, one of which must start where a word starts; tested in two steps because most
   * candidates fail right after their shared part ("the " of "the best way", "the easiest way",
   * ...): the shared part, then the next character against a bit set, then the full strings.
   */
  static final class Prefixes {
    private final int known;
    private final String common;
    private final long[] next = new long[2];
    private final boolean nextOther;
    private final String[] all;

    /**
     * @param known how many leading characters are known to match (the word's own)
     * @param all the prefixes, none a prefix of another, each longer than {@code known}
     */
    Prefixes(int known, String[] all) {
      this.known = known;
      this.all = all;
      String c = all[0];
      for (String p : all) {
        int n = 0;
        while (n < c.length() && n < p.length() && c.charAt(n) == p.charAt(n)) {
          n++;
        }
        c = c.substring(0, n);
      }
      this.common = c;
      boolean other = false;
      for (String p : all) {
        if (p.length() == c.length()) {
          other = true; // the shared part is a whole prefix: nothing to test after it
          continue;
        }
        char n = p.charAt(c.length());
        if (n < 128) {
          next[n >>> 6] |= 1L << n;
        } else {
          other = true;
        }
      }
      this.nextOther = other;
    }

    /** Whether one of the prefixes starts at {@code start} (where the word starts). */
    boolean at(String text, int start) {
      int length = common.length();
      if (!text.regionMatches(start + known, common, known, length - known)) {
        return false;
      }
      if (!nextOther) {
        if (start + length >= text.length()) {
          return false;
        }
        char n = text.charAt(start + length);
        if (n >= 128 || (next[n >>> 6] & (1L << n)) == 0) {
          return false;
        }
      }
      for (String p : all) {
        if (text.regionMatches(start + length, p, length, p.length() - length)) {
          return true;
        }
      }
      return false;
    }

    /** The prefixes (for tests). */
    List<String> strings() {
      return List.of(all);
    }
  }

  /**
   * What a sequence (one alternative) starts with.
   *
   * @param strings literal strings one of which starts every match
   * @param complete whether the sequence matches exactly these strings and nothing else
   */
  private record Expansion(List<String> strings, boolean complete) {}

  /**
   * Reads a sequence of literal characters and non-capturing groups of literal alternatives
   * (optionally made optional by {@code ?}), and stops at anything else: every match starts with
   * one of the strings read so far.
   */
  private static Expansion expand(String sequence) {
    List<String> out = List.of("");
    int i = 0;
    while (i < sequence.length()) {
      char c = sequence.charAt(i);
      if (sequence.startsWith("\\b", i)) {
        i += 2; // a word boundary matches no character
        continue;
      }
      if (sequence.startsWith("(?:", i)) {
        int close = closingParen(sequence, i);
        if (close < 0) {
          return new Expansion(out, false);
        }
        char after = close + 1 < sequence.length() ? sequence.charAt(close + 1) : ' ';
        char afterNext = close + 2 < sequence.length() ? sequence.charAt(close + 2) : ' ';
        boolean optional = after == '?';
        if ("*+{".indexOf(after) >= 0 || optional && (afterNext == '?' || afterNext == '+')) {
          return new Expansion(out, false); // repeated, lazy or possessive: not read
        }
        List<String> options = new ArrayList<>();
        boolean complete = true;
        for (String alternative : split(sequence.substring(i + 3, close))) {
          Expansion e = expand(alternative);
          options.addAll(e.strings());
          complete &= e.complete();
        }
        if (optional) {
          options.add("");
        }
        if ((long) out.size() * options.size() > LIMIT) {
          return new Expansion(out, false);
        }
        List<String> product = new ArrayList<>();
        for (String head : out) {
          for (String option : options) {
            product.add(head + option);
          }
        }
        out = product;
        if (!complete) {
          return new Expansion(out, false);
        }
        i = close + (optional ? 2 : 1);
        continue;
      }
      boolean quantified = i + 1 < sequence.length() && "?*+{".indexOf(sequence.charAt(i + 1)) >= 0;
      if ("\\^$.|?*+()[]{}".indexOf(c) >= 0 || quantified) {
        return new Expansion(out, false);
      }
      List<String> longer = new ArrayList<>(out.size());
      for (String head : out) {
        longer.add(head + c);
      }
      out = longer;
      i++;
    }
    return new Expansion(out, true);
  }

  private static boolean hasInlineFlags(String regex) {
    for (int i = regex.indexOf("(?"); i >= 0; i = regex.indexOf("(?", i + 1)) {
      if (i + 2 < regex.length() && ":=!<".indexOf(regex.charAt(i + 2)) < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The nesting depth of each structural character of a regular expression: a parenthesis gets the
   * depth outside it (an opening and its closing one the same), any other character the depth it
   * stands at; an escaped character or a member of a character class gets -1.
   */
  private static int[] depths(String regex) {
    int[] depths = new int[regex.length()];
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      depths[i] = -1;
      if (c == '\\') {
        if (i + 1 < regex.length()) {
          depths[++i] = -1;
        }
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          depths[++i] = -1; // "[]...]": a leading ] is a member of the class
        }
      } else if (c == '(') {
        depths[i] = depth++;
      } else if (c == ')') {
        depths[i] = --depth;
      } else {
        depths[i] = depth;
      }
    }
    return depths;
  }

  /** The index of the parenthesis closing the one at {@code open}, -1 when unbalanced. */
  private static int closingParen(String regex, int open) {
    int[] depths = depths(regex);
    for (int i = open + 1; i < regex.length(); i++) {
      if (regex.charAt(i) == ')' && depths[i] == depths[open]) {
        return i;
      }
    }
    return -1;
  }

  /** The top-level alternatives of a group's content. */
  private static List<String> split(String content) {
    List<String> out = new ArrayList<>();
    int[] depths = depths(content);
    int start = 0;
    for (int i = 0; i < content.length(); i++) {
      if (content.charAt(i) == '|' && depths[i] == 0) {
        out.add(content.substring(start, i));
        start = i + 1;
      }
    }
    out.add(content.substring(start));
    return out;
  }

  /**
   * The characters every match of the alternative starts with: up to the first regex construct,
   * less a last character that a quantifier makes optional or repeats.
   */
  static String literalPrefix(String alternative) {
    int end = 0;
    while (end < alternative.length() && "\\^$.|?*+()[]{}".indexOf(alternative.charAt(end)) < 0) {
      end++;
    }
    if (end > 0 && end < alternative.length() && "?*+{".indexOf(alternative.charAt(end)) >= 0) {
      end--;
    }
    return alternative.substring(0, end);
  }

  /**
   * Whether a match starting with {@code prefix} can start at a word: the word followed by a
   * non-word character (or the end of the sentence).
   */
  static boolean consistent(String prefix, String word) {
    if (prefix.length() <= word.length()) {
      return word.startsWith(prefix);
    }
    return prefix.startsWith(word) && !Text.isWordChar(prefix.charAt(word.length()));
  }
}
