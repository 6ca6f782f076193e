package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {

  private static Schema schema;

  @TempDir Path dir;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in =
        ResultsJsonTest.class.getResourceAsStream("/alignunit/report/results.schema.json")) {
      assertThat(in).as("schema on the classpath").isNotNull();
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }

  private static List<Error> validate(Path file) throws IOException {
    return schema.validate(Files.readString(file), InputFormat.JSON);
  }

  @Test
  void should_validate_against_schema_when_suite_has_passing_failing_and_errored_samples()
      throws IOException {
    Path file = dir.resolve("results.json");
    ReportWriter.writeJson(ReportFixtures.suite(), file);

    assertThat(validate(file)).isEmpty();
  }

  @Test
  void should_validate_against_schema_when_transcript_is_hostile() throws IOException {
    Path file = dir.resolve("results.json");
    ReportWriter.writeJson(
        RunReport.of(ReportFixtures.metadata(), List.of(ReportFixtures.hostile())), file);

    assertThat(validate(file)).isEmpty();
  }

  @Test
  void should_fail_schema_validation_when_a_required_field_is_missing() throws IOException {
    // Proves the schema is strict enough for the validation above to mean something.
    Path file = dir.resolve("results.json");
    ReportWriter.writeJson(ReportFixtures.suite(), file);
    String json =
        Files.readString(file)
            .replaceFirst("\"outcome\" : \"PASSED\",", "\"outcome\" : \"MAYBE\",");
    Files.writeString(file, json);

    assertThat(validate(file))
        .extracting(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .anySatisfy(m -> assertThat(m).contains("outcome").contains("enumeration"));
  }

  @Test
  void should_round_trip_when_written_and_read_back() {
    RunReport report = ReportFixtures.suite();
    Path file = dir.resolve("results.json");
    ReportWriter.writeJson(report, file);

    assertThat(ReportWriter.readJson(file)).isEqualTo(report);
  }

  @Test
  void should_write_keys_in_stable_declared_order_and_pretty() throws IOException {
    Path file = dir.resolve("results.json");
    ReportWriter.writeJson(ReportFixtures.suite(), file);
    String json = Files.readString(file);

    assertThat(json)
        .startsWith(
            "{\n  \"formatVersion\" : 1,\n  \"metadata\" : {\n    \"libraryVersion\" : \"0.1.0-test\",\n"
                + "    \"startedAt\" : \"2026-11-26T10:00:00Z\",\n    \"finishedAt\" : \"2026-11-26T10:00:42Z\",");
    JsonNode entry = new ObjectMapper().readTree(json).get("entries").get(0);
    List<String> keys = new ArrayList<>();
    entry.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "testId",
            "displayName",
            "scenarioId",
            "scenarioTitle",
            "tags",
            "variant",
            "modelId",
            "mode",
            "outcome",
            "metrics",
            "baseline",
            "finishedAt",
            "durationMs",
            "samples");
    ReportWriter.writeJson(ReportFixtures.suite(), dir.resolve("again.json"));
    assertThat(Files.readString(dir.resolve("again.json"))).isEqualTo(json);
  }

  @Test
  void should_keep_secrets_out_when_configuration_and_errors_hold_them() throws IOException {
    Path file = dir.resolve("results.json");
    ReportWriter.writeJson(ReportFixtures.suite(), file);
    String json = Files.readString(file);

    assertThat(json)
        .contains("\"alignunit.openai.api-key-env\" : \"***\"")
        .contains("Bearer [REDACTED]")
        .doesNotContain("MY_KEY", "sk-live-abcdef123456", "sk-ant-api03-secretsecret");
  }

  @Test
  void should_refuse_to_read_when_format_is_newer() throws IOException {
    Path file = dir.resolve("results.json");
    ReportWriter.writeJson(ReportFixtures.suite(), file);
    Files.writeString(
        file, Files.readString(file).replace("\"formatVersion\" : 1", "\"formatVersion\" : 7"));

    assertThatThrownBy(() -> ReportWriter.readJson(file))
        .isInstanceOf(ReportException.class)
        .hasMessage(
            file
                + " has results format 7, but this "
                + "AlignUnit reads up to format 1. Upgrade AlignUnit to read it.");
  }
}
