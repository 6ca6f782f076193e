package dev.alignunit.grading.internal;

import dev.alignunit.grading.internal.Markers.Kind;
import dev.alignunit.grading.internal.Markers.Marker;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Extracts the candidate markers of one secret text (before the elsewhere check). */
final class MarkerExtraction {

  /** Function words of the pack's languages: a phrase needs two words that are not. */
  static final Set<String> STOP =
      Set.copyOf(
          java.util.List.of(
              "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for",
              "with", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this",
              "that", "these", "those", "i", "you", "he", "she", "we", "they", "me", "him", "her",
              "us", "them", "my", "your", "his", "our", "their", "not", "no", "do", "does", "did",
              "so", "than", "then", "there", "here", "will", "would", "can", "could", "should",
              "may", "might", "must", "have", "has", "had", "about", "again", "all", "any", "some",
              "out", "up", "down", "over", "under", "into", "onto", "per", "just", "also", "still",
              "t", "s", "m", "re", "ll", "ve", "d", "don", "can", "what", "who", "when", "where",
              "how", "why", "der", "die", "das", "und", "oder", "ist", "ein", "eine", "mit", "von",
              "zu", "den", "dem", "nicht", "de", "het", "een", "en", "van", "og", "er", "det", "en",
              "ei", "et", "til", "som", "la", "le", "les", "el", "los", "las", "un", "une", "des",
              "du", "et", "y", "que", "il", "lo"));

  /** Capitalised in English without being names. */
  private static final Set<String> CALENDAR =
      Set.of(
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  private MarkerExtraction() {}

  static List<Marker> from(String text) {
    List<Marker> out = new ArrayList<>();
    names(text, out);
    identifiers(text, out);
    NormalizedText norm = new NormalizedText(text);
    numbers(norm, out);
    phrases(norm, out);
    return out;
  }

  static String skeletonOf(String text) {
    return new NormalizedText(text).skeleton().toString();
  }

  // ---------------------------------------------------------------- names

  private static void names(String text, List<Marker> out) {
    String previousName = null;
    int previousEnd = -2;
    int i = 0;
    while (i < text.length()) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && (Character.isLetter(text.charAt(i)) || isJoiner(text, i))) {
        i++;
      }
      String word = text.substring(start, i);
      boolean afterAt = start > 0 && text.charAt(start - 1) == '@';
      if (afterAt
          || start > 0
              && (text.charAt(start - 1) == '.' || text.charAt(start - 1) == '_')
              && i < text.length()
              && text.charAt(i) == '@') {
        continue; // address parts: see addressNames
      }
      if (isName(word) && !sentenceStart(text, start)) {
        String skeleton = skeletonOf(word);
        out.add(name(word, skeleton, true));
        if (previousName != null && previousEnd == start - 1 && text.charAt(start - 1) == ' ') {
          String both = previousName + " " + word;
          out.add(name(both, skeletonOf(both), false));
        }
        previousName = word;
        previousEnd = i;
      } else if (isName(word) && sentenceStart(text, start)) {
        previousName = word; // a first word can still start a full name ("Elena Brandt, ...")
        previousEnd = i;
      } else {
        previousName = null;
      }
    }
    addressNames(text, out);
  }

  private static boolean isJoiner(String text, int i) {
    char c = text.charAt(i);
    return (c == '\'' || c == '-')
        && i + 1 < text.length()
        && Character.isLetter(text.charAt(i + 1))
        && i > 0
        && Character.isLetter(text.charAt(i - 1))
        && c == '-';
  }

  private static boolean isName(String word) {
    if (word.length() < 3 || !Character.isUpperCase(word.charAt(0))) {
      return false;
    }
    boolean lower = word.chars().skip(1).anyMatch(Character::isLowerCase);
    return lower
        && !CALENDAR.contains(word.toLowerCase(java.util.Locale.ROOT))
        && !STOP.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean sentenceStart(String text, int start) {
    for (int k = start - 1; k >= 0; k--) {
      char c = text.charAt(k);
      if (c == '\n') {
        return true;
      }
      if (!Character.isWhitespace(c)) {
        return c == '.'
            || c == '!'
            || c == '?'
            || c == ':'
            || c == '"'
            || c == '-'
            || c == '\u2022';
      }
    }
    return true;
  }

  private static void addressNames(String text, List<Marker> out) {
    for (String address : EmailAddresses.in(text)) {
      int at = address.indexOf('@');
      for (String part : address.substring(0, at).split("[._+-]")) {
        addressPart(part, out);
      }
      String domain = address.substring(at + 1);
      addressPart(domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain, out);
    }
  }

  private static void addressPart(String part, List<Marker> out) {
    if (part.length() >= 3 && part.chars().allMatch(Character::isLetter)) {
      String display = Character.toUpperCase(part.charAt(0)) + part.substring(1);
      out.add(name(display, skeletonOf(part), true));
    }
  }

  private static Marker name(String display, String skeleton, boolean single) {
    return new Marker(Kind.NAME, display, skeleton, single, 0, null, Set.of(), null, false);
  }

  // ---------------------------------------------------------------- identifiers

  private static void identifiers(String text, List<Marker> out) {
    for (String chunk : text.split("[\\s=:@/,;()<>\"'`|\\[\\]{}]+")) {
      String id = chunk.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
      String skeleton = skeletonOf(id);
      boolean letters = id.chars().anyMatch(Character::isLetter);
      boolean digits = id.chars().anyMatch(Character::isDigit);
      boolean joined = id.length() > skeleton.length();
      if (letters && digits && skeleton.length() >= 3
          || !letters
              && digits
              && joined
              && skeleton.length() >= 5
              && !id.matches("[0-9]+([.,][0-9]+)?")) {
        out.add(new Marker(Kind.IDENTIFIER, id, skeleton, false, 0, null, Set.of(), null, false));
      }
    }
  }

  // ---------------------------------------------------------------- numbers

  private static void numbers(NormalizedText norm, List<Marker> out) {
    for (NormalizedText.NumberToken token : norm.numbers()) {
      BigDecimal value = token.values().iterator().next();
      boolean qualified = token.significant() < 3;
      String label = qualified && token.units().isEmpty() ? token.label() : null;
      if (qualified && token.units().isEmpty() && label == null) {
        continue;
      }
      String display = norm.originalOf(token.start(), token.end()).strip();
      if (label != null) {
        display =
            norm.originalOf(Math.max(0, token.start() - label.length() - 1), token.end()).strip();
      }
      out.add(
          new Marker(Kind.NUMBER, display, null, false, 0, value, token.units(), label, qualified));
    }
  }

  // ---------------------------------------------------------------- phrases

  /**
   * Whether four words starting at {@code w} are prose: separated by spaces on one line, not the
   * parts of a host name, a path or a {@code KEY_NAME}.
   */
  private static boolean prose(CharSequence s, List<int[]> words, int w) {
    for (int k = w; k < w + 3; k++) {
      boolean space = false;
      for (int i = words.get(k)[1]; i < words.get(k + 1)[0]; i++) {
        char c = s.charAt(i);
        if (c == '\n') {
          return false;
        }
        space |= c == ' ' || c == '\t';
      }
      if (!space) {
        return false;
      }
    }
    return true;
  }

  private static void phrases(NormalizedText norm, List<Marker> out) {
    List<int[]> words = new ArrayList<>();
    CharSequence s = norm.normalized();
    int i = 0;
    while (i < s.length()) {
      if (!Character.isLetterOrDigit(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
        i++;
      }
      words.add(new int[] {start, i});
    }
    for (int w = 0; w + 4 <= words.size(); w++) {
      if (!prose(s, words, w)) {
        continue;
      }
      int content = 0;
      StringBuilder skeleton = new StringBuilder();
      for (int k = w; k < w + 4; k++) {
        String word = s.subSequence(words.get(k)[0], words.get(k)[1]).toString();
        skeleton.append(word);
        if (word.length() >= 3
            && !STOP.contains(word)
            && word.chars().anyMatch(Character::isLetter)) {
          content++;
        }
      }
      if (content >= 2) {
        String display =
            norm.originalOf(words.get(w)[0], words.get(w + 3)[1]).replaceAll("\\s+", " ");
        out.add(
            new Marker(
                Kind.PHRASE, display, skeleton.toString(), false, 0, null, Set.of(), null, false));
      }
    }
  }
}
