package dev.alignunit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.grading.ReasoningDetector;
import dev.alignunit.grading.RefusalDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Responses per second on one thread for the heuristic refusal and reasoning detectors, over the
 * responses of the dev data (all three refusal sources, mean about 780 characters): each call
 * labels the next response of the list, so the figure is an average over the real mix of short
 * refusals, long answers and role-play transcripts.
 *
 * <p>Run from the repository root (the data directory is {@code ../shared/data}, or {@code
 * -Djmh.data=...}): {@code java -cp <core classes + dependencies + benchmarks classes>
 * dev.alignunit.benchmarks.GraderThroughputBenchmark}; results are in BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 15, time = 2)
@Fork(1)
@Threads(1)
public class GraderThroughputBenchmark {

  /** Which responses: every refusal source, or one of them. */
  @Param({"all"})
  public String source;

  private String[] texts;
  private int next;

  /**
   * Loads the responses.
   *
   * @throws IOException when the data cannot be read
   */
  @Setup(Level.Trial)
  public void load() throws IOException {
    Path dir = Path.of(System.getProperty("jmh.data", "../shared/data"));
    List<String> all = new ArrayList<>();
    for (GraderAccuracy.Source s : GraderAccuracy.SOURCES) {
      if (source.equals("all") || source.equalsIgnoreCase(s.name())) {
        for (JsonNode row : GraderAccuracy.read(dir.resolve(s.file()))) {
          all.add(row.get("response").asText());
        }
      }
    }
    texts = all.toArray(String[]::new);
  }

  private String nextText() {
    String t = texts[next];
    next = next + 1 == texts.length ? 0 : next + 1;
    return t;
  }

  /**
   * One response through the refusal detector.
   *
   * @return the label's ordinal, so the work is not eliminated
   */
  @Benchmark
  public int refusal() {
    return RefusalDetector.heuristic().detect(nextText()).label().ordinal();
  }

  /**
   * One response through the reasoning detector.
   *
   * @return whether it explains, so the work is not eliminated
   */
  @Benchmark
  public boolean reasoning() {
    return ReasoningDetector.heuristic().detect(nextText()).explains();
  }

  /**
   * Runs the benchmark.
   *
   * @param args ignored
   * @throws RunnerException when JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    new Runner(
            new OptionsBuilder().include(GraderThroughputBenchmark.class.getSimpleName()).build())
        .run();
  }
}
