package dev.alignunit.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.alignunit.agent.RunStatus;
import dev.alignunit.report.LedgerEntry;
import dev.alignunit.report.MessageReport;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.TokenUsage;
import dev.alignunit.report.ToolCallReport;
import dev.alignunit.report.TranscriptReport;
import dev.alignunit.report.VerdictReport;
import dev.alignunit.sandbox.ToolCallRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A sample's JSON in the report's entry files, written and read field by field with Jackson's
 * streaming API: a sample is written as each finishes and read again for its transcript page, and
 * data binding (bean introspection, reflective record constructors) was most of that work. The
 * bytes written are exactly those of {@link ReportJson#compact()} (the records' components in
 * declaration order, {@code null}s left out); {@link #read} reads what this writes and leaves
 * anything else (an older or hand-edited file: a missing, repeated, extra or differently typed
 * field, a {@code null}) to data binding, so both read every file to the same sample.
 */
final class SampleJson {

  private SampleJson() {}

  /** The sample's JSON, compact. */
  static byte[] write(SampleReport s) throws IOException {
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(2048);
        JsonGenerator g = ReportJson.mapper().getFactory().createGenerator(bytes)) {
      g.writeStartObject();
      g.writeNumberField("sample", s.sample());
      g.writeStringField("status", s.status().name());
      if (s.error() != null) {
        g.writeStringField("error", s.error());
      }
      g.writeNumberField("turns", s.turns());
      g.writeObjectFieldStart("transcript");
      g.writeStringField("system", s.transcript().system());
      g.writeArrayFieldStart("messages");
      for (MessageReport m : s.transcript().messages()) {
        message(g, m);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("toolCalls");
      for (LedgerEntry l : s.toolCalls()) {
        g.writeStartObject();
        g.writeNumberField("index", l.index());
        g.writeNumberField("turn", l.turn());
        g.writeStringField("callId", l.callId());
        g.writeStringField("name", l.name());
        g.writeStringField("rawArguments", l.rawArguments());
        g.writeStringField("outcome", l.outcome().name());
        g.writeStringField("result", l.result());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("verdicts");
      for (VerdictReport v : s.verdicts()) {
        verdict(g, v);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("usage");
      g.writeNumberField("inputTokens", s.usage().inputTokens());
      g.writeNumberField("outputTokens", s.usage().outputTokens());
      g.writeEndObject();
      g.writeNumberField("durationMs", s.durationMs());
      g.writeEndObject();
      g.flush();
      return bytes.toByteArray();
    }
  }

  private static void message(JsonGenerator g, MessageReport m) throws IOException {
    g.writeStartObject();
    g.writeStringField("role", m.role().name());
    g.writeStringField("text", m.text());
    g.writeStringField("reasoning", m.reasoning());
    g.writeArrayFieldStart("toolCalls");
    for (ToolCallReport c : m.toolCalls()) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      g.writeStringField("name", c.name());
      g.writeStringField("arguments", c.arguments());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (m.toolCallId() != null) {
      g.writeStringField("toolCallId", m.toolCallId());
    }
    if (m.toolName() != null) {
      g.writeStringField("toolName", m.toolName());
    }
    g.writeBooleanField("error", m.error());
    g.writeEndObject();
  }

  private static void verdict(JsonGenerator g, VerdictReport v) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", v.name());
    g.writeStringField("label", v.label());
    if (v.passed() != null) {
      g.writeBooleanField("passed", v.passed());
    }
    g.writeArrayFieldStart("evidence");
    for (String line : v.evidence()) {
      g.writeString(line);
    }
    g.writeEndArray();
    g.writeStringField("reason", v.reason());
    if (v.judgeReasoning() != null) {
      g.writeStringField("judgeReasoning", v.judgeReasoning());
    }
    g.writeEndObject();
  }

  /** The JSON is not what {@link #write} writes: data binding reads it instead. */
  static final class NotOurs extends Exception {
    private static final long serialVersionUID = 1L;

    NotOurs() {
      super(null, null, false, false);
    }
  }

  private static final NotOurs NOT_OURS = new NotOurs();

  /**
   * Reads a sample written by {@link #write}, the parser at its {@code START_OBJECT}; on return the
   * parser is at its {@code END_OBJECT}.
   *
   * @throws NotOurs when the object has a field this does not write, misses one or types one
   *     differently (the parser is then somewhere inside it)
   */
  static SampleReport read(JsonParser p) throws IOException, NotOurs {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    int sample = 0;
    RunStatus status = null;
    String error = null;
    int turns = 0;
    TranscriptReport transcript = null;
    List<LedgerEntry> toolCalls = null;
    List<VerdictReport> verdicts = null;
    TokenUsage usage = null;
    long durationMs = 0;
    int seen = 0;
    for (String name; (name = nextField(p)) != null; seen++) {
      JsonToken t = p.currentToken();
      switch (name) {
        case "sample" -> sample = intValue(p, t);
        case "status" -> status = enumValue(RunStatus.class, string(p, t));
        case "error" -> error = string(p, t);
        case "turns" -> turns = intValue(p, t);
        case "transcript" -> transcript = transcript(p, t);
        case "toolCalls" -> toolCalls = ledger(p, t);
        case "verdicts" -> verdicts = verdicts(p, t);
        case "usage" -> usage = usage(p, t);
        case "durationMs" -> durationMs = longValue(p, t);
        default -> throw NOT_OURS;
      }
    }
    if (status == null || transcript == null || toolCalls == null || verdicts == null) {
      throw NOT_OURS;
    }
    if (seen != (error == null ? 8 : 9) || usage == null) {
      throw NOT_OURS;
    }
    return new SampleReport(
        sample, status, error, turns, transcript, toolCalls, verdicts, usage, durationMs);
  }

  private static TranscriptReport transcript(JsonParser p, JsonToken t)
      throws IOException, NotOurs {
    expect(t, JsonToken.START_OBJECT);
    String system = null;
    List<MessageReport> messages = null;
    int n = 0;
    for (String name; (name = nextField(p)) != null; n++) {
      JsonToken value = p.currentToken();
      switch (name) {
        case "system" -> system = string(p, value);
        case "messages" -> {
          expect(value, JsonToken.START_ARRAY);
          messages = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            messages.add(message(p, p.currentToken()));
          }
        }
        default -> throw NOT_OURS;
      }
    }
    if (system == null || messages == null || n != 2) {
      throw NOT_OURS;
    }
    return new TranscriptReport(system, messages);
  }

  private static MessageReport message(JsonParser p, JsonToken t) throws IOException, NotOurs {
    expect(t, JsonToken.START_OBJECT);
    MessageReport.Role role = null;
    String text = null;
    String reasoning = null;
    List<ToolCallReport> calls = null;
    String toolCallId = null;
    String toolName = null;
    Boolean error = null;
    int n = 0;
    for (String name; (name = nextField(p)) != null; n++) {
      JsonToken value = p.currentToken();
      switch (name) {
        case "role" -> role = enumValue(MessageReport.Role.class, string(p, value));
        case "text" -> text = string(p, value);
        case "reasoning" -> reasoning = string(p, value);
        case "toolCalls" -> {
          expect(value, JsonToken.START_ARRAY);
          calls = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            calls.add(call(p, p.currentToken()));
          }
        }
        case "toolCallId" -> toolCallId = string(p, value);
        case "toolName" -> toolName = string(p, value);
        case "error" -> error = bool(value);
        default -> throw NOT_OURS;
      }
    }
    if (role == null
        || text == null
        || reasoning == null
        || calls == null
        || error == null
        || n != 5 + (toolCallId == null ? 0 : 1) + (toolName == null ? 0 : 1)) {
      throw NOT_OURS;
    }
    return new MessageReport(role, text, reasoning, calls, toolCallId, toolName, error);
  }

  private static ToolCallReport call(JsonParser p, JsonToken t) throws IOException, NotOurs {
    expect(t, JsonToken.START_OBJECT);
    String id = null;
    String name = null;
    String arguments = null;
    int n = 0;
    for (String field; (field = nextField(p)) != null; n++) {
      JsonToken value = p.currentToken();
      switch (field) {
        case "id" -> id = string(p, value);
        case "name" -> name = string(p, value);
        case "arguments" -> arguments = string(p, value);
        default -> throw NOT_OURS;
      }
    }
    if (id == null || name == null || arguments == null || n != 3) {
      throw NOT_OURS;
    }
    return new ToolCallReport(id, name, arguments);
  }

  private static List<LedgerEntry> ledger(JsonParser p, JsonToken t) throws IOException, NotOurs {
    expect(t, JsonToken.START_ARRAY);
    List<LedgerEntry> entries = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p.currentToken(), JsonToken.START_OBJECT);
      Integer index = null;
      Integer turn = null;
      String callId = null;
      String name = null;
      String rawArguments = null;
      ToolCallRecord.Outcome outcome = null;
      String result = null;
      int n = 0;
      for (String field; (field = nextField(p)) != null; n++) {
        JsonToken value = p.currentToken();
        switch (field) {
          case "index" -> index = intValue(p, value);
          case "turn" -> turn = intValue(p, value);
          case "callId" -> callId = string(p, value);
          case "name" -> name = string(p, value);
          case "rawArguments" -> rawArguments = string(p, value);
          case "outcome" -> outcome = enumValue(ToolCallRecord.Outcome.class, string(p, value));
          case "result" -> result = string(p, value);
          default -> throw NOT_OURS;
        }
      }
      if (index == null
          || turn == null
          || callId == null
          || name == null
          || rawArguments == null
          || outcome == null
          || result == null
          || n != 7) {
        throw NOT_OURS;
      }
      entries.add(new LedgerEntry(index, turn, callId, name, rawArguments, outcome, result));
    }
    return entries;
  }

  private static List<VerdictReport> verdicts(JsonParser p, JsonToken t)
      throws IOException, NotOurs {
    expect(t, JsonToken.START_ARRAY);
    List<VerdictReport> verdicts = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p.currentToken(), JsonToken.START_OBJECT);
      String name = null;
      String label = null;
      Boolean passed = null;
      List<String> evidence = null;
      String reason = null;
      String judgeReasoning = null;
      int n = 0;
      for (String field; (field = nextField(p)) != null; n++) {
        JsonToken value = p.currentToken();
        switch (field) {
          case "name" -> name = string(p, value);
          case "label" -> label = string(p, value);
          case "passed" -> passed = bool(value);
          case "evidence" -> {
            expect(value, JsonToken.START_ARRAY);
            evidence = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              evidence.add(string(p, p.currentToken()));
            }
          }
          case "reason" -> reason = string(p, value);
          case "judgeReasoning" -> judgeReasoning = string(p, value);
          default -> throw NOT_OURS;
        }
      }
      if (name == null
          || label == null
          || evidence == null
          || reason == null
          || n != 4 + (passed == null ? 0 : 1) + (judgeReasoning == null ? 0 : 1)) {
        throw NOT_OURS;
      }
      verdicts.add(new VerdictReport(name, label, passed, evidence, reason, judgeReasoning));
    }
    return verdicts;
  }

  private static TokenUsage usage(JsonParser p, JsonToken t) throws IOException, NotOurs {
    expect(t, JsonToken.START_OBJECT);
    Long input = null;
    Long output = null;
    int n = 0;
    for (String field; (field = nextField(p)) != null; n++) {
      JsonToken value = p.currentToken();
      switch (field) {
        case "inputTokens" -> input = longValue(p, value);
        case "outputTokens" -> output = longValue(p, value);
        default -> throw NOT_OURS;
      }
    }
    if (input == null || output == null || n != 2) {
      throw NOT_OURS;
    }
    return new TokenUsage(input, output);
  }

  /** The next field's name, the parser moved on to its value; {@code null} at the object's end. */
  private static String nextField(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.FIELD_NAME) {
      return null;
    }
    String name = p.currentName();
    p.nextToken();
    return name;
  }

  private static void expect(JsonToken actual, JsonToken expected) throws NotOurs {
    if (actual != expected) {
      throw NOT_OURS;
    }
  }

  /** A string; {@code null} is not what {@link #write} writes (it leaves nulls out). */
  private static String string(JsonParser p, JsonToken t) throws IOException, NotOurs {
    expect(t, JsonToken.VALUE_STRING);
    return p.getText();
  }

  private static int intValue(JsonParser p, JsonToken t) throws IOException, NotOurs {
    expect(t, JsonToken.VALUE_NUMBER_INT);
    if (p.getNumberType() != JsonParser.NumberType.INT) {
      throw NOT_OURS;
    }
    return p.getIntValue();
  }

  private static long longValue(JsonParser p, JsonToken t) throws IOException, NotOurs {
    expect(t, JsonToken.VALUE_NUMBER_INT);
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw NOT_OURS;
    }
    return p.getLongValue();
  }

  private static Boolean bool(JsonToken t) throws NotOurs {
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    throw NOT_OURS;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String name) throws NotOurs {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    throw NOT_OURS;
  }
}
