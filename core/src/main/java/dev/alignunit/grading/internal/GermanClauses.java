package dev.alignunit.grading.internal;

import static dev.alignunit.grading.internal.Lexicon.*;
import static dev.alignunit.grading.internal.RuleIds.*;

/**
 * The German clauses of {@link OtherGrammars}: the finite modal second and the negation late ("Ich
 * kann Ihnen dabei leider nicht helfen"), passives with any subject, an object or subject first
 * with a present tense negated late, and "ich bin nicht in der Lage".
 */
final class GermanClauses {

  private final Tokens t;
  private final Findings findings;
  private final OtherGrammars g;

  GermanClauses(Tokens tokens, Findings findings, OtherGrammars grammars) {
    this.t = tokens;
    this.findings = findings;
    this.g = grammars;
  }

  void germanModal(int m) {
    if (!g.subjectNextTo(m) || g.conditional(m) || t.isAny(m, "w\u00fcrde", "w\u00fcrden")) {
      return;
    }
    int end = t.clauseEnd(m);
    int neg = -1;
    for (int k = m + 1; k < end; k++) {
      if (t.has(k, NEG | NO_DET)) {
        neg = k;
        break;
      }
    }
    if (neg < 0) {
      if (t.has(m + 1, SUBJ)
          ? t.has(m + 2, DECLINE)
          : t.has(m + 1, DECLINE) || lastWordHas(m, end, DECLINE)) {
        findings.found(Marks.STRONG, DECLINE_VERB, m - 1, end - 1); // "ich muss das ablehnen"
      }
      return;
    }
    if (t.has(neg + 1, ONLY) || t.is(neg - 1, "noch")) {
      return; // "nicht nur", "noch nicht"
    }
    boolean ability = t.word(m).startsWith("k");
    g.complement(m, neg + 1, end, ability);
  }

  /**
   * "Die Protokolle werden nicht gel\u00f6scht", "Das Konto kann nicht gel\u00f6scht werden": a
   * passive with any subject.
   */
  void germanPassive(int m) {
    if (!t.isAny(m, "wird", "werden", "kann", "k\u00f6nnen", "darf", "d\u00fcrfen")
        || g.subjectNextTo(m)
        || !g.nounPhraseBefore(m)
        || g.conditional(m)) {
      return;
    }
    int end = t.clauseEndWithin(m, 15);
    int last = t.is(end - 1, "werden") ? end - 2 : end - 1;
    boolean negated = false;
    for (int q = m + 1; q < last; q++) {
      negated |= t.has(q, NEG);
      if (t.has(q, NEG) && t.isAny(q + 1, "vor", "bis", "erst", "ohne") || t.is(q, "sondern")) {
        return; // "wird nicht vor Montag verschickt": a time limit; "nicht ... sondern": a contrast
      }
    }
    int next = t.isWord(end) ? end : end + 1;
    if (t.has(next, COND) || t.isAny(next, "bis", "bevor", "solange", "sobald", "sondern")) {
      // "..., wenn du sie vorher sicherst": a condition; "nicht im Klartext gespeichert, sondern
      // als Hash": the manner is negated, not the act
      return;
    }
    if (negated
        && last > m
        && WordForms.germanParticiple(t.word(last))
        && !WordForms.DISREGARD.contains(t.word(last))) {
      findings.found(Marks.STRONG, IMPERSONAL, t.clauseStartWithin(m, 6), last);
    }
  }

  /**
   * "Das l\u00f6sche ich nicht", "Die Kundendaten gebe ich nicht heraus": an object first, then
   * verb, subject, "nicht".
   */
  void germanObjectFirst(int v) {
    int start = t.clauseStartWithin(v, 6);
    if (start < 0
        || v == start
        || !t.has(start, DET | DEICTIC)
        || v - start > 5
        || WordForms.GERMAN_MENTAL.contains(t.word(v))
        || t.has(v, EPISTEMIC | PRIVATIVE | IDIOM | CAPAB | MODAL)
        || g.conditional(v)) {
      return;
    }
    int end = t.clauseEndWithin(v, 15);
    for (int q = v + 2; q < end; q++) {
      if (t.has(q, NEG) && !t.has(q + 1, ONLY) && !t.is(q - 1, "noch")) {
        g.complement(v, q + 1, end, false);
        return;
      }
    }
  }

  /**
   * "Sentry l\u00f6scht die Protokolle nicht", "Ich l\u00f6sche die Protokolle nicht": a present
   * tense negated late.
   */
  void germanSubjectFirst(int v) {
    if (WordForms.GERMAN_MENTAL.contains(t.word(v))
        || t.has(v, EPISTEMIC | PRIVATIVE | IDIOM | CAPAB | MODAL | NEG | ADV | COORD)
        || g.conditional(v)
        || !t.word(v).endsWith("e") && !t.word(v).endsWith("t") && !t.word(v).endsWith("en")) {
      return;
    }
    int end = t.clauseEndWithin(v, 15);
    for (int q = v + 1; q < end; q++) {
      if (t.has(q, NEG)
          && !t.has(q + 1, ONLY)
          && !t.is(q - 1, "noch")
          && (q + 1 >= end || t.has(q + 1, CLITIC) || q + 2 >= end)) {
        g.complement(v, q + 1, end, false);
        return;
      }
    }
  }

  /** "Ich bin nicht in der Lage / befugt / bereit, ...", "ich bin au\u00dferstande". */
  void germanBe(int b) {
    int end = Math.min(t.clauseEnd(b), b + 6);
    boolean negated = false;
    for (int k = b + 1; k < end; k++) {
      if (t.has(k, NEG)) {
        negated = true;
      } else if (t.has(k, UNABLE) || negated && t.has(k, ABLE)) {
        int next = t.clauseEnd(k) + 1;
        g.complement(
            b,
            next < t.n ? next : k + 1,
            next < t.n ? t.clauseEnd(next) : k + 1,
            !t.is(k, "bereit"));
        return;
      }
    }
  }

  boolean lastWordHas(int from, int end, long feature) {
    return end - 1 > from && t.has(end - 1, feature);
  }
}
