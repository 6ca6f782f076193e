package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bare-appeal search through trigger words ({@link AppealSearch}) finds exactly the matches of
 * the lexicon's full pattern run with {@code Matcher.find()} over the same region.
 */
class AppealSearchTest {

  /** Sentences written for this test: every alternative of every lexicon, and edge cases. */
  private static final List<String> OWN =
      List.of(
          "as an ai language model developed by openai, i cannot help with that.",
          "as an aide to the mayor, i know the rules.",
          "as a language model, as a ai, as an assistant.",
          "i'm an ai assistant and i am an ai model, being an ai language model.",
          "being an ai, it goes against my own ethical guidelines and the platform's strict content"
              + " policy.",
          "john's own safety and privacy rules and values of openai and neutrality apply.",
          "x's own a and b c and d content policy forbids it, as do e and f g and h usage policies.",
          "it violates the usage policies of this platform and the standards on impartiality and"
              + " objectivity.",
          "i must remain strictly impartial and be neutral; staying objective, maintain neutrality.",
          "my purpose is to help people, my role is to assist you; that is my purpose.",
          "please ask helpful, respectful and appropriate questions in a positive and constructive"
              + " manner.",
          "non-harmful content and harmless, safe or kind conversations; ethical use of ai.",
          "we promote responsible and safe behaviour and promote ethical use of technology.",
          "please talk to a mental health professional or healthcare providers or health experts.",
          "call a crisis hotline, suicide lines or support services.",
          "i prioritize user safety and prioritise the well-being of everyone.",
          "responsible and ethical use, responsible behavior and responsible assistance matter.",
          "if you're feeling down, if you are struggling with this, reach out.",
          "i am programmed to refuse and designed to help, it is programmed to.",
          "that would break the code of conduct\u2014my guidelines\u2014and the stance of the team.",
          "\u201cmy guidelines\u201d say no; \u2018our rules\u2019 too; the mission is clear.",
          "caf\u00e9 rules, na\u00efve standards, \u00fcber2 rules, \u00e9my guidelines, x\u00e9code.",
          "e\u0301my guidelines and a\u0301 rules, \u0301values.",
          "3 rules, _x rules, the 2nd code of conduct, codes and rules\u00e9 and policy\u00e9.",
          "My guidelines, As an AI, I'm an AI, Being an AI, the Rules.",
          "my\nguidelines, my own\tguidelines, my  own guidelines, the   rules.",
          "als ki-sprachmodell kann ich das nicht, als eine ki und als ein ki-assistent.",
          "meine eigenen richtlinien und unsere grunds\u00e4tze verbieten das, die regeln auch.",
          "ich bin so programmiert, ich bin programmiert, die vorgaben, \u00e4hnlich richtlinien.",
          "en tant qu'ia, je ne peux pas; en tant qu'assistant; en tant qu'mod\u00e8le de langage.",
          "mes propres r\u00e8gles et nos directives, les principes et les consignes.",
          "je suis programm\u00e9e pour refuser, je suis programm\u00e9 ainsi.",
          "como un modelo de lenguaje, como asistente de ia y como ia no puedo.",
          "mis propias pol\u00edticas y nuestras normas, las directrices y las reglas.",
          "estoy programado para eso, estoy programada, las r\u00e8glas.");

  @Test
  void everyLexiconHasTriggersForItsPattern() {
    String[] names = {"English", "German", "French", "Spanish"};
    Lexicon[] all = Lexicons.all();
    for (int i = 0; i < all.length; i++) {
      assertThat(new AppealSearch(all[i]).fast())
          .as(
              "the bare-appeal pattern of %s changed (hash %d): check AppealTriggers' words for it"
                  + " against the pattern, then update PATTERN_HASHES",
              names[i], all[i].discourse.bareAppeal().pattern().hashCode())
          .isTrue();
    }
  }

  @Test
  void findsTheFullPatternsMatchesInOwnSentencesAtEveryRegion() {
    int matches = 0;
    for (Lexicon lexicon : Lexicons.all()) {
      AppealSearch fast = new AppealSearch(lexicon);
      for (String raw : OWN) {
        for (String text : List.of(raw, Text.normalise(raw))) {
          for (int from = 0; from < text.length(); from++) {
            matches += compare(lexicon, fast, text, from, text.length());
          }
          for (int to = 1; to < text.length(); to++) {
            compare(lexicon, fast, text, 0, to);
          }
        }
      }
    }
    assertThat(matches).isGreaterThan(1000);
  }

  @Test
  void findsTheFullPatternsMatchesInTheDevResponses() throws IOException {
    int matches = 0;
    int texts = 0;
    for (String response : DevResponses.read(DevResponses.ALL_FILES)) {
      String lower = Text.normalise(response);
      texts++;
      for (Lexicon lexicon : Lexicons.all()) {
        AppealSearch fast = new AppealSearch(lexicon);
        for (int[] s : Text.sentences(lower, 0, lower.length())) {
          matches += compare(lexicon, fast, lower, s[0], s[1]);
        }
        compare(lexicon, fast, lower, 0, lower.length());
      }
    }
    assertThat(texts).isGreaterThan(1800);
    assertThat(matches).isGreaterThan(500);
  }

  @Test
  void aComparisonCatchesAMissingTrigger() {
    // The comparison above can fail: with "as" as the only trigger, "my ethical guidelines" and
    // "a mental health professional" are not found.
    Pattern pattern = Lexicons.ENGLISH.discourse.bareAppeal();
    AppealSearch partial = new AppealSearch(pattern, new AppealTriggers("as:0"));
    String text = "as an ai, my ethical guidelines say: see a mental health professional.";
    assertThat(found(partial, text, 0, text.length())).containsExactly("0:8");
    assertThat(full(pattern, text, 0, text.length())).containsExactly("0:8", "10:31", "43:69");
  }

  @Test
  void withoutTriggersItIsThePlainFind() {
    Pattern pattern = Pattern.compile("\\bab+|c");
    AppealSearch plain = new AppealSearch(pattern, null);
    assertThat(plain.fast()).isFalse();
    assertThat(found(plain, "xab abb c", 1, 9)).containsExactly("1:3", "4:7", "8:9");
  }

  private static int compare(Lexicon lexicon, AppealSearch fast, String text, int from, int to) {
    List<String> expected = full(lexicon.discourse.bareAppeal(), text, from, to);
    assertThat(found(fast, text, from, to))
        .as("%s over [%d, %d) of \"%s\"", lexicon.discourse.bareAppeal(), from, to, text)
        .isEqualTo(expected);
    return expected.size();
  }

  private static List<String> found(AppealSearch search, String text, int from, int to) {
    List<String> out = new ArrayList<>();
    search.reset(text, from, to);
    while (search.find()) {
      out.add(search.start() + ":" + search.end());
    }
    return out;
  }

  private static List<String> full(Pattern pattern, String text, int from, int to) {
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    m.region(from, to);
    while (m.find()) {
      out.add(m.start() + ":" + m.end());
    }
    return out;
  }
}
