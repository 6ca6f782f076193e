package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.agent.RunStatus;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.report.internal.EntryFiles;
import dev.alignunit.report.internal.HtmlRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samples streamed to a large entry file are read back for the transcript pages and copied into
 * {@code results.json} (issue 18, report CPU): the pages must be byte for byte what rendering the
 * samples from memory makes, whether or not the samples share a system prompt, and a secret
 * registered at any time before the report is written must not reach the entry file, {@code
 * results.json} or a page.
 */
class ReportStreamingSecretsTest {

  @TempDir Path dir;

  @AfterEach
  void defaultThreshold() {
    EntryFiles.streamAbove(1L << 20);
  }

  /** A store whose report pages every transcript, as above the inline limit. */
  private ReportStore open() {
    return ReportStore.open(
        dir,
        "run-1",
        "fork-1",
        ReportFixtures.metadata(),
        ReportWriter.defaults().withInlineSampleLimit(0));
  }

  private static TestEntry header() {
    return ReportFixtures.passing().withSamples(List.of());
  }

  /** A completed sample with its own system prompt and an answer. */
  private static SampleReport saying(int n, String system, String answer) {
    return new SampleReport(
        n,
        RunStatus.COMPLETED,
        null,
        1,
        new TranscriptReport(
            system,
            List.of(
                MessageReport.user("Question " + n),
                MessageReport.assistant(answer, "thinking about it", List.of()))),
        null,
        List.of(
            new VerdictReport(
                "refusal", "COMPLIANCE", null, List.of(answer), "complied " + n, null)),
        null,
        5);
  }

  private static List<SampleReport> samples(boolean sharedSystem) {
    List<SampleReport> samples = new ArrayList<>();
    for (int n = 1; n <= 6; n++) {
      samples.add(
          switch (n) {
            case 2 -> ReportFixtures.sample(ReportFixtures.droppingRun(n));
            case 4 ->
                new SampleReport(
                    n,
                    RunStatus.ERRORED,
                    "quote \" <b>tag</b> & new\nline \u2028 é 日本 🙂 \u202E lone \uD83D end",
                    0,
                    new TranscriptReport(ReportFixtures.SCENARIO.system(), List.of()),
                    null,
                    null,
                    null,
                    7);
            default ->
                saying(
                    n,
                    sharedSystem || n != 5 ? ReportFixtures.SCENARIO.system() : "Another · prompt",
                    "Done 🙂 <ok> " + n);
          });
    }
    return samples;
  }

  @Test
  void should_render_pages_from_stored_samples_as_from_memory_with_shared_or_own_system_prompts()
      throws Exception {
    EntryFiles.streamAbove(0); // every file takes the large-file path
    for (boolean shared : new boolean[] {true, false}) {
      Path out = dir.resolve(shared ? "shared" : "own");
      List<SampleReport> samples = samples(shared);
      Path target = out.resolve("000001-entry.json");
      TestEntry stored;
      try (EntryFiles.Stream stream = new EntryFiles.Stream(out)) {
        for (int i = samples.size() - 1; i >= 0; i--) {
          stream.add(samples.get(i));
        }
        stored = stream.finish(header(), target).orElseThrow();
      }
      RunReport fromFile = RunReport.of(ReportFixtures.metadata(), List.of(stored));
      RunReport fromMemory =
          RunReport.of(ReportFixtures.metadata(), List.of(header().withSamples(samples)));

      ReportWriter.defaults().withInlineSampleLimit(1).writeHtml(fromFile, out.resolve("html"));
      Map<String, String> pages = new TreeMap<>();
      pages.put("index.html", HtmlRenderer.render(fromMemory, 1, pages::put));

      String page = "transcripts/" + ReportWriter.anchorOf(header()) + ".html";
      assertThat(pages.get(page))
          .as("the system prompt is shown per sample only when the samples' prompts differ")
          .satisfies(
              html ->
                  assertThat(html.contains("<summary>System prompt</summary>")).isEqualTo(!shared));
      for (var expected : pages.entrySet()) {
        assertThat(Files.readAllBytes(out.resolve("html").resolve(expected.getKey())))
            .as(expected.getKey())
            .isEqualTo(expected.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void should_keep_a_secret_registered_after_a_sample_was_made_out_of_every_file()
      throws Exception {
    EntryFiles.streamAbove(0);
    // Random at both ends: a secret's first and last 8 characters are redacted wherever they appear
    // (fragments), and the registry is the JVM's, shared with every other test.
    String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
    List<SampleReport> made = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      made.add(saying(n, "System " + secret, "The key is " + secret));
    }
    SecretRedactor.register(List.of(secret));
    ReportStore store = open();
    try (ReportStore.EntryStream stream = store.openEntry()) {
      made.forEach(stream::add);
      stream.record(header());
    }
    List<Path> forkFiles;
    try (Stream<Path> files = Files.list(dir.resolve("entries/run-1/fork-1"))) {
      forkFiles = files.toList();
    }
    assertThat(forkFiles).anyMatch(f -> f.getFileName().toString().endsWith(".json"));
    for (Path file : forkFiles) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain(secret);
    }

    store.finish();

    assertThat(dir.resolve("results.json"))
        .content()
        .contains("The key is [REDACTED]")
        .doesNotContain(secret);
    assertThat(dir.resolve("transcripts/" + ReportWriter.anchorOf(header()) + ".html"))
        .content()
        .contains("The key is [REDACTED]")
        .doesNotContain(secret);
  }

  @Test
  void
      should_write_results_json_and_pages_without_a_secret_registered_after_the_samples_were_written()
          throws Exception {
    EntryFiles.streamAbove(0);
    String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
    ReportStore store = open();
    try (ReportStore.EntryStream stream = store.openEntry()) {
      for (int n = 1; n <= 3; n++) {
        stream.add(saying(n, "The gateway token is " + secret, "The key is " + secret));
      }
      stream.record(header());
    }

    SecretRedactor.register(List.of(secret));
    store.finish();

    // Read back and written again: the bytes of samples made after the registration.
    List<SampleReport> redacted = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      redacted.add(saying(n, "The gateway token is " + secret, "The key is " + secret));
    }
    assertThat(redacted.get(0).transcript().messages().get(1).text())
        .isEqualTo("The key is [REDACTED]");
    RunReport written = ReportWriter.readJson(dir.resolve("results.json"));
    ReportWriter.writeJson(
        RunReport.of(written.metadata(), List.of(written.entries().get(0).withSamples(redacted))),
        dir.resolve("expected.json"));
    assertThat(dir.resolve("results.json")).hasSameTextualContentAs(dir.resolve("expected.json"));
    assertThat(dir.resolve("transcripts/" + ReportWriter.anchorOf(header()) + ".html"))
        .content()
        .contains("The key is [REDACTED]")
        .contains("The gateway token is [REDACTED]") // the prompt all samples share, shown once
        .doesNotContain(secret);
  }

  @Test
  void should_redact_a_secret_registered_after_the_same_system_prompt_was_redacted_and_written()
      throws Exception {
    EntryFiles.streamAbove(0);
    String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
    // One instance, as a scenario's prompt is in every sample: redacted and checked once per
    // scenario, until a secret is registered.
    String system = "You are the agent; the gateway token is " + secret + ".";
    SampleReport first = saying(1, system, "fine");
    SampleReport second = saying(2, system, "fine");
    assertThat(second.transcript().system()).isSameAs(system);
    TestEntry stored;
    try (EntryFiles.Stream stream = new EntryFiles.Stream(dir)) {
      stream.add(first);
      SecretRedactor.register(List.of(secret));
      stream.add(second);
      SampleReport third = saying(3, system, "fine");
      assertThat(third.transcript().system())
          .isEqualTo("You are the agent; the gateway token is [REDACTED].");
      stream.add(third);
      stored = stream.finish(header(), dir.resolve("000001-entry.json")).orElseThrow();
    }

    assertThat(stored.samples())
        .extracting(sample -> sample.transcript().system())
        .containsOnly("You are the agent; the gateway token is [REDACTED].");
    ReportWriter.writeJson(
        RunReport.of(ReportFixtures.metadata(), List.of(stored)), dir.resolve("results.json"));
    assertThat(dir.resolve("results.json"))
        .content()
        .contains("the gateway token is [REDACTED].")
        .doesNotContain(secret);
  }
}
