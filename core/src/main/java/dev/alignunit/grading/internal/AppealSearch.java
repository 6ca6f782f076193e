package dev.alignunit.grading.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the matches of a lexicon's bare-appeal pattern ({@link Discourse#bareAppeal()}) in a
 * sentence, exactly those {@code Matcher.find()} finds over the region {@code [from, to)}, without
 * trying the pattern at every word: one pass over the sentence's words marks where a match can
 * start, and the full pattern is tried ({@code lookingAt}) only there.
 *
 * <p>Where a match can start comes from {@link AppealTriggers}: every match contains a trigger word
 * ("guidelines", "impartial", "my", "mental", ...) at most {@code d} words after its start, with
 * only plain words, spaces and apostrophes in between (the pattern's words are {@code \w+} and its
 * separators single spaces). A match starts at a word boundary before an ASCII word character, so
 * the candidates are the starts of the {@code d} ASCII words before each trigger and the trigger
 * itself. Trying them in order and continuing after each match gives the same matches as {@code
 * find()}, which tries every position in order: the candidates include every position where the
 * pattern can match. At a candidate the pattern runs on the region {@code [start, to)}: the word
 * boundary that opens every alternative then holds by the region's edge, so a candidate after a
 * character that may be a letter to {@code \b} (anything outside ASCII) is first checked against
 * the original text.
 *
 * <p>A lexicon whose pattern {@link AppealTriggers} does not know (it was edited since the triggers
 * were written) is searched with the plain {@code find()} loop.
 */
final class AppealSearch {

  private static final Pattern BOUNDARY = Pattern.compile("\\b");

  private final AppealTriggers triggers;
  private final Matcher full;
  private final Matcher boundary;
  private String text = "";
  private int[] runStart = new int[64];
  private boolean[] candidate = new boolean[64];
  private int runs;
  private int next;
  private int from;
  private int to;
  private int after;

  AppealSearch(Lexicon lexicon) {
    this(lexicon.discourse.bareAppeal(), AppealTriggers.of(lexicon));
  }

  /** A search of {@code pattern} through {@code triggers}, or with plain {@code find()} if null. */
  AppealSearch(Pattern pattern, AppealTriggers triggers) {
    this.triggers = triggers;
    this.full = pattern.matcher("");
    this.boundary = BOUNDARY.matcher("");
  }

  /** Whether the fast search is used (the triggers match the lexicon's pattern). */
  boolean fast() {
    return triggers != null;
  }

  /** Starts a search of {@code [from, to)} of {@code text}. */
  void reset(String text, int from, int to) {
    if (this.text != text) {
      this.text = text;
      full.reset(text);
      boundary.reset(text);
    }
    this.from = from;
    this.to = to;
    if (triggers == null) {
      full.region(from, to);
      return;
    }
    this.after = from;
    this.next = 0;
    this.runs = 0;
    int stretch = 0; // the first word since a character no match can hold
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (!asciiWord(c)) {
        if (c != ' ' && c != '\'') {
          stretch = runs;
        }
        i++;
        continue;
      }
      int end = i + 1;
      while (end < to && asciiWord(text.charAt(end))) {
        end++;
      }
      if (runs == runStart.length) {
        runStart = java.util.Arrays.copyOf(runStart, runs * 2);
        candidate = java.util.Arrays.copyOf(candidate, runs * 2);
      }
      runStart[runs] = i;
      candidate[runs] = false;
      int back = triggers.reach(text, i, end);
      for (int r = Math.max(stretch, runs - back); r <= runs && back >= 0; r++) {
        candidate[r] = true;
      }
      runs++;
      i = end;
    }
  }

  /** Finds the next match; then {@link #start()} and {@link #end()} give it. */
  boolean find() {
    if (triggers == null) {
      return full.find();
    }
    while (next < runs) {
      int r = next++;
      int s = runStart[r];
      if (!candidate[r] || s < after || !boundaryBefore(s)) {
        continue;
      }
      full.region(s, to);
      if (full.lookingAt()) {
        after = full.end();
        return true;
      }
    }
    return false;
  }

  int start() {
    return full.start();
  }

  int end() {
    return full.end();
  }

  /**
   * Whether {@code \b} holds before the word at {@code s} in the original region: always at the
   * region's start (an opaque edge) and after ASCII punctuation or space. After any other character
   * (a letter to {@code \b} or not depending on the Java version; a combining mark whose base may
   * lie before the region) the pattern engine decides, on the original region: the boundaries from
   * its start up to {@code s}. Rare: such a character right before a word.
   */
  private boolean boundaryBefore(int s) {
    if (s == from || text.charAt(s - 1) < 128) {
      return true;
    }
    boundary.region(from, to);
    while (boundary.find()) {
      if (boundary.start() >= s) {
        return boundary.start() == s;
      }
    }
    return false;
  }

  private static boolean asciiWord(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c >= 'A' && c <= 'Z';
  }
}
