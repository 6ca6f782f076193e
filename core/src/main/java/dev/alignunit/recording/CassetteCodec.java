package dev.alignunit.recording;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.model.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The recording file format, version {@value #FORMAT_VERSION}: an explicit codec, so the key
 * order is fixed by this class (not by reflection) and re-records diff line by line.
 *
 * <p>Reading streams the top level and materialises one sample at a time, interning equal
 * strings and messages, so a recording of thousands of samples (each repeating the system
 * prompt, tools and earlier messages) needs little heap.
 */
final class CassetteCodec {

  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CassetteCodec() {}

  /** The decoded content of a recording file. */
  record Content(RecordingMetadata metadata, SortedMap<Integer, List<RecordedExchange>> samples) {}

  /** A problem with the content of a well-formed JSON file, at a position. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    final transient JsonLocation location;

    Invalid(String message, JsonLocation location) {
      super(message);
      this.location = location;
    }
  }

  // ---------------------------------------------------------------- writing

  static void write(OutputStream out, RecordingMetadata metadata, SortedMap<Integer, List<RecordedExchange>> samples)
      throws IOException {
    JsonGenerator g = JSON.getFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setPrettyPrinter(printer());
    g.writeStartObject();
    g.writeNumberField("formatVersion", FORMAT_VERSION);
    g.writeFieldName("metadata");
    g.writeTree(metadata(metadata));
    g.writeArrayFieldStart("samples");
    for (Map.Entry<Integer, List<RecordedExchange>> sample : samples.entrySet()) {
      ObjectNode node = NODES.objectNode();
      node.put("sample", sample.getKey());
      ArrayNode exchanges = node.putArray("exchanges");
      RecordedExchange previous = null;
      for (RecordedExchange exchange : sample.getValue()) {
        exchanges.add(exchange(exchange, previous));
        previous = exchange;
      }
      // One sample at a time: the whole file is never held as a tree.
      g.writeTree(node);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeRaw('\n');
    g.flush();
  }

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }

  /**
   * Writes a text with line breaks as an array of its lines, so a changed line of a long system
   * prompt shows as one changed line in a code review diff; single-line text stays a string.
   */
  private static void putText(ObjectNode node, String field, String value) {
    if (value.indexOf('\n') < 0) {
      node.put(field, value);
      return;
    }
    ArrayNode lines = node.putArray(field);
    for (String line : value.split("\n", -1)) {
      lines.add(line);
    }
  }

  private static ObjectNode metadata(RecordingMetadata m) {
    ObjectNode node = NODES.objectNode();
    node.put("test", m.test());
    node.put("scenario", m.scenarioId());
    ObjectNode variant = node.putObject("variant");
    m.variant().forEach(variant::put);
    node.put("model", m.modelId());
    node.put("generator", m.generator());
    node.put("note", m.note());
    return node;
  }

  static ObjectNode exchange(RecordedExchange exchange, RecordedExchange previous) {
    ObjectNode node = NODES.objectNode();
    if (exchange.request() != null) {
      ChatRequest before = previous == null ? null : previous.request();
      node.set("request", request(exchange.model(), exchange.request(), before == null ? null : previous.model(), before));
    }
    node.set("response", response(exchange.response()));
    return node;
  }

  /**
   * Writes a request. Within a sample, what equals the previous exchange's request is left out
   * (model, system, tools, parameters), and the messages that request already held are counted
   * in {@code previousMessages} instead of repeated: a re-record then changes one place per
   * sample, and the file grows with the conversation, not with its square.
   */
  private static ObjectNode request(String model, ChatRequest request, String previousModel, ChatRequest previous) {
    ObjectNode node = NODES.objectNode();
    if (previous == null || !model.equals(previousModel)) {
      node.put("model", model);
    }
    if (previous == null || !request.system().equals(previous.system())) {
      putText(node, "system", request.system());
    }
    int kept = 0;
    if (previous != null) {
      List<Message> before = previous.messages();
      List<Message> now = request.messages();
      while (kept < before.size() && kept < now.size() && before.get(kept).equals(now.get(kept))) {
        kept++;
      }
      if (kept > 0) {
        node.put("previousMessages", kept);
      }
    }
    ArrayNode messages = node.putArray("messages");
    request.messages().subList(kept, request.messages().size()).forEach(m -> messages.add(message(m)));
    if (previous == null || !request.tools().equals(previous.tools())) {
      ArrayNode tools = node.putArray("tools");
      for (ToolSpec tool : request.tools()) {
        ObjectNode t = tools.addObject();
        t.put("name", tool.name());
        putText(t, "description", tool.description());
        t.set("parameters", tool.parameters());
      }
    }
    if (previous != null && request.parameters().equals(previous.parameters())) {
      return node;
    }
    ChatParameters p = request.parameters();
    ObjectNode parameters = node.putObject("parameters");
    if (p.temperature() != null) {
      parameters.put("temperature", p.temperature());
    }
    if (p.maxTokens() != null) {
      parameters.put("maxTokens", p.maxTokens());
    }
    if (p.seed() != null) {
      parameters.put("seed", p.seed());
    }
    if (p.thinkingBudget() != null) {
      parameters.put("thinkingBudget", p.thinkingBudget());
    }
    return node;
  }

  private static ObjectNode message(Message message) {
    ObjectNode node = NODES.objectNode();
    if (message instanceof Message.User user) {
      node.put("role", "user");
      putText(node, "text", user.text());
    } else if (message instanceof Message.ToolResult result) {
      node.put("role", "tool");
      node.put("toolCallId", result.toolCallId());
      node.put("toolName", result.toolName());
      putText(node, "text", result.text());
      if (result.error()) {
        node.put("error", true);
      }
    } else {
      node.put("role", "assistant");
      assistantFields(node, (Message.Assistant) message);
    }
    return node;
  }

  private static void assistantFields(ObjectNode node, Message.Assistant assistant) {
    putText(node, "text", assistant.text());
    if (!assistant.toolCalls().isEmpty()) {
      ArrayNode calls = node.putArray("toolCalls");
      for (ToolCall call : assistant.toolCalls()) {
        calls.addObject().put("id", call.id()).put("name", call.name()).put("arguments", call.arguments());
      }
    }
    if (!assistant.reasoning().isEmpty()) {
      ArrayNode reasoning = node.putArray("reasoning");
      for (ReasoningBlock block : assistant.reasoning()) {
        ObjectNode b = reasoning.addObject();
        putText(b, "text", block.text());
        if (block.signature() != null) {
          b.put("signature", block.signature());
        }
        if (block.redactedData() != null) {
          b.put("redactedData", block.redactedData());
        }
      }
    }
  }

  private static ObjectNode response(ChatResponse response) {
    ObjectNode node = NODES.objectNode();
    ObjectNode message = node.putObject("message");
    assistantFields(message, response.message());
    node.put("stopReason", response.stopReason().name().toLowerCase(Locale.ROOT));
    if (!response.usage().equals(Usage.ZERO)) {
      node.putObject("usage")
          .put("inputTokens", response.usage().inputTokens())
          .put("outputTokens", response.usage().outputTokens());
    }
    if (response.providerRefusal() != null) {
      node.put("providerRefusal", response.providerRefusal());
    }
    return node;
  }

  // ---------------------------------------------------------------- reading

  static Content read(InputStream in) throws IOException, Invalid {
    try (JsonParser p = JSON.getFactory().createParser(in)) {
      try {
        return read(p);
      } catch (StreamConstraintsException e) {
        // Jackson's limits (nesting depth, number length) say where only through the parser.
        throw new Invalid(problem(e), p.currentLocation());
      }
    }
  }

  private static Content read(JsonParser p) throws IOException, Invalid {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new Invalid("the file is empty", p.currentLocation());
    }
    if (first != JsonToken.START_OBJECT) {
      throw new Invalid("expected a JSON object with formatVersion, metadata and samples", p.currentTokenLocation());
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
            throw new Invalid("formatVersion " + written + " is not a version AlignUnit ever wrote (versions start at"
                + " 1)", at);
          }
          if (written.compareTo(java.math.BigInteger.valueOf(FORMAT_VERSION)) > 0) {
            throw new Invalid("formatVersion " + written + " was written by a newer AlignUnit; this one reads up to "
                + FORMAT_VERSION, at);
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
      throw new Invalid("unexpected content after the end of the recording", p.currentTokenLocation());
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
        text(node, "test"), text(node, "scenario"), variant, text(node, "model"),
        text(node, "generator"), text(node, "note"));
  }

  private static int sampleNumber(JsonNode sample, JsonLocation at) throws Invalid {
    if (!sample.isObject()) {
      throw new Invalid("each sample must be an object with sample and exchanges", at);
    }
    JsonNode number = sample.get("sample");
    if (number == null || !number.canConvertToInt() || !number.isIntegralNumber() || number.intValue() < 1) {
      throw new Invalid("sample must be a whole number from 1", at);
    }
    return number.intValue();
  }

  private static List<RecordedExchange> exchanges(JsonNode sample, int number, JsonLocation at, Interner interner)
      throws Invalid {
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
        String model = request.has("model") || before == null
            ? interner.intern(text(request, "model"))
            : previous.model();
        current = new RecordedExchange(
            model, request(request, before, where, at, interner), response(response, where, at, interner));
      }
      result.add(current);
      previous = current;
    }
    return List.copyOf(result);
  }

  private static ChatRequest request(
      JsonNode node, ChatRequest previous, String where, JsonLocation at, Interner interner) throws Invalid {
    List<Message> messages = new ArrayList<>();
    int kept = node.path("previousMessages").asInt(0);
    if (kept > 0) {
      if (previous == null || kept > previous.messages().size()) {
        throw new Invalid(where + ": previousMessages is " + kept + " but the previous exchange's request holds "
            + (previous == null ? "no" : String.valueOf(previous.messages().size())) + " message(s)", at);
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
        read.add(interner.intern(new ToolSpec(
            interner.intern(t.get("name").asText()), interner.intern(text(t, "description")), t.get("parameters"))));
      }
      tools = interner.intern(List.copyOf(read));
    } else {
      tools = previous.tools();
    }
    ChatParameters parameters;
    if (node.has("parameters") || previous == null) {
      JsonNode p = node.path("parameters");
      parameters = interner.intern(new ChatParameters(
          p.hasNonNull("temperature") ? p.get("temperature").doubleValue() : null,
          p.hasNonNull("maxTokens") ? p.get("maxTokens").intValue() : null,
          p.hasNonNull("seed") ? p.get("seed").longValue() : null,
          p.hasNonNull("thinkingBudget") ? p.get("thinkingBudget").intValue() : null));
    } else {
      parameters = previous.parameters();
    }
    String system = node.has("system") || previous == null
        ? interner.intern(text(node, "system"))
        : previous.system();
    return new ChatRequest(system, messages, tools, parameters);
  }

  private static Message message(JsonNode node, String where, JsonLocation at, Interner interner) throws Invalid {
    String role = text(node, "role");
    return switch (role) {
      case "user" -> new Message.User(interner.intern(text(node, "text")));
      case "tool" -> new Message.ToolResult(
          interner.intern(text(node, "toolCallId")), interner.intern(text(node, "toolName")),
          interner.intern(text(node, "text")), node.path("error").asBoolean(false));
      case "assistant" -> assistant(node, where, at, interner);
      default -> throw new Invalid(where + ": unknown message role '" + role + "' (expected user, assistant or tool)", at);
    };
  }

  private static Message.Assistant assistant(JsonNode node, String where, JsonLocation at, Interner interner)
      throws Invalid {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode c : array(node, "toolCalls", where, at)) {
      calls.add(new ToolCall(
          interner.intern(text(c, "id")), interner.intern(text(c, "name")), interner.intern(text(c, "arguments"))));
    }
    List<ReasoningBlock> reasoning = new ArrayList<>();
    for (JsonNode b : array(node, "reasoning", where, at)) {
      reasoning.add(new ReasoningBlock(
          interner.intern(text(b, "text")),
          b.hasNonNull("signature") ? b.get("signature").asText() : null,
          b.hasNonNull("redactedData") ? b.get("redactedData").asText() : null));
    }
    return interner.intern(new Message.Assistant(interner.intern(text(node, "text")), calls, reasoning));
  }

  private static ChatResponse response(JsonNode node, String where, JsonLocation at, Interner interner)
      throws Invalid {
    if (!node.path("message").isObject()) {
      throw new Invalid(where + ": the response has no message object", at);
    }
    Message.Assistant message = assistant(node.path("message"), where, at, interner);
    StopReason stop = null;
    if (node.hasNonNull("stopReason")) {
      try {
        stop = StopReason.valueOf(node.get("stopReason").asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new Invalid(where + ": unknown stopReason '" + node.get("stopReason").asText() + "'", at);
      }
    }
    JsonNode usage = node.path("usage");
    Usage u = usage.isObject()
        ? new Usage(usage.path("inputTokens").asLong(0), usage.path("outputTokens").asLong(0))
        : Usage.ZERO;
    String refusal = node.hasNonNull("providerRefusal") ? node.get("providerRefusal").asText() : null;
    return interner.intern(new ChatResponse(message, stop, u, refusal));
  }

  /** A list field: absent is empty; anything but a list is an error at the exchange. */
  private static JsonNode array(JsonNode node, String field, String where, JsonLocation at) throws Invalid {
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

  static String problem(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    int cut = message.indexOf(" (start marker");
    if (cut >= 0) {
      message = message.substring(0, cut);
    }
    int newline = message.indexOf('\n');
    return newline >= 0 ? message.substring(0, newline) : message;
  }
}
