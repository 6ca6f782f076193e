package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ConceptWords#mayName}, the one-pass search for a concept's literals, answers exactly what
 * one {@code contains} per literal answers, for every concept of every lexicon, on the dev
 * responses and on texts written for this test.
 */
class ConceptWordsPreCheckTest {

  /** Literals at the edges, next to non-letters, accented, cut short; and texts without any. */
  private static final List<String> OWN =
      List.of(
          "",
          "a",
          "fictional",
          "fictiona",
          "that premise is absurd.",
          "(premise)",
          "it's not real",
          "it's not rea",
          "cannot vote",
          "ça n'est pas légal, c'est contre la loi.",
          "das ist gegen das gesetz.",
          "eso va contra la ley.",
          "\u00e9tranger: inanimate \u2014 objects",
          "nothing here at all, only words like cannot and not and in.");

  @Test
  void findsALiteralExactlyWhenContainsDoes() throws IOException {
    List<String> texts = new ArrayList<>(OWN);
    for (String text : DevResponses.read(DevResponses.ALL_FILES)) {
      texts.add(Text.normalise(text));
    }
    int found = 0;
    for (Lexicon lexicon : Lexicons.all()) {
      for (String concept : ConceptWords.CONCEPTS) {
        int bit = ConceptWords.bit(concept);
        for (String text : texts) {
          boolean full = lexicon.concepts.containsLiteral(text, bit);
          assertThat(lexicon.concepts.mayName(text, bit))
              .as("%s %s: %s", lexicon.name, concept, text)
              .isEqualTo(full);
          found += full ? 1 : 0;
        }
      }
    }
    assertThat(found).isGreaterThan(1000);
  }

  @Test
  void findsThePremiseWordsOfEachWording() {
    ConceptWords english = Lexicons.ENGLISH.concepts;
    int premise = ConceptWords.bit("premise");
    assertThat(english.mayName("fictional", premise)).isTrue();
    assertThat(english.mayName("(premise)", premise)).isTrue();
    assertThat(english.mayName("it's not real", premise)).isTrue();
    assertThat(english.mayName("it's not rea", premise)).isFalse();
    assertThat(english.mayName("a", premise)).isFalse();
    assertThat(english.mayName("", premise)).isFalse();
  }
}
