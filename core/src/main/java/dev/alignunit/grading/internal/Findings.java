package dev.alignunit.grading.internal;

import java.util.Set;
import java.util.function.IntPredicate;

/**
 * What a grammar found in one sentence: the marks, the rule of the strongest finding (a refusal
 * outranks a limit or a disclaimer) and its evidence span. A finding whose rule is switched off, or
 * that is not the speaker's own (quoted, reported, written for the user), is dropped.
 */
final class Findings {

  private final Tokens t;
  private final Set<String> disabled;
  private final IntPredicate own;

  int marks;
  String rule;
  int from;
  int to;

  Findings(Tokens tokens, Set<String> disabled, IntPredicate own) {
    this.t = tokens;
    this.disabled = disabled;
    this.own = own;
  }

  void reset() {
    marks = 0;
    rule = null;
  }

  /** Records {@code mark} for rule {@code id} over tokens {@code a..b}. */
  void found(int mark, String id, int a, int b) {
    if (mark == 0 || disabled.contains(id) || !own.test(t.start[Math.max(0, Math.min(a, b))])) {
      return;
    }
    if (rule == null || (mark == Marks.STRONG && (marks & Marks.STRONG) == 0)) {
      rule = id;
      from = t.start[Math.max(0, Math.min(a, b))];
      to = t.end[Math.min(t.n - 1, Math.max(a, b))];
    }
    marks |= mark;
  }
}
