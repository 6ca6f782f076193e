package dev.alignunit.benchmarks.workload;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Class-data sharing archives for the measured JVMs ({@code --cds} of {@link
 * AgentWorkloadBenchmark}; BENCHMARKS.md, "JVM options for test suites"). Each is made from one
 * training run of the workload and returns the JVM option that uses it.
 *
 * <ul>
 *   <li>{@code jdk}: the JDK classes a run loads (the training run's class list, dumped with {@code
 *       -Xshare:dump} and no application class path). JDK 17 accepts it with any class path,
 *       directories included, so it works for Maven's {@code target/classes} and {@code
 *       target/test-classes}: about 1,000 more JDK classes (logging, security providers, zip,
 *       lambda forms) come mapped instead of parsed.
 *   <li>{@code app}: every class of the run, the application's too ({@code
 *       -XX:ArchiveClassesAtExit}). JDK 17 makes it only for a class path of jars: a non-empty
 *       directory on it fails the JVM with "Cannot have non-empty directory in paths".
 * </ul>
 *
 * An archive belongs to one JDK build and one class path; when the file named by {@code
 * -XX:SharedArchiveFile} is missing or stale the JVM runs without sharing (slower, never failing).
 */
final class CdsArchive {

  private CdsArchive() {}

  /** A training JVM: the command before its class path, and what follows it (main, arguments). */
  record Training(List<String> jvmOptions, String classPath, List<String> mainAndArgs) {}

  /**
   * Makes an archive of the JDK classes the training run loads.
   *
   * @param training the run whose class list is archived
   * @param dir where the class list and the archive go
   * @param environment extra environment of the training run (the workload's fake key)
   * @return the JVM option that uses the archive
   * @throws IOException when a JVM cannot be started or fails
   */
  static String jdkClasses(Training training, Path dir, java.util.Map<String, String> environment)
      throws IOException, InterruptedException {
    Path list = dir.resolve("jdk-classes.lst");
    Path archive = dir.resolve("jdk-classes.jsa");
    List<String> run = new ArrayList<>(training.jvmOptions());
    run.add("-XX:DumpLoadedClassList=" + list);
    run(java(run, training.classPath(), training.mainAndArgs()), environment, "training run");
    // No application class path: only the JDK's classes go in, so any class path may use it.
    Path empty = Files.createDirectories(dir.resolve("empty"));
    List<String> dump = new ArrayList<>(training.jvmOptions());
    dump.add("-Xshare:dump");
    dump.add("-XX:SharedClassListFile=" + list);
    dump.add("-XX:SharedArchiveFile=" + archive);
    run(java(dump, empty.toString(), List.of()), environment, "archive dump");
    return "-XX:SharedArchiveFile=" + archive;
  }

  /**
   * Makes an archive of every class the training run loads; the class path must be jars only.
   *
   * @param training the run whose classes are archived
   * @param dir where the archive goes
   * @param environment extra environment of the training run
   * @return the JVM option that uses the archive
   * @throws IllegalArgumentException naming the first directory on the class path
   * @throws IOException when a JVM cannot be started or fails
   */
  static String allClasses(Training training, Path dir, java.util.Map<String, String> environment)
      throws IOException, InterruptedException {
    for (String entry : training.classPath().split(File.pathSeparator)) {
      if (Files.isDirectory(Path.of(entry))) {
        throw new IllegalArgumentException(
            "--cds app needs a class path of jars only (JDK 17 refuses a non-empty directory in"
                + " it): "
                + entry
                + " is a directory; put the module's jar (for the benchmark"
                + " benchmarks/target/alignunit-benchmarks-*.jar) in its place, or use --cds jdk");
      }
    }
    Path archive = dir.resolve("all-classes.jsa");
    List<String> run = new ArrayList<>(training.jvmOptions());
    run.add("-XX:ArchiveClassesAtExit=" + archive);
    run(java(run, training.classPath(), training.mainAndArgs()), environment, "training run");
    return "-XX:SharedArchiveFile=" + archive;
  }

  private static List<String> java(List<String> options, String classPath, List<String> main) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.add("-cp");
    command.add(classPath);
    command.addAll(main);
    return command;
  }

  private static void run(
      List<String> command, java.util.Map<String, String> environment, String what)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IOException(
          what
              + " failed (exit "
              + exit
              + "): "
              + String.join(" ", command)
              + "\n"
              + new String(output, StandardCharsets.UTF_8));
    }
  }
}
