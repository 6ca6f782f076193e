package dev.alignunit.recording;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.model.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The recording file format, version {@value #FORMAT_VERSION}: an explicit codec, so the key order
 * is fixed by this class (not by reflection) and re-records diff line by line.
 *
 * <p>Reading ({@link CassetteReader}) streams the top level and materialises one sample at a time,
 * interning equal strings and messages, so a recording of thousands of samples (each repeating the
 * system prompt, tools and earlier messages) needs little heap.
 */
final class CassetteCodec {

  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = dev.alignunit.internal.Json.mapper();
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

  static void write(
      OutputStream out,
      RecordingMetadata metadata,
      SortedMap<Integer, List<RecordedExchange>> samples)
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
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
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
      node.set(
          "request",
          request(
              exchange.model(),
              exchange.request(),
              before == null ? null : previous.model(),
              before));
    }
    node.set("response", response(exchange.response()));
    return node;
  }

  /**
   * Writes a request. Within a sample, what equals the previous exchange's request is left out
   * (model, system, tools, parameters), and the messages that request already held are counted in
   * {@code previousMessages} instead of repeated: a re-record then changes one place per sample,
   * and the file grows with the conversation, not with its square.
   */
  private static ObjectNode request(
      String model, ChatRequest request, String previousModel, ChatRequest previous) {
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
    request
        .messages()
        .subList(kept, request.messages().size())
        .forEach(m -> messages.add(message(m)));
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
        calls
            .addObject()
            .put("id", call.id())
            .put("name", call.name())
            .put("arguments", call.arguments());
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
    return CassetteReader.read(in, JSON);
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
