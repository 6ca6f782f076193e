package dev.alignunit.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What BENCHMARKS.md and the README say about class-data sharing on JDK 17: an archive of the JDK's
 * classes works with a class path of directories (as every Maven test run has); an archive of all
 * classes works for a class path of jars and is refused for one with a directory; a missing archive
 * never fails a run.
 */
class CdsArchiveTest {

  private static final String PROBE = CdsProbe.class.getName();

  @TempDir Path dir;

  private static Path classesDirectory() throws Exception {
    return Path.of(CdsProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void should_share_the_jdk_classes_of_a_run_with_a_directory_class_path() throws Exception {
    String classPath = classesDirectory().toString();
    String option =
        CdsArchive.jdkClasses(
            new CdsArchive.Training(List.of("-Xshare:auto"), classPath, List.of(PROBE)),
            dir,
            Map.of());

    String log = java(List.of(option, "-Xlog:class+load"), classPath);
    assertThat(log).contains("probe probe");
    // Loaded only because the class path has a directory; not in the JDK's default archive.
    assertThat(log)
        .contains("jdk.internal.loader.URLClassPath$FileLoader source: shared objects file");
    assertThat(log).contains(PROBE + " source: file:");
  }

  @Test
  void should_share_every_class_of_a_run_with_a_jar_class_path() throws Exception {
    Path jar = probeJar();
    String option =
        CdsArchive.allClasses(
            new CdsArchive.Training(List.of(), jar.toString(), List.of(PROBE)), dir, Map.of());

    String log = java(List.of(option, "-Xlog:class+load"), jar.toString());
    assertThat(log).contains("probe probe").contains(PROBE + " source: shared objects file");
  }

  @Test
  void should_refuse_an_archive_of_all_classes_for_a_class_path_with_a_directory()
      throws Exception {
    String classPath = classesDirectory().toString();
    assertThatThrownBy(
            () ->
                CdsArchive.allClasses(
                    new CdsArchive.Training(List.of(), classPath, List.of(PROBE)), dir, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--cds app needs a class path of jars only (JDK 17 refuses a non-empty directory in"
                + " it): "
                + classPath
                + " is a directory; put the module's jar (for the benchmark"
                + " benchmarks/target/alignunit-benchmarks-*.jar) in its place, or use --cds jdk");
    // What the JVM itself says without the check:
    String log =
        java(List.of("-XX:ArchiveClassesAtExit=" + dir.resolve("x.jsa")), classPath, false);
    assertThat(log).contains("Cannot have non-empty directory in paths");
  }

  @Test
  void should_run_without_sharing_when_the_archive_is_missing() throws Exception {
    String log =
        java(
            List.of("-XX:SharedArchiveFile=" + dir.resolve("missing.jsa"), "-Xlog:class+load"),
            classesDirectory().toString());
    assertThat(log).contains("probe probe").doesNotContain("shared objects file");
  }

  private Path probeJar() throws IOException {
    Path jar = dir.resolve("probe.jar");
    String entry = PROBE.replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        var in = CdsProbe.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }

  private static String java(List<String> options, String classPath) throws Exception {
    return java(options, classPath, true);
  }

  private static String java(List<String> options, String classPath, boolean mustSucceed)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(List.of("-cp", classPath, PROBE));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (mustSucceed) {
      assertThat(exit).as(output).isZero();
    }
    return output;
  }
}
