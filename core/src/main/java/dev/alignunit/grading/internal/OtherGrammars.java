package dev.alignunit.grading.internal;

import java.util.Set;
import java.util.function.IntPredicate;

/** German, French and Spanish refusal clauses (placeholder). */
final class OtherGrammars implements Clauses {
  OtherGrammars(Lexicon lexicon, Tokens tokens, Set<String> names, Set<String> disabled, IntPredicate own) {}
  public void scan(int sentence) {}
  public int marks() { return 0; }
  public String rule() { return null; }
  public int from() { return 0; }
  public int to() { return 0; }
}
