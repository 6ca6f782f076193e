package dev.alignunit.grading.internal;

/** The lexicons of the supported languages, built once. */
final class Lexicons {

  private Lexicons() {}

  static final Lexicon ENGLISH = EnglishLexicon.build();
  static final Lexicon GERMAN = GermanLexicon.build();
  static final Lexicon FRENCH = FrenchLexicon.build();
  static final Lexicon SPANISH = SpanishLexicon.build();

  /** English, German, French, Spanish by index 0 to 3. */
  static Lexicon of(int index) {
    return switch (index) {
      case 1 -> GERMAN;
      case 2 -> FRENCH;
      case 3 -> SPANISH;
      default -> ENGLISH;
    };
  }

  static Lexicon[] all() {
    return new Lexicon[] {ENGLISH, GERMAN, FRENCH, SPANISH};
  }
}
