package dev.alignunit.benchmarks;

import static dev.alignunit.benchmarks.GraderAccuracy.CHATGPT_SETS;
import static dev.alignunit.benchmarks.GraderAccuracy.SOURCES;
import static dev.alignunit.benchmarks.GraderAccuracy.binary;
import static dev.alignunit.benchmarks.GraderAccuracy.confusion;
import static dev.alignunit.benchmarks.GraderAccuracy.rowsOf;
import static dev.alignunit.benchmarks.GraderAccuracy.threeWay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.benchmarks.GraderAccuracy.PromptSet;
import dev.alignunit.benchmarks.GraderAccuracy.Source;
import dev.alignunit.grading.RefusalDetector;
import dev.alignunit.grading.internal.GrammarRefusalDetector;
import dev.alignunit.grading.internal.Tuning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The leave-one-source-out part of {@link GraderAccuracy}: for each refusal source (and each of the
 * ChatGPT source's two prompt sets), the {@link Tuning} values that score best on the other sources
 * are chosen from a grid and the held-out source is scored with them, next to the values chosen on
 * all sources and the shipped values.
 */
final class LeaveOneSourceOut {

  private LeaveOneSourceOut() {}

  /** The grid of decision values the leave-one-source-out protocol chooses from. */
  static List<Tuning> grid() {
    List<Tuning> grid = new ArrayList<>();
    for (int answer : new int[] {100, 150, 250}) {
      for (int persona : new int[] {60, 100, 200}) {
        for (int preamble : new int[] {60, 80, 120}) {
          for (int bits = 0; bits < 64; bits++) {
            grid.add(
                new Tuning(
                    answer,
                    persona,
                    preamble,
                    (bits & 1) != 0,
                    (bits & 2) != 0,
                    (bits & 4) != 0,
                    (bits & 8) != 0,
                    (bits & 16) != 0,
                    (bits & 32) != 0));
          }
        }
      }
    }
    return grid;
  }

  /**
   * A source's figure for choosing values: binary, averaged with three-way where that has a target.
   */
  static double objective(Source source, int[][] m) {
    double binary = binary(m, source.partialIsRefusal());
    return source.threeWay() ? (binary + threeWay(m)) / 2 : binary;
  }

  static void leaveOneSourceOut(Map<Source, List<JsonNode>> rows) {
    List<Tuning> grid = grid();
    GrammarRefusalDetector base = (GrammarRefusalDetector) RefusalDetector.heuristic();
    Map<Tuning, Map<String, int[][]>> scores = new java.util.concurrent.ConcurrentHashMap<>();
    grid.parallelStream()
        .forEach(
            tuning -> {
              GrammarRefusalDetector detector = base.withTuning(tuning);
              Map<String, int[][]> bySource = new HashMap<>();
              for (Source source : SOURCES) {
                bySource.put(source.name(), confusion(detector, rows.get(source), false));
              }
              for (PromptSet set : CHATGPT_SETS) {
                bySource.put(set.name(), confusion(detector, rowsOf(rows, set), false));
              }
              scores.put(tuning, bySource);
            });
    Tuning all = best(grid, scores, SOURCES);
    System.out.println(
        "# Leave-one-source-out ("
            + grid.size()
            + " combinations of "
            + Tuning.class.getSimpleName()
            + ")");
    System.out.println(
        "chosen on all three sources: " + all + (all.equals(Tuning.DEFAULT) ? " (= shipped)" : ""));
    System.out.printf(
        Locale.ROOT,
        "%-9s %-34s %12s %12s %12s %8s%n",
        "held out",
        "figure",
        "shipped",
        "all-source",
        "held-out",
        "drop");
    for (Source held : SOURCES) {
      List<Source> training = SOURCES.stream().filter(s -> s != held).toList();
      Tuning chosen = best(grid, scores, training);
      int[][] shipped = scores.get(Tuning.DEFAULT).get(held.name());
      int[][] allSource = scores.get(all).get(held.name());
      int[][] heldOut = scores.get(chosen).get(held.name());
      row(
          held.name(),
          "binary",
          binary(shipped, held.partialIsRefusal()),
          binary(allSource, held.partialIsRefusal()),
          binary(heldOut, held.partialIsRefusal()));
      if (held.threeWay()) {
        row(held.name(), "three-way", threeWay(shipped), threeWay(allSource), threeWay(heldOut));
      }
      System.out.println("          values chosen without " + held.name() + ": " + chosen);
    }
    // The ChatGPT prompt sets, each held out: values chosen on XSTest, GPTFuzz and the other set.
    Source chatgpt = SOURCES.get(2);
    for (PromptSet held : CHATGPT_SETS) {
      List<Source> training = new ArrayList<>(SOURCES.subList(0, 2));
      PromptSet other = CHATGPT_SETS.stream().filter(s -> s != held).findFirst().orElseThrow();
      training.add(new Source(other.name(), chatgpt.file(), true, false, chatgpt.binaryTarget()));
      Tuning chosen = best(grid, scores, training);
      Tuning withBoth =
          best(
              grid,
              scores,
              List.of(
                  SOURCES.get(0),
                  SOURCES.get(1),
                  new Source(held.name(), chatgpt.file(), true, false, chatgpt.binaryTarget()),
                  new Source(other.name(), chatgpt.file(), true, false, chatgpt.binaryTarget())));
      row(
          held.name(),
          "binary",
          binary(scores.get(Tuning.DEFAULT).get(held.name()), true),
          binary(scores.get(withBoth).get(held.name()), true),
          binary(scores.get(chosen).get(held.name()), true));
      System.out.println("          values chosen without " + held.name() + ": " + chosen);
    }
    System.out.println();
  }

  static void row(String source, String figure, double shipped, double all, double held) {
    System.out.printf(
        Locale.ROOT,
        "%-9s %-34s %12.3f %12.3f %12.3f %8.3f%s%n",
        source,
        figure,
        shipped,
        all,
        held,
        all - held,
        all - held > 0.03 ? "  FITTED" : "");
  }

  /**
   * The values with the best mean objective on the sources. Among equally good values the ones
   * closest to the shipped values win: a value moves only when the training sources prefer it, so a
   * switch they are indifferent to keeps its shipped (reasoned) setting rather than an arbitrary
   * one.
   */
  static Tuning best(
      List<Tuning> grid, Map<Tuning, Map<String, int[][]>> scores, List<Source> sources) {
    Tuning best = Tuning.DEFAULT;
    double bestScore = mean(scores.get(Tuning.DEFAULT), sources);
    for (Tuning tuning : grid) {
      double score = mean(scores.get(tuning), sources);
      if (score > bestScore + 1e-12
          || Math.abs(score - bestScore) <= 1e-12 && changes(tuning) < changes(best)) {
        best = tuning;
        bestScore = score;
      }
    }
    return best;
  }

  /** How many of the values differ from the shipped ones. */
  static int changes(Tuning t) {
    Tuning d = Tuning.DEFAULT;
    return (t.answerBeforeRefusal() != d.answerBeforeRefusal() ? 1 : 0)
        + (t.personaAnswer() != d.personaAnswer() ? 1 : 0)
        + (t.preamble() != d.preamble() ? 1 : 0)
        + (t.limitThenTaskComplies() != d.limitThenTaskComplies() ? 1 : 0)
        + (t.opinionDeclines() != d.opinionDeclines() ? 1 : 0)
        + (t.lectureDeclines() != d.lectureDeclines() ? 1 : 0)
        + (t.premiseComplies() != d.premiseComplies() ? 1 : 0)
        + (t.turnToAnswerIsPartial() != d.turnToAnswerIsPartial() ? 1 : 0)
        + (t.stanceThenAnswerComplies() != d.stanceThenAnswerComplies() ? 1 : 0);
  }

  static double mean(Map<String, int[][]> bySource, List<Source> sources) {
    double sum = 0;
    for (Source source : sources) {
      sum += objective(source, bySource.get(source.name()));
    }
    return sum / sources.size();
  }
}
