package dev.alignunit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares two builds of the heuristic detectors in one JVM: responses per CPU-second of the
 * measuring thread, over the dev responses of the three refusal sources, the builds taking turns in
 * short blocks so that load from other processes hits both alike. On a shared machine this ratio is
 * steadier than two JMH runs minutes apart, whose wall-clock figures follow the load.
 *
 * <p>Run from the repository root with the dependency classpath but <em>without</em> core's classes
 * (each build is loaded from its own directory): {@code java -cp
 * benchmarks/target/classes:<dependencies> dev.alignunit.benchmarks.DetectorCpuComparison
 * ../shared/data refusal 30 /tmp/main-classes core/target/classes}. The first third of the rounds
 * is warm-up; the median of the rest is printed per build.
 */
public final class DetectorCpuComparison {

  private DetectorCpuComparison() {}

  /**
   * Runs the comparison.
   *
   * @param args data directory, {@code refusal} or {@code reasoning}, rounds, then one or more
   *     class directories of core builds
   * @throws Exception when the data cannot be read or a build cannot be loaded
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: DetectorCpuComparison <data dir> refusal|reasoning <rounds> <core classes>...");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String detector =
        switch (args[1]) {
          case "refusal" -> "dev.alignunit.grading.RefusalDetector";
          case "reasoning" -> "dev.alignunit.grading.ReasoningDetector";
          default -> throw new IllegalArgumentException("refusal or reasoning, not " + args[1]);
        };
    int rounds = Integer.parseInt(args[2]);
    // The files of GraderAccuracy.SOURCES, read here without it: that class links to core's
    // classes, which this main must not load from its own class path.
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String file :
        List.of("refusal-dev.jsonl", "refusal-dev-gptfuzz.jsonl", "refusal-dev-chatgpt.jsonl")) {
      for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          texts.add(json.readTree(line).get("response").asText());
        }
      }
    }
    int builds = args.length - 3;
    Object[] instances = new Object[builds];
    Method[] detect = new Method[builds];
    for (int b = 0; b < builds; b++) {
      URL classes = Path.of(args[3 + b]).toUri().toURL();
      ClassLoader loader =
          new URLClassLoader(new URL[] {classes}, DetectorCpuComparison.class.getClassLoader());
      Class<?> type = Class.forName(detector, true, loader);
      if (type.getClassLoader() != loader) {
        throw new IllegalStateException(
            "core classes are on the classpath: run with the dependencies only");
      }
      instances[b] = type.getMethod("heuristic").invoke(null);
      detect[b] = type.getMethod("detect", String.class);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[][] perSecond = new double[builds][rounds];
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < builds; k++) {
        int b = r % 2 == 0 ? k : builds - 1 - k; // alternate the order too
        long start = threads.getCurrentThreadCpuTime();
        for (int pass = 0; pass < 2; pass++) {
          for (String text : texts) {
            sink += detect[b].invoke(instances[b], text).hashCode();
          }
        }
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        perSecond[b][r] = 2.0 * texts.size() / seconds;
      }
    }
    double first = 0;
    for (int b = 0; b < builds; b++) {
      double[] measured = Arrays.copyOfRange(perSecond[b], rounds / 3, rounds);
      Arrays.sort(measured);
      double median = measured[measured.length / 2];
      first = b == 0 ? median : first;
      System.out.printf(
          "%s: median %.0f responses per CPU-second (min %.0f, max %.0f, %d rounds), %.3f x the"
              + " first%n",
          args[3 + b],
          median,
          measured[0],
          measured[measured.length - 1],
          measured.length,
          median / first);
    }
    System.out.println("(checksum " + (sink & 0xff) + ")");
  }
}
