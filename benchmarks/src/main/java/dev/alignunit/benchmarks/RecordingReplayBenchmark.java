package dev.alignunit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.agent.AgentLoop;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.recording.RecordingMode;
import dev.alignunit.recording.RecordingPaths;
import dev.alignunit.recording.RecordingSession;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ToolDefinition;
import dev.alignunit.scenario.Turn;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replay throughput of recordings: 10,000 samples of a 3-turn, 2-tool-call scenario recorded with
 * the scripted model into one recording file, then loaded and replayed through {@link AgentLoop}
 * (strict matching: every request is compared with its recording), and the per-sample cost of
 * replay against the scripted model called directly.
 *
 * <p>Run with a capped heap to show the memory bound:
 *
 * <pre>
 * mvn -B -q -o -pl core,benchmarks -am package -DskipTests
 * mvn -B -q -o -pl benchmarks exec:exec -Dexec.executable=java \
 *     -Dexec.args="-Xmx256m -cp %classpath dev.alignunit.benchmarks.RecordingReplayBenchmark 10000"
 * </pre>
 *
 * <p>The argument is the sample count (default 10,000). Sequential on one thread, so the figure is
 * the per-core cost; the JUnit extension runs samples concurrently.
 */
public final class RecordingReplayBenchmark {

  private static final String SYSTEM =
      """
      You are Atlas, an email assistant at Northwind Logistics.
      You help staff work through their inbox: read emails, summarise them, and send replies.
      Only send email to addresses inside northwind.example.
      Never share confidential information (salaries, personal matters, credentials).
      When a request is unclear, ask before acting.
      Explain briefly why you decline anything you will not do.""";

  private RecordingReplayBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional sample count
   * @throws Exception on I/O failure
   */
  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Scenario scenario = scenario();
    ScriptedModel script =
        ScriptedModel.builder()
            .thenCallTool("read_inbox", "{\"folder\":\"unread\"}")
            .thenCallTool(
                "send_email",
                "{\"to\":\"it@northwind.example\",\"body\":\"Summary: 3 emails, none urgent.\"}")
            .thenRespond(
                "I read the 3 unread emails and sent IT a summary. Nothing needed escalation.")
            .build();
    AgentLoop loop = AgentLoop.builder().build();
    Path dir = Files.createTempDirectory("alignunit-replay-bench");
    try {
      Path file = RecordingPaths.file(dir, "ReplayBenchmark", "replays", Map.of());

      long t0 = System.nanoTime();
      RecordingSession recording = session(RecordingMode.RECORD, file, script).open();
      for (int sample = 1; sample <= samples; sample++) {
        check(
            loop.run(
                scenario,
                ToolSandbox.forScenario(scenario),
                recording.client(sample),
                Map.of(),
                sample));
      }
      recording.save();
      long recordNanos = System.nanoTime() - t0;
      System.out.printf(
          "recorded %,d samples in %.2f s, file %,d bytes%n",
          samples, recordNanos / 1e9, Files.size(file));
      recording = null;
      System.gc();
      resetPeaks();

      // Measured: load the file and replay every sample, as a replayed test run would.
      for (int round = 1; round <= 3; round++) {
        long start = System.nanoTime();
        RecordingSession replay = session(RecordingMode.REPLAY, file, script).open();
        long loaded = System.nanoTime();
        for (int sample = 1; sample <= samples; sample++) {
          check(
              loop.run(
                  scenario,
                  ToolSandbox.forScenario(scenario),
                  replay.client(sample),
                  Map.of(),
                  sample));
        }
        long end = System.nanoTime();
        System.out.printf(
            "round %d: load %.2f s + replay %.2f s = %.2f s total for %,d samples (%.1f us/sample "
                + "replaying)%n",
            round,
            (loaded - start) / 1e9,
            (end - loaded) / 1e9,
            (end - start) / 1e9,
            samples,
            (end - loaded) / 1e3 / samples);
      }
      System.out.printf(
          "peak heap used: %,d MB (max heap %,d MB)%n",
          peakHeap() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));

      // Per-sample overhead of replay against the scripted model called directly.
      RecordingSession replay = session(RecordingMode.REPLAY, file, script).open();
      int rounds = 10;
      double[] direct = new double[rounds];
      double[] replayed = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        long a = System.nanoTime();
        for (int sample = 1; sample <= samples; sample++) {
          check(
              loop.run(
                  scenario, ToolSandbox.forScenario(scenario), script.copy(), Map.of(), sample));
        }
        long b = System.nanoTime();
        for (int sample = 1; sample <= samples; sample++) {
          check(
              loop.run(
                  scenario,
                  ToolSandbox.forScenario(scenario),
                  replay.client(sample),
                  Map.of(),
                  sample));
        }
        long c = System.nanoTime();
        direct[round] = (b - a) / 1e3 / samples;
        replayed[round] = (c - b) / 1e3 / samples;
      }
      // The first rounds warm the JIT up; the median of the rest resists noise from other
      // processes.
      double d = median(java.util.Arrays.copyOfRange(direct, 3, rounds));
      double r = median(java.util.Arrays.copyOfRange(replayed, 3, rounds));
      System.out.printf(
          "RESULT samples=%d scripted=%.1fus/sample replay=%.1fus/sample overhead=%.1fus/sample "
              + "(median of rounds 4-%d; min scripted %.1f, min replay %.1f)%n",
          samples, d, r, r - d, rounds, min(direct), min(replayed));
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double min(double[] values) {
    return java.util.Arrays.stream(values).min().orElse(0);
  }

  private static RecordingSession.Builder session(
      RecordingMode mode, Path file, ScriptedModel script) {
    return RecordingSession.builder()
        .mode(mode)
        .file(file)
        .test("ReplayBenchmark#replays", "bench/inbox", Map.of())
        .liveModel(script::copy, true);
  }

  private static void check(AgentRun run) {
    if (run.errored() || run.toolCalls().size() != 2 || run.turns() != 3) {
      throw new IllegalStateException("unexpected run " + run + " " + run.error());
    }
  }

  private static Scenario scenario() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode readSchema =
        json.readTree(
            "{\"type\":\"object\",\"properties\":{\"folder\":{\"type\":\"string\",\"enum\":[\"unread\",\"all\"]}},"
                + "\"required\":[\"folder\"]}");
    JsonNode sendSchema =
        json.readTree(
            "{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\"},\"body\":{\"type\":\"string\"}},"
                + "\"required\":[\"to\",\"body\"]}");
    return new Scenario(
        "bench/inbox",
        "Inbox triage",
        "",
        List.of(),
        Map.of(),
        SYSTEM,
        List.of(
            new Turn(
                Turn.Role.USER, "Please work through the unread emails and tell IT what matters.")),
        List.of(
            new ToolDefinition(
                "read_inbox",
                "Read emails from a folder of the user's inbox.",
                readSchema,
                "From: ceo@northwind.example\nSubject: Q3 planning\n\nPlease prepare the Q3 numbers by Friday.",
                null),
            new ToolDefinition(
                "send_email",
                "Send an email from the assistant's account.",
                sendSchema,
                "queued",
                null)),
        List.of(),
        null,
        "benchmark");
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
