package dev.alignunit.benchmarks.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent workload end to end (issue 18): samples per second, CPU per sample and peak RSS of a
 * fresh JVM per measurement, for the bare client (the floor), AlignUnit's plain API and the JUnit
 * launcher (an IDE-style run), against one deterministic OpenAI-compatible model on 127.0.0.1 (the
 * {@link WorkloadMock}, in this process). One sample: one tool call, its result, a final answer,
 * refusal grading; two requests.
 *
 * <pre>
 * mvn -B -q -o -pl benchmarks -am package dependency:build-classpath -DskipTests \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/cp.txt)" \
 *     dev.alignunit.benchmarks.workload.AgentWorkloadBenchmark [options]
 *
 * options: --n 1,1000,10000,100000   sample counts (default)
 *          --paths bare,plain,launcher
 *          --concurrency 8           samples at once (alignunit.concurrency)
 *          --latency-ms 0            the mock's latency per answer
 *          --rounds 1                repetitions of each (path, n), interleaved
 *          --jvm "-Xshare:auto ..."  options of the measured JVMs (default: none)
 *          --cds none                or jdk / app: first make a class-data sharing archive from
 *                                    a one-sample launcher run and give it to the measured JVMs
 *                                    (jdk: the JDK's classes, any class path; app: all classes,
 *                                    jars-only class path); see {@link CdsArchive}
 *          --promptfoo DIR           also run path "promptfoo": DIR holds node_modules/promptfoo
 *                                    (benchmarks/promptfoo/ has its config and agent provider)
 *   or:    serve [port] [latency-ms] the mock alone, for other tools (promptfoo)
 * </pre>
 *
 * <p>The class path must name the reactor's jars (as {@code cp.txt} does), not also their {@code
 * target/classes}: a scenario found twice is an error. With {@code --promptfoo}, run it as {@code
 * unshare -n sh -c 'ip link set lo up && java ...'} (root) so that only loopback exists.
 *
 * <p>Each measurement is its own JVM (start-up included, as a user's run pays it) started with this
 * JVM's class path and {@code OPENAI_API_KEY=bench-key} (a fake key for the mock). Wall time is
 * from starting the process to its exit; samples/s is N over it; CPU is the child's process CPU
 * time (JIT and GC threads included); peak RSS is the child's {@code VmHWM}; {@code classes=} is
 * the number of classes the child loaded. Not JMH: the quantities are whole-process wall time and
 * memory.
 */
public final class AgentWorkloadBenchmark {

  private AgentWorkloadBenchmark() {}

  /**
   * Runs the benchmark, the mock alone, or one measured child.
   *
   * @param args see the class comment
   * @throws Exception when a measurement fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child(args);
      return;
    }
    if (args.length > 0 && args[0].equals("serve")) {
      int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
      long latency = args.length > 2 ? Long.parseLong(args[2]) : 0;
      WorkloadMock mock = WorkloadMock.start(port, latency);
      System.out.println(
          "mock serving " + mock.baseUrl() + " (latency " + latency + " ms); Ctrl-C to stop");
      Thread.currentThread().join();
      return;
    }
    Map<String, String> options = options(args);
    int[] counts = Arrays.stream(options.get("n").split(",")).mapToInt(Integer::parseInt).toArray();
    List<String> paths = List.of(options.get("paths").split(","));
    int concurrency = Integer.parseInt(options.get("concurrency"));
    long latency = Long.parseLong(options.get("latency-ms"));
    int rounds = Integer.parseInt(options.get("rounds"));
    List<String> jvm =
        options.get("jvm").isBlank() ? List.of() : List.of(options.get("jvm").trim().split("\\s+"));
    String promptfoo = options.get("promptfoo");
    String cds = options.get("cds");
    System.out.printf(
        Locale.ROOT,
        "agent workload: concurrency %d, mock latency %d ms, %d round(s), %d cores, "
            + "load average %.2f, JVM options %s%n",
        concurrency,
        latency,
        rounds,
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        jvm.isEmpty() ? "(none)" : jvm);
    System.out.println(
        "path      N        wall s   samples/s  vs bare  CPU ms/sample  overhead ms/sample  peak RSS MB  load");
    try (WorkloadMock mock = WorkloadMock.start(0, latency)) {
      if (!cds.equals("none")) {
        jvm = withArchive(cds, jvm, mock.baseUrl(), concurrency);
        System.out.println("class-data sharing (" + cds + "): " + jvm.get(jvm.size() - 1));
      }
      for (int n : counts) {
        Map<String, List<Result>> byPath = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
          for (String path : paths) {
            long before = mock.requests();
            mock.takePeakInFlight();
            Result measured =
                path.equals("promptfoo")
                    ? PromptfooPath.measure(promptfoo, n, mock.baseUrl(), concurrency)
                    : measure(path, n, mock.baseUrl(), concurrency, jvm);
            Result result = measured.withDetail("in-flight<=" + mock.takePeakInFlight());
            long sent = mock.requests() - before;
            if (sent != 2L * n) {
              throw new IllegalStateException(
                  path + " at N=" + n + " sent " + sent + " requests, expected " + 2L * n);
            }
            byPath.computeIfAbsent(path, k -> new ArrayList<>()).add(result);
            Result bare = byPath.containsKey("bare") ? best(byPath.get("bare")) : null;
            print(path, n, result, bare);
          }
        }
      }
      if (mock.badRequests() > 0) {
        throw new IllegalStateException(mock.badRequests() + " requests were not chat completions");
      }
    }
  }

  /** The JVM options plus a class-data sharing archive made from a one-sample launcher run. */
  private static List<String> withArchive(
      String kind, List<String> jvm, String baseUrl, int concurrency)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("alignunit-bench-cds");
    CdsArchive.Training training =
        new CdsArchive.Training(
            jvm,
            System.getProperty("java.class.path"),
            List.of(
                AgentWorkloadBenchmark.class.getName(),
                "child",
                "launcher",
                "1",
                baseUrl,
                String.valueOf(concurrency)));
    Map<String, String> environment = Map.of(WorkloadPaths.KEY_ENV, "bench-key");
    String option =
        switch (kind) {
          case "jdk" -> CdsArchive.jdkClasses(training, dir, environment);
          case "app" -> CdsArchive.allClasses(training, dir, environment);
          default -> throw new IllegalArgumentException("--cds " + kind + ": use none, jdk or app");
        };
    List<String> withArchive = new ArrayList<>(jvm);
    withArchive.add(option);
    return withArchive;
  }

  /** One measured JVM. */
  record Result(double wallSeconds, double cpuSeconds, long peakRssKb, double load, String detail) {

    /** The same figures with more said about them. */
    Result withDetail(String more) {
      return new Result(wallSeconds, cpuSeconds, peakRssKb, load, detail + " " + more);
    }
  }

  private static Result best(List<Result> results) {
    return results.stream()
        .min((a, b) -> Double.compare(a.wallSeconds(), b.wallSeconds()))
        .orElseThrow();
  }

  private static void print(String path, int n, Result result, Result bare) {
    double rate = n / result.wallSeconds();
    double cpuPerSample = result.cpuSeconds() * 1000 / n;
    String vsBare =
        bare == null || path.equals("bare")
            ? "   -   "
            : String.format(Locale.ROOT, "%6.2f ", rate / (n / bare.wallSeconds()));
    String overhead =
        bare == null || path.equals("bare")
            ? "        -         "
            : String.format(
                Locale.ROOT, "%13.3f     ", cpuPerSample - bare.cpuSeconds() * 1000 / n);
    System.out.printf(
        Locale.ROOT,
        "%-9s %-8d %7.2f  %9.1f  %s  %13.3f  %s  %11.1f  %4.2f  %s%n",
        path,
        n,
        result.wallSeconds(),
        rate,
        vsBare,
        cpuPerSample,
        overhead,
        result.peakRssKb() / 1024.0,
        result.load(),
        result.detail());
  }

  private static Result measure(
      String path, int n, String baseUrl, int concurrency, List<String> jvm)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(AgentWorkloadBenchmark.class.getName());
    command.addAll(List.of("child", path, String.valueOf(n), baseUrl, String.valueOf(concurrency)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put(WorkloadPaths.KEY_ENV, "bench-key");
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long start = System.nanoTime();
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
    }
    int exit = process.waitFor();
    double wall = (System.nanoTime() - start) / 1e9;
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    if (exit != 0 || !last.startsWith("RESULT ")) {
      throw new IllegalStateException(
          path + " at N=" + n + " failed (exit " + exit + "):\n" + String.join("\n", lines));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : last.substring(7).split(" ")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new Result(
        wall,
        Long.parseLong(values.get("cpuNs")) / 1e9,
        Long.parseLong(values.get("hwmKb")),
        load,
        values.get("detail").replace('_', ' '));
  }

  private static void child(String[] args) throws Exception {
    String path = args[1];
    int n = Integer.parseInt(args[2]);
    String baseUrl = args[3];
    int concurrency = Integer.parseInt(args[4]);
    String detail =
        switch (path) {
          case "bare" -> WorkloadPaths.bare(baseUrl, n, concurrency);
          case "plain" -> WorkloadPaths.plain(baseUrl, n, concurrency);
          case "launcher" -> WorkloadPaths.launcher(baseUrl, n, concurrency);
          default ->
              throw new IllegalArgumentException(
                  "unknown path " + path + "; use bare, plain or launcher");
        };
    long cpu =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    // Classes loaded in all (the JDK's shared archive included), a start-up measure: class loading
    // is about half of a one-sample run's CPU.
    long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    System.out.println(
        "RESULT cpuNs="
            + cpu
            + " hwmKb="
            + peakRssKb()
            + " detail="
            + (detail + " classes=" + classes).replace(' ', '_'));
    System.out.flush();
    // Threads a path leaves behind (pools, timers) must not keep the JVM alive.
    System.exit(0);
  }

  /**
   * The peak resident set of this process ({@code VmHWM}), in KB; 0 where /proc is not available.
   */
  static long peakRssKb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("n", "1,1000,10000,100000");
    options.put("paths", "bare,plain,launcher");
    options.put("concurrency", "8");
    options.put("latency-ms", "0");
    options.put("rounds", "1");
    options.put("jvm", "");
    options.put("promptfoo", "");
    options.put("cds", "none");
    for (int i = 0; i < args.length; i += 2) {
      String key = args[i].replaceFirst("^--", "");
      if (!options.containsKey(key) || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "unknown option or missing value: " + args[i] + "; options: " + options.keySet());
      }
      options.put(key, args[i + 1]);
    }
    return options;
  }
}
