package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cue fast path (a pattern narrowed to the alternatives that can start at the trigger word, and
 * a literal prefix test before it) finds exactly the matches of the full pattern.
 */
class LeadingAlternativesTest {

  private static final Pattern CONTENT =
      Pattern.compile(
          "\\b(?:here(?:'s| is| are)|in theory|the (?:best|easiest) (?:way|method)|you (?:could|can)"
              + " \\w+|first,? you)\\b");

  @Test
  void keepsOnlyTheAlternativesThatCanStartWithTheWord() {
    assertThat(LeadingAlternatives.at(CONTENT, "the").pattern())
        .isEqualTo("\\b(?:the (?:best|easiest) (?:way|method))\\b");
    assertThat(LeadingAlternatives.at(CONTENT, "in").pattern()).isEqualTo("\\b(?:in theory)\\b");
    // "here's" is one word: "here(?:'s| is| are)" can start with it, and nothing else can.
    assertThat(LeadingAlternatives.at(CONTENT, "here's").pattern())
        .isEqualTo("\\b(?:here(?:'s| is| are))\\b");
    // "first,? you": the comma is no word character, so the alternative can start at "first".
    assertThat(LeadingAlternatives.at(CONTENT, "first").pattern())
        .isEqualTo("\\b(?:first,? you)\\b");
  }

  @Test
  void aWordNoAlternativeStartsWithNeverMatches() {
    assertThat(LeadingAlternatives.at(CONTENT, "there")).isSameAs(LeadingAlternatives.NEVER);
    // "the" followed by a letter is another word ("these"), not a start of "the best way".
    assertThat(LeadingAlternatives.at(CONTENT, "th")).isSameAs(LeadingAlternatives.NEVER);
  }

  @Test
  void leavesPatternsItCannotReadUnchanged() {
    Pattern optional = Pattern.compile("\\b(?:(?:such|these) )?(?:claims?|jokes?) are harmful");
    Pattern flagged = Pattern.compile("\\b(?:it|this) is wrong", Pattern.CASE_INSENSITIVE);
    Pattern inline = Pattern.compile("\\b(?:(?i)it|this) is wrong");
    Pattern backReference = Pattern.compile("\\b(?:(a)|(b)) \\2");
    for (Pattern p : List.of(optional, flagged, inline, backReference)) {
      assertThat(LeadingAlternatives.at(p, "this")).isSameAs(p);
    }
  }

  @Test
  void prefixesSpellOutLiteralGroupsAndStopAtAnythingElse() {
    Pattern narrowed = LeadingAlternatives.at(CONTENT, "the");
    assertThat(LeadingAlternatives.prefixes(narrowed, "the").strings())
        .containsExactly(
            "the best way", "the best method", "the easiest way", "the easiest method");
    assertThat(
            LeadingAlternatives.prefixes(LeadingAlternatives.at(CONTENT, "you"), "you").strings())
        .containsExactly("you could ", "you can ");
    // "here(?:'s| is| are)" at "here's": the prefix is the word itself, so a test would always
    // pass.
    assertThat(LeadingAlternatives.prefixes(LeadingAlternatives.at(CONTENT, "here's"), "here's"))
        .isNull();
  }

  @Test
  void prefixTestAcceptsExactlyTheTextsThatStartWithAPrefix() {
    LeadingAlternatives.Prefixes p =
        LeadingAlternatives.prefixes(LeadingAlternatives.at(CONTENT, "the"), "the");
    assertThat(p.at("so the best way is", 3)).isTrue();
    assertThat(p.at("the easiest method", 0)).isTrue();
    assertThat(p.at("the user asked", 0)).isFalse();
    assertThat(p.at("the best", 0)).isFalse();
    assertThat(p.at("the", 0)).isFalse();
  }

  /**
   * Every anchored cue of every lexicon, at every occurrence of each of its trigger words in
   * sentences written for this test and in the strings its own prefixes spell out, matches the same
   * span through the fast path as through the full pattern.
   */
  @Test
  void everyAnchoredCueFindsTheSameMatchesThroughTheFastPath() {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "it is not appropriate to share that, and it's not something i can do.",
                "here's how you could start: the best way is to ask first, you can try it.",
                "i do not condone that; i can't support it and i'm not sure that's a good idea.",
                "that is not only illegal but it would be unethical to do so, as an ai i must"
                    + " follow my rules.",
                "the decision is up to you, a matter of personal preference, it depends on your"
                    + " needs.",
                "sorry to hear that, i understand you're upset; please be kind and keep in mind"
                    + " the rules.",
                "es ist nicht m\u00f6glich, das zu tun, und ich werde das nicht machen.",
                "je ne peux pas faire cela, c'est contraire \u00e0 mes r\u00e8gles.",
                "no puedo ayudar con eso, no es apropiado ni legal."));
    int compared = 0;
    for (Lexicon lexicon : Lexicons.all()) {
      for (CueRules.Rule rule : lexicon.discourse.rules()) {
        if (!rule.anchored()) {
          continue;
        }
        for (String word : rule.triggers()) {
          Pattern narrowed = LeadingAlternatives.at(rule.pattern(), word);
          LeadingAlternatives.Prefixes prefixes =
              narrowed == LeadingAlternatives.NEVER
                  ? null
                  : LeadingAlternatives.prefixes(narrowed, word);
          List<String> probes = new ArrayList<>(texts);
          probes.add(word + " x");
          if (prefixes != null) {
            for (String s : prefixes.strings()) {
              probes.add(s + " y and more words.");
              probes.add("then " + s + ", and so on");
              probes.add(s.substring(0, s.length() - 1));
            }
          }
          for (String text : probes) {
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
              if (at > 0 && Text.isWordChar(text.charAt(at - 1))
                  || at + word.length() < text.length()
                      && Text.isWordChar(text.charAt(at + word.length()))) {
                continue; // not the whole word
              }
              String full = match(rule.pattern(), text, at);
              String fast =
                  narrowed == LeadingAlternatives.NEVER
                          || prefixes != null && !prefixes.at(text, at)
                      ? null
                      : match(narrowed, text, at);
              assertThat(fast)
                  .as("%s at '%s' in \"%s\"", rule.pattern().pattern(), word, text)
                  .isEqualTo(full);
              compared++;
            }
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  private static String match(Pattern pattern, String text, int at) {
    Matcher m = pattern.matcher(text);
    m.useTransparentBounds(true);
    m.region(at, text.length());
    return m.lookingAt() ? m.start() + ":" + m.end() : null;
  }
}
