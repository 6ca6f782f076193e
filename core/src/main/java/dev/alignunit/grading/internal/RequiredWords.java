package dev.alignunit.grading.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words that every match of a cue's pattern contains: a cue need not be tried in a sentence (or
 * after a trigger word) where none of them occurs. The statements cue ({@code (?:such|these|...)
 * ... (?:is|are) ... (?:harmful|offensive|...|wrong)\b}) is tried at every "this" and "that" of a
 * response and matches at a few in a thousand; without one of its adjectives after the trigger it
 * cannot match, and {@link CueRules} sees the sentence's words anyway.
 *
 * <p>A required word is a run of plain letters ({@code a-z}, each exactly once) in a part of the
 * pattern every match passes through, with a character on each side that is surely no word
 * character: a literal space or punctuation, or {@code \b} (which after or before a letter means
 * the neighbour is no letter, digit or underscore). Such a word is then, in the matched text, a
 * whole piece of a {@link Text#isWordChar} word split at its apostrophes: "harmful" in "harmful's".
 * For a group of alternatives every match passes through, each alternative must require a word; one
 * of them is then required. Anything not read (a back reference, a named or atomic group, inline
 * flags, a quoted {@code \Q} section) gives no required word, which only means that the cue is
 * tried as before.
 */
final class RequiredWords {

  private RequiredWords() {}

  /** The shortest required word worth looking for: "is" or "to" occur in most sentences. */
  static final int MIN_LENGTH = 3;

  /**
   * Sets of words, each of which every match of {@code pattern} contains (one word of the set, as a
   * whole piece of a word split at apostrophes); empty when none can be read off.
   *
   * @param pattern the pattern
   * @return the required sets, most selective first (longest shortest word)
   */
  static List<Set<String>> of(Pattern pattern) {
    if (pattern.flags() != 0) {
      return List.of();
    }
    List<List<Item>> top;
    try {
      Parser parser = new Parser(pattern.pattern());
      top = parser.alternatives();
      if (parser.i != parser.r.length()) {
        return List.of();
      }
    } catch (Unreadable e) {
      return List.of();
    }
    List<Item> whole = top.size() == 1 ? top.get(0) : List.of(new Item(new Group(top), 1, 1));
    List<Set<String>> sets = new ArrayList<>(required(whole, false, false));
    sets.sort(Comparator.comparingInt(RequiredWords::shortest).reversed());
    return List.copyOf(sets);
  }

  /** The length of the shortest word of a set. */
  static int shortest(Set<String> words) {
    return words.stream().mapToInt(String::length).min().orElse(0);
  }

  private sealed interface Atom permits Lit, Other, Boundary, Empty, Group {}

  /** A literal character. */
  private record Lit(char c) implements Atom {}

  /** Anything that consumes characters of unknown kind: a class, a dot, {@code \w}. */
  private record Other() implements Atom {}

  /** {@code \b}. */
  private record Boundary() implements Atom {}

  /** A zero-width test other than {@code \b}: anchors, lookarounds. */
  private record Empty() implements Atom {}

  /** A group of alternatives. */
  private record Group(List<List<Item>> alternatives) implements Atom {}

  /** An atom and how often it repeats. */
  private record Item(Atom atom, int min, int max) {}

  private static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable() {
      super(null, null, false, false);
    }
  }

  /** A reader of the regular expression syntax the cues use; anything else is Unreadable. */
  private static final class Parser {
    final String r;
    int i;

    Parser(String regex) {
      this.r = regex;
    }

    List<List<Item>> alternatives() {
      List<List<Item>> alternatives = new ArrayList<>();
      List<Item> sequence = new ArrayList<>();
      while (i < r.length() && r.charAt(i) != ')') {
        if (r.charAt(i) == '|') {
          alternatives.add(sequence);
          sequence = new ArrayList<>();
          i++;
          continue;
        }
        Atom atom = atom();
        sequence.add(quantified(atom));
      }
      alternatives.add(sequence);
      return alternatives;
    }

    private Atom atom() {
      char c = r.charAt(i);
      switch (c) {
        case '(':
          return group();
        case '[':
          skipClass();
          return new Other();
        case '.':
          i++;
          return new Other();
        case '^':
        case '$':
          i++;
          return new Empty();
        case '\\':
          return escape();
        case '?':
        case '*':
        case '+':
        case '{':
          throw new Unreadable();
        default:
          i++;
          return new Lit(c);
      }
    }

    private Atom group() {
      i++;
      boolean zeroWidth = false;
      if (r.startsWith("?:", i)) {
        i += 2;
      } else if (r.startsWith("?=", i) || r.startsWith("?!", i)) {
        i += 2;
        zeroWidth = true;
      } else if (r.startsWith("?<=", i) || r.startsWith("?<!", i)) {
        i += 3;
        zeroWidth = true;
      } else if (r.startsWith("?", i)) {
        throw new Unreadable(); // named or atomic group, inline flags
      }
      List<List<Item>> alternatives = alternatives();
      if (i >= r.length()) {
        throw new Unreadable();
      }
      i++;
      return zeroWidth ? new Empty() : new Group(alternatives);
    }

    private Atom escape() {
      if (i + 1 >= r.length()) {
        throw new Unreadable();
      }
      char e = r.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'b':
          return new Boundary();
        case 'B':
        case 'A':
        case 'z':
        case 'Z':
        case 'G':
          return new Empty();
        case 'w':
        case 'W':
        case 's':
        case 'S':
        case 'd':
        case 'D':
        case 'h':
        case 'H':
        case 'v':
        case 'V':
        case 'R':
        case 'X':
          return new Other();
        case 'p':
        case 'P':
          if (i < r.length() && r.charAt(i) == '{') {
            int close = r.indexOf('}', i);
            if (close < 0) {
              throw new Unreadable();
            }
            i = close + 1;
          } else {
            i++;
          }
          return new Other();
        case 't':
          return new Lit('\t');
        case 'n':
          return new Lit('\n');
        case 'r':
          return new Lit('\r');
        case 'f':
          return new Lit('\f');
        default:
          if (Character.isLetterOrDigit(e) || e > 127) {
            throw new Unreadable(); // a quoted section, a back reference, a code point, ...
          }
          return new Lit(e);
      }
    }

    private void skipClass() {
      int depth = 1;
      i++;
      if (i < r.length() && r.charAt(i) == '^') {
        i++;
      }
      if (i < r.length() && r.charAt(i) == ']') {
        i++; // a leading ] is a member
      }
      while (i < r.length()) {
        char c = r.charAt(i);
        if (c == '\\') {
          if (i + 1 < r.length() && r.charAt(i + 1) == 'Q') {
            throw new Unreadable();
          }
          i += 2;
        } else if (c == '[') {
          depth++;
          i++;
        } else if (c == ']') {
          i++;
          if (--depth == 0) {
            return;
          }
        } else {
          i++;
        }
      }
      throw new Unreadable();
    }

    private Item quantified(Atom atom) {
      if (i >= r.length()) {
        return new Item(atom, 1, 1);
      }
      int min;
      int max;
      char q = r.charAt(i);
      if (q == '?') {
        min = 0;
        max = 1;
        i++;
      } else if (q == '*') {
        min = 0;
        max = Integer.MAX_VALUE;
        i++;
      } else if (q == '+') {
        min = 1;
        max = Integer.MAX_VALUE;
        i++;
      } else if (q == '{') {
        int close = r.indexOf('}', i);
        if (close < 0) {
          throw new Unreadable();
        }
        String body = r.substring(i + 1, close);
        int comma = body.indexOf(',');
        try {
          if (comma < 0) {
            min = Integer.parseInt(body);
            max = min;
          } else {
            min = Integer.parseInt(body.substring(0, comma));
            max =
                comma + 1 == body.length()
                    ? Integer.MAX_VALUE
                    : Integer.parseInt(body.substring(comma + 1));
          }
        } catch (NumberFormatException e) {
          throw new Unreadable();
        }
        i = close + 1;
      } else {
        return new Item(atom, 1, 1);
      }
      if (i < r.length() && (r.charAt(i) == '?' || r.charAt(i) == '+')) {
        i++; // lazy or possessive: the same or fewer matches
      }
      return new Item(atom, min, max);
    }
  }

  /** Whether a neighbour is surely no word character: not a letter, digit or underscore. */
  private static boolean safe(char c) {
    return !(Character.isLetterOrDigit(c) || c == '_');
  }

  private static boolean isLetter(Item item) {
    return item.min() == 1
        && item.max() == 1
        && item.atom() instanceof Lit lit
        && lit.c() >= 'a'
        && lit.c() <= 'z';
  }

  /**
   * Whether the first character a match of {@code seq[from..]} consumes, right after a letter, is
   * surely no word character; {@code safeAfter} says the same of what follows the sequence.
   */
  private static boolean safeFirst(List<Item> seq, int from, boolean safeAfter) {
    for (int k = from; k < seq.size(); k++) {
      Item item = seq.get(k);
      Atom atom = item.atom();
      if (atom instanceof Boundary) {
        if (item.min() >= 1) {
          return true; // after a letter, \b means no word character follows
        }
        continue;
      }
      if (atom instanceof Empty) {
        continue;
      }
      if (atom instanceof Group group) {
        boolean rest = safeFirst(seq, k + 1, safeAfter);
        boolean after = item.max() > 1 ? false : rest;
        for (List<Item> alternative : group.alternatives()) {
          if (!safeFirst(alternative, 0, after)) {
            return false;
          }
        }
        return item.min() >= 1 || rest;
      }
      boolean here = atom instanceof Lit lit && safe(lit.c());
      if (!here || item.min() >= 1) {
        return here;
      }
    }
    return safeAfter;
  }

  /** The mirror of {@link #safeFirst}: the character before {@code seq[..to)}, before a letter. */
  private static boolean safeLast(List<Item> seq, int to, boolean safeBefore) {
    for (int k = to - 1; k >= 0; k--) {
      Item item = seq.get(k);
      Atom atom = item.atom();
      if (atom instanceof Boundary) {
        if (item.min() >= 1) {
          return true;
        }
        continue;
      }
      if (atom instanceof Empty) {
        continue;
      }
      if (atom instanceof Group group) {
        boolean rest = safeLast(seq, k, safeBefore);
        boolean before = item.max() > 1 ? false : rest;
        for (List<Item> alternative : group.alternatives()) {
          if (!safeLast(alternative, alternative.size(), before)) {
            return false;
          }
        }
        return item.min() >= 1 || rest;
      }
      boolean here = atom instanceof Lit lit && safe(lit.c());
      if (!here || item.min() >= 1) {
        return here;
      }
    }
    return safeBefore;
  }

  /**
   * The required sets of a sequence, whose neighbours before and after are surely no word
   * characters when {@code before} and {@code after} say so.
   */
  private static List<Set<String>> required(List<Item> seq, boolean before, boolean after) {
    List<Set<String>> out = new ArrayList<>();
    int k = 0;
    while (k < seq.size()) {
      if (isLetter(seq.get(k))) {
        int j = k;
        StringBuilder word = new StringBuilder();
        while (j < seq.size() && isLetter(seq.get(j))) {
          word.append(((Lit) seq.get(j).atom()).c());
          j++;
        }
        if (safeLast(seq, k, before) && safeFirst(seq, j, after)) {
          out.add(Set.of(word.toString()));
        }
        k = j;
        continue;
      }
      Item item = seq.get(k);
      if (item.atom() instanceof Group group && item.min() >= 1) {
        boolean repeated = item.max() > 1;
        boolean left = !repeated && safeLast(seq, k, before);
        boolean right = !repeated && safeFirst(seq, k + 1, after);
        Set<String> union = new HashSet<>();
        boolean every = true;
        for (List<Item> alternative : group.alternatives()) {
          List<Set<String>> sets = required(alternative, left, right);
          if (sets.isEmpty()) {
            every = false;
            break;
          }
          union.addAll(
              sets.stream().max(Comparator.comparingInt(RequiredWords::shortest)).orElseThrow());
        }
        if (every) {
          out.add(Set.copyOf(union));
        }
      }
      k++;
    }
    return out;
  }
}
