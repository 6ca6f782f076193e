package dev.alignunit.grading.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The words of one language that the grammars need, as feature bits: subject pronouns, modal and
 * negation words, the classes of verbs that change what a negated modal means (idioms, privative
 * verbs, verbs of knowing and perceiving), request nouns, apologies, and the language's discourse
 * cues and concern words. One immutable instance per language ({@link Lexicons}).
 */
final class Lexicon {

  // --- feature bits -----------------------------------------------------------------------
  static final long SUBJ = 1L; // first person: I, we, ich, je, yo
  static final long SUBJ_BE = 1L << 1; // I'm, we're
  static final long SUBJ_WILL = 1L << 2; // I'll, we'll
  static final long SUBJ_WOULD = 1L << 3; // I'd, we'd
  static final long SELF_VERB = 1L << 4; // a verb form that marks the first person (es: puedo, voy)
  static final long NEG = 1L << 5; // not, never, nicht, pas, no
  static final long NEG_PRE = 1L << 6; // preverbal negation: fr ne, es no
  static final long NO_DET = 1L << 7; // "no" as a determiner: kein, aucun, ningún
  static final long MODAL = 1L << 8; // can, will, must, kann, peux, puedo
  static final long MODAL_NEG = 1L << 9; // can't, won't, cannot
  static final long PAST = 1L << 10; // could, couldn't, wasn't: a report of a past attempt
  static final long BE = 1L << 11;
  static final long BE_NEG = 1L << 12; // isn't, aren't
  static final long DO_NEG = 1L << 13; // don't, doesn't
  static final long HAVE = 1L << 14;
  static final long ABLE = 1L << 15; // able, allowed, willing, going, comfortable, in a position
  static final long UNABLE = 1L << 16; // unable, unwilling, prohibited
  static final long DECLINE = 1L << 17; // decline, refuse, refrain
  static final long ADV = 1L << 18; // adverbs that may sit inside the verb group
  static final long COORD = 1L << 19; // and, but, so
  static final long IDIOM = 1L << 20; // can't wait, can't thank you enough, can't stress
  static final long PRIVATIVE = 1L << 21; // won't forget, won't hesitate, refuse to give up
  static final long EPISTEMIC = 1L << 22; // can't know, can't guarantee, can't predict
  static final long CAPAB = 1L << 23; // can't access, can't browse, can't see
  static final long TELL = 1L << 24; // tell, say: epistemic before whether/if
  static final long WH = 1L << 25; // whether, if, which, what, ob, si
  static final long UNTIL = 1L << 26; // until, before, unless: a time limit or a condition
  static final long YET = 1L << 27; // not yet
  static final long COND = 1L << 28; // if, unless, when: a conditional clause opens
  static final long ENOUGH = 1L << 29; // can't recommend it enough
  static final long MORE = 1L << 30; // can't agree more
  static final long DEICTIC = 1L << 31; // that, this, it
  static final long REQUEST = 1L << 32; // request, task, instruction
  static final long POSSIBLE = 1L << 33; // possible, feasible, an option
  static final long IMPOSSIBLE = 1L << 34; // impossible
  static final long PARTICIPLE = 1L << 35; // irregular past participles: done, made, sent
  static final long ASSISTANT = 1L << 36; // assistant, model, agent, AI
  static final long OPINION = 1L << 37; // opinions, beliefs, feelings
  static final long ACCESS = 1L << 38; // access, information, data
  static final long AUTHORITY = 1L << 39; // ability, permission, authority, intention
  static final long SOMETHING = 1L << 40; // something, anything
  static final long APOLOGY = 1L << 41; // sorry, unfortunately, afraid
  static final long NO = 1L << 42; // no, nope, nein, non
  static final long SPEECH = 1L << 43; // say, said, reply: reported speech
  static final long CLITIC = 1L << 44; // object clitics: fr le/vous, es lo/te
  static final long FOR = 1L << 45; // for (me)
  static final long ME = 1L << 46; // me, us, mir, moi
  static final long ONLY = 1L << 47; // not only
  static final long TO = 1L << 48; // the infinitive marker: to, zu, de, a
  static final long DET = 1L << 49; // articles and possessives
  static final long POLICY = 1L << 50; // guidelines, policy, programming, rules
  static final long APPROPRIATE = 1L << 51; // appropriate, right, ethical (negated: a judgement)
  static final long EVAL_NEG = 1L << 52; // inappropriate, unethical, wrong (for me to)
  static final long AGAINST = 1L << 53; // against, violate, contrary
  static final long THINK = 1L << 54; // think, believe: "I don't think I can"
  static final long FEEL = 1L << 55; // feel: "I don't feel comfortable"
  static final long CONDONE = 1L << 56; // condone, support, endorse: "I do not condone"
  static final long CAUSAL = 1L << 57; // because, since, as: a reason follows
  static final long HARM_VERB = 1L << 58; // harm, expose, endanger: a stated consequence
  static final long MODAL_ANY = 1L << 59; // could, would, might, may, will: before a consequence
  static final long DEONTIC = 1L << 60; // requires, prohibits, forbids: a rule's content
  static final long RATHER = 1L << 61; // rather, prefer (not to)
  static final long DO = 1L << 62; // do, does: "I do not"

  final String name;
  private final WordTable<Object> table;
  private final boolean elision;
  final Discourse discourse;
  final ConceptWords concepts;

  private Lexicon(
      String name,
      Map<String, Long> features,
      boolean elision,
      Discourse discourse,
      ConceptWords concepts) {
    this.name = name;
    this.table = new WordTable<>(features, Map.of());
    this.elision = elision;
    this.discourse = discourse;
    this.concepts = concepts;
  }

  /** The features of {@code text[from, to)}. */
  long features(String text, int from, int to) {
    return table.bits(text, from, to);
  }

  /**
   * The features of {@code text[from, to)}, whose running hash ({@link WordTable#hashStep}) the
   * caller computed while reading it.
   */
  long features(String text, int from, int to, int running) {
    return table.bits(text, from, to, running);
  }

  /**
   * Where a French elided word splits ({@code j'ai} -> {@code j'} + {@code ai}), or {@code from}
   * when it does not.
   */
  int elisionSplit(String text, int from, int to) {
    if (!elision || to - from < 3) {
      return from;
    }
    if (text.charAt(from + 1) == '\'' && "jnlmtscd".indexOf(text.charAt(from)) >= 0) {
      return from + 2;
    }
    if (to - from > 3 && text.startsWith("qu'", from)) {
      return from + 3;
    }
    return from;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Collects the words of a lexicon. */
  static final class Builder {
    private final String name;
    private final Map<String, Long> features = new HashMap<>();
    private boolean elision;
    private Discourse discourse;
    private ConceptWords concepts;

    Builder(String name) {
      this.name = name;
    }

    /** Gives every word (space-separated) the feature. */
    Builder words(long feature, String words) {
      for (String w : words.split("\\s+")) {
        if (!w.isEmpty()) {
          features.merge(w, feature, (a, b) -> a | b);
        }
      }
      return this;
    }

    Builder elision() {
      this.elision = true;
      return this;
    }

    Builder discourse(Discourse cues) {
      this.discourse = cues;
      return this;
    }

    Builder concepts(ConceptWords words) {
      this.concepts = words;
      return this;
    }

    Lexicon build() {
      return new Lexicon(name, features, elision, discourse, concepts);
    }
  }
}
