package dev.alignunit.report.internal;

import static dev.alignunit.report.internal.PlainJson.bool;
import static dev.alignunit.report.internal.PlainJson.decimal;
import static dev.alignunit.report.internal.PlainJson.instant;
import static dev.alignunit.report.internal.PlainJson.integer;
import static dev.alignunit.report.internal.PlainJson.list;
import static dev.alignunit.report.internal.PlainJson.longValue;
import static dev.alignunit.report.internal.PlainJson.map;
import static dev.alignunit.report.internal.PlainJson.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import dev.alignunit.report.internal.PlainJson.Fields;
import dev.alignunit.report.internal.PlainJson.Read;
import dev.alignunit.sandbox.ToolCallRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Reads the report's own files with Jackson's streaming parser into the report's records, calling
 * their canonical constructors as data binding does; for anything but the plain shape the report's
 * writers produce (an unknown or repeated field, a {@code null}, a value of another JSON type, a
 * number out of range, a constructor that refuses the values) it reads the file again with {@link
 * ReportJson}'s data binding, so such files get the same record or the same error as before. The
 * start-up of a one-sample run thus never builds data binding's deserializers for the report.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReportJsonReader {

  private ReportJsonReader() {}

  /**
   * Reads a whole file, as {@code ReportJson.mapper().readValue(file.toFile(), type)} does.
   *
   * @param file the file
   * @param type {@link ForkState}, {@link TestEntry} or {@link RunReport}; any other type is bound
   * @param <T> the type
   * @return the record
   * @throws IOException as data binding throws it
   */
  public static <T> T read(Path file, Class<T> type) throws IOException {
    Object plain = null;
    if (type == ForkState.class || type == TestEntry.class || type == RunReport.class) {
      try (JsonParser parser = ReportJsonWriter.FACTORY.createParser(file.toFile())) {
        plain = plainOrNull(parser, type);
      } catch (IOException | RuntimeException e) {
        // data binding reads it below, with its own result or message
      }
    }
    return plain != null ? type.cast(plain) : ReportJson.mapper().readValue(file.toFile(), type);
  }

  /**
   * The record of a JSON document of the plain shape.
   *
   * @return the record, {@code null} when the document is not of the plain shape
   * @throws IOException when the document is not JSON
   */
  static Object plainOrNull(JsonParser parser, Class<?> type) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    try {
      return type == ForkState.class
          ? fork(parser)
          : type == TestEntry.class
              ? entry(parser)
              : type == RunReport.class ? report(parser) : null;
    } catch (PlainJson.NotPlain | RuntimeException e) {
      return null; // not the plain shape, or a constructor refused the values: data binding says
    }
  }

  /**
   * Reads the sample whose object the parser is at (its START_OBJECT).
   *
   * @param parser the parser
   * @return the sample, or {@code null} when it is not of the plain shape (then the parser is
   *     somewhere inside it: read it again with data binding from its start)
   */
  public static SampleReport sampleOrNull(JsonParser parser) {
    try {
      return sample(parser);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * What a list or map holds. A switch rather than method references: each of those would define a
   * class when first used, which is start-up time.
   */
  private enum Kind implements Read<Object> {
    STRING,
    ENTRY,
    RATE,
    SAMPLE,
    LEDGER,
    VERDICT,
    MESSAGE,
    TOOL_CALL;

    @Override
    public Object read(JsonParser p) throws IOException {
      return switch (this) {
        case STRING -> string(p);
        case ENTRY -> entry(p);
        case RATE -> rate(p);
        case SAMPLE -> sample(p);
        case LEDGER -> ledger(p);
        case VERDICT -> verdict(p);
        case MESSAGE -> message(p);
        case TOOL_CALL -> toolCall(p);
      };
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> listOf(JsonParser p, Kind kind) throws IOException {
    return (List<T>) (List<?>) list(p, kind);
  }

  @SuppressWarnings("unchecked")
  private static <T> Map<String, T> mapOf(JsonParser p, Kind kind) throws IOException {
    return (Map<String, T>) (Map<String, ?>) map(p, kind);
  }

  private static final List<String> FORK = List.of("runId", "forkId", "metadata");

  private static ForkState fork(JsonParser p) throws IOException {
    String[] text = new String[2];
    RunMetadata metadata = null;
    Fields fields = new Fields(p, FORK);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      switch (f) {
        case 0, 1 -> text[f] = string(p);
        default -> metadata = metadata(p);
      }
    }
    return new ForkState(text[0], text[1], metadata);
  }

  private static final List<String> REPORT = List.of("formatVersion", "metadata", "entries");

  private static RunReport report(JsonParser p) throws IOException {
    int formatVersion = 0;
    RunMetadata metadata = null;
    List<TestEntry> entries = null;
    Fields fields = new Fields(p, REPORT);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      switch (f) {
        case 0 -> formatVersion = integer(p);
        case 1 -> metadata = metadata(p);
        default -> entries = listOf(p, Kind.ENTRY);
      }
    }
    return new RunReport(formatVersion, metadata, entries);
  }

  private static final List<String> METADATA =
      List.of(
          "libraryVersion", "startedAt", "finishedAt", "models", "modes", "configuration", "runId");

  private static RunMetadata metadata(JsonParser p) throws IOException {
    String libraryVersion = null;
    Instant[] times = new Instant[2];
    List<String> models = null;
    List<String> modes = null;
    Map<String, String> configuration = null;
    String runId = null;
    Fields fields = new Fields(p, METADATA);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      switch (f) {
        case 0 -> libraryVersion = string(p);
        case 1, 2 -> times[f - 1] = instant(p);
        case 3 -> models = listOf(p, Kind.STRING);
        case 4 -> modes = listOf(p, Kind.STRING);
        case 5 -> configuration = mapOf(p, Kind.STRING);
        default -> runId = string(p);
      }
    }
    return new RunMetadata(libraryVersion, times[0], times[1], models, modes, configuration, runId);
  }

  private static final List<String> ENTRY =
      List.of(
          "testId",
          "displayName",
          "scenarioId",
          "scenarioTitle",
          "modelId",
          "mode",
          "failureMessage",
          "tags",
          "variant",
          "outcome",
          "metrics",
          "baseline",
          "finishedAt",
          "durationMs",
          "samples");

  private static TestEntry entry(JsonParser p) throws IOException {
    String[] text = new String[7]; // the first seven names of ENTRY
    List<String> tags = null;
    Map<String, String> variant = null;
    TestOutcome outcome = null;
    Map<String, RateSummary> metrics = null;
    BaselineSummary baseline = null;
    Instant finishedAt = null;
    long durationMs = 0;
    List<SampleReport> samples = null;
    Fields fields = new Fields(p, ENTRY);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      switch (f) {
        case 0, 1, 2, 3, 4, 5, 6 -> text[f] = string(p);
        case 7 -> tags = listOf(p, Kind.STRING);
        case 8 -> variant = mapOf(p, Kind.STRING);
        case 9 -> outcome = TestOutcome.valueOf(string(p));
        case 10 -> metrics = mapOf(p, Kind.RATE);
        case 11 -> baseline = baseline(p);
        case 12 -> finishedAt = instant(p);
        case 13 -> durationMs = longValue(p);
        default -> samples = listOf(p, Kind.SAMPLE);
      }
    }
    return new TestEntry(
        text[0],
        text[1],
        text[2],
        text[3],
        tags,
        variant,
        text[4],
        text[5],
        outcome,
        text[6],
        metrics,
        baseline,
        finishedAt,
        durationMs,
        samples);
  }

  private static final List<String> RATE =
      List.of(
          "successes",
          "trials",
          "errored",
          "lowerBound",
          "upperBound",
          "kind",
          "harmId",
          "badWhen");

  private static RateSummary rate(JsonParser p) throws IOException {
    int[] counts = new int[3];
    double[] bounds = new double[2];
    String[] text = new String[3];
    Fields fields = new Fields(p, RATE);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      switch (f) {
        case 0, 1, 2 -> counts[f] = integer(p);
        case 3, 4 -> bounds[f - 3] = decimal(p);
        default -> text[f - 5] = string(p);
      }
    }
    return new RateSummary(
        counts[0], counts[1], counts[2], bounds[0], bounds[1], text[0], text[1], text[2]);
  }

  private static final List<String> BASELINE =
      List.of("metric", "baselineRate", "currentRate", "pValue", "regression", "message");

  private static BaselineSummary baseline(JsonParser p) throws IOException {
    String metric = null;
    double[] rates = new double[3];
    boolean regression = false;
    String message = null;
    Fields fields = new Fields(p, BASELINE);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      switch (f) {
        case 0 -> metric = string(p);
        case 1, 2, 3 -> rates[f - 1] = decimal(p);
        case 4 -> regression = bool(p);
        default -> message = string(p);
      }
    }
    return new BaselineSummary(metric, rates[0], rates[1], rates[2], regression, message);
  }

  private static final List<String> SAMPLE =
      List.of(
          "sample",
          "status",
          "error",
          "turns",
          "transcript",
          "toolCalls",
          "verdicts",
          "usage",
          "durationMs");

  private static SampleReport sample(JsonParser p) throws IOException {
    int sample = 0;
    RunStatus status = null;
    String error = null;
    int turns = 0;
    TranscriptReport transcript = null;
    List<LedgerEntry> toolCalls = null;
    List<VerdictReport> verdicts = null;
    TokenUsage usage = null;
    long durationMs = 0;
    Fields fields = new Fields(p, SAMPLE);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      switch (f) {
        case 0 -> sample = integer(p);
        case 1 -> status = RunStatus.valueOf(string(p));
        case 2 -> error = string(p);
        case 3 -> turns = integer(p);
        case 4 -> transcript = transcript(p);
        case 5 -> toolCalls = listOf(p, Kind.LEDGER);
        case 6 -> verdicts = listOf(p, Kind.VERDICT);
        case 7 -> usage = usage(p);
        default -> durationMs = longValue(p);
      }
    }
    return new SampleReport(
        sample, status, error, turns, transcript, toolCalls, verdicts, usage, durationMs);
  }

  private static final List<String> TRANSCRIPT = List.of("system", "messages");

  private static TranscriptReport transcript(JsonParser p) throws IOException {
    String system = null;
    List<MessageReport> messages = null;
    Fields fields = new Fields(p, TRANSCRIPT);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      if (f == 0) {
        system = string(p);
      } else {
        messages = listOf(p, Kind.MESSAGE);
      }
    }
    return new TranscriptReport(system, messages);
  }

  private static final List<String> MESSAGE =
      List.of("role", "text", "reasoning", "toolCallId", "toolName", "toolCalls", "error");

  private static MessageReport message(JsonParser p) throws IOException {
    MessageReport.Role role = null;
    String[] text = new String[5]; // role's text unused
    List<ToolCallReport> toolCalls = null;
    boolean error = false;
    Fields fields = new Fields(p, MESSAGE);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      switch (f) {
        case 0 -> role = MessageReport.Role.valueOf(string(p));
        case 1, 2, 3, 4 -> text[f] = string(p);
        case 5 -> toolCalls = listOf(p, Kind.TOOL_CALL);
        default -> error = bool(p);
      }
    }
    return new MessageReport(role, text[1], text[2], toolCalls, text[3], text[4], error);
  }

  private static final List<String> TOOL_CALL = List.of("id", "name", "arguments");

  private static ToolCallReport toolCall(JsonParser p) throws IOException {
    String[] text = new String[3];
    Fields fields = new Fields(p, TOOL_CALL);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      text[f] = string(p);
    }
    return new ToolCallReport(text[0], text[1], text[2]);
  }

  private static final List<String> LEDGER =
      List.of("callId", "name", "rawArguments", "result", "index", "turn", "outcome");

  private static LedgerEntry ledger(JsonParser p) throws IOException {
    String[] text = new String[4];
    int[] numbers = new int[2];
    ToolCallRecord.Outcome outcome = null;
    Fields fields = new Fields(p, LEDGER);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      switch (f) {
        case 0, 1, 2, 3 -> text[f] = string(p);
        case 4, 5 -> numbers[f - 4] = integer(p);
        default -> outcome = ToolCallRecord.Outcome.valueOf(string(p));
      }
    }
    return new LedgerEntry(numbers[0], numbers[1], text[0], text[1], text[2], outcome, text[3]);
  }

  private static final List<String> VERDICT =
      List.of("name", "label", "reason", "judgeReasoning", "passed", "evidence");

  private static VerdictReport verdict(JsonParser p) throws IOException {
    String[] text = new String[4];
    Boolean passed = null;
    List<String> evidence = null;
    Fields fields = new Fields(p, VERDICT);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      switch (f) {
        case 0, 1, 2, 3 -> text[f] = string(p);
        case 4 -> passed = bool(p);
        default -> evidence = listOf(p, Kind.STRING);
      }
    }
    return new VerdictReport(text[0], text[1], passed, evidence, text[2], text[3]);
  }

  private static final List<String> USAGE = List.of("inputTokens", "outputTokens");

  private static TokenUsage usage(JsonParser p) throws IOException {
    long[] tokens = new long[2];
    Fields fields = new Fields(p, USAGE);
    for (int f = fields.next(); f >= 0; f = fields.next()) {
      tokens[f] = longValue(p);
    }
    return new TokenUsage(tokens[0], tokens[1]);
  }
}
