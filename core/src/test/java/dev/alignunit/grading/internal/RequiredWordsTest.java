package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The words {@link RequiredWords} reads off a cue's pattern occur in every match of it, and {@link
 * CueRules}, which skips a cue where they do not occur, marks every sentence exactly as it does
 * when it tries every cue.
 */
class RequiredWordsTest {

  /** Sentences written for this test: near misses, apostrophes, punctuation around the words. */
  private static final List<String> OWN =
      List.of(
          "these statements are harmful's, and such claims can be wrong.",
          "that's not ethical; this would be never okay and it is not right.",
          "it is illegal to do that, it would be against the law to try, it's a crime to.",
          "doing so would be illegal and unethical; hacking is a violation of the law.",
          "it's unfair to them, that is wrong, or inappropriate to ask.",
          "i strongly urge you not to, i must clarify, i remind you that theft is illegal.",
          "some people believe it works while others disagree.",
          "reasonable people can disagree; there is no single answer and opinions vary.",
          "a matter of personal preference, the subject of debate, it's up to you.",
          "comments like these are_harmful, jokes-are-hurtful, remarks are hurtful\u0301.",
          "this statement is harmful\u00e9 or harmfulness itself.",
          "questions is harmful",
          "ce n'est pas \u00e9thique, cela serait ill\u00e9gal, c'est ill\u00e9gal.",
          "das ist nicht legal, es w\u00e4re strafbar, dies ist unethisch.",
          "eso es ilegal, ser\u00eda poco \u00e9tico y es inmoral.",
          "as an ai language model, i must prioritize safety; as an ai, i am programmed to follow.");

  @Test
  void readsTheWordsEveryMatchPassesThrough() {
    Pattern statements =
        Pattern.compile(
            "\\b(?:(?:such|these) (?:\\w+ )?)?(?:statements?|claims?) (?:is|are|can be)(?: \\w+)?"
                + " (?:harmful|wrong)\\b");
    // "statements?" ends in an optional letter: no word; "can be" requires "can" (and "be").
    assertThat(RequiredWords.of(statements))
        .containsExactly(Set.of("harmful", "wrong"), Set.of("is", "are", "can"));
    // Each alternative of a group needs a word: one of them is required.
    assertThat(RequiredWords.of(Pattern.compile("\\b(?:doing so|it) is (?:not|never) wrong\\b")))
        .containsExactly(
            Set.of("wrong"), Set.of("never", "not"), Set.of("doing", "it"), Set.of("is"));
    // "it's": the apostrophe splits the word, so "it" and "s" are pieces.
    assertThat(RequiredWords.of(Pattern.compile("\\bit's fine\\b")))
        .containsExactly(Set.of("fine"), Set.of("it"), Set.of("s"));
  }

  @Test
  void readsNoWordWithoutACertainNeighbour() {
    // (?!\w) lets an accented letter follow; "statements?" ends in an optional letter; a pattern's
    // start or end has any neighbour; "^" may stand after a letter at a region's start.
    assertThat(RequiredWords.of(Pattern.compile(" okay(?!\\w)"))).isEmpty();
    assertThat(RequiredWords.of(Pattern.compile(" statements? "))).isEmpty();
    assertThat(RequiredWords.of(Pattern.compile("harmful"))).isEmpty();
    assertThat(RequiredWords.of(Pattern.compile("(?:^|\\. )it"))).isEmpty();
    assertThat(RequiredWords.of(Pattern.compile(" (?:harmful|\\w+ful) "))).isEmpty();
    assertThat(RequiredWords.of(Pattern.compile(" (?:harmful )+"))).isEmpty();
  }

  @Test
  void readsNothingItCannotParse() {
    for (Pattern p :
        List.of(
            Pattern.compile(" harmful ", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?i) harmful "),
            Pattern.compile("\\Q harmful \\E"),
            Pattern.compile("(?<w> harmful ) \\k<w>"),
            Pattern.compile("(?> harmful )"),
            Pattern.compile(" harmful (a)\\1"),
            Pattern.compile(" harmful \\u0041"))) {
      assertThat(RequiredWords.of(p)).as(p.pattern()).isEmpty();
    }
  }

  @Test
  void everyMatchOfEveryCueHoldsItsRequiredWords() throws IOException {
    List<String> own = new ArrayList<>();
    for (String s : OWN) {
      own.add(Text.normalise(s));
    }
    List<String> dev = devResponses();
    int matches = 0;
    for (Lexicon lexicon : Lexicons.all()) {
      for (CueRules.Rule rule : lexicon.discourse.rules()) {
        List<Set<String>> required = RequiredWords.of(rule.pattern());
        if (required.isEmpty()) {
          continue;
        }
        Matcher m = rule.pattern().matcher("");
        // Any match in the sentences written for this test; in the dev responses, the matches
        // CueRules looks for: at a trigger word for an anchored cue, anywhere for another.
        for (String text : own) {
          matches += check(m, required, text, null);
        }
        for (String text : dev) {
          matches += check(m, required, text, rule.anchored() ? rule.triggers() : Set.of());
        }
      }
    }
    assertThat(matches).isGreaterThan(2000);
  }

  /**
   * Checks the matches of {@code m} in every sentence of {@code text}: found with {@code find()}
   * unless {@code triggers} is not empty, and with {@code lookingAt()} at every word when {@code
   * triggers} is null, else at the trigger words.
   */
  private static int check(
      Matcher m, List<Set<String>> required, String text, Set<String> triggers) {
    int matches = 0;
    m.reset(text);
    m.useTransparentBounds(true);
    for (int[] s : Text.sentences(text, 0, text.length())) {
      if (triggers == null || triggers.isEmpty()) {
        m.region(s[0], s[1]);
        while (m.find()) {
          assertHolds(required, m.pattern(), text, m.start(), m.end());
          matches++;
        }
      }
      if (triggers != null && triggers.isEmpty()) {
        continue;
      }
      int p = s[0];
      while (p < s[1]) {
        if (!Text.isWordChar(text.charAt(p))) {
          p++;
          continue;
        }
        int start = p;
        while (p < s[1] && Text.isWordChar(text.charAt(p))) {
          p++;
        }
        if (triggers == null || triggers.contains(text.substring(start, p))) {
          m.region(start, s[1]);
          if (m.lookingAt()) {
            assertHolds(required, m.pattern(), text, m.start(), m.end());
            matches++;
          }
        }
      }
    }
    return matches;
  }

  @Test
  void marksEverySentenceAsTryingEveryCueDoes() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String s : OWN) {
      texts.add(Text.normalise(s));
    }
    texts.addAll(devResponses());
    int marked = 0;
    for (Lexicon lexicon : Lexicons.all()) {
      List<CueRules.Rule> rules = lexicon.discourse.rules();
      CueRules fast = new CueRules(rules, true);
      CueRules plain = new CueRules(rules, false);
      // A judge whose answer depends on where the match is, so that skipped tries would show.
      CueRules.Judge judge =
          (rule, start, end, sentence) -> (start + end) % 3 == 0 ? 0 : rule.flag();
      for (String text : texts) {
        List<int[]> sentences = Text.sentences(text, 0, text.length());
        int[] marksFast = new int[sentences.size()];
        int[] marksPlain = new int[sentences.size()];
        String[] idsFast = new String[sentences.size()];
        String[] idsPlain = new String[sentences.size()];
        fast.mark(text, sentences, marksFast, idsFast, judge);
        plain.mark(text, sentences, marksPlain, idsPlain, judge);
        assertThat(marksFast).as("%s: %s", lexicon.name, text).isEqualTo(marksPlain);
        assertThat(idsFast).as("%s: %s", lexicon.name, text).isEqualTo(idsPlain);
        marked += (int) Arrays.stream(marksPlain).filter(x -> x != 0).count();
      }
    }
    assertThat(marked).isGreaterThan(1000);
  }

  /** Fails unless each required set has a word that is a whole apostrophe-free piece in range. */
  private static void assertHolds(
      List<Set<String>> required, Pattern pattern, String text, int start, int end) {
    Set<String> pieces = pieces(text, start, end);
    for (Set<String> words : required) {
      assertThat(words.stream().anyMatch(pieces::contains))
          .as(
              "%s matched \"%s\" in \"%s\" without one of %s",
              pattern.pattern(), text.substring(start, end), text, words)
          .isTrue();
    }
  }

  /**
   * The pieces, split at apostrophes, of the words ({@link Text#isWordChar} runs) that start in
   * {@code [start, end)}, cut at {@code end}.
   */
  private static Set<String> pieces(String text, int start, int end) {
    Set<String> out = new HashSet<>();
    int p = start;
    while (p < end) {
      if (!Text.isWordChar(text.charAt(p))) {
        p++;
        continue;
      }
      int s = p;
      while (p < end && Text.isWordChar(text.charAt(p))) {
        p++;
      }
      out.addAll(Arrays.asList(text.substring(s, p).split("'")));
    }
    return out;
  }

  private static List<Pattern> cuePatterns() {
    List<Pattern> out = new ArrayList<>();
    for (Lexicon lexicon : Lexicons.all()) {
      for (CueRules.Rule rule : lexicon.discourse.rules()) {
        out.add(rule.pattern());
      }
    }
    return out;
  }

  private static List<String> devResponses() throws IOException {
    List<String> out = new ArrayList<>();
    for (String response : DevResponses.read(DevResponses.ALL_FILES)) {
      out.add(Text.normalise(response));
    }
    assertThat(out).hasSizeGreaterThan(1800);
    return out;
  }
}
