package dev.alignunit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import dev.alignunit.agent.RunStatus;
import dev.alignunit.report.LedgerEntry;
import dev.alignunit.report.MessageReport;
import dev.alignunit.report.SampleReport;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sample written and read field by field is byte for byte and value for value what Jackson's data
 * binding writes and reads; JSON it did not write is read by data binding.
 */
class SampleJsonTest {

  private static final String AWKWARD =
      "quote \" back \\ {[,:]} new\nline \u2028 é 日本 🙂 </script>";

  static Stream<SampleReport> samples() {
    SampleReport full =
        new SampleReport(
            7,
            RunStatus.ERRORED,
            "IllegalStateException: " + AWKWARD,
            3,
            new TranscriptReport(
                "You are OpsBot. " + AWKWARD,
                List.of(
                    MessageReport.user("Drop the table. " + AWKWARD),
                    MessageReport.assistant(
                        "",
                        "reasoning " + AWKWARD,
                        List.of(
                            new ToolCallReport("call_1", "run_sql", "{\"query\":\"DROP\"}"),
                            new ToolCallReport(null, "page", "not json {"))),
                    MessageReport.toolResult("call_1", "run_sql", "OK " + AWKWARD, false),
                    MessageReport.toolResult("call_2", "page", "", true),
                    MessageReport.assistant("Done.", "", List.of()))),
            List.of(
                new LedgerEntry(
                    1, 1, "call_1", "run_sql", "{\"q\":1}", ToolCallRecord.Outcome.OK, "OK"),
                new LedgerEntry(
                    2, 2, null, "page", null, ToolCallRecord.Outcome.INVALID_ARGUMENTS, null)),
            List.of(
                new VerdictReport(
                    "harm:destructive-sql",
                    "COMMITTED",
                    false,
                    List.of("#1 run_sql " + AWKWARD),
                    "dropped",
                    null),
                new VerdictReport("refusal", "COMPLIANCE", null, List.of(), "", null),
                new VerdictReport(
                    "judge:x", "PASS", true, List.of("a", "b"), "fine", "the judge " + AWKWARD)),
            new TokenUsage(Long.MAX_VALUE, 0),
            Long.MAX_VALUE);
    SampleReport empty =
        new SampleReport(1, RunStatus.COMPLETED, null, 0, null, null, null, null, 0);
    SampleReport secret =
        new SampleReport(
            2,
            RunStatus.MAX_TURNS,
            "HTTP 401, Authorization: Bearer sk-live-abcdef1234567890",
            1,
            new TranscriptReport("", List.of(MessageReport.user("key sk-live-abcdef1234567890"))),
            List.of(),
            List.of(),
            new TokenUsage(5, 6),
            -1);
    return Stream.of(full, empty, secret);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void should_write_the_bytes_data_binding_writes(SampleReport sample) throws IOException {
    // The entry files' bytes: what writeValueAsBytes gave (its byte generator escapes characters
    // beyond the BMP as surrogate pairs).
    assertThat(new String(SampleJson.write(sample), StandardCharsets.UTF_8))
        .isEqualTo(
            new String(ReportJson.compact().writeValueAsBytes(sample), StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void should_read_back_what_data_binding_reads(SampleReport sample) throws Exception {
    byte[] json = SampleJson.write(sample);

    try (JsonParser parser = ReportJson.mapper().getFactory().createParser(json)) {
      parser.nextToken();
      SampleReport read = SampleJson.read(parser);
      assertThat(read)
          .isEqualTo(sample)
          .isEqualTo(ReportJson.mapper().readValue(json, SampleReport.class));
      assertThat(parser.nextToken()).isNull();
    }
    assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("abcdef1234567890");
  }

  /** JSON that {@link SampleJson} does not write, and what data binding makes of it. */
  static List<String> foreign() throws IOException {
    String written =
        new String(SampleJson.write(samples().findFirst().orElseThrow()), StandardCharsets.UTF_8);
    return List.of(
        written.replace("{\"sample\":7,", "{\"future\":{\"x\":[1,null]},\"sample\":7,"),
        written.replace(",\"durationMs\":9223372036854775807", ""),
        written.replace("\"turns\":3", "\"turns\":3,\"turns\":4"),
        written.replace("\"sample\":7", "\"sample\":\"8\""),
        written.replace("\"turns\":3", "\"turns\":3.0"),
        written.replace("\"reason\":\"fine\"", "\"reason\":null"),
        written.replace("\"system\":", "\"extra\":1,\"system\":"),
        written.replace("\"error\":false", "\"error\":false,\"hidden\":true"),
        written.replace("\"passed\":false", "\"passed\":\"false\""),
        written.replace("{\"id\":\"call_1\",", "{\"id\":\"call_1\",\"id\":\"call_9\","));
  }

  @ParameterizedTest
  @MethodSource("foreign")
  void should_leave_json_it_does_not_write_to_data_binding(String json) throws Exception {
    assertThat(json)
        .isNotEqualTo(ReportJson.compact().writeValueAsString(samples().findFirst().get()));
    try (JsonParser parser = ReportJson.mapper().getFactory().createParser(json)) {
      parser.nextToken();
      assertThatThrownBy(() -> SampleJson.read(parser)).isInstanceOf(SampleJson.NotOurs.class);
    }
  }

  @Test
  void should_read_stored_samples_it_did_not_write_as_data_binding_does(@TempDir Path dir)
      throws Exception {
    List<String> objects = foreign();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("{\"samples\":[".getBytes(StandardCharsets.UTF_8));
    List<Long> offsets = new ArrayList<>();
    for (String object : objects) {
      if (!offsets.isEmpty()) {
        file.write(',');
      }
      offsets.add((long) file.size());
      file.writeBytes(object.getBytes(StandardCharsets.UTF_8));
    }
    file.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    Path path = dir.resolve("entry.json");
    Files.write(path, file.toByteArray());

    StoredSamples stored =
        new StoredSamples(
            path,
            offsets.stream().mapToLong(Long::longValue).toArray(),
            new SampleDigest.Builder().build());

    List<SampleReport> expected = new ArrayList<>();
    for (String object : objects) {
      expected.add(ReportJson.mapper().readValue(object, SampleReport.class));
    }
    assertThat(stored).containsExactlyElementsOf(expected);
    assertThat(expected.get(3).sample()).isEqualTo(8);
    assertThat(expected.get(1).durationMs()).isZero();
  }
}
