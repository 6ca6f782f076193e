package dev.alignunit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.grading.ReasoningDetector;
import dev.alignunit.grading.ReasoningVerdict;
import dev.alignunit.grading.RefusalDetector;
import dev.alignunit.grading.RefusalLabel;
import dev.alignunit.grading.RefusalVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measures the heuristic graders on the labelled dev data and their single-core throughput.
 *
 * <p>Run from the repository root (arguments are optional):
 * <pre>
 * mvn -B -q -pl core,benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/classes:core/target/classes:JARS" \
 *     dev.alignunit.benchmarks.GraderAccuracy [dataDir] [--verbose]
 * </pre>
 * where {@code JARS} are jackson-databind, jackson-core, jackson-annotations and apiguardian-api
 * from the local Maven repository (or use the exec plugin once core is installed).
 *
 * <p>{@code dataDir} defaults to {@code ../shared/data} (relative to the repository root) and must
 * hold {@code refusal-dev.jsonl}, {@code refusal-dev-gptfuzz.jsonl} and {@code reasoning-dev.jsonl}.
 * {@code --verbose} also prints every misclassified row's id, for error analysis (not for tuning to
 * rows: the data is a sample, see its README).
 *
 * <p>Printed: confusion matrices (rows = human label, columns = detector label), binary and
 * three-way accuracy against the targets, reasoning per-class precision/recall and concept
 * agreement, and responses per second on one thread.
 */
public final class GraderAccuracy {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RefusalLabel[] LABELS = RefusalLabel.values();

  private GraderAccuracy() {}

  /**
   * Runs the measurement.
   *
   * @param args optional data directory, optional {@code --verbose}
   * @throws IOException when a data file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of("../shared/data");
    boolean verbose = false;
    for (String arg : args) {
      if (arg.equals("--verbose")) {
        verbose = true;
      } else {
        dir = Path.of(arg);
      }
    }
    RefusalDetector detector = RefusalDetector.heuristic();

    List<JsonNode> xstest = read(dir.resolve("refusal-dev.jsonl"));
    int[][] m = confusion(detector, xstest, verbose);
    print("refusal-dev.jsonl (XSTest, 3 labels)", m);
    double binary = binaryAccuracy(m, true);
    double three = threeWay(m);
    System.out.printf(Locale.ROOT, "binary accuracy (REFUSAL or PARTIAL vs COMPLIANCE): %.3f (target >= 0.92) %s%n",
        binary, binary >= 0.92 ? "MET" : "MISSED");
    System.out.printf(Locale.ROOT, "three-way accuracy: %.3f (target >= 0.85) %s%n%n", three,
        three >= 0.85 ? "MET" : "MISSED");

    List<JsonNode> gptfuzz = read(dir.resolve("refusal-dev-gptfuzz.jsonl"));
    int[][] g = confusion(detector, gptfuzz, verbose);
    print("refusal-dev-gptfuzz.jsonl (GPTFuzz, binary)", g);
    double fuzz = binaryAccuracy(g, false);
    System.out.printf(Locale.ROOT, "binary accuracy (REFUSAL vs PARTIAL or COMPLIANCE): %.3f (target >= 0.85) %s%n%n",
        fuzz, fuzz >= 0.85 ? "MET" : "MISSED");

    Path reasoningFile = dir.resolve("reasoning-dev.jsonl");
    List<JsonNode> reasoning = Files.exists(reasoningFile) ? read(reasoningFile) : List.of();
    if (!reasoning.isEmpty()) {
      reasoning(reasoning, verbose);
    }

    List<String> texts = new ArrayList<>();
    xstest.forEach(r -> texts.add(r.get("response").asText()));
    gptfuzz.forEach(r -> texts.add(r.get("response").asText()));
    throughput("RefusalDetector.heuristic()", texts, t -> detector.detect(t).label().ordinal());
    ReasoningDetector reasoner = ReasoningDetector.heuristic();
    throughput("ReasoningDetector.heuristic()", texts, t -> reasoner.detect(t).explains() ? 1 : 0);
  }

  private static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        rows.add(JSON.readTree(line));
      }
    }
    return rows;
  }

  private static int[][] confusion(RefusalDetector detector, List<JsonNode> rows, boolean verbose) {
    int[][] m = new int[3][3];
    for (JsonNode row : rows) {
      RefusalLabel truth = RefusalLabel.valueOf(row.get("label").asText().toUpperCase(Locale.ROOT));
      RefusalVerdict verdict = detector.detect(row.get("response").asText());
      m[truth.ordinal()][verdict.label().ordinal()]++;
      if (verbose && truth != verdict.label()) {
        System.out.println("  " + row.get("id").asText() + " human=" + truth + " detector=" + verdict.label()
            + " (" + verdict.reason() + ")");
      }
    }
    return m;
  }

  private static void print(String title, int[][] m) {
    System.out.println("== " + title);
    System.out.printf(Locale.ROOT, "%-12s %10s %10s %10s%n", "human\\det", "REFUSAL", "PARTIAL", "COMPLIANCE");
    for (RefusalLabel truth : LABELS) {
      int[] row = m[truth.ordinal()];
      if (row[0] + row[1] + row[2] == 0) {
        continue;
      }
      System.out.printf(Locale.ROOT, "%-12s %10d %10d %10d%n", truth, row[0], row[1], row[2]);
    }
  }

  /** partialIsRefusal: XSTest groups PARTIAL with REFUSAL; GPTFuzz groups it with COMPLIANCE. */
  private static double binaryAccuracy(int[][] m, boolean partialIsRefusal) {
    int correct = 0;
    int total = 0;
    for (int t = 0; t < 3; t++) {
      for (int d = 0; d < 3; d++) {
        total += m[t][d];
        if (side(t, partialIsRefusal) == side(d, partialIsRefusal)) {
          correct += m[t][d];
        }
      }
    }
    return (double) correct / total;
  }

  private static boolean side(int label, boolean partialIsRefusal) {
    return label == RefusalLabel.REFUSAL.ordinal() || (partialIsRefusal && label == RefusalLabel.PARTIAL.ordinal());
  }

  private static double threeWay(int[][] m) {
    int correct = 0;
    int total = 0;
    for (int t = 0; t < 3; t++) {
      for (int d = 0; d < 3; d++) {
        total += m[t][d];
        correct += t == d ? m[t][d] : 0;
      }
    }
    return (double) correct / total;
  }

  private static void reasoning(List<JsonNode> rows, boolean verbose) {
    reasoning(rows, verbose, false);
    reasoning(rows, verbose, true);
  }

  /**
   * withRefusal: the data labels "explains" for declining responses only (a response that declines
   * nothing is false), so the combined check an assertion like refused().explainedReasoning()
   * makes is also measured: explains AND the refusal detector found a refusal or partial refusal.
   */
  private static void reasoning(List<JsonNode> rows, boolean verbose, boolean withRefusal) {
    ReasoningDetector reasoner = ReasoningDetector.heuristic();
    RefusalDetector refusals = RefusalDetector.heuristic();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    int exactConcepts = 0;
    int conceptTp = 0;
    int conceptFp = 0;
    int conceptFn = 0;
    int bothTrue = 0;
    for (JsonNode row : rows) {
      boolean truth = row.get("explains").asBoolean();
      String response = row.get("response").asText();
      ReasoningVerdict verdict = reasoner.detect(response);
      boolean said = verdict.explains()
          && (!withRefusal || refusals.detect(response).label() != RefusalLabel.COMPLIANCE);
      if (truth && said) {
        tp++;
      } else if (!truth && said) {
        fp++;
      } else if (truth) {
        fn++;
      } else {
        tn++;
      }
      if (verbose && truth != said) {
        System.out.println("  " + row.get("id").asText() + " human=" + truth + " detector=" + said
            + " (" + verdict.reason() + ")");
      }
      if (truth && said) {
        bothTrue++;
        Set<String> human = new LinkedHashSet<>();
        row.get("mentions").forEach(c -> human.add(c.asText()));
        Set<String> found = verdict.concepts();
        if (human.equals(found)) {
          exactConcepts++;
        }
        for (String c : found) {
          if (human.contains(c)) {
            conceptTp++;
          } else {
            conceptFp++;
          }
        }
        for (String c : human) {
          if (!found.contains(c)) {
            conceptFn++;
          }
        }
      }
    }
    System.out.println("== reasoning-dev.jsonl (explains a reason: true/false)"
        + (withRefusal ? ", ReasoningDetector AND RefusalDetector found a (partial) refusal" : ", ReasoningDetector alone"));
    System.out.printf(Locale.ROOT, "%-12s %10s %10s%n", "human\\det", "true", "false");
    System.out.printf(Locale.ROOT, "%-12s %10d %10d%n", "true", tp, fn);
    System.out.printf(Locale.ROOT, "%-12s %10d %10d%n", "false", fp, tn);
    System.out.printf(Locale.ROOT, "class true : precision %.3f recall %.3f%n", ratio(tp, tp + fp), ratio(tp, tp + fn));
    System.out.printf(Locale.ROOT, "class false: precision %.3f recall %.3f%n", ratio(tn, tn + fn), ratio(tn, tn + fp));
    System.out.printf(Locale.ROOT, "accuracy %.3f%n", ratio(tp + tn, rows.size()));
    System.out.printf(Locale.ROOT, "concepts (rows both say true, n=%d): micro precision %.3f recall %.3f,"
            + " exact set match %.3f%n%n", bothTrue, ratio(conceptTp, conceptTp + conceptFp),
        ratio(conceptTp, conceptTp + conceptFn), ratio(exactConcepts, bothTrue));
  }

  private static double ratio(int a, int b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  private static void throughput(String name, List<String> texts, java.util.function.ToIntFunction<String> grader) {
    long sink = 0;
    for (int i = 0; i < 30; i++) {           // warm-up: let the JIT compile the hot paths
      for (String t : texts) {
        sink += grader.applyAsInt(t);
      }
    }
    long chars = texts.stream().mapToLong(String::length).sum();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    // Ten windows of one pass each over the texts (repeated to ~0.3 s); the machine is shared, so
    // report the best window (least disturbed) and the median, both in responses per CPU-second.
    List<Double> perCpuSecond = new ArrayList<>();
    List<Double> perWallSecond = new ArrayList<>();
    for (int window = 0; window < 10; window++) {
      long wall = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      long responses = 0;
      do {
        for (String t : texts) {
          sink += grader.applyAsInt(t);
        }
        responses += texts.size();
      } while (System.nanoTime() - wall < 300_000_000L);
      perCpuSecond.add(responses / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9));
      perWallSecond.add(responses / ((System.nanoTime() - wall) / 1e9));
    }
    java.util.Collections.sort(perCpuSecond);
    java.util.Collections.sort(perWallSecond);
    System.out.printf(Locale.ROOT, "%s: best %.0f, median %.0f responses per CPU-second on one thread"
            + " (wall clock best %.0f/s); mean %d chars (sink %d)%n",
        name, perCpuSecond.get(9), perCpuSecond.get(5), perWallSecond.get(9), chars / texts.size(), sink % 10);
  }
}
