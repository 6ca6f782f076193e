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

  private static boolean hasInlineFlags(String regex) {
    for (int i = regex.indexOf("(?"); i >= 0; i = regex.indexOf("(?", i + 1)) {
      if (i + 2 < regex.length() && ":=!<".indexOf(regex.charAt(i + 2)) < 0) {
        return true;
      }
    }
    return false;
  }

  /** The index of the parenthesis closing the one at {@code open}, -1 when unbalanced. */
  private static int closingParen(String regex, int open) {
    int depth = 0;
    boolean inClass = false;
    for (int i = open; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++; // "[]...]": a leading ] is a member of the class
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The top-level alternatives of a group's content. */
  private static List<String> split(String content) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < content.length() && content.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
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
