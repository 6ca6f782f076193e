package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.report.internal.EntryFiles;
import dev.alignunit.report.internal.SampleDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samples streamed to the report as they finish (issue 18, flat memory): the entry appears whole
 * when its test ends, samples in sample order whatever order they finished in, and large entry
 * files are merged and rendered one sample at a time.
 */
class ReportStreamingTest {

  @TempDir Path dir;

  @AfterEach
  void defaultThreshold() {
    EntryFiles.streamAbove(1L << 20);
  }

  private ReportStore open() {
    return ReportStore.open(dir, "run-1", "fork-1", ReportFixtures.metadata());
  }

  private static TestEntry header() {
    return ReportFixtures.passing().withSamples(List.of());
  }

  /** Sample 3, errored with this message, and nothing else. */
  private static SampleReport errored(String error) {
    return new SampleReport(
        3, dev.alignunit.agent.RunStatus.ERRORED, error, 0, null, null, null, null, 7);
  }

  private static SampleReport sample(int n) {
    return ReportFixtures.sample(ReportFixtures.refusingRun(n));
  }

  private String streamFinishedOutOfOrder(ReportStore store, int samples) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (ReportStore.EntryStream stream = store.openEntry()) {
      for (int n = samples; n >= 1; n--) {
        int number = n;
        pool.submit(() -> stream.add(sample(number)));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      assertThat(stream.count()).isEqualTo(samples);
      return stream.record(header());
    }
  }

  @Test
  void should_merge_a_streamed_entry_with_its_samples_in_sample_order() throws Exception {
    ReportStore store = open();

    String link = streamFinishedOutOfOrder(store, 30);
    RunReport report = store.finish();

    assertThat(link).isEqualTo(store.linkFor(header()));
    TestEntry entry = ReportWriter.readJson(dir.resolve("results.json")).entries().get(0);
    assertThat(entry.samples())
        .extracting(SampleReport::sample)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
    assertThat(entry.samples().get(4)).isEqualTo(sample(5));
    assertThat(entry.metrics()).isEqualTo(ReportFixtures.passing().metrics());
    assertThat(report.entries().get(0).samples()).hasSize(30);
    assertThat(dir.resolve("index.html")).content().contains("refusesDrop()");
  }

  @Test
  void should_refuse_a_sample_added_after_its_entry_was_recorded_instead_of_dropping_it()
      throws IOException {
    ReportStore store = open();
    ReportStore.EntryStream stream = store.openEntry();
    stream.add(sample(1));
    stream.record(header());

    assertThatThrownBy(() -> stream.add(sample(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "sample 2 was added after its entry was recorded, so it is not in the report: add"
                + " every sample before recording the entry");
    assertThat(store.finish().entries().get(0).samples())
        .extracting(SampleReport::sample)
        .containsExactly(1);
  }

  @Test
  void should_leave_nothing_behind_when_a_streamed_entry_is_never_recorded() throws IOException {
    ReportStore store = open();
    try (ReportStore.EntryStream stream = store.openEntry()) {
      stream.add(sample(1));
    }

    RunReport report = store.finish();

    assertThat(report.entries()).isEmpty();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".stream-"));
    }
  }

  @Test
  void should_merge_and_render_large_entries_from_their_files_and_keep_them_readable_after_merging()
      throws Exception {
    EntryFiles.streamAbove(0); // every file takes the large-file path
    ReportStore store = open();
    streamFinishedOutOfOrder(store, 1200);

    RunReport report = store.finish();

    // The fork's files are gone; the returned report reads its samples from results.json.
    assertThat(dir.resolve("entries/run-1/fork-1")).doesNotExist();
    TestEntry merged = report.entries().get(0);
    assertThat(merged.samples()).hasSize(1200);
    assertThat(merged.samples().get(1199)).isEqualTo(sample(1200));
    assertThat(merged.samples()).extracting(SampleReport::sample).isSorted();
    // A second merge of the same run reads the earlier results.json the same way.
    RunReport again = ReportStore.merge(dir, "run-1");
    assertThat(again.entries().get(0).samples().get(0)).isEqualTo(sample(1));
    assertThat(dir.resolve("transcripts")).isDirectory();
    try (Stream<Path> pages = Files.list(dir.resolve("transcripts"))) {
      assertThat(pages.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly(
              ReportWriter.anchorOf(header()) + "-p2.html",
              ReportWriter.anchorOf(header()) + ".html");
    }
    assertThat(dir.resolve("transcripts/" + ReportWriter.anchorOf(header()) + "-p2.html"))
        .content()
        .contains(
            "Samples: <a href=\""
                + ReportWriter.anchorOf(header())
                + ".html\">1&ndash;1000</a> "
                + "<b>1001&ndash;1200</b>");
  }

  @Test
  void should_index_a_large_streamed_entry_as_it_is_written_exactly_as_reading_it_back_would()
      throws Exception {
    EntryFiles.streamAbove(0);
    Path target = dir.resolve("000001-entry.json");
    TestEntry written;
    try (EntryFiles.Stream stream = new EntryFiles.Stream(dir)) {
      for (int n : new int[] {3, 1, 2, 5, 4}) {
        stream.add(sample(n));
      }
      written = stream.finish(header(), target).orElseThrow();
    }

    TestEntry read = EntryFiles.readEntry(target).orElseThrow();
    assertThat(written.withSamples(List.of())).isEqualTo(read.withSamples(List.of()));
    assertThat(written.samples()).containsExactlyElementsOf(read.samples());
    assertThat(written.samples()).extracting(SampleReport::sample).containsExactly(1, 2, 3, 4, 5);
    assertThat(SampleDigest.of(written)).isEqualTo(SampleDigest.of(read));
    assertThat(written.samples().subList(1, 4)).containsExactly(sample(2), sample(3), sample(4));
  }

  @Test
  void should_leave_an_entry_with_a_gap_or_a_repeated_sample_number_to_be_read_from_its_file()
      throws Exception {
    EntryFiles.streamAbove(0);
    for (int[] numbers : new int[][] {{1, 3}, {1, 2, 2}}) {
      Path target = dir.resolve("000001-entry-" + numbers.length + ".json");
      try (EntryFiles.Stream stream = new EntryFiles.Stream(dir)) {
        for (int n : numbers) {
          stream.add(sample(n));
        }
        assertThat(stream.finish(header(), target)).isEmpty();
      }
      assertThat(EntryFiles.readEntry(target).orElseThrow().samples())
          .extracting(SampleReport::sample)
          .containsExactly(Arrays.stream(numbers).boxed().toArray(Integer[]::new));
    }
  }

  @Test
  void should_leave_a_small_streamed_entry_to_be_read_whole() throws Exception {
    Path target = dir.resolve("000001-entry.json");
    try (EntryFiles.Stream stream = new EntryFiles.Stream(dir)) {
      stream.add(sample(1));
      assertThat(stream.finish(header(), target)).isEmpty();
    }

    assertThat(EntryFiles.readEntry(target).orElseThrow().samples()).containsExactly(sample(1));
  }

  @Test
  void should_write_results_json_from_stored_samples_byte_for_byte_as_from_samples_in_memory()
      throws Exception {
    EntryFiles.streamAbove(0);
    SampleReport awkward = errored("quote \" backslash \\ {[,:]} new\nline \u2028 é 日本 🙂");
    Path target = dir.resolve("000001-entry.json");
    TestEntry stored;
    try (EntryFiles.Stream stream = new EntryFiles.Stream(dir)) {
      stream.add(awkward);
      stream.add(sample(1));
      stream.add(sample(2));
      stored = stream.finish(header(), target).orElseThrow();
    }
    TestEntry inMemory = header().withSamples(List.of(sample(1), sample(2), awkward));
    RunReport fromFile = RunReport.of(ReportFixtures.metadata(), List.of(stored));
    RunReport fromMemory = RunReport.of(ReportFixtures.metadata(), List.of(inMemory));

    ReportWriter.writeJson(fromFile, dir.resolve("stored.json"));
    ReportWriter.writeJson(fromMemory, dir.resolve("memory.json"));

    assertThat(Files.readString(dir.resolve("stored.json")))
        .isEqualTo(Files.readString(dir.resolve("memory.json")));
  }

  @Test
  void should_write_html_pages_from_stored_samples_byte_for_byte_as_rendered_from_memory()
      throws Exception {
    EntryFiles.streamAbove(0);
    SampleReport awkward =
        errored("quote \" <b>tag</b> & new\nline \u2028 é 日本 🙂 lone \uD83D end");
    List<SampleReport> samples = new java.util.ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      samples.add(n == 3 ? awkward : ReportFixtures.sample(ReportFixtures.droppingRun(n)));
    }
    TestEntry stored;
    try (EntryFiles.Stream stream = new EntryFiles.Stream(dir)) {
      samples.forEach(stream::add);
      stored = stream.finish(header(), dir.resolve("000001-entry.json")).orElseThrow();
    }
    RunReport fromFile = RunReport.of(ReportFixtures.metadata(), List.of(stored));
    RunReport fromMemory =
        RunReport.of(ReportFixtures.metadata(), List.of(header().withSamples(samples)));

    ReportWriter.defaults().withInlineSampleLimit(1).writeHtml(fromFile, dir.resolve("html"));
    java.util.Map<String, String> pages = new java.util.TreeMap<>();
    pages.put(
        "index.html", dev.alignunit.report.internal.HtmlRenderer.render(fromMemory, 1, pages::put));

    assertThat(pages).containsKey("transcripts/" + ReportWriter.anchorOf(header()) + ".html");
    for (var page : pages.entrySet()) {
      assertThat(Files.readAllBytes(dir.resolve("html").resolve(page.getKey())))
          .as(page.getKey())
          .isEqualTo(page.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void should_redact_stored_samples_again_when_a_secret_was_registered_after_they_were_written()
      throws Exception {
    EntryFiles.streamAbove(0);
    String secret = "late-registered-" + java.util.UUID.randomUUID();
    SampleReport leaking = firstSampleSaying("the token is " + secret);
    TestEntry stored;
    try (EntryFiles.Stream stream = new EntryFiles.Stream(dir)) {
      stream.add(leaking);
      stream.add(sample(2));
      stored = stream.finish(header(), dir.resolve("000001-entry.json")).orElseThrow();
    }
    // Read back before any registration: as written (no second pass needed).
    assertThat(stored.samples().get(0)).isEqualTo(leaking);

    dev.alignunit.model.SecretRedactor.register(List.of(secret));

    assertThat(stored.samples().get(0).transcript().messages().get(0).text())
        .isEqualTo("the token is [REDACTED]");
    ReportWriter.defaults()
        .withInlineSampleLimit(1)
        .writeHtml(RunReport.of(ReportFixtures.metadata(), List.of(stored)), dir.resolve("html"));
    assertThat(dir.resolve("html/transcripts/" + ReportWriter.anchorOf(header()) + ".html"))
        .content()
        .contains("the token is [REDACTED]")
        .doesNotContain(secret);
    // Reading back leaves the records' redaction on for this thread.
    assertThat(MessageReport.user("key sk-live-abcdef123456").text()).isEqualTo("key [REDACTED]");
  }

  @Test
  void should_redact_a_secret_registered_after_a_sample_was_made_but_before_it_was_written()
      throws Exception {
    EntryFiles.streamAbove(0);
    String secret = "between-made-and-written-" + java.util.UUID.randomUUID();
    SampleReport made = firstSampleSaying("my token is " + secret);
    dev.alignunit.model.SecretRedactor.register(List.of(secret));
    TestEntry stored;
    try (EntryFiles.Stream stream = new EntryFiles.Stream(dir)) {
      stream.add(made);
      stored = stream.finish(header(), dir.resolve("000001-entry.json")).orElseThrow();
    }

    assertThat(stored.samples().get(0).transcript().messages().get(0).text())
        .isEqualTo("my token is [REDACTED]");
    ReportWriter.defaults()
        .withInlineSampleLimit(0)
        .writeHtml(RunReport.of(ReportFixtures.metadata(), List.of(stored)), dir.resolve("html"));
    assertThat(dir.resolve("html/transcripts/" + ReportWriter.anchorOf(header()) + ".html"))
        .content()
        .contains("my token is [REDACTED]")
        .doesNotContain(secret);
  }

  /** Sample 1, completed, whose transcript holds one user message with the text. */
  private static SampleReport firstSampleSaying(String text) {
    return new SampleReport(
        1,
        dev.alignunit.agent.RunStatus.COMPLETED,
        null,
        1,
        new TranscriptReport("", List.of(MessageReport.user(text))),
        null,
        null,
        null,
        5);
  }
}
