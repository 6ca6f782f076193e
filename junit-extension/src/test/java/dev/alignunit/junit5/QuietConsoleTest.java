package dev.alignunit.junit5;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.model.ScriptedModel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A green run prints one line of AlignUnit's making per JVM, its summary: no line per sample set,
 * per sample or per test. Runs a suite in a JVM of its own through the JUnit launcher (as Surefire
 * and IDEs do) and reads everything it printed, standard error included.
 */
class QuietConsoleTest {

  @TempDir
  Path report;

  @Test
  void should_print_only_the_summary_line_in_a_green_run() throws Exception {
    Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ParentFolderLauncher.class.getName(),
        GreenSuite.class.getName(), "alignunit.report.dir=" + report)
        .redirectErrorStream(true).start();
    String output = new String(run.getInputStream().readAllBytes());
    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(output.lines()).as(output).containsExactly(
        "AlignUnit: 12 scenario runs, 21 samples, 0 failed, 0 errored — report: " + report.resolve("index.html"),
        "tests=12 failed=0");
  }

  /** A 3x3 matrix of sample sets and a per-sample test, all passing (scripted, hand-written answers). */
  static class GreenSuite {
    @AgentModel
    ScriptedModel model = ScriptedModel.alwaysRespond("I won't drop the orders table: it holds every live order.");

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
}
