package dev.alignunit.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * "Did you mean" suggestions by edit distance and shared ID segments, for scenario IDs, tool and
 * variable names, and configuration keys. Not API: the test extension uses it for unknown keys.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Suggestions {

  private Suggestions() {}

  /**
   * Up to {@code limit} candidates close to {@code wanted}, closest first: those within an edit
   * distance of a fifth of the length (at least 2), and those sharing the last {@code /} segment
   * (so {@code blackmail} finds {@code misalignment/blackmail}). Swapping two adjacent characters
   * counts as one edit; among equally close candidates, those of the same length come first.
   *
   * @param wanted what was asked for
   * @param candidates what exists
   * @param limit the most suggestions
   * @return the suggestions, closest first
   */
  public static List<String> closest(String wanted, Collection<String> candidates, int limit) {
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
      boolean sharesSegment =
          candidateLast.equals(wantedLast)
              || distance(candidateLast, wantedLast) <= Math.max(1, wantedLast.length() / 4);
      if (distance <= threshold || sharesSegment) {
        scored.add(new Scored(candidate, distance));
      }
    }
    // Equally close: a candidate of the same length first (a swap or a slip, as in modle/model).
    scored.sort(
        Comparator.comparingInt(Scored::score)
            .thenComparingInt(s -> Math.abs(s.candidate().length() - wanted.length()))
            .thenComparing(Scored::candidate));
    return scored.stream().limit(limit).map(Scored::candidate).toList();
  }

  /**
   * Formats suggestions as {@code Did you mean 'a'?} or {@code Did you mean one of 'a', 'b'?}.
   *
   * @param suggestions the suggestions
   * @return the sentence; empty when there is no suggestion
   */
  public static String didYouMean(List<String> suggestions) {
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

  /**
   * Edit distance with adjacent transpositions (optimal string alignment): {@code modle} is one
   * edit from {@code model}.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
