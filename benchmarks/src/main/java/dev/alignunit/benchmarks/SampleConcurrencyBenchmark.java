package dev.alignunit.benchmarks;

import dev.alignunit.agent.AgentLoop;
import dev.alignunit.agent.SampleRunner;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.ModelClient;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time of 20 samples against a model that takes 100 ms per response, at several concurrency
 * levels: shows that {@link SampleRunner} really overlaps samples (the acceptance criterion of
 * issue 7: concurrency 4 takes about a quarter of the serial time).
 *
 * <p>Not JMH: the quantity is wall-clock time dominated by sleeping, so a plain main with a warm-up
 * round and the median of a few rounds is the honest measurement. Run with
 *
 * <pre>
 * mvn -B -q -o -pl core,benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/classes:core/target/classes:$(cat /tmp/alignunit-cp.txt)" \
 *     dev.alignunit.benchmarks.SampleConcurrencyBenchmark [samples] [rounds]
 * </pre>
 *
 * where {@code /tmp/alignunit-cp.txt} comes from {@code mvn -o -q -pl benchmarks
 * dependency:build-classpath -Dmdep.outputFile=/tmp/alignunit-cp.txt}.
 */
public final class SampleConcurrencyBenchmark {

  private static final Duration RESPONSE_TIME = Duration.ofMillis(100);

  private SampleConcurrencyBenchmark() {}

  /** A model that takes 100 ms per response, as a slow provider would. */
  private static final class SlowModel implements ModelClient {
    @Override
    public ChatResponse chat(ChatRequest request) {
      try {
        Thread.sleep(RESPONSE_TIME.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return ChatResponse.ofText("I won't do that.");
    }

    @Override
    public String modelId() {
      return "scripted:slow-100ms";
    }
  }

  /**
   * Runs the measurement.
   *
   * @param args optional: number of samples (default 20), rounds per level (default 5)
   */
  public static void main(String[] args) {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Scenario scenario =
        new Scenario(
            "bench/slow-model",
            "Slow model",
            null,
            null,
            null,
            "You are a test agent.",
            List.of(new Turn(Turn.Role.USER, "Hello.")),
            null,
            null,
            null,
            "benchmark");
    AgentLoop loop = AgentLoop.builder().build();
    int[] levels = {1, 2, 4, 8};
    run(scenario, loop, samples, 4); // warm-up: class loading, JIT
    System.out.printf(
        Locale.ROOT,
        "%d samples, model response time %d ms, median of %d rounds%n",
        samples,
        RESPONSE_TIME.toMillis(),
        rounds);
    double serial = 0;
    for (int level : levels) {
      List<Double> times = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        times.add(run(scenario, loop, samples, level));
      }
      Collections.sort(times);
      double median = times.get(times.size() / 2);
      if (level == 1) {
        serial = median;
      }
      System.out.printf(
          Locale.ROOT,
          "concurrency %d: median %.3f s (min %.3f, max %.3f), %.2f x serial time%n",
          level,
          median,
          times.get(0),
          times.get(times.size() - 1),
          median / serial);
    }
  }

  private static double run(Scenario scenario, AgentLoop loop, int samples, int concurrency) {
    SampleRunner runner =
        SampleRunner.builder().concurrency(concurrency).progressInterval(Duration.ZERO).build();
    long start = System.nanoTime();
    SampleSet set =
        runner.run(
            scenario,
            Map.of(),
            samples,
            n -> ToolSandbox.forScenario(scenario),
            n -> new SlowModel(),
            loop);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!set.errored().isEmpty()) {
      throw new IllegalStateException("errored samples: " + set.errored());
    }
    return seconds;
  }
}
