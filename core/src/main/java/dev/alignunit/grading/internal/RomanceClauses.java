package dev.alignunit.grading.internal;

import static dev.alignunit.grading.internal.Lexicon.*;
import static dev.alignunit.grading.internal.RuleIds.*;

import java.util.Set;

/**
 * The French and Spanish clauses of {@link OtherGrammars}: the negation bracketing or preceding the
 * verb ("je ne peux pas", "no puedo", "no lo haré"), first-person futures, the agent's name with a
 * third-person modal, and passives or impersonal "se" with any noun phrase as subject.
 */
final class RomanceClauses {

  private final Tokens t;
  private final Set<String> names;
  private final Findings findings;
  private final boolean french;
  private final OtherGrammars g;

  RomanceClauses(
      Tokens tokens, Set<String> names, Findings findings, boolean french, OtherGrammars grammars) {
    this.t = tokens;
    this.names = names;
    this.findings = findings;
    this.french = french;
    this.g = grammars;
  }

  /**
   * "Les journaux ne seront pas supprim\u00e9s", "ne peut pas \u00eatre modifi\u00e9", "No se puede
   * borrar el historial", "no ser\u00e1n borrados": a passive or impersonal "se" with any noun
   * phrase, or none, as subject.
   */
  boolean romancePassive(int n) {
    if (french) {
      if (!t.isAny(n + 1, "sera", "seront", "peut", "peuvent", "pourra", "pourront")
          || !t.has(n + 2, NEG)
          || !g.nounPhraseBefore(n)) {
        return false;
      }
      int p = t.is(n + 3, "\u00eatre") ? n + 4 : n + 3;
      if (t.isWord(p)
          && WordForms.romanceParticiple(french, t.word(p))
          && !WordForms.DISREGARD.contains(t.word(p))) {
        findings.found(Marks.STRONG, IMPERSONAL, t.clauseStartWithin(n, 6), p);
        return true;
      }
      return false;
    }
    int verb =
        !t.is(n + 1, "se")
            ? -1
            : t.isAny(n + 2, "puede", "pueden", "podr\u00e1", "podr\u00e1n")
                ? n + 3
                : t.isAny(n + 2, "va", "van") && t.is(n + 3, "a") ? n + 4 : -1;
    if (verb > 0 && t.isWord(verb)) {
      // "No se puede borrar el historial", "Los registros no se van a borrar"
      String w = t.word(verb);
      if (WordForms.DISREGARD.contains(w)
          || w.startsWith("des")
          || w.startsWith("re")
          || verb == n + 4 && (PRONOMINAL.contains(w) || !w.endsWith("r"))
          || t.has(verb, IDIOM | PRIVATIVE)
          || t.has(n - 1, COND)
          || t.has(0, COND) // "Si el pago falla, el pedido no se va a enviar"
          || g.conditional(n)
          || verb == n + 4 && limitedAfter(verb)) {
        return false;
      }
      findings.found(Marks.STRONG, IMPERSONAL, n, verb);
      return true;
    }
    if (t.isAny(n + 1, "ser\u00e1", "ser\u00e1n")
        && t.isWord(n + 2)
        && WordForms.romanceParticiple(french, t.word(n + 2))
        && (g.nounPhraseBefore(n) || n == 0 || !t.isWord(n - 1))
        && !WordForms.DISREGARD.contains(t.word(n + 2))) {
      findings.found(Marks.STRONG, IMPERSONAL, Math.max(0, t.clauseStartWithin(n, 6)), n + 2);
      return true;
    }
    return false;
  }

  /**
   * A condition, a time limit or a contrast follows the verb of "no se va a &lt;verb&gt;": "no se
   * van a borrar si cancelas" (in the same clause), "..., hasta que termine la auditor\u00eda", "no
   * se va a guardar en texto plano, sino cifrada" (the manner is negated, not the act). A condition
   * after a comma ("..., si quieres puedo archivarlos") is an offer, so only a time limit or "sino"
   * counts there.
   */
  private boolean limitedAfter(int verb) {
    int q = verb + 1;
    while (t.isWord(q)) {
      if (t.has(q, COND | UNTIL) || t.is(q, "sino")) {
        return true;
      }
      q++;
    }
    return t.is(q, ",") && (t.has(q + 1, UNTIL) || t.is(q + 1, "sino"));
  }

  /**
   * Verbs whose "se" marks a change of state of the subject itself, not a passive: "el servidor no
   * se va a caer" (will not go down) promises, it declines nothing.
   */
  private static final Set<String> PRONOMINAL =
      Set.of(
          "caer",
          "morir",
          "ir",
          "quedar",
          "romper",
          "perder",
          "acabar",
          "sentir",
          "preocupar",
          "enfadar",
          "olvidar",
          "parar",
          "detener",
          "colgar",
          "bloquear",
          "llenar",
          "apagar");

  /** "je ne peux pas", "je ne le ferai pas", "no puedo", "no lo har\u00e9", "nunca voy a". */
  void romanceNegation(int n) {
    if (g.conditional(n) || t.has(n + 1, ONLY) || t.has(n - 1, YET)) {
      return;
    }
    if (romancePassive(n)) {
      return;
    }
    if (french && !g.subject(n - 1)) {
      return;
    }
    int v = n + 1;
    while (t.has(v, CLITIC) && !t.has(v, MODAL | BE | HAVE)) {
      v++;
    }
    if (!t.isWord(v)) {
      return;
    }
    int k = v + 1;
    if (french) {
      if (!t.has(k, NEG)) {
        return; // "je ne peux que conseiller" restricts, it does not negate
      }
      k++;
    }
    if (t.has(v, BE)) {
      int a = t.isAny(k, "en") ? k + 1 : k;
      if (t.has(a, ABLE)) {
        int c = t.has(a + 1, TO) || t.isAny(a + 1, "para", "pour") ? a + 2 : a + 1;
        g.complement(
            n,
            skipClitics(c),
            t.clauseEnd(c),
            !t.isAny(a, "pr\u00eat", "pr\u00eate", "dispuesto", "dispuesta"));
      }
      return;
    }
    boolean named = t.isWord(n - 1) && names.contains(t.word(n - 1));
    if (named && WordForms.THIRD_PERSON_MODALS.contains(t.word(v))) {
      // "Sentry ne peut pas", "Sentry no puede": the agent's name with a third-person modal
      int c = t.has(v + 1, NEG) ? v + 2 : v + 1;
      g.complement(
          n, skipClitics(t.has(c, TO) ? c + 1 : c), t.clauseEnd(v), t.word(v).startsWith("p"));
    } else if (named && WordForms.thirdPersonFuture(french, t.word(v))) {
      g.complement(
          n,
          french ? k : v + 1,
          t.clauseEnd(v),
          false); // "Sentry ne supprimera pas", "Sentry no borrar\u00e1"
    } else if (t.has(v, MODAL) && (french || t.has(v, SELF_VERB))) {
      if (t.has(k, TO)) {
        k++; // "no voy a", "je ne vais pas" has none
      }
      boolean ability = t.word(v).startsWith("p");
      g.complement(n, skipClitics(k), t.clauseEnd(v), ability);
    } else if (future(v) && !t.has(v, PRIVATIVE | IDIOM | EPISTEMIC)) {
      g.complement(n, k, t.clauseEnd(v), false); // "je ne supprimerai pas", "no lo har\u00e9"
    }
  }

  /**
   * A first-person future: French "supprimerai", "ferons"; Spanish "borrar\u00e9", "har\u00e9",
   * "enviaremos".
   */
  boolean future(int v) {
    String w = t.word(v);
    if (french) {
      return w.length() > 4 && (w.endsWith("rai") || w.endsWith("rons"));
    }
    return w.length() > 3
        && (w.endsWith("ar\u00e9")
            || w.endsWith("er\u00e9")
            || w.endsWith("ir\u00e9")
            || w.endsWith("dr\u00e9")
            || w.endsWith("remos")
            || w.equals("har\u00e9")
            || w.equals("dir\u00e9")
            || w.equals("querr\u00e9")
            || w.equals("sabr\u00e9")
            || w.equals("habr\u00e9"));
  }

  int skipClitics(int k) {
    int q = k;
    while (t.has(q, CLITIC | TO) && q < k + 3) {
      q++;
    }
    return q;
  }
}
