package dev.alignunit.grading.internal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Whose words a clause is: the speaker's own, or quoted, reported ("just say I cannot ..."),
 * conditional ("if I can't find it") or part of a text written for the user (a draft reply after
 * "Here is a polite reply you can send:", a letter from "Dear ..." to "Best regards").
 */
final class SpeechContext {

  private SpeechContext() {}

  private static final String[] SALUTATIONS = {"dear ", "sehr geehrte", "liebe ", "lieber ", "cher ", "ch\u00e8re ",
      "madame", "monsieur", "estimado", "estimada", "querido", "querida"};
  private static final String[] CLOSINGS = {"best regards", "kind regards", "regards,", "sincerely", "best wishes",
      "best,", "thanks,", "cheers,", "mit freundlichen gr", "viele gr", "beste gr", "cordialement", "bien \u00e0 vous",
      "atentamente", "saludos", "un saludo"};

  /** Pairs of double quotes; a quote that covers most of the region is the answer itself, not a quotation. */
  static int[] quoteSpans(String lower, int from, int to) {
    int count = 0;
    int[] spans = new int[16];
    int open = -1;
    for (int i = from; i < to; i++) {
      if (lower.charAt(i) == '"') {
        if (open < 0) {
          open = i;
        } else {
          if (i - open < (to - from) * 0.6) {
            if (count + 2 > spans.length) {
              spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[count++] = open;
            spans[count++] = i;
          }
          open = -1;
        }
      }
    }
    return Arrays.copyOf(spans, count);
  }

  static boolean insideQuote(int[] quotes, int position) {
    for (int i = 0; i < quotes.length; i += 2) {
      if (quotes[i] < position && position < quotes[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** Conditionals, negations and reported speech right before a clause; "I must say that" is the speaker's own. */
  static boolean reported(String lower, int start, Discourse d) {
    String before = lower.substring(Math.max(0, start - 40), start);
    int end = before.length();
    while (end > 0 && (before.charAt(end - 1) == ' ' || before.charAt(end - 1) == ',' || before.charAt(end - 1) == ':')) {
      end--;
    }
    int wordStart = end;
    while (wordStart > 0 && Text.isWordChar(before.charAt(wordStart - 1))) {
      wordStart--;
    }
    if (!d.reportedLastWords().contains(before.substring(wordStart, end)) && !before.contains("tell ")) {
      return false;
    }
    return d.reportedBefore().matcher(before).find() && !d.firstPersonSpeech().matcher(before).find();
  }

  /**
   * Which sentences belong to a text written for the user rather than to the speaker: the rest of
   * the paragraph after a sentence that introduces one ("Here is a draft reply:"), and a letter
   * from its salutation to its closing.
   */
  static boolean[] writtenForUser(String lower, List<int[]> sentences, Discourse d) {
    boolean[] inside = new boolean[sentences.size()];
    Matcher intro = d.contentIntro().matcher(lower);
    boolean block = false;
    boolean letter = false;
    int blockFirst = -1;
    int previousEnd = -1;
    for (int i = 0; i < sentences.size(); i++) {
      int[] s = sentences.get(i);
      // The paragraph after the introduction is the text; a blank line after its first sentence ends it.
      if (block && i > blockFirst && lower.indexOf("\n\n", previousEnd) >= 0
          && lower.indexOf("\n\n", previousEnd) < s[0] && !letter) {
        block = false;
      }
      if (!letter && startsWithAny(lower, s[0], SALUTATIONS)) {
        letter = true;
      }
      inside[i] = block || letter;
      if (letter && containsAny(lower, s[0], s[1], CLOSINGS)) {
        letter = false;
      }
      if (lower.charAt(s[1] - 1) == ':' && intro.region(s[0], s[1]).find()) {
        block = true;
        blockFirst = i + 1;
      }
      previousEnd = s[1];
    }
    return inside;
  }

  private static boolean startsWithAny(String lower, int at, String[] prefixes) {
    for (String p : prefixes) {
      if (lower.startsWith(p, at)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String lower, int from, int to, String[] words) {
    for (String w : words) {
      int i = lower.indexOf(w, from);
      if (i >= 0 && i < to) {
        return true;
      }
    }
    return false;
  }
}
