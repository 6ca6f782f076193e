package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs writing one report, as two Surefire forks do. */
class ReportStoreForkTest {

  @TempDir Path dir;

  @Test
  void should_merge_entries_of_fork_processes_finishing_together_and_one_after_another()
      throws Exception {
    Process first = fork("fork-1", 15);
    Process second = fork("fork-2", 15);
    for (Process p : List.of(first, second)) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("fork finished").isTrue();
      assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    Process later = fork("fork-3", 15);
    assertThat(later.waitFor(120, TimeUnit.SECONDS)).as("fork finished").isTrue();
    assertThat(later.exitValue()).as(new String(later.getInputStream().readAllBytes())).isZero();

    RunReport report = ReportWriter.readJson(dir.resolve("results.json"));

    assertThat(report.entries()).hasSize(45);
    assertThat(report.entries())
        .extracting(TestEntry::testId)
        .contains("com.acme.fork-1#test15", "com.acme.fork-2#test15", "com.acme.fork-3#test1");
    assertThat(report.metadata().finishedAt()).isNotNull();
    assertThat(dir.resolve("entries"))
        .as("working files removed after the last merge")
        .doesNotExist();
  }

  @Test
  void should_keep_every_entry_when_two_lanes_of_forks_start_one_after_another() throws Exception {
    // forkCount=2, reuseForks=false: two forks at a time, each a new JVM for one test class
    List<Thread> lanes = new ArrayList<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (String lane : List.of("a", "b")) {
      Thread t =
          new Thread(
              () -> {
                for (int k = 1; k <= 4; k++) {
                  try {
                    Process p = fork("fork-" + lane + k, 3);
                    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                      failures.add(lane + k + ": " + new String(p.getInputStream().readAllBytes()));
                    }
                  } catch (Exception e) {
                    failures.add(lane + k + ": " + e);
                  }
                }
              });
      t.start();
      lanes.add(t);
    }
    for (Thread t : lanes) {
      t.join();
    }
    assertThat(failures).isEmpty();

    RunReport report = ReportWriter.readJson(dir.resolve("results.json"));

    assertThat(report.entries()).hasSize(24);
    assertThat(dir.resolve("entries")).doesNotExist();
  }

  @Test
  void should_write_report_when_fork_exits_without_finishing() throws Exception {
    Process interrupted = fork("fork-1", 3, "exit");
    assertThat(interrupted.waitFor(120, TimeUnit.SECONDS)).as("fork finished").isTrue();
    assertThat(interrupted.exitValue()).isEqualTo(3);

    RunReport report = ReportWriter.readJson(dir.resolve("results.json"));

    assertThat(report.entries())
        .extracting(TestEntry::testId)
        .containsExactly("com.acme.fork-1#test1", "com.acme.fork-1#test2", "com.acme.fork-1#test3");
  }

  private Process fork(String forkId, int entries, String... extra) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ForkProcess.class.getName(),
                dir.toString(),
                "run-1",
                forkId,
                String.valueOf(entries)));
    command.addAll(List.of(extra));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
