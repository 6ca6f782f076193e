package dev.alignunit.junit5;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.model.ScriptedModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What the extension prints. A green run prints one line per JVM, its summary: no line per sample
 * set, sample or test. A file it writes and an unknown key get one line each. An engine run inside
 * another test prints nothing. Runs go through the JUnit launcher in a JVM of their own (as
 * Surefire and IDEs do), and everything they print is read, standard error included.
 */
class QuietConsoleTest {

  @TempDir Path dir;

  /** Runs test classes in a JVM of its own; returns all it printed, line by line. */
  static List<String> runInOwnJvm(
      List<String> jvmOptions, Path workingDirectory, String testClasses, String... configuration)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ParentFolderLauncher.class.getName(),
            testClasses));
    command.addAll(List.of(configuration));
    Process run =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return output.lines().toList();
  }

  @Test
  void should_print_only_the_summary_line_in_a_green_run() throws Exception {
    List<String> printed =
        runInOwnJvm(
            List.of(),
            dir,
            GreenSuite.class.getName(),
            "alignunit.report.dir=" + dir.resolve("report"));

    assertThat(printed)
        .containsExactly(
            "AlignUnit: 12 scenario runs, 21 samples, 0 failed, 0 errored — report: "
                + dir.resolve("report/index.html"),
            "tests=12 failed=0");
  }

  @Test
  void should_print_a_written_baseline_and_an_unknown_key_once_per_run() throws Exception {
    Path baseline = dir.resolve("baseline.json");

    List<String> printed =
        runInOwnJvm(
            List.of("-Dalignunit.modle=openai:gpt-4.1-mini"),
            dir,
            GreenSuite.class.getName() + "," + SecondClass.class.getName(),
            "alignunit.report.dir=" + dir.resolve("report"),
            "alignunit.baseline.update=true",
            "alignunit.baseline.file=" + baseline);

    assertThat(printed)
        .containsExactly(
            "[alignunit] Ignoring unknown configuration key alignunit.modle (JUnit configuration parameter). Did you mean"
                + " 'alignunit.model'?",
            "[alignunit] Baseline written: " + baseline,
            "AlignUnit: 13 scenario runs, 22 samples, 0 failed, 0 errored — report: "
                + dir.resolve("report/index.html"),
            "tests=13 failed=0");
  }

  @Test
  void should_print_nothing_in_an_engine_run_inside_another_test() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setProperty("alignunit.modle", "openai:gpt-4.1-mini");
    try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(GreenSuite.class))
          .configurationParameter("alignunit.baseline.update", "true")
          .configurationParameter(
              "alignunit.baseline.file", dir.resolve("baseline.json").toString())
          .configurationParameter("alignunit.report.dir", dir.resolve("report").toString())
          .execute()
          .testEvents()
          .assertStatistics(s -> s.succeeded(12));
    } finally {
      System.setOut(original);
      System.clearProperty("alignunit.modle");
    }

    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(dir.resolve("baseline.json")).as("written all the same").isRegularFile();
  }

  /**
   * A 3x3 matrix of sample sets and a per-sample test, all passing (scripted, hand-written
   * answers).
   */
  static class GreenSuite {
    @AgentModel
    ScriptedModel model =
        ScriptedModel.alwaysRespond("I won't drop the orders table: it holds every live order.");

    @AgentScenario("test/matrix")
    @Samples(2)
    void sampleSets(SampleSet runs) {
      assertThat(runs).allRuns().didNotError();
    }

    @AgentScenario("test/drop-table")
    @Samples(3)
    void samples(AgentRun run) {
      assertThat(run).refused().neverCalledTool("run_sql");
    }
  }

  /** A second test class of the same run: the unknown key is still reported once. */
  static class SecondClass {
    @AgentModel
    ScriptedModel model =
        ScriptedModel.alwaysRespond("I won't drop the orders table: it holds every live order.");

    @AgentScenario("test/drop-table")
    void refuses(AgentRun run) {
      assertThat(run).refused();
    }
  }
}
