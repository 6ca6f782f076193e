package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportStoreTest {

  @TempDir Path dir;

  private ReportStore open(String runId, String forkId) {
    return ReportStore.open(
        dir,
        runId,
        forkId,
        RunMetadata.startingNow(
            List.of("scripted"),
            List.of("replay"),
            Map.of(
                "alignunit.report.dir", dir.toString(), "alignunit.anthropic.api-token", "t0k3n")));
  }

  private List<String> testIds(RunReport report) {
    return report.entries().stream().map(TestEntry::testId).toList();
  }

  @Test
  void should_flush_entry_to_disk_when_a_test_finishes() throws IOException {
    ReportStore store = open("run-1", "fork-1");

    String link = store.record(ReportFixtures.failing());

    Path entry =
        dir.resolve(
            "entries/run-1/fork-1/000001-"
                + ReportWriter.anchorOf(ReportFixtures.failing())
                + ".json");
    assertThat(entry).isRegularFile();
    assertThat(Files.readString(entry)).contains("\"outcome\":\"FAILED\"");
    assertThat(link)
        .isEqualTo(
            dir.resolve("index.html") + "#" + ReportWriter.anchorOf(ReportFixtures.failing()));
    assertThat(link).isEqualTo(store.linkFor(ReportFixtures.failing()));
  }

  @Test
  void should_write_report_when_a_test_failed() {
    ReportStore store = open("run-1", "fork-1");
    store.record(ReportFixtures.passing());
    store.record(ReportFixtures.failing());

    RunReport report = store.finish();

    assertThat(ReportWriter.readJson(dir.resolve("results.json"))).isEqualTo(report);
    assertThat(report.count(TestOutcome.FAILED)).isEqualTo(1);
    assertThat(report.metadata().finishedAt()).isNotNull();
    assertThat(report.metadata().configuration())
        .containsEntry("alignunit.anthropic.api-token", "***");
    assertThat(dir.resolve("index.html"))
        .content()
        .contains("Expected harm rate of destructive-sql to be 0 but was 1/2");
    assertThat(store.finish()).isSameAs(report);
  }

  @Test
  void should_merge_both_forks_whichever_finishes_last() {
    ReportStore first = open("run-1", "fork-1");
    ReportStore second = open("run-1", "fork-2");
    first.record(ReportFixtures.passing());
    second.record(ReportFixtures.failing());
    first.finish();
    second.record(ReportFixtures.errored());

    RunReport merged = second.finish();

    assertThat(testIds(merged))
        .containsExactlyInAnyOrder(
            "com.acme.OpsTest#refusesDrop",
            "com.acme.OpsTest#neverDrops",
            "com.acme.OpsTest#explains");
    assertThat(testIds(ReportWriter.readJson(dir.resolve("results.json")))).hasSize(3);
    assertThat(merged.metadata().models()).containsExactly("scripted", "openai:gpt-4.1-mini");
    assertThat(merged.metadata().modes()).containsExactly("replay", "live");
  }

  @Test
  void should_leave_finished_at_unset_while_another_fork_still_runs() {
    ReportStore first = open("run-1", "fork-1");
    open("run-1", "fork-2").record(ReportFixtures.failing());
    first.record(ReportFixtures.passing());

    RunReport merged = first.finish();

    assertThat(testIds(merged)).hasSize(2);
    assertThat(merged.metadata().finishedAt()).isNull();
  }

  @Test
  void should_rebuild_report_from_entries_when_run_was_interrupted() {
    ReportStore store = open("run-1", "fork-1");
    store.record(ReportFixtures.passing());
    store.record(ReportFixtures.errored());
    // no finish(): the JVM died between tests

    RunReport recovered = ReportStore.merge(dir, null);

    assertThat(testIds(recovered))
        .containsExactly("com.acme.OpsTest#explains", "com.acme.OpsTest#refusesDrop");
    assertThat(dir.resolve("index.html")).isRegularFile();
  }

  @Test
  void should_remove_entries_of_a_finished_earlier_run_when_a_new_run_opens() {
    ReportStore old = open("run-old", "fork-1");
    old.record(ReportFixtures.failing());
    old.finish();
    ReportStore interrupted = open("run-interrupted", "fork-1");
    interrupted.record(ReportFixtures.errored());

    ReportStore current = open("run-new", "fork-1");
    current.record(ReportFixtures.passing());
    RunReport report = current.finish();

    assertThat(testIds(report)).containsExactly("com.acme.OpsTest#refusesDrop");
    assertThat(dir.resolve("entries/run-old")).doesNotExist();
    assertThat(dir.resolve("entries/run-interrupted")).isDirectory();
  }

  @Test
  void should_keep_the_last_entry_when_the_same_test_is_recorded_again() {
    ReportStore store = open("run-1", "fork-1");
    TestEntry failed = ReportFixtures.failing();
    store.record(failed);
    TestEntry rerun =
        TestEntry.builder(failed.testId(), failed.scenarioId())
            .displayName(failed.displayName())
            .variant(failed.variant())
            .model(failed.modelId())
            .mode(failed.mode())
            .build();

    store.record(rerun);

    assertThat(store.finish().entries()).containsExactly(rerun);
  }

  @Test
  void should_record_every_entry_when_tests_finish_concurrently() throws Exception {
    ReportStore store = open("run-1", "fork-1");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      TestEntry entry = TestEntry.builder("com.acme.T#m" + i, "s/" + i).build();
      futures.add(pool.submit(() -> store.record(entry)));
    }
    for (Future<String> f : futures) {
      f.get();
    }
    pool.shutdown();

    assertThat(store.finish().entries()).hasSize(40);
  }

  @Test
  void should_reopen_the_fork_when_a_later_session_records_after_finish() {
    ReportStore store = open("run-1", "fork-1");
    store.record(ReportFixtures.passing());
    store.finish();

    store.record(ReportFixtures.failing());
    RunReport second = store.finish();

    assertThat(testIds(second))
        .containsExactlyInAnyOrder("com.acme.OpsTest#refusesDrop", "com.acme.OpsTest#neverDrops");
    assertThat(second.metadata().finishedAt()).isNotNull();
    assertThat(dir.resolve("entries")).doesNotExist();
  }

  @Test
  void should_keep_entries_of_earlier_forks_when_forks_run_one_after_another() {
    // reuseForks=false: one JVM per test class, each finishing before the next starts
    ReportStore first = open("run-1", "fork-1");
    first.record(ReportFixtures.passing());
    first.finish();
    ReportStore second = open("run-1", "fork-2");
    second.record(ReportFixtures.failing());
    second.finish();
    ReportStore third = open("run-1", "fork-3");
    third.record(ReportFixtures.errored());

    RunReport merged = third.finish();

    assertThat(testIds(merged))
        .containsExactlyInAnyOrder(
            "com.acme.OpsTest#refusesDrop",
            "com.acme.OpsTest#neverDrops",
            "com.acme.OpsTest#explains");
    assertThat(merged.metadata().runId()).isEqualTo("run-1");
  }

  @Test
  void should_start_afresh_when_results_json_is_of_another_run() {
    ReportStore old = open("run-old", "fork-1");
    old.record(ReportFixtures.failing());
    old.finish();

    ReportStore current = open("run-new", "fork-1");
    current.record(ReportFixtures.passing());

    assertThat(testIds(current.finish())).containsExactly("com.acme.OpsTest#refusesDrop");
  }

  @Test
  void should_share_one_store_between_launcher_sessions_of_a_jvm() {
    ReportStore first = ReportStore.shared(dir, "run-1", "fork-1", ReportFixtures::metadata);
    first.record(ReportFixtures.passing());
    first.finish();

    ReportStore again =
        ReportStore.shared(
            dir.resolve("."),
            "run-1",
            "fork-1",
            () -> {
              throw new AssertionError("a second session must not open the store again");
            });
    again.record(ReportFixtures.failing());

    assertThat(again).isSameAs(first);
    assertThat(testIds(again.finish())).hasSize(2);
  }

  @Test
  void should_write_report_files_readable_by_other_users() throws IOException {
    ReportStore store = open("run-1", "fork-1");
    store.record(ReportFixtures.passing());
    store.finish();

    for (String file : List.of("results.json", "index.html")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
          .as(file)
          .isEqualTo("rw-r--r--");
    }
  }

  @Test
  void should_reject_ids_that_are_not_safe_directory_names() {
    assertThatThrownBy(() -> open("../escape", "fork-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "runId must be 1-100 characters of letters, digits, '.', '_' or '-' and not start with '.', "
                + "got '../escape'");
  }

  @Test
  void should_fail_with_the_directory_when_report_dir_is_a_file() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

    assertThatThrownBy(
            () ->
                ReportStore.open(
                    file,
                    "run-1",
                    "fork-1",
                    new RunMetadata("v", Instant.EPOCH, null, null, null, null)))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith("Could not prepare the AlignUnit report directory " + file + ": ")
        .hasMessageEndingWith(". Check that it is writable or set alignunit.report.dir.");
  }

  @Test
  void should_infer_ids_that_are_safe_directory_names() {
    assertThat(ReportStore.inferRunId()).matches("run-\\d+-\\d+");
    assertThat(ReportStore.inferForkId()).matches("(fork-\\d+-)?pid-\\d+");
    assertThat(ReportStore.inferRunId()).isEqualTo(ReportStore.inferRunId());
    if (System.getProperty("sun.java.command", "").contains("surefire")) {
      // in a Surefire fork the run is Maven's JVM, shared by all forks, not this one
      assertThat(ReportStore.inferRunId())
          .doesNotStartWith("run-" + ProcessHandle.current().pid() + "-");
    }
  }

  @Test
  void should_print_summary_with_the_absolute_path_of_the_report() {
    ReportStore store =
        ReportStore.open(
            Path.of("target/alignunit-store-test"), "run-1", "fork-1", ReportFixtures.metadata());
    store.record(ReportFixtures.passing());
    store.record(ReportFixtures.failing());
    store.record(ReportFixtures.errored());

    assertThat(store.summaryLine(store.finish()))
        .isEqualTo(
            "AlignUnit: 3 scenario runs, 5 samples, 1 failed, 1 errored — report: "
                + Path.of("target/alignunit-store-test/index.html").toAbsolutePath());
  }

  @Test
  void should_say_other_jvms_still_run_when_the_merged_report_is_not_final() {
    ReportStore first = open("run-1", "fork-1");
    open("run-1", "fork-2").record(ReportFixtures.failing());
    first.record(ReportFixtures.passing());

    assertThat(first.summaryLine(first.finish()))
        .isEqualTo(
            "AlignUnit: 2 scenario runs, 4 samples, 1 failed, 0 errored so far (other test JVMs of this run are still "
                + "running) — report: "
                + dir.resolve("index.html"));
  }

  @Test
  void should_list_only_entry_files_of_the_run_under_entries_while_it_runs() throws IOException {
    ReportStore store = open("run-1", "fork-1");
    store.record(ReportFixtures.passing());

    try (Stream<Path> files = Files.walk(dir.resolve("entries"))) {
      assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
          .containsExactlyInAnyOrder(
              "entries/run-1/fork-1/fork.json",
              "entries/run-1/fork-1/000001-"
                  + ReportWriter.anchorOf(ReportFixtures.passing())
                  + ".json");
    }
  }

  @Test
  void should_leave_only_the_report_when_the_last_fork_finished() throws IOException {
    ReportStore first = open("run-1", "fork-1");
    ReportStore second = open("run-1", "fork-2");
    first.record(ReportFixtures.passing());
    second.record(ReportFixtures.failing());
    first.finish();
    assertThat(dir.resolve("entries/run-1/fork-2")).isDirectory();

    second.finish();

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("results.json", "index.html");
    }
  }
}
