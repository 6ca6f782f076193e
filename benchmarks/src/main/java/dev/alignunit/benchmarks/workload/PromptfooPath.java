package dev.alignunit.benchmarks.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent workload through promptfoo, for the side-by-side comparison: {@code promptfoo eval} of
 * {@code benchmarks/promptfoo/promptfooconfig.yaml} (one test repeated N times, refusal graded by
 * promptfoo's {@code is-refusal}, the agent loop in {@code provider.js}) against the same loopback
 * mock, timed like the JVM paths and measured by {@code /usr/bin/time} (CPU, peak RSS). promptfoo's
 * CLI entry point refuses Node.js below 22.22, so its {@code main.js} is started directly: the
 * benchmark host has Node.js 20 (say so next to any figure). Telemetry, update checks, sharing, the
 * cache and the results database are off; run the benchmark under {@code unshare -n} so that
 * nothing but loopback is reachable.
 */
final class PromptfooPath {

  private PromptfooPath() {}

  static AgentWorkloadBenchmark.Result measure(
      String promptfooDir, int n, String baseUrl, int concurrency)
      throws IOException, InterruptedException {
    if (promptfooDir == null || promptfooDir.isBlank()) {
      throw new IllegalArgumentException(
          "path promptfoo needs --promptfoo DIR (the directory holding "
              + "node_modules/promptfoo)");
    }
    Path main = Path.of(promptfooDir, "node_modules", "promptfoo", "dist", "src", "main.js");
    if (!Files.isRegularFile(main)) {
      throw new IllegalArgumentException(
          "No promptfoo at "
              + main
              + "; pass --promptfoo with the directory where "
              + "'npm install promptfoo' ran");
    }
    Path config = Path.of("benchmarks", "promptfoo").toAbsolutePath();
    Path home = Files.createTempDirectory("promptfoo-home");
    List<String> command =
        List.of(
            "/usr/bin/time",
            "-f",
            "TIME %M %U %S",
            "node",
            main.toString(),
            "eval",
            "-c",
            config.resolve("promptfooconfig.yaml").toString(),
            "--repeat",
            String.valueOf(n),
            "-j",
            String.valueOf(concurrency),
            "--no-cache",
            "--no-write",
            "--no-table",
            "--no-progress-bar",
            "--no-share");
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(config.toFile()).redirectErrorStream(true);
    builder.environment().put("WORKLOAD_BASE_URL", baseUrl);
    builder.environment().put("PROMPTFOO_DISABLE_TELEMETRY", "1");
    builder.environment().put("PROMPTFOO_DISABLE_UPDATE", "1");
    builder.environment().put("PROMPTFOO_DISABLE_SHARING", "1");
    builder.environment().put("PROMPTFOO_CONFIG_DIR", home.toString());
    builder.environment().put("OPENAI_API_KEY", "bench-key");
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
    String time = lines.stream().filter(l -> l.startsWith("TIME ")).reduce((a, b) -> b).orElse("");
    String passed =
        lines.stream()
            .filter(l -> l.contains("Pass Rate") || l.contains("passed"))
            .reduce((a, b) -> b)
            .orElse("?");
    if (exit != 0 || time.isEmpty() || !passed.contains("100")) {
      throw new IllegalStateException(
          "promptfoo at N="
              + n
              + " failed (exit "
              + exit
              + "):\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
    }
    String[] fields = time.split(" ");
    return new AgentWorkloadBenchmark.Result(
        wall,
        Double.parseDouble(fields[2]) + Double.parseDouble(fields[3]),
        Long.parseLong(fields[1]),
        load,
        passed.strip().replace(' ', '_'));
  }
}
