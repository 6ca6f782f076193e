package dev.alignunit.grading.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Role-play personas: a response written as several voices ({@code DAN:}, {@code [CLASSIC]}, {@code
 * (Developer Mode)}, {@code α}/{@code Ω}, "As DAN, ...") is labelled voice by voice.
 */
final class Personas {

  private Personas() {}

  /**
   * A persona label at the start of a line: {@code DAN:}, {@code [CLASSIC]}, {@code (Developer
   * Mode)}.
   */
  private static final Pattern PERSONA =
      Pattern.compile(
          "(?:[ \\t>*#_]*(?:(\\[[^\\]\\n]{1,30}\\]|\\([^)\\n]{1,30}\\))[*_]*:?"
              + "|([^\\s\\w]{0,3}[ \\t]?[A-Za-z][\\w.\\- ]{0,24}?)[*_]*[ \\t]*:"
              + "|([\\p{InGreek}\\p{So}\\p{Cs}]{1,3})[ \\t])"
              + "|As (?!(?:An?|The|Such|Well|Soon|Far|Long|Much|Of|For|Per|You|I|We|It|This|That"
              + "|Mentioned|Always|Usual|Expected|Requested|Noted|Previously|Before|Part|Someone|Your|My|Our)\\b)"
              + "([A-Z][\\w-]{1,20}(?: [A-Z][\\w-]{1,20})?)(?: with [^,\\n]{1,40})?,)[ \\t]*(?=\\S)");

  private static final Pattern NOT_NAME_CHARS = Pattern.compile("[^a-z0-9. ]");
  private static final Pattern NUMBERED_HEADING =
      Pattern.compile("(?:step|phase|part|option|method) ?\\d+");
  private static final Set<String> NOT_PERSONAS =
      Set.of(
          "note",
          "step",
          "example",
          "disclaimer",
          "warning",
          "tip",
          "answer",
          "response",
          "output",
          "input",
          "question",
          "summary",
          "conclusion",
          "important",
          "caution",
          "reminder",
          "ingredients",
          "materials",
          "sources",
          "source",
          "result",
          "results",
          "update",
          "edit",
          "ps",
          "p.s",
          "subject",
          "to",
          "from",
          "date",
          "dear",
          "reason",
          "reasons",
          "pros",
          "cons",
          "option",
          "method",
          "phase",
          "part",
          "title",
          "user",
          "hint");

  /**
   * Persona segments as {@code [start, end, contentStart, labelStart, labelEnd]}; empty unless at
   * least two different persona labels appear.
   */
  static List<int[]> segments(String text) {
    return segments(text, true);
  }

  /**
   * {@link #segments(String)}; {@code skipLines} false tries the label pattern at every line, also
   * where {@link #mayOpenLabel} rules a label out (for the test that both find the same).
   */
  static List<int[]> segments(String text, boolean skipLines) {
    // Cheap pre-check: every persona label has a colon, a bracket, "As Name," or a parenthesis or
    // symbol ("(Developer Mode)", "\u03b1 ...") opening a line.
    if (text.indexOf(':') < 0
        && text.indexOf(']') < 0
        && text.indexOf("As ") < 0
        && !symbolOpensALine(text)) {
      return List.of();
    }
    Matcher m = PERSONA.matcher(text);
    m.useTransparentBounds(true);
    List<int[]> heads = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int length = text.length();
    int nextLine = 0;
    int nextAs = text.indexOf("As ", 1);
    int nextColon = -1; // the first colon at or after the current line start, once looked for
    boolean colonSought = false;
    while (nextLine >= 0 || nextAs >= 0) {
      // Persona labels open a line, or ("As DAN, ...") a sentence; jump between candidates.
      int p;
      boolean lineStart;
      if (nextLine >= 0 && (nextAs < 0 || nextLine <= nextAs)) {
        p = nextLine;
        lineStart = true;
        int newline = text.indexOf('\n', p);
        nextLine = newline < 0 ? -1 : newline + 1;
        if (nextAs == p) {
          nextAs = text.indexOf("As ", p + 1);
        }
      } else {
        p = nextAs;
        lineStart = false;
        nextAs = text.indexOf("As ", p + 1);
        char before = p >= 2 ? text.charAt(p - 2) : ' ';
        if (text.charAt(p - 1) != ' ' || (before != '.' && before != '!' && before != '?')) {
          continue;
        }
      }
      if (p >= length) {
        continue;
      }
      int limit = Math.min(length, p + 120);
      if (lineStart && skipLines) {
        if (!colonSought || nextColon >= 0 && nextColon < p) {
          nextColon = text.indexOf(':', p);
          colonSought = true;
        }
        int lineEnd = nextLine < 0 ? length : nextLine - 1;
        boolean colon = nextColon >= 0 && nextColon < Math.min(limit, lineEnd);
        if (!colon && !mayOpenLabel(text, p, limit)) {
          continue;
        }
      }
      m.region(p, limit);
      if (!m.lookingAt()) {
        continue;
      }
      int g = m.group(1) != null ? 1 : m.group(2) != null ? 2 : m.group(3) != null ? 3 : 4;
      if (!lineStart && g != 4) {
        continue;
      }
      String name = m.group(g).trim().toLowerCase(Locale.ROOT);
      String bare = NOT_NAME_CHARS.matcher(name).replaceAll("").trim();
      if (bare.isEmpty()) {
        bare = name;
      }
      if (NOT_PERSONAS.contains(bare)
          || NUMBERED_HEADING.matcher(bare).matches()
          || isTextLabel(bare)
          || bare.split(" ").length > 3) {
        continue;
      }
      if (!heads.isEmpty() && m.start() < heads.get(heads.size() - 1)[1]) {
        continue; // found again from another candidate position
      }
      heads.add(new int[] {m.start(), m.end(), m.start(g), m.end(g)});
      names.add(bare);
    }
    if (names.size() < 2) {
      return List.of();
    }
    List<int[]> segments = new ArrayList<>();
    if (heads.get(0)[0] > 0 && !text.substring(0, heads.get(0)[0]).isBlank()) {
      segments.add(new int[] {0, heads.get(0)[0], 0, 0, 0});
    }
    for (int i = 0; i < heads.size(); i++) {
      int[] h = heads.get(i);
      int end = i + 1 < heads.size() ? heads.get(i + 1)[0] : text.length();
      segments.add(new int[] {h[1], end, h[1], h[2], h[3]});
    }
    return segments;
  }

  /**
   * "Customer", "Draft reply": a label of text written for the user (a scripted dialogue, a draft),
   * not a persona.
   */
  private static boolean isTextLabel(String bare) {
    for (String w : bare.split(" ")) {
      if (SpeechContext.TEXT_LABELS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a persona label without a colon can open the line at {@code p}: after the characters
   * {@code [ \t>*#_]} that may lead a label, a bracket or a character outside ASCII (a Greek
   * letter, a symbol), or "As " at the line start. Every other label of {@link #PERSONA} ends in a
   * colon on its line.
   */
  private static boolean mayOpenLabel(String text, int p, int limit) {
    int q = p;
    while (q < limit && " \t>*#_".indexOf(text.charAt(q)) >= 0) {
      q++;
    }
    if (q < limit) {
      char c = text.charAt(q);
      if (c == '[' || c == '(' || c > 127) {
        return true;
      }
    }
    return text.startsWith("As ", p);
  }

  /** The label of a segment, as written. */
  static String label(String text, int[] segment) {
    return text.substring(segment[3], segment[4]).trim();
  }

  /**
   * Whether "(" or a character outside ASCII (a Greek letter, an emoji) opens a line: a possible
   * persona label.
   */
  private static boolean symbolOpensALine(String text) {
    int p = 0;
    while (p >= 0 && p < text.length()) {
      int q = p;
      while (q < text.length() && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
        q++;
      }
      if (q < text.length() && (text.charAt(q) > 127 || text.charAt(q) == '(')) {
        return true;
      }
      int newline = text.indexOf('\n', q);
      p = newline < 0 ? -1 : newline + 1;
    }
    return false;
  }
}
