package dev.alignunit.recording;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.model.Usage;
import dev.alignunit.recording.CassetteCodec.Content;
import dev.alignunit.recording.CassetteCodec.Invalid;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the recording file format ({@link CassetteCodec}): streams the top level and materialises
 * one sample at a time, interning equal strings and messages. Every problem with the content is an
 * {@link Invalid} at a line and column, Jackson's own limits (nesting depth) included.
 */
final class CassetteReader {

  private CassetteReader() {}

  static Content read(InputStream in, ObjectMapper json) throws IOException, Invalid {
    try (JsonParser p = json.getFactory().createParser(in)) {
      try {
        return read(p);
      } catch (StreamConstraintsException e) {
        // Jackson's limits (nesting depth, number length) say where only through the parser.
        throw new Invalid(CassetteCodec.problem(e), p.currentLocation());
      }
    }
  }

  private static Content read(JsonParser p) throws IOException, Invalid {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new Invalid("the file is empty", p.currentLocation());
    }
    if (first != JsonToken.START_OBJECT) {
      throw new Invalid(
          "expected a JSON object with formatVersion, metadata and samples",
          p.currentTokenLocation());
    }
    Integer version = null;
    RecordingMetadata metadata = null;
    SortedMap<Integer, List<RecordedExchange>> samples = new TreeMap<>();
    Interner interner = new Interner();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      JsonLocation at = p.currentTokenLocation();
      switch (field) {
        case "formatVersion" -> {
          if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new Invalid("formatVersion must be a whole number", at);
          }
          java.math.BigInteger written = p.getBigIntegerValue();
          if (written.signum() < 1) {
            throw new Invalid(
                "formatVersion "
                    + written
                    + " is not a version AlignUnit ever wrote (versions start at"
                    + " 1)",
                at);
          }
          if (written.compareTo(java.math.BigInteger.valueOf(CassetteCodec.FORMAT_VERSION)) > 0) {
            throw new Invalid(
                "formatVersion "
                    + written
                    + " was written by a newer AlignUnit; this one reads up to "
                    + CassetteCodec.FORMAT_VERSION,
                at);
          }
          version = written.intValue();
        }
        case "metadata" -> metadata = metadata(p.readValueAsTree(), at);
        case "samples" -> {
          if (value != JsonToken.START_ARRAY) {
            throw new Invalid("samples must be an array", at);
          }
          while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation sampleAt = p.currentTokenLocation();
            JsonNode sample = p.readValueAsTree();
            int number = sampleNumber(sample, sampleAt);
            if (samples.containsKey(number)) {
              throw new Invalid("sample " + number + " appears twice", sampleAt);
            }
            samples.put(number, exchanges(sample, number, sampleAt, interner));
          }
        }
        default -> p.skipChildren();
      }
    }
    JsonLocation end = p.currentLocation();
    if (p.nextToken() != null) {
      throw new Invalid(
          "unexpected content after the end of the recording", p.currentTokenLocation());
    }
    if (version == null) {
      throw new Invalid("formatVersion is missing", end);
    }
    if (metadata == null) {
      metadata = new RecordingMetadata("", "", Map.of(), "", RecordingMetadata.HAND_WRITTEN, "");
    }
    return new Content(metadata, samples);
  }

  private static RecordingMetadata metadata(JsonNode node, JsonLocation at) throws Invalid {
    if (!node.isObject()) {
      throw new Invalid("metadata must be an object", at);
    }
    Map<String, String> variant = new LinkedHashMap<>();
    JsonNode v = node.path("variant");
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      variant.put(e.getKey(), e.getValue().asText());
    }
    return new RecordingMetadata(
        text(node, "test"),
        text(node, "scenario"),
        variant,
        text(node, "model"),
        text(node, "generator"),
        text(node, "note"));
  }

  private static int sampleNumber(JsonNode sample, JsonLocation at) throws Invalid {
    if (!sample.isObject()) {
      throw new Invalid("each sample must be an object with sample and exchanges", at);
    }
    JsonNode number = sample.get("sample");
    if (number == null
        || !number.canConvertToInt()
        || !number.isIntegralNumber()
        || number.intValue() < 1) {
      throw new Invalid("sample must be a whole number from 1", at);
    }
    return number.intValue();
  }

  private static List<RecordedExchange> exchanges(
      JsonNode sample, int number, JsonLocation at, Interner interner) throws Invalid {
    JsonNode exchanges = sample.get("exchanges");
    if (exchanges == null || !exchanges.isArray()) {
      throw new Invalid("sample " + number + " has no exchanges array", at);
    }
    List<RecordedExchange> result = new ArrayList<>(exchanges.size());
    RecordedExchange previous = null;
    for (int i = 0; i < exchanges.size(); i++) {
      String where = "sample " + number + ", exchange " + (i + 1);
      JsonNode exchange = exchanges.get(i);
      JsonNode response = exchange.get("response");
      if (response == null || !response.isObject()) {
        throw new Invalid(where + " has no response object", at);
      }
      JsonNode request = exchange.get("request");
      ChatRequest before = previous == null ? null : previous.request();
      RecordedExchange current;
      if (request == null || request.isNull()) {
        current = new RecordedExchange("", null, response(response, where, at, interner));
      } else {
        String model =
            request.has("model") || before == null
                ? interner.intern(text(request, "model"))
                : previous.model();
        current =
            new RecordedExchange(
                model,
                request(request, before, where, at, interner),
                response(response, where, at, interner));
      }
      result.add(current);
      previous = current;
    }
    return List.copyOf(result);
  }

  private static ChatRequest request(
      JsonNode node, ChatRequest previous, String where, JsonLocation at, Interner interner)
      throws Invalid {
    List<Message> messages = new ArrayList<>();
    int kept = node.path("previousMessages").asInt(0);
    if (kept > 0) {
      if (previous == null || kept > previous.messages().size()) {
        throw new Invalid(
            where
                + ": previousMessages is "
                + kept
                + " but the previous exchange's request holds "
                + (previous == null ? "no" : String.valueOf(previous.messages().size()))
                + " message(s)",
            at);
      }
      messages.addAll(previous.messages().subList(0, kept));
    }
    for (JsonNode m : array(node, "messages", where, at)) {
      messages.add(interner.intern(message(m, where, at, interner)));
    }
    List<ToolSpec> tools;
    if (node.has("tools") || previous == null) {
      List<ToolSpec> read = new ArrayList<>();
      for (JsonNode t : array(node, "tools", where, at)) {
        if (!t.hasNonNull("name")) {
          throw new Invalid(where + ": a tool has no name", at);
        }
        read.add(
            interner.intern(
                new ToolSpec(
                    interner.intern(t.get("name").asText()),
                    interner.intern(text(t, "description")),
                    t.get("parameters"))));
      }
      tools = interner.intern(List.copyOf(read));
    } else {
      tools = previous.tools();
    }
    ChatParameters parameters;
    if (node.has("parameters") || previous == null) {
      JsonNode p = node.path("parameters");
      parameters =
          interner.intern(
              new ChatParameters(
                  p.hasNonNull("temperature") ? p.get("temperature").doubleValue() : null,
                  p.hasNonNull("maxTokens") ? p.get("maxTokens").intValue() : null,
                  p.hasNonNull("seed") ? p.get("seed").longValue() : null,
                  p.hasNonNull("thinkingBudget") ? p.get("thinkingBudget").intValue() : null));
    } else {
      parameters = previous.parameters();
    }
    String system =
        node.has("system") || previous == null
            ? interner.intern(text(node, "system"))
            : previous.system();
    return new ChatRequest(system, messages, tools, parameters);
  }

  private static Message message(JsonNode node, String where, JsonLocation at, Interner interner)
      throws Invalid {
    String role = text(node, "role");
    return switch (role) {
      case "user" -> new Message.User(interner.intern(text(node, "text")));
      case "tool" ->
          new Message.ToolResult(
              interner.intern(text(node, "toolCallId")), interner.intern(text(node, "toolName")),
              interner.intern(text(node, "text")), node.path("error").asBoolean(false));
      case "assistant" -> assistant(node, where, at, interner);
      default ->
          throw new Invalid(
              where + ": unknown message role '" + role + "' (expected user, assistant or tool)",
              at);
    };
  }

  private static Message.Assistant assistant(
      JsonNode node, String where, JsonLocation at, Interner interner) throws Invalid {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode c : array(node, "toolCalls", where, at)) {
      calls.add(
          new ToolCall(
              interner.intern(text(c, "id")),
              interner.intern(text(c, "name")),
              interner.intern(text(c, "arguments"))));
    }
    List<ReasoningBlock> reasoning = new ArrayList<>();
    for (JsonNode b : array(node, "reasoning", where, at)) {
      reasoning.add(
          new ReasoningBlock(
              interner.intern(text(b, "text")),
              b.hasNonNull("signature") ? b.get("signature").asText() : null,
              b.hasNonNull("redactedData") ? b.get("redactedData").asText() : null));
    }
    return interner.intern(
        new Message.Assistant(interner.intern(text(node, "text")), calls, reasoning));
  }

  private static ChatResponse response(
      JsonNode node, String where, JsonLocation at, Interner interner) throws Invalid {
    if (!node.path("message").isObject()) {
      throw new Invalid(where + ": the response has no message object", at);
    }
    Message.Assistant message = assistant(node.path("message"), where, at, interner);
    StopReason stop = null;
    if (node.hasNonNull("stopReason")) {
      try {
        stop = StopReason.valueOf(node.get("stopReason").asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new Invalid(
            where + ": unknown stopReason '" + node.get("stopReason").asText() + "'", at);
      }
    }
    JsonNode usage = node.path("usage");
    Usage u =
        usage.isObject()
            ? new Usage(usage.path("inputTokens").asLong(0), usage.path("outputTokens").asLong(0))
            : Usage.ZERO;
    String refusal =
        node.hasNonNull("providerRefusal") ? node.get("providerRefusal").asText() : null;
    return interner.intern(new ChatResponse(message, stop, u, refusal));
  }

  /** A list field: absent is empty; anything but a list is an error at the exchange. */
  private static JsonNode array(JsonNode node, String field, String where, JsonLocation at)
      throws Invalid {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull() || value.isArray()) {
      return value;
    }
    throw new Invalid(where + ": " + field + " must be a list", at);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (value.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < value.size(); i++) {
        if (i > 0) {
          joined.append('\n');
        }
        joined.append(value.get(i).asText());
      }
      return joined.toString();
    }
    return value.asText();
  }

  /** Shares equal values between exchanges and samples, which repeat almost everything. */
  private static final class Interner {
    private final Map<Object, Object> values = new HashMap<>();

    @SuppressWarnings("unchecked")
    <T> T intern(T value) {
      Object existing = values.putIfAbsent(value, value);
      return existing == null ? value : (T) existing;
    }
  }
}
