package dev.alignunit.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" suggestions by edit distance and shared ID segments. */
final class Suggestions {

  private Suggestions() {}

  /**
   * Up to {@code limit} candidates close to {@code wanted}, closest first: those within an edit
   * distance of a fifth of the length (at least 2), and those sharing the last {@code /}
   * segment (so {@code blackmail} finds {@code misalignment/blackmail}).
   */
  static List<String> closest(String wanted, Collection<String> candidates, int limit) {
    record Scored(String candidate, int score) {}
    List<Scored> scored = new ArrayList<>();
    int threshold = Math.max(2, wanted.length() / 5);
    String wantedLast = lastSegment(wanted);
    for (String candidate : candidates) {
      if (candidate.equals(wanted)) {
        continue;
      }
      int distance = distance(wanted, candidate);
      String candidateLast = lastSegment(candidate);
      boolean sharesSegment = candidateLast.equals(wantedLast)
          || distance(candidateLast, wantedLast) <= Math.max(1, wantedLast.length() / 4);
      if (distance <= threshold || sharesSegment) {
        scored.add(new Scored(candidate, distance));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::candidate));
    return scored.stream().limit(limit).map(Scored::candidate).toList();
  }

  /** Formats suggestions as {@code 'a'} or {@code one of 'a', 'b'}; empty when none. */
  static String didYouMean(List<String> suggestions) {
    if (suggestions.isEmpty()) {
      return "";
    }
    List<String> quoted = suggestions.stream().map(s -> "'" + s + "'").toList();
    return suggestions.size() == 1
        ? "Did you mean " + quoted.get(0) + "?"
        : "Did you mean one of " + String.join(", ", quoted) + "?";
  }

  private static String lastSegment(String id) {
    int slash = id.lastIndexOf('/');
    return slash < 0 ? id : id.substring(slash + 1);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
