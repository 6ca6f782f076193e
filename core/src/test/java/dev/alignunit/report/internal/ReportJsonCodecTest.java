package dev.alignunit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.agent.RunStatus;
import dev.alignunit.report.BaselineSummary;
import dev.alignunit.report.LedgerEntry;
import dev.alignunit.report.MessageReport;
import dev.alignunit.report.RateSummary;
import dev.alignunit.report.RunMetadata;
import dev.alignunit.report.RunReport;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.TestEntry;
import dev.alignunit.report.TestOutcome;
import dev.alignunit.report.TokenUsage;
import dev.alignunit.report.ToolCallReport;
import dev.alignunit.report.TranscriptReport;
import dev.alignunit.report.VerdictReport;
import dev.alignunit.sandbox.ToolCallRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's files are written and read without data binding ({@link ReportJsonWriter}, {@link
 * ReportJsonReader}): the bytes must be exactly data binding's ({@link ReportJson}) for every
 * record the report writes, and reading must give the same record, or for a file not of the
 * writers' plain shape, the same record or error as data binding. Data binding is the oracle; the
 * records are random, with awkward text, absent optional fields and extreme numbers.
 */
class ReportJsonCodecTest {

  private static final String[] PIECES = {
    "a",
    "Z",
    " ",
    "\"",
    "\\",
    "\n",
    "\t",
    "\u0001",
    "é",
    "日本",
    "🙂",
    "\u2028",
    "/",
    "</script>",
    "{[,:]}",
    "sk-",
    "Bearer ",
    "0",
    "-1.5e3",
    "null",
    "true",
    ""
  };

  private final Random random = new Random(18);

  private String text() {
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  private String maybe() {
    return random.nextInt(3) == 0 ? null : text();
  }

  private List<String> texts() {
    List<String> values = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      values.add(text());
    }
    return values;
  }

  private Map<String, String> textMap() {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      values.put(text() + i, random.nextInt(5) == 0 ? null : text());
    }
    return values;
  }

  private Instant instant() {
    return Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
  }

  private double unit() {
    return switch (random.nextInt(4)) {
      case 0 -> 0.0;
      case 1 -> 1.0;
      default -> random.nextDouble();
    };
  }

  private double anyDouble() {
    return switch (random.nextInt(8)) {
      case 0 -> Double.NaN;
      case 1 -> Double.POSITIVE_INFINITY;
      case 2 -> -0.0;
      case 3 -> Double.MIN_VALUE;
      case 4 -> 1e300 * random.nextDouble();
      default -> random.nextDouble();
    };
  }

  private long anyLong() {
    return random.nextBoolean() ? random.nextInt(100_000) : random.nextLong();
  }

  private RunMetadata metadata() {
    return new RunMetadata(
        maybe(),
        instant(),
        random.nextBoolean() ? null : instant(),
        texts(),
        texts(),
        textMap(),
        maybe());
  }

  private RateSummary rate() {
    int trials = random.nextInt(1000);
    double low = unit();
    double high = low + (1 - low) * unit();
    String badWhen = new String[] {null, "higher", "lower"}[random.nextInt(3)];
    return new RateSummary(
        random.nextInt(trials + 1),
        trials,
        random.nextInt(50),
        low,
        high,
        maybe(),
        maybe(),
        badWhen);
  }

  private SampleReport sample(int number) {
    List<MessageReport> messages = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      List<ToolCallReport> calls = new ArrayList<>();
      for (int c = random.nextInt(3); c > 0; c--) {
        calls.add(new ToolCallReport(maybe(), text(), maybe()));
      }
      MessageReport.Role role =
          MessageReport.Role.values()[random.nextInt(MessageReport.Role.values().length)];
      messages.add(
          new MessageReport(role, maybe(), maybe(), calls, maybe(), maybe(), random.nextBoolean()));
    }
    List<LedgerEntry> ledger = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      ToolCallRecord.Outcome outcome =
          ToolCallRecord.Outcome.values()[random.nextInt(ToolCallRecord.Outcome.values().length)];
      ledger.add(
          new LedgerEntry(
              random.nextInt(9), random.nextInt(9), maybe(), text(), maybe(), outcome, maybe()));
    }
    List<VerdictReport> verdicts = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      Boolean passed = new Boolean[] {null, true, false}[random.nextInt(3)];
      verdicts.add(new VerdictReport(text(), text(), passed, texts(), maybe(), maybe()));
    }
    return new SampleReport(
        number,
        RunStatus.values()[random.nextInt(RunStatus.values().length)],
        maybe(),
        random.nextInt(10),
        random.nextInt(6) == 0 ? null : new TranscriptReport(maybe(), messages),
        ledger,
        verdicts,
        random.nextInt(4) == 0 ? null : new TokenUsage(anyLong(), anyLong()),
        anyLong());
  }

  private TestEntry entry() {
    Map<String, RateSummary> metrics = new LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      metrics.put(text() + i, rate());
    }
    List<SampleReport> samples = new ArrayList<>();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      samples.add(sample(random.nextInt(100)));
    }
    BaselineSummary baseline =
        random.nextBoolean()
            ? null
            : new BaselineSummary(
                maybe(), anyDouble(), anyDouble(), anyDouble(), random.nextBoolean(), maybe());
    return new TestEntry(
        text() + "#t",
        maybe(),
        text() + "/s",
        maybe(),
        texts(),
        textMap(),
        maybe(),
        maybe(),
        TestOutcome.values()[random.nextInt(TestOutcome.values().length)],
        maybe(),
        metrics,
        baseline,
        random.nextBoolean() ? null : instant(),
        anyLong(),
        samples);
  }

  private RunReport report() {
    List<TestEntry> entries = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      entries.add(entry());
    }
    return new RunReport(random.nextInt(3), metadata(), entries);
  }

  private ForkState fork() {
    return new ForkState(text() + "r", text() + "f", random.nextInt(4) == 0 ? null : metadata());
  }

  private List<Object> records() {
    List<Object> records = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      records.add(report());
      records.add(entry());
      records.add(sample(i));
      records.add(metadata());
      records.add(fork());
    }
    return records;
  }

  @Test
  void should_write_every_report_record_byte_for_byte_as_data_binding_does() throws IOException {
    for (Object value : records()) {
      assertThat(ReportJsonWriter.handles(value)).isTrue();
      assertThat(ReportJsonWriter.pretty(value))
          .isEqualTo(ReportJson.pretty().writeValueAsString(value));
      assertThat(new String(ReportJsonWriter.compact(value), StandardCharsets.UTF_8))
          .isEqualTo(
              new String(ReportJson.compact().writeValueAsBytes(value), StandardCharsets.UTF_8));
      ByteArrayOutputStream streamed = new ByteArrayOutputStream();
      ReportJsonWriter.writePretty(value, streamed);
      assertThat(streamed.toByteArray()).isEqualTo(ReportJson.pretty().writeValueAsBytes(value));
    }
  }

  @Test
  void should_write_an_entry_header_as_the_entry_stream_did_with_a_tree() throws IOException {
    for (int i = 0; i < 500; i++) {
      TestEntry entry = entry();
      ObjectNode fields = ReportJson.mapper().valueToTree(entry.withSamples(List.of()));
      fields.remove("samples");
      String json = ReportJson.compact().writeValueAsString(fields);

      assertThat(new String(ReportJsonWriter.compactHeaderFields(entry), StandardCharsets.UTF_8))
          .isEqualTo(json.substring(1, json.length() - 1));
    }
  }

  @Test
  void should_copy_stored_samples_into_a_report_as_data_binding_does(@TempDir Path dir)
      throws IOException {
    long streamAbove = EntryFiles.streamAbove();
    EntryFiles.streamAbove(0);
    try {
      for (int round = 0; round < 20; round++) {
        TestEntry drawn = entry();
        // Numbered 1 to n once each (in another order), as a test's samples are.
        List<SampleReport> renumbered = new ArrayList<>();
        for (SampleReport s : drawn.samples()) {
          renumbered.add(
              new SampleReport(
                  drawn.samples().size() - renumbered.size(),
                  s.status(),
                  s.error(),
                  s.turns(),
                  s.transcript(),
                  s.toolCalls(),
                  s.verdicts(),
                  s.usage(),
                  s.durationMs()));
        }
        TestEntry entry = drawn.withSamples(renumbered);
        Optional<TestEntry> stored;
        try (EntryFiles.Stream stream = new EntryFiles.Stream(dir)) {
          entry.samples().forEach(stream::add);
          stored = stream.finish(entry, dir.resolve("entry-" + round + ".json"));
        }
        assertThat(stored).isPresent();
        assertThat(stored.get().samples()).isInstanceOf(StoredSamples.class);
        RunReport report = new RunReport(1, metadata(), List.of(stored.get(), entry()));

        assertThat(ReportJsonWriter.pretty(report))
            .isEqualTo(ReportJson.pretty().writeValueAsString(report));
        assertThat(stored.get().samples()).isEqualTo(sortedSamples(entry));
      }
    } finally {
      EntryFiles.streamAbove(streamAbove);
    }
  }

  private static List<SampleReport> sortedSamples(TestEntry entry) {
    return entry.samples().stream()
        .sorted(java.util.Comparator.comparingInt(SampleReport::sample))
        .toList();
  }

  @Test
  void should_read_the_writers_files_without_data_binding_into_the_same_records(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("value.json");
    int plain = 0;
    for (Object value : records()) {
      Class<?> type = value.getClass();
      if (value instanceof SampleReport || value instanceof RunMetadata) {
        continue; // read only inside entries, reports and forks
      }
      for (byte[] json :
          new byte[][] {
            ReportJson.pretty().writeValueAsBytes(value),
            ReportJson.compact().writeValueAsBytes(value)
          }) {
        Files.write(file, json);
        Object expected = ReportJson.mapper().readValue(file.toFile(), type);
        Object fast;
        try (JsonParser parser = ReportJsonWriter.FACTORY.createParser(json)) {
          fast = ReportJsonReader.plainOrNull(parser, type);
        }
        // NaN is written as a string, which only data binding reads back.
        if (!String.valueOf(new String(json, StandardCharsets.UTF_8)).contains("\"NaN\"")
            && !new String(json, StandardCharsets.UTF_8).contains("Infinity\"")) {
          assertThat(fast).isNotNull();
          plain++;
        }
        assertThat(ReportJsonReader.read(file, type)).isEqualTo(expected);
        if (fast != null) {
          assertThat(fast).isEqualTo(expected);
        }
      }
    }
    assertThat(plain).isGreaterThan(200);
  }

  /** Edits of a written entry that leave the plain shape. */
  private static final List<UnaryOperator<String>> EDITS =
      List.of(
          json -> json.replaceFirst("\\{", "{\"unknown\":[1,{\"a\":null}],"),
          json -> json.replaceFirst("\\{", "{\"testId\":\"first\","),
          json -> json.replaceFirst("\"mode\":\"[^\"]*\"", "\"mode\":null"),
          json -> json.replaceFirst("\"durationMs\":(-?\\d+)", "\"durationMs\":\"$1\""),
          json -> json.replaceFirst("\"outcome\":\"[A-Z]+\"", "\"outcome\":1"),
          json -> json.replaceFirst("\"outcome\":\"[A-Z]+\"", "\"outcome\":\"passed\""),
          json -> json.replaceFirst("\"outcome\":\"[A-Z]+\",", ""),
          // absent primitives: data binding passes 0 or false, so the plain reader must too
          json -> json.replaceFirst(",\"durationMs\":-?\\d+", ""),
          json -> json.replaceFirst("\"sample\":\\d+,", ""),
          json -> json.replaceFirst(",\"error\":(true|false)", ""),
          json -> json.replaceFirst("\"testId\":\"", "\"testId\":7,\"x\":\""),
          json -> json.replaceFirst("\"sample\":\\d+", "\"sample\":1e2"),
          json -> json.replaceFirst("\"sample\":\\d+", "\"sample\":99999999999"),
          json -> json.replaceFirst("\"status\":\"[A-Z_]+\"", "\"status\":null"),
          json -> json.replaceFirst("\"trials\":\\d+", "\"trials\":-4"),
          json -> json.replaceFirst("\"tags\":\\[", "\"tags\":[null,"),
          json -> json.replaceFirst("\"finishedAt\":\"[^\"]*\"", "\"finishedAt\":\"yesterday\""),
          json -> json.substring(0, json.length() / 2),
          json -> json + " trailing [",
          json -> "null",
          json -> "",
          json -> "[" + json + "]");

  @Test
  void should_read_absent_numbers_and_flags_as_zero_and_false_without_data_binding()
      throws IOException {
    int edited = 0;
    for (int i = 0; i < 40; i++) {
      String written =
          new String(ReportJson.compact().writeValueAsBytes(entry()), StandardCharsets.UTF_8);
      if (written.contains("\"NaN\"") || written.contains("Infinity\"")) {
        continue; // written as strings, which only data binding reads back
      }
      for (String absent :
          new String[] {",\"durationMs\":-?\\d+", "\"sample\":\\d+,", ",\"error\":(true|false)"}) {
        String json = written.replaceFirst(absent, "");
        if (json.equals(written)) {
          continue;
        }
        edited++;
        Object fast;
        try (JsonParser parser = ReportJsonWriter.FACTORY.createParser(json)) {
          fast = ReportJsonReader.plainOrNull(parser, TestEntry.class);
        }
        assertThat(fast).isEqualTo(ReportJson.mapper().readValue(json, TestEntry.class));
      }
    }
    assertThat(edited).isGreaterThan(30);
  }

  @Test
  void should_give_a_file_not_of_the_plain_shape_the_record_or_error_data_binding_gives(
      @TempDir Path dir) throws IOException {
    Path file = dir.resolve("edited.json");
    for (int i = 0; i < 25; i++) {
      String written =
          new String(ReportJson.compact().writeValueAsBytes(entry()), StandardCharsets.UTF_8);
      for (UnaryOperator<String> edit : EDITS) {
        Files.writeString(file, edit.apply(written));
        Object expected;
        try {
          expected = ReportJson.mapper().readValue(file.toFile(), TestEntry.class);
        } catch (IOException e) {
          expected = e.getClass().getName() + ": " + e.getMessage();
        }
        Object actual;
        try {
          actual = ReportJsonReader.read(file, TestEntry.class);
        } catch (IOException e) {
          actual = e.getClass().getName() + ": " + e.getMessage();
        }
        assertThat(actual).as(edit.apply(written)).isEqualTo(expected);
      }
    }
    Throwable missing =
        catchThrowable(() -> ReportJsonReader.read(dir.resolve("no.json"), RunReport.class));
    assertThat(missing)
        .isInstanceOf(IOException.class)
        .hasMessage(
            catchThrowable(
                    () ->
                        ReportJson.mapper()
                            .readValue(dir.resolve("no.json").toFile(), RunReport.class))
                .getMessage());
  }
}
