package dev.alignunit.grading.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whose words a clause is: the speaker's own, or quoted, reported ("just say I cannot ..."),
 * conditional ("if I can't find it") or part of a text written for the user (a draft reply after
 * "Here is a polite reply you can send:", a letter from "Dear ..." to "Best regards").
 */
final class SpeechContext {

  private SpeechContext() {}

  private static final String[] SALUTATIONS = {
    "dear ",
    "sehr geehrte",
    "liebe ",
    "lieber ",
    "cher ",
    "ch\u00e8re ",
    "madame",
    "monsieur",
    "estimado",
    "estimada",
    "querido",
    "querida"
  };
  private static final String[] CLOSINGS = {
    "best regards",
    "kind regards",
    "regards,",
    "sincerely",
    "best wishes",
    "best,",
    "thanks,",
    "cheers,",
    "mit freundlichen gr",
    "viele gr",
    "beste gr",
    "cordialement",
    "bien \u00e0 vous",
    "atentamente",
    "saludos",
    "un saludo"
  };

  /**
   * Pairs of double quotes; a quote that covers most of the region is the answer itself, not a
   * quotation.
   */
  static int[] quoteSpans(String lower, int from, int to) {
    int count = 0;
    int[] spans = new int[16];
    int open = -1;
    int single = -1;
    // Only quote characters change the state: jump from one to the next (indexOf is vectorised)
    // instead of reading every character.
    int nextDouble = lower.indexOf('"', from);
    int nextSingle = lower.indexOf('\'', from);
    while (true) {
      int i;
      if (nextDouble >= 0 && (nextSingle < 0 || nextDouble < nextSingle)) {
        i = nextDouble;
        nextDouble = lower.indexOf('"', i + 1);
      } else if (nextSingle >= 0) {
        i = nextSingle;
        nextSingle = lower.indexOf('\'', i + 1);
      } else {
        break;
      }
      if (i >= to) {
        break;
      }
      char c = lower.charAt(i);
      int start = -1;
      if (c == '"') {
        if (open < 0) {
          open = i;
          continue;
        }
        start = open;
        open = -1;
      } else if (c == '\''
          && single < 0
          && (i == from || Character.isWhitespace(lower.charAt(i - 1)))
          && i + 1 < to
          && Character.isLetter(lower.charAt(i + 1))) {
        single =
            i; // an opening single quote: after a space, before a letter (not the apostrophe of
        // "won't")
        continue;
      } else if (c == '\''
          && single >= 0
          && i > from
          && !Character.isWhitespace(lower.charAt(i - 1))
          && (i + 1 >= to || !Character.isLetter(lower.charAt(i + 1)))) {
        start = single;
        single = -1;
      }
      // A quote that covers most of the region is the answer itself, unless a colon introduces it.
      if (start >= 0 && (i - start < (to - from) * 0.6 || introducedByColon(lower, start, from))) {
        if (count + 2 > spans.length) {
          spans = Arrays.copyOf(spans, spans.length * 2);
        }
        spans[count++] = start;
        spans[count++] = i;
      }
    }
    return Arrays.copyOf(spans, count);
  }

  private static boolean introducedByColon(String lower, int quote, int from) {
    int p = quote;
    while (p > from && Character.isWhitespace(lower.charAt(p - 1))) {
      p--;
    }
    return p > from && lower.charAt(p - 1) == ':';
  }

  static boolean insideQuote(int[] quotes, int position) {
    for (int i = 0; i < quotes.length; i += 2) {
      if (quotes[i] < position && position < quotes[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Speech reported to a third person right before a clause: "I told her (that) we can't ...", "je
   * lui ai dit que", "le dije que", "ich habe ihm gesagt, dass". Told to the user ("as I told you")
   * it is the speaker's own.
   */
  private static final Pattern TOLD_SOMEONE =
      Pattern.compile(
          "(?:\\b(?:told|informed|assured|reminded|warned"
              + "|promised|wrote to|explained to) (?!you\\b|u\\b)(?:[\\w'-]+ ){0,2}?[\\w'-]+(?: that)?"
              + "|\\b(?:lui|leur) ai (?:dit|expliqu\u00e9|r\u00e9pondu|\u00e9crit|rappel\u00e9) qu(?:e|')"
              + "|\\b(?:le|les) (?:dije|dijimos|expliqu\u00e9|escrib\u00ed|respond\u00ed|coment\u00e9) que"
              + "|\\b(?:ihm|ihr|ihnen) (?:gesagt|erkl\u00e4rt|geschrieben|mitgeteilt),? dass)[,:]?\\s*$");

  /**
   * The English verbs of {@link #TOLD_SOMEONE} (keep the two in step): a match holds one of them or
   * ends the window with the French, Spanish or German conjunction ({@link #mayTellSomeone}). The
   * check runs for every candidate clause and most windows pass neither test, which spares the
   * regular expression's search at every position of the window.
   */
  private static final String[] TOLD_VERBS = {
    "told", "informed", "assured", "reminded", "warned", "promised", "wrote to", "explained to"
  };

  /**
   * Whether {@link #TOLD_SOMEONE} can find a match in {@code before}: one of its English verbs
   * occurs, or the window ends (but for white space, line ends and a comma or colon, which the
   * pattern lets follow) in "que", "qu'" or "dass", the last words of its other alternatives.
   */
  static boolean mayTellSomeone(String before) {
    for (String verb : TOLD_VERBS) {
      if (before.contains(verb)) {
        return true;
      }
    }
    int end = before.length();
    while (end > 0
        && (Character.isWhitespace(before.charAt(end - 1))
            || "\u0085\u2028\u2029".indexOf(before.charAt(end - 1)) >= 0)) {
      end--;
    }
    if (end > 0 && (before.charAt(end - 1) == ',' || before.charAt(end - 1) == ':')) {
      end--;
    }
    return before.startsWith("que", end - 3)
        || before.startsWith("qu'", end - 3)
        || before.startsWith("dass", end - 4);
  }

  /** Whether {@link #TOLD_SOMEONE} finds speech told to a third person in {@code before}. */
  static boolean toldSomeone(String before) {
    return TOLD_SOMEONE.matcher(before).find();
  }

  /**
   * Conditionals, negations and reported speech right before a clause; "I must say that" is the
   * speaker's own.
   */
  static boolean reported(String lower, int start, Discourse d) {
    String before = lower.substring(Math.max(0, start - 40), start);
    if (mayTellSomeone(before) && toldSomeone(before)) {
      return true;
    }
    int end = before.length();
    while (end > 0
        && (before.charAt(end - 1) == ' '
            || before.charAt(end - 1) == ','
            || before.charAt(end - 1) == ':')) {
      end--;
    }
    int wordStart = end;
    while (wordStart > 0 && Text.isWordChar(before.charAt(wordStart - 1))) {
      wordStart--;
    }
    if (!d.reportedLastWords().contains(before.substring(wordStart, end))
        && !before.contains("tell ")) {
      return false;
    }
    return d.reportedBefore().matcher(before).find()
        && !d.firstPersonSpeech().matcher(before).find();
  }

  /**
   * Which sentences belong to a text written for the user rather than to the speaker: the rest of
   * the paragraph after a sentence that introduces one ("Here is a draft reply:"), and a letter
   * from its salutation to its closing.
   */
  static boolean[] writtenForUser(String lower, List<int[]> sentences, Discourse d) {
    boolean[] inside = new boolean[sentences.size()];
    Matcher intro = d.contentIntro().matcher(lower);
    boolean block = false;
    boolean letter = false;
    int blockFirst = -1;
    int previousEnd = -1;
    boolean colons = lower.indexOf(':') >= 0; // every label has one
    for (int i = 0; i < sentences.size(); i++) {
      int[] s = sentences.get(i);
      // The paragraph after the introduction is the text; a blank line after its first sentence
      // ends it.
      if (block
          && i > blockFirst
          && lower.indexOf("\n\n", previousEnd) >= 0
          && lower.indexOf("\n\n", previousEnd) < s[0]
          && !letter) {
        block = false;
      }
      if (!letter && startsWithAny(lower, s[0], SALUTATIONS)) {
        letter = true;
      }
      inside[i] = block || letter;
      if (letter && containsAny(lower, s[0], s[1], CLOSINGS)) {
        letter = false;
      }
      if (!inside[i] && colons && textLabelAt(lower, s[0])) {
        inside[i] =
            true; // "Draft: ...", "Subject: ...", "Customer: ..." (a label of text for the user)
        block = true;
        blockFirst = i + 1;
      }
      if (lower.charAt(s[1] - 1) == ':' && intro.region(s[0], s[1]).find()) {
        block = true;
        blockFirst = i + 1;
      }
      previousEnd = s[1];
    }
    return inside;
  }

  /**
   * Labels of a text the assistant writes for the user, when they open a line before a colon: the
   * kinds of text (a draft, a translation, a subject line) and the roles of a scripted dialogue
   * (customer, agent). The assistant's own labels ("Answer:", "Note:", "Response:") are not among
   * them.
   */
  static final Set<String> TEXT_LABELS =
      Set.of(
          "draft",
          "drafts",
          "reply",
          "example",
          "sample",
          "suggested",
          "translation",
          "translated",
          "subject",
          "body",
          "message",
          "email",
          "e-mail",
          "wording",
          "caption",
          "headline",
          "tweet",
          "post",
          "script",
          "sms",
          "letter",
          "template",
          "text",
          "customer",
          "client",
          "caller",
          "agent",
          "support",
          "representative",
          "rep",
          "manager",
          "employee",
          "tenant",
          "landlord",
          "colleague",
          "interviewer",
          "candidate",
          "patient",
          "doctor",
          "entwurf",
          "\u00fcbersetzung",
          "betreff",
          "nachricht",
          "vorlage",
          "kunde",
          "kundin",
          "mitarbeiter",
          "mitarbeiterin",
          "brouillon",
          "traduction",
          "objet",
          "texte",
          "mod\u00e8le",
          "cliente",
          "conseiller",
          "conseill\u00e8re",
          "borrador",
          "traducci\u00f3n",
          "asunto",
          "mensaje",
          "texto",
          "plantilla",
          "agente");

  /**
   * Whether a line opens at {@code at} with a label of at most four words before a colon, one of
   * which is a {@link #TEXT_LABELS} word ("Suggested reply:", "Betreff:", "Customer:").
   */
  private static final Pattern NOT_LABEL_CHARS = Pattern.compile("[^\\p{L}\\s'-]");

  static boolean textLabelAt(String lower, int at) {
    int p = at;
    while (p > 0 && (lower.charAt(p - 1) == ' ' || lower.charAt(p - 1) == '\t')) {
      p--;
    }
    if (p > 0 && lower.charAt(p - 1) != '\n') {
      return false; // not at a line start
    }
    int colon = -1;
    for (int i = at; i < Math.min(lower.length(), at + 48); i++) {
      char c = lower.charAt(i);
      if (c == ':') {
        colon = i;
        break;
      }
      if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ',') {
        return false;
      }
    }
    if (colon < 0 || colon + 1 >= lower.length() || lower.charAt(colon + 1) == '/') {
      return false;
    }
    String[] words =
        NOT_LABEL_CHARS.matcher(lower.substring(at, colon)).replaceAll(" ").trim().split("\\s+");
    if (words.length > 4) {
      return false;
    }
    for (String w : words) {
      if (TEXT_LABELS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(String lower, int at, String[] prefixes) {
    for (String p : prefixes) {
      if (lower.startsWith(p, at)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String lower, int from, int to, String[] words) {
    for (String w : words) {
      int i = lower.indexOf(w, from);
      if (i >= 0 && i < to) {
        return true;
      }
    }
    return false;
  }
}
