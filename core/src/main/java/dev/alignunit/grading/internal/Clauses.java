package dev.alignunit.grading.internal;

import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A refusal grammar for one language: scans the tokens of one sentence for refusal clauses, limits
 * of knowledge and no-opinion disclaimers. After {@link #scan()}, {@link #marks()} holds what was
 * found, {@link #rule()} the rule of the strongest finding and {@link #from()}/{@link #to()} its
 * evidence span (character offsets).
 */
interface Clauses {

  /** Scans the tokens of sentence number {@code sentence} (0-based) of the voice. */
  void scan(int sentence);

  /** What the last scan found. */
  Findings findings();

  default int marks() {
    return findings().marks;
  }

  default String rule() {
    return findings().rule;
  }

  default int from() {
    return findings().from;
  }

  default int to() {
    return findings().to;
  }

  /**
   * The grammar for the lexicon's language.
   *
   * @param own whether a clause starting at a character offset is the speaker's own (not quoted,
   *     reported or part of a text written for the user)
   */
  static Clauses forLanguage(
      Lexicon lexicon, Tokens tokens, Set<String> names, Set<String> disabled, IntPredicate own) {
    if (lexicon == Lexicons.ENGLISH) {
      return new RefusalGrammar(tokens, names, disabled, own);
    }
    return new OtherShapes(new OtherGrammars(lexicon, tokens, names, disabled, own), tokens);
  }
}
