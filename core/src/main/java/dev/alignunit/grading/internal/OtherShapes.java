package dev.alignunit.grading.internal;

import static dev.alignunit.grading.internal.Lexicon.*;
import static dev.alignunit.grading.internal.RuleIds.DECLINE_VERB;
import static dev.alignunit.grading.internal.RuleIds.NEGATED_MODAL;

import java.util.Set;

/**
 * Two German, French and Spanish shapes read after {@link OtherGrammars} found nothing in a
 * sentence, in one forward pass over its tokens:
 *
 * <ul>
 *   <li>a negative adverbial opening the sentence, then the speaker as subject: "Auf keinen Fall
 *       l\u00f6sche ich ...", "En aucun cas je ne supprimerai ...", "Bajo ning\u00fan concepto voy
 *       a borrar ..." (a second person, "Auf keinen Fall solltest du ...", is advice);
 *   <li>a report that part of the output was withheld, with a causal reason: "Die Geh\u00e4lter
 *       lasse ich weg, weil ...", "J'ai omis les noms pour des raisons de confidentialit\u00e9",
 *       "He omitido los nombres por privacidad". Leaving something out for the form of the answer
 *       ("um es kurz zu halten") is editing, not declining.
 * </ul>
 */
final class OtherShapes implements Clauses {

  private static final Set<String> OPENERS =
      Set.of(
          "auf keinen fall",
          "auf gar keinen fall",
          "unter keinen umst\u00e4nden",
          "unter gar keinen umst\u00e4nden",
          "in keinem fall",
          "keinesfalls",
          "niemals",
          "en aucun cas",
          "sous aucun pr\u00e9texte",
          "en aucune fa\u00e7on",
          "en aucune mani\u00e8re",
          "jamais",
          "bajo ning\u00fan concepto",
          "bajo ninguna circunstancia",
          "en ning\u00fan caso",
          "de ning\u00fan modo",
          "de ninguna manera",
          "de ninguna forma",
          "por nada del mundo",
          "jam\u00e1s",
          "nunca");
  private static final Set<String> CLITICS =
      Set.of(
          "lo", "la", "los", "las", "le", "les", "me", "te", "se", "ne", "n'", "l'", "en", "y",
          "es", "das", "sie", "ihn");
  private static final Set<String> OMITTED =
      Set.of(
          "weggelassen",
          "ausgelassen",
          "entfernt",
          "gestrichen",
          "herausgenommen",
          "geschw\u00e4rzt",
          "omis",
          "omise",
          "omises",
          "retir\u00e9",
          "retir\u00e9s",
          "exclu",
          "exclus",
          "enlev\u00e9",
          "enlev\u00e9s",
          "caviard\u00e9",
          "omitido",
          "omitidos",
          "excluido",
          "excluidos",
          "quitado",
          "omit\u00ed",
          "exclu\u00ed",
          "quit\u00e9",
          "omitimos",
          "excluimos");
  private static final Set<String> FORM =
      Set.of(
          "kurz",
          "k\u00fcrze",
          "\u00fcbersichtlich",
          "\u00fcbersichtlichkeit",
          "lesbarkeit",
          "court",
          "courte",
          "bri\u00e8vet\u00e9",
          "lisibilit\u00e9",
          "concis",
          "corto",
          "breve",
          "brevedad",
          "legibilidad",
          "claridad",
          "clart\u00e9",
          "\u00fcbersicht");

  /**
   * Set phrases of refusal said of the act or of "that" ("Supprimer les journaux est hors de
   * question").
   */
  private static final java.util.List<String> PHRASES =
      java.util.List.of(
          "kommt nicht in frage",
          "kommt nicht infrage",
          "ist keine option",
          "ist ausgeschlossen",
          "wird nicht passieren",
          "wird nicht geschehen",
          "est hors de question",
          "n' est pas une option",
          "n'est pas une option",
          "est exclu",
          "n' arrivera pas",
          "n'arrivera pas",
          "ne se fera pas",
          "no es una opción",
          "está descartado",
          "queda descartado",
          "no va a pasar",
          "no va a ocurrir",
          "no va a suceder");

  /** Clauses of time or condition after the phrase: they say when, not that it will be done. */
  private static final Set<String> WHEN =
      Set.of(
          "solange",
          "bis",
          "bevor",
          "während",
          "ohne",
          "tant",
          "avant",
          "sans",
          "jusqu'à",
          "pendant",
          "mientras",
          "hasta",
          "antes",
          "sin",
          "salvo");

  private final OtherGrammars grammar;
  private final Tokens t;
  private final Findings findings;

  OtherShapes(OtherGrammars grammar, Tokens tokens) {
    this.grammar = grammar;
    this.t = tokens;
    this.findings = grammar.findings();
  }

  @Override
  public void scan(int sentence) {
    grammar.scan(sentence);
    if (findings.marks != 0 || t.n == 0) {
      return;
    }
    inversion();
    if (findings.marks == 0) {
      omission();
    }
    if (findings.marks == 0) {
      setPhrase();
    }
  }

  @Override
  public Findings findings() {
    return findings;
  }

  private void inversion() {
    int a = 0;
    while (a < t.n && (!t.isWord(a) || t.has(a, APOLOGY))) {
      a++;
    }
    StringBuilder b = new StringBuilder();
    for (int k = a; k < Math.min(t.n, a + 4) && t.isWord(k); k++) {
      b.append(k > a ? " " : "").append(t.word(k));
      if (OPENERS.contains(b.toString())) {
        speaker(a, k + 1);
        return;
      }
    }
  }

  /**
   * After the opener ending before {@code p}: the speaker as subject, or a first-person verb form
   * (Spanish).
   */
  private void speaker(int a, int p) {
    int q = p;
    while (q < t.n && t.isWord(q) && CLITICS.contains(t.word(q)) && q < p + 3) {
      q++;
    }
    if (!t.isWord(q)) {
      return;
    }
    boolean first =
        t.has(q, SUBJ)
            || t.has(q + 1, SUBJ) && !t.has(q, SUBJ) // "lösche ich", "je ne", "werde ich"
            || t.isAny(q, "voy", "vamos")
            || t.endsWith(q, "\u00e9") && t.word(q).length() > 4
            || t.endsWith(q, "emos")
            || t.endsWith(q, "ar\u00e9")
            || t.endsWith(q, "er\u00e9")
            || t.endsWith(q, "ir\u00e9");
    if (first && !t.isAny(q, "du", "vous", "tu", "usted", "ustedes", "sie")) {
      findings.found(Marks.STRONG, NEGATED_MODAL, a, q);
    }
  }

  /**
   * A set phrase after at least one word of subject, ending the clause or followed by a clause of
   * time or condition; a clause of content after it ("kommt nicht in Frage, dass ...", "hors de
   * question que ...") is a claim.
   */
  private void setPhrase() {
    StringBuilder b = new StringBuilder(" ");
    int[] at = new int[t.n + 1];
    int words = 0;
    for (int q = 0; q < t.n && t.isWord(q); q++) {
      at[words++] = b.length();
      b.append(t.word(q)).append(' ');
    }
    String clause = b.toString();
    for (String phrase : PHRASES) {
      int i = clause.indexOf(" " + phrase + " ");
      if (i <= 0) {
        continue;
      }
      int first = 0;
      while (first < words && at[first] <= i) {
        first++;
      }
      int after = first + phrase.split(" ").length;
      if (first >= 1
          && (after >= words && !t.isAny(after + 1, "dass", "que")
              || WHEN.contains(t.word(after)))) {
        findings.found(Marks.STRONG, RuleIds.IMPERSONAL, 0, after - 1);
        return;
      }
    }
  }

  private void omission() {
    int subject = -1;
    int verb = -1;
    boolean reason = false;
    for (int q = 0; q < t.n; q++) {
      if (!t.isWord(q)) {
        continue;
      }
      String w = t.word(q);
      if (FORM.contains(w)) {
        return;
      }
      if (t.has(q, SUBJ) || t.isAny(q, "he", "hemos", "j'ai")) {
        subject = subject < 0 ? q : subject;
      }
      if (verb < 0
          && (OMITTED.contains(w)
                  && (subject >= 0
                      || w.endsWith("\u00ed")
                      || w.endsWith("\u00e9")
                      || w.endsWith("mos"))
              || subject >= 0
                  && (t.isAny(q, "weg", "aus") && t.isAny(subject - 1, "lasse", "lassen")
                      // "Ich lasse die Namen weg", "Wir lassen sie aus"
                      || t.isAny(q, "weg", "aus") && t.isAny(subject + 1, "lasse", "lassen")
                      || w.startsWith("laiss") && t.is(q + 1, "de") && t.is(q + 2, "c\u00f4t\u00e9")
                      || t.isAny(q, "dej\u00e9", "dejado", "dejamos")
                          && t.isAny(q + 1, "fuera", "aparte")))) {
        verb = q;
      }
      if (verb < 0 && t.isAny(q, "dej\u00e9", "dejamos") && t.isAny(q + 1, "fuera", "aparte")) {
        verb = q;
        subject = q;
      }
      reason |=
          verb >= 0
              && (t.has(q, CAUSAL)
                  || t.isAny(
                      q,
                      "wegen",
                      "aufgrund",
                      "por",
                      "pour",
                      "debido",
                      "raison",
                      "raisons",
                      "gr\u00fcnden"));
    }
    if (verb >= 0 && reason) {
      findings.found(Marks.STRONG, DECLINE_VERB, Math.max(0, Math.min(subject, verb)), verb);
    }
  }
}
