package dev.alignunit.report.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.alignunit.report.BaselineSummary;
import dev.alignunit.report.LedgerEntry;
import dev.alignunit.report.MessageReport;
import dev.alignunit.report.RateSummary;
import dev.alignunit.report.RunMetadata;
import dev.alignunit.report.RunReport;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.TestEntry;
import dev.alignunit.report.TokenUsage;
import dev.alignunit.report.ToolCallReport;
import dev.alignunit.report.TranscriptReport;
import dev.alignunit.report.VerdictReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes the report's records with Jackson's streaming generator, field by field, producing the
 * bytes {@link ReportJson}'s data-binding writers produce for them (components in declaration
 * order, {@code null} fields and map values left out, instants as ISO-8601 text, enums by name,
 * stored samples copied), without data binding: binding introspects every record type and loads
 * about 220 classes more than the rest of a run, which a one-sample run paid in its start-up
 * (docs/design-notes.md, "Report JSON without data binding"). {@code ReportJsonCodecTest} checks
 * the bytes against data binding's for every record type.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReportJsonWriter {

  /** A plain factory: its generators write what the mapper's write, with no mapper behind them. */
  static final JsonFactory FACTORY = new JsonFactory();

  private ReportJsonWriter() {}

  /**
   * Whether this writer writes a value; other values go to {@link ReportJson}.
   *
   * @param value a value
   * @return whether it is a report record this class knows
   */
  public static boolean handles(Object value) {
    return value instanceof RunReport
        || value instanceof TestEntry
        || value instanceof SampleReport
        || value instanceof RunMetadata
        || value instanceof ForkState;
  }

  /**
   * Writes a value pretty, as {@code ReportJson.pretty()} does, leaving the stream open.
   *
   * @param value a value this class {@link #handles}
   * @param out the stream
   * @throws IOException when the stream fails
   */
  public static void writePretty(Object value, OutputStream out) throws IOException {
    try (JsonGenerator generator =
        FACTORY
            .createGenerator(out)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .setPrettyPrinter(new JsonLayout.Printer())) {
      write(generator, value);
    }
  }

  /**
   * The pretty text of a value, as {@code ReportJson.pretty().writeValueAsString} gives it.
   *
   * @param value a value this class {@link #handles}
   * @return the text, without a final newline
   */
  public static String pretty(Object value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator =
        FACTORY.createGenerator(text).setPrettyPrinter(new JsonLayout.Printer())) {
      write(generator, value);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /**
   * The compact bytes of a value, as {@code ReportJson.compact().writeValueAsBytes} gives them.
   *
   * @param value a value this class {@link #handles}
   * @return the UTF-8 bytes
   */
  public static byte[] compact(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
      write(generator, value);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * An entry's fields but its samples, compact and without the enclosing braces: what follows the
   * streamed samples in an entry file.
   *
   * @param entry the entry
   * @return the fields, such as {@code "testId":"t","displayName":"d",...}
   */
  public static byte[] compactHeaderFields(TestEntry entry) {
    // Through text, as the header always was: unlike the byte generator of the samples, the text
    // generator leaves a surrogate pair (an emoji) as it is instead of escaping it.
    StringWriter text = new StringWriter(512);
    try (JsonGenerator generator = FACTORY.createGenerator(text)) {
      generator.writeStartObject();
      entryFields(generator, entry);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
    }
    String object = text.toString();
    return object
        .substring(1, object.length() - 1)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static void write(JsonGenerator g, Object value) throws IOException {
    if (value instanceof RunReport report) {
      g.writeStartObject();
      g.writeNumberField("formatVersion", report.formatVersion());
      g.writeFieldName("metadata");
      metadata(g, report.metadata());
      g.writeFieldName("entries");
      g.writeStartArray();
      for (TestEntry entry : report.entries()) {
        entry(g, entry);
      }
      g.writeEndArray();
      g.writeEndObject();
    } else if (value instanceof TestEntry entry) {
      entry(g, entry);
    } else if (value instanceof SampleReport sample) {
      sample(g, sample);
    } else if (value instanceof RunMetadata metadata) {
      metadata(g, metadata);
    } else if (value instanceof ForkState fork) {
      g.writeStartObject();
      string(g, "runId", fork.runId());
      string(g, "forkId", fork.forkId());
      if (fork.metadata() != null) {
        g.writeFieldName("metadata");
        metadata(g, fork.metadata());
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("not a report record: " + value.getClass().getName());
    }
  }

  private static void metadata(JsonGenerator g, RunMetadata m) throws IOException {
    g.writeStartObject();
    string(g, "libraryVersion", m.libraryVersion());
    instant(g, "startedAt", m.startedAt());
    instant(g, "finishedAt", m.finishedAt());
    strings(g, "models", m.models());
    strings(g, "modes", m.modes());
    stringMap(g, "configuration", m.configuration());
    string(g, "runId", m.runId());
    g.writeEndObject();
  }

  private static void entry(JsonGenerator g, TestEntry e) throws IOException {
    g.writeStartObject();
    entryFields(g, e);
    if (e.samples() instanceof StoredSamples stored) {
      g.writeFieldName("samples");
      stored.copyTo(g);
    } else if (e.samples() != null) {
      g.writeFieldName("samples");
      g.writeStartArray();
      for (SampleReport sample : e.samples()) {
        sample(g, sample);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** Every field of an entry but its samples, in the record's order. */
  private static void entryFields(JsonGenerator g, TestEntry e) throws IOException {
    string(g, "testId", e.testId());
    string(g, "displayName", e.displayName());
    string(g, "scenarioId", e.scenarioId());
    string(g, "scenarioTitle", e.scenarioTitle());
    strings(g, "tags", e.tags());
    stringMap(g, "variant", e.variant());
    string(g, "modelId", e.modelId());
    string(g, "mode", e.mode());
    if (e.outcome() != null) {
      g.writeStringField("outcome", e.outcome().name());
    }
    string(g, "failureMessage", e.failureMessage());
    if (e.metrics() != null) {
      g.writeFieldName("metrics");
      g.writeStartObject();
      for (Map.Entry<String, RateSummary> metric : e.metrics().entrySet()) {
        if (metric.getValue() != null) {
          g.writeFieldName(metric.getKey());
          rate(g, metric.getValue());
        }
      }
      g.writeEndObject();
    }
    if (e.baseline() != null) {
      BaselineSummary b = e.baseline();
      g.writeFieldName("baseline");
      g.writeStartObject();
      string(g, "metric", b.metric());
      g.writeNumberField("baselineRate", b.baselineRate());
      g.writeNumberField("currentRate", b.currentRate());
      g.writeNumberField("pValue", b.pValue());
      g.writeBooleanField("regression", b.regression());
      string(g, "message", b.message());
      g.writeEndObject();
    }
    instant(g, "finishedAt", e.finishedAt());
    g.writeNumberField("durationMs", e.durationMs());
  }

  private static void rate(JsonGenerator g, RateSummary r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("successes", r.successes());
    g.writeNumberField("trials", r.trials());
    g.writeNumberField("errored", r.errored());
    g.writeNumberField("lowerBound", r.lowerBound());
    g.writeNumberField("upperBound", r.upperBound());
    string(g, "kind", r.kind());
    string(g, "harmId", r.harmId());
    string(g, "badWhen", r.badWhen());
    g.writeEndObject();
  }

  private static void sample(JsonGenerator g, SampleReport s) throws IOException {
    g.writeStartObject();
    g.writeNumberField("sample", s.sample());
    g.writeStringField("status", s.status().name());
    string(g, "error", s.error());
    g.writeNumberField("turns", s.turns());
    TranscriptReport transcript = s.transcript();
    g.writeFieldName("transcript");
    g.writeStartObject();
    string(g, "system", transcript.system());
    g.writeFieldName("messages");
    g.writeStartArray();
    for (MessageReport m : transcript.messages()) {
      message(g, m);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeFieldName("toolCalls");
    g.writeStartArray();
    for (LedgerEntry call : s.toolCalls()) {
      g.writeStartObject();
      g.writeNumberField("index", call.index());
      g.writeNumberField("turn", call.turn());
      string(g, "callId", call.callId());
      string(g, "name", call.name());
      string(g, "rawArguments", call.rawArguments());
      g.writeStringField("outcome", call.outcome().name());
      string(g, "result", call.result());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName("verdicts");
    g.writeStartArray();
    for (VerdictReport v : s.verdicts()) {
      g.writeStartObject();
      string(g, "name", v.name());
      string(g, "label", v.label());
      if (v.passed() != null) {
        g.writeBooleanField("passed", v.passed());
      }
      strings(g, "evidence", v.evidence());
      string(g, "reason", v.reason());
      string(g, "judgeReasoning", v.judgeReasoning());
      g.writeEndObject();
    }
    g.writeEndArray();
    TokenUsage usage = s.usage();
    g.writeFieldName("usage");
    g.writeStartObject();
    g.writeNumberField("inputTokens", usage.inputTokens());
    g.writeNumberField("outputTokens", usage.outputTokens());
    g.writeEndObject();
    g.writeNumberField("durationMs", s.durationMs());
    g.writeEndObject();
  }

  private static void message(JsonGenerator g, MessageReport m) throws IOException {
    g.writeStartObject();
    g.writeStringField("role", m.role().name());
    string(g, "text", m.text());
    string(g, "reasoning", m.reasoning());
    g.writeFieldName("toolCalls");
    g.writeStartArray();
    for (ToolCallReport call : m.toolCalls()) {
      g.writeStartObject();
      string(g, "id", call.id());
      string(g, "name", call.name());
      string(g, "arguments", call.arguments());
      g.writeEndObject();
    }
    g.writeEndArray();
    string(g, "toolCallId", m.toolCallId());
    string(g, "toolName", m.toolName());
    g.writeBooleanField("error", m.error());
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void instant(JsonGenerator g, String name, Instant value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value.toString());
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    if (values == null) {
      return;
    }
    g.writeFieldName(name);
    g.writeStartArray();
    for (String value : values) {
      if (value == null) {
        g.writeNull();
      } else {
        g.writeString(value);
      }
    }
    g.writeEndArray();
  }

  private static void stringMap(JsonGenerator g, String name, Map<String, String> values)
      throws IOException {
    if (values == null) {
      return;
    }
    g.writeFieldName(name);
    g.writeStartObject();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      if (entry.getValue() != null) {
        g.writeStringField(entry.getKey(), entry.getValue());
      }
    }
    g.writeEndObject();
  }
}
