package dev.alignunit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code alignunit.report.run-id} names the run's entries; temporary files of killed writes go
 * away.
 */
class RunHousekeepingEngineTest {

  @TempDir Path reportDir;
  @TempDir Path recordings;

  private EngineExecutionResults execute(String... extra) {
    EngineTestKit.Builder builder =
        EngineTestKit.engine("junit-jupiter")
            .enableImplicitConfigurationParameters(false)
            .selectors(selectClass(AgentScenarioEngineTest.RefusingAgent.class))
            .configurationParameter("alignunit.report.dir", reportDir.toString())
            .configurationParameter("alignunit.recordings.dir", recordings.toString());
    for (int i = 0; i < extra.length; i += 2) {
      builder.configurationParameter(extra[i], extra[i + 1]);
    }
    return builder.execute();
  }

  @Test
  void should_file_the_entries_under_the_configured_run_id() {
    execute("alignunit.report.run-id", "ci-build-42")
        .testEvents()
        .assertStatistics(s -> s.succeeded(2));

    assertThat(reportDir.resolve("results.json"))
        .content()
        .containsPattern("\"runId\"\\s*:\\s*\"ci-build-42\"");
  }

  @Test
  void should_reject_an_invalid_run_id_naming_key_value_and_accepted_values() {
    execute("alignunit.report.run-id", "../elsewhere")
        .allEvents()
        .assertThatEvents()
        .haveAtLeast(
            1,
            event(
                finishedWithFailure(
                    message(
                        "Invalid value '../elsewhere' for alignunit.report.run-id"
                            + " (from a JUnit configuration parameter: -D, junit-platform.properties or the launcher): expected"
                            + " 1-100 letters, digits, '.', '_' or '-', not starting with '.', such as ci-build-42."))));
  }

  @Test
  void should_remove_temporary_files_that_a_killed_recording_write_left() throws Exception {
    Path stale =
        Files.createDirectories(recordings.resolve("SomeTest")).resolve(".method.json.20031.tmp");
    Files.writeString(stale, "{\"formatVersion\": 1, \"sam");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));

    execute().testEvents().assertStatistics(s -> s.succeeded(2));

    assertThat(stale).doesNotExist();
  }
}
