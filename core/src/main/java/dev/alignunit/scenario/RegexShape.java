package dev.alignunit.scenario;

import java.util.ArrayDeque;

/**
 * What a scenario pattern's text says about its cost, read without compiling it: nested unbounded
 * quantifiers (which make a backtracking engine exponential) and the size and depth of the program
 * RE2 would build. {@link ScenarioRegex} rejects a pattern on either, naming the fragment.
 */
final class RegexShape {

  private RegexShape() {}

  /**
   * The first quantified group that holds an unbounded quantifier, such as {@code (a+)+}, or {@code
   * null}.
   */
  static String nestedQuantifier(String regex) {
    ArrayDeque<int[]> open = new ArrayDeque<>(); // [start index, holds unbounded]
    int n = regex.length();
    for (int i = 0; i < n; i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 < n && regex.charAt(i + 1) == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          i = end < 0 ? n : end + 1;
        } else {
          i++;
        }
      } else if (c == '[') {
        i = classEnd(regex, i);
      } else if (c == '(') {
        open.push(new int[] {i, 0});
      } else if (c == ')' && !open.isEmpty()) {
        int[] group = open.pop();
        int after = i + 1;
        boolean repeated =
            after < n
                && (regex.charAt(after) == '*'
                    || regex.charAt(after) == '+'
                    || regex.charAt(after) == '{' && unboundedOrLarge(regex, after));
        if (repeated && group[1] == 1) {
          return regex.substring(group[0], Math.min(n, after + 1));
        }
        if (group[1] == 1 || repeated) {
          if (!open.isEmpty()) {
            open.peek()[1] = 1;
          }
        }
      } else if ((c == '*' || c == '+' || c == '{' && unboundedOrLarge(regex, i))
          && !open.isEmpty()) {
        open.peek()[1] = 1;
      }
    }
    return null;
  }

  private static boolean unboundedOrLarge(String regex, int brace) {
    int close = regex.indexOf('}', brace);
    if (close < 0) {
      return false;
    }
    String inside = regex.substring(brace + 1, close);
    if (!inside.matches("\\d{1,9}(,\\d{0,9})?")) {
      return false;
    }
    String[] parts = inside.split(",", -1);
    return parts.length == 2 && (parts[1].isEmpty() || Long.parseLong(parts[1]) > 1);
  }

  /**
   * Estimates the size of the program RE2 would build (counted repetitions multiply what they
   * repeat) and the nesting depth, without compiling: a pattern such as {@code
   * ((a{1000}){1000}){1000}} would otherwise take minutes and gigabytes to compile.
   */
  static String sizeProblem(String regex) {
    long[] sizes = new long[ScenarioRegex.MAX_DEPTH + 2];
    long[] lastAtom = new long[ScenarioRegex.MAX_DEPTH + 2];
    int depth = 0;
    int n = regex.length();
    for (int i = 0; i < n; i++) {
      char c = regex.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 < n && regex.charAt(i + 1) == 'Q') {
            int end = regex.indexOf("\\E", i + 2);
            int stop = end < 0 ? n : end;
            sizes[depth] += stop - i - 2;
            lastAtom[depth] = 1;
            i = end < 0 ? n : end + 1;
          } else {
            i++;
            sizes[depth]++;
            lastAtom[depth] = 1;
          }
        }
        case '[' -> {
          i = classEnd(regex, i);
          sizes[depth]++;
          lastAtom[depth] = 1;
        }
        case '(' -> {
          if (depth == ScenarioRegex.MAX_DEPTH) {
            return "the pattern nests groups more than " + ScenarioRegex.MAX_DEPTH + " deep";
          }
          depth++;
          sizes[depth] = 0;
          lastAtom[depth] = 0;
        }
        case ')' -> {
          if (depth == 0) {
            sizes[0]++;
            lastAtom[0] = 1;
          } else {
            long group = Math.max(1, sizes[depth]);
            depth--;
            sizes[depth] += group;
            lastAtom[depth] = group;
          }
        }
        case '{' -> {
          int close = regex.indexOf('}', i);
          long count = close < 0 ? -1 : repeatCount(regex.substring(i + 1, close));
          if (count < 0) {
            sizes[depth]++;
            lastAtom[depth] = 1;
          } else {
            long atom = Math.max(1, lastAtom[depth]);
            long grown = atom * Math.max(count, 1);
            sizes[depth] += grown - atom;
            lastAtom[depth] = grown;
            i = close;
            if (sizes[depth] > ScenarioRegex.MAX_SIZE) {
              return "its counted repetitions expand to more than "
                  + ScenarioRegex.MAX_SIZE
                  + " steps";
            }
          }
        }
        case '|' -> lastAtom[depth] = 0;
        case '*', '+', '?' -> {
          // Unbounded and optional repetitions add a constant; they never multiply.
        }
        default -> {
          sizes[depth]++;
          lastAtom[depth] = 1;
        }
      }
    }
    long total = 0;
    for (int d = 0; d <= depth; d++) {
      total += sizes[d];
    }
    return total > ScenarioRegex.MAX_SIZE
        ? "its counted repetitions expand to more than " + ScenarioRegex.MAX_SIZE + " steps"
        : null;
  }

  /**
   * The repetition count of {@code n}, {@code n,} or {@code n,m} (the larger), or -1 if not a
   * count.
   */
  private static long repeatCount(String inside) {
    if (!inside.matches("\\d{1,9}(,\\d{0,9})?")) {
      return -1;
    }
    String[] parts = inside.split(",", -1);
    long min = Long.parseLong(parts[0]);
    if (parts.length == 1) {
      return min;
    }
    return parts[1].isEmpty() ? min + 1 : Math.max(min, Long.parseLong(parts[1]));
  }

  private static int classEnd(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++;
    }
    for (; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[' && i + 1 < regex.length() && regex.charAt(i + 1) == ':') {
        int end = regex.indexOf(":]", i + 2);
        if (end > 0) {
          i = end + 1;
        }
      } else if (c == ']') {
        return i;
      }
    }
    return regex.length() - 1;
  }

  /**
   * Whether an object names the same pattern.
   *
   * @param other the other object
   * @return whether both have the same pattern text
   */
}
