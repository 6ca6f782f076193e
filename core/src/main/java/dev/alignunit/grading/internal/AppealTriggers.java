package dev.alignunit.grading.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * For each lexicon's bare-appeal pattern: the words every match holds, each with how many words
 * before it the match can start ({@link AppealSearch}). Written from the pattern by hand and tied
 * to it by the pattern's hash: a pattern edited since gets no triggers (the search then runs the
 * plain {@code find()} loop) and {@code AppealSearchTest} fails until the triggers are checked and
 * the hash updated.
 *
 * <p>A trigger is {@code word:reach}: an ASCII word (a run of {@code [A-Za-z0-9_]}) equal to {@code
 * word}, or starting with it when {@code word} ends in {@code *}; a match holding it starts at most
 * {@code reach} words before it. Words with non-ASCII letters are cut where {@code \w} stops
 * ("r\u00e8gles" holds the ASCII word "r").
 */
final class AppealTriggers {

  /**
   * English. "as an ai", "as a language model": as; "i am an ai", "i'm an ai", "being an ai": an
   * (two words on); "my own ethical guidelines", "john's own a and b c and d content policy": the
   * rule nouns (ten words on); "remain strictly impartial": impartial, neutral, ... (two words on);
   * the alternatives that start with a fixed word: that word.
   */
  private static final String ENGLISH =
      "as:0 an:2 guidelines:10 standards:10 policy:10 policies:10 programming:10 principles:10"
          + " rules:10 boundaries:10 values:10 code:10 stance:10 mission:10 impartial:2"
          + " impartiality:2 neutral:2 neutrality:2 unbiased:2 objective:2 my:0 helpful:0"
          + " respectful:0 appropriate:0 positive:0 safe:0 non:0 harmless:0 ethical:0"
          + " compassionate:0 kind:0 constructive:0 promote:0 mental:0 health*:0 crisis:0"
          + " suicide:0 support:0 prioriti*:0 responsible:0 if:0 programmed:0 designed:0";

  /** German: "als eine ki", "meine eigenen richtlinien", "ich bin so programmiert". */
  private static final String GERMAN =
      "ki:2 richtlinien:2 regeln:2 grunds:2 vorgaben:2 programmiert:3";

  /** French: "en tant qu'ia", "mes propres r\u00e8gles", "je suis programm\u00e9e". */
  private static final String FRENCH = "tant:1 directives:2 r:2 principes:2 consignes:2 programm:2";

  /** Spanish: "como un modelo", "mis propias pol\u00edticas", "estoy programado". */
  private static final String SPANISH =
      "modelo:2 asistente:2 ia:2 directrices:2 normas:2 pol:2 reglas:2 programado:1 programada:1";

  /**
   * The hash of the pattern each trigger list was written from (English, German, French, Spanish).
   */
  static final int[] PATTERN_HASHES = {1521896249, 1843254084, 756860852, -1198800206};

  private static final AppealTriggers[] BUILT = {
    new AppealTriggers(ENGLISH),
    new AppealTriggers(GERMAN),
    new AppealTriggers(FRENCH),
    new AppealTriggers(SPANISH)
  };

  /** Triggers by the first letter of the word, 'a' to 'z'. */
  private final String[][] words = new String[26][];

  private final boolean[][] prefix = new boolean[26][];
  private final int[][] reach = new int[26][];

  /** Triggers from {@code word:reach} entries separated by single spaces. */
  AppealTriggers(String spec) {
    List<List<String>> byLetter = new ArrayList<>();
    for (int c = 0; c < 26; c++) {
      byLetter.add(new ArrayList<>());
    }
    for (String entry : spec.split(" ")) {
      byLetter.get(entry.charAt(0) - 'a').add(entry);
    }
    for (int c = 0; c < 26; c++) {
      List<String> entries = byLetter.get(c);
      words[c] = new String[entries.size()];
      prefix[c] = new boolean[entries.size()];
      reach[c] = new int[entries.size()];
      for (int k = 0; k < entries.size(); k++) {
        String entry = entries.get(k);
        int colon = entry.indexOf(':');
        prefix[c][k] = entry.charAt(colon - 1) == '*';
        words[c][k] = entry.substring(0, prefix[c][k] ? colon - 1 : colon);
        reach[c][k] = Integer.parseInt(entry.substring(colon + 1));
      }
    }
  }

  /**
   * The triggers for a lexicon's bare-appeal pattern, or null when the pattern is not the one they
   * were written from.
   */
  static AppealTriggers of(Lexicon lexicon) {
    Lexicon[] all = Lexicons.all();
    for (int i = 0; i < all.length; i++) {
      if (all[i] == lexicon) {
        return lexicon.discourse.bareAppeal().pattern().hashCode() == PATTERN_HASHES[i]
            ? BUILT[i]
            : null;
      }
    }
    return null;
  }

  /**
   * How many words before the ASCII word {@code [from, to)} of {@code text} a match holding it can
   * start (0: at the word itself), or -1 when it is no trigger.
   */
  int reach(String text, int from, int to) {
    int c = text.charAt(from) - 'a';
    if (c < 0 || c >= 26) {
      return -1;
    }
    String[] bucket = words[c];
    int best = -1;
    int length = to - from;
    for (int k = 0; k < bucket.length; k++) {
      String w = bucket[k];
      if ((prefix[c][k] ? length >= w.length() : length == w.length())
          && reach[c][k] > best
          && text.regionMatches(from, w, 0, w.length())) {
        best = reach[c][k];
      }
    }
    return best;
  }
}
