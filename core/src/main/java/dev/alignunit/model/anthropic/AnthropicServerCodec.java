package dev.alignunit.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.model.internal.WireFormatException;
import dev.alignunit.model.internal.WireJson;
import dev.alignunit.model.internal.WireRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The server side of the Messages wire format, for the loopback model endpoint: reads what {@link
 * AnthropicCodec} writes (a request) and writes what it reads (a {@code message}, whole or as the
 * documented stream of {@code message_start}, {@code content_block_*}, {@code message_delta} and
 * {@code message_stop} events). The answer's content blocks are written by the codec's own
 * assistant-message encoder, and {@code stop_reason} is the value the codec's decoder maps back to
 * the same stop reason: one mapping, two directions, tested by round trips.
 *
 * <p>Not API: the endpoint's plumbing.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AnthropicServerCodec {

  /** The {@code stop_reason} values the codec's decoder knows, most common first. */
  private static final List<String> STOP_REASONS =
      List.of("end_turn", "tool_use", "max_tokens", "stop_sequence", "refusal");

  private AnthropicServerCodec() {}

  /**
   * Reads a {@code POST /v1/messages} body.
   *
   * @param body the JSON body
   * @return the request
   * @throws WireFormatException when the body is not a request the endpoint can answer
   */
  public static WireRequest decodeRequest(String body) {
    JsonNode root = WireJson.object(AnthropicCodec.MAPPER, body);
    String model = WireJson.requiredText(root, "model", "");
    Long maxTokens = WireJson.optionalLong(root, "max_tokens", "");
    if (maxTokens == null) {
      throw new WireFormatException("max_tokens", "Field required");
    }
    JsonNode messages = WireJson.requiredArray(root, "messages", "");
    List<Message> conversation = new ArrayList<>();
    Map<String, String> toolNames = new HashMap<>();
    for (int i = 0; i < messages.size(); i++) {
      decodeMessage(messages.get(i), "messages[" + i + "]", conversation, toolNames);
    }
    JsonNode thinking = root.path("thinking");
    Integer budget = null;
    if (thinking.path("type").asText("").equals("enabled")) {
      Long tokens = WireJson.optionalLong(thinking, "budget_tokens", "thinking");
      budget = tokens == null ? null : Math.toIntExact(tokens);
    }
    ChatParameters parameters =
        new ChatParameters(
            WireJson.optionalDouble(root, "temperature"), Math.toIntExact(maxTokens), null, budget);
    return new WireRequest(
        model,
        WireJson.flag(root, "stream"),
        false,
        new ChatRequest(
            system(root.path("system")),
            conversation,
            decodeTools(WireJson.optionalArray(root, "tools")),
            parameters));
  }

  private static String system(JsonNode system) {
    if (system.isMissingNode() || system.isNull()) {
      return "";
    }
    if (system.isTextual()) {
      return system.asText();
    }
    if (!system.isArray()) {
      throw new WireFormatException(
          "system", "must be a string or an array of text blocks, got " + WireJson.kind(system));
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < system.size(); i++) {
      texts.add(textBlock(system.get(i), "system[" + i + "]"));
    }
    return String.join("\n\n", texts);
  }

  private static String textBlock(JsonNode block, String path) {
    String type = block.path("type").asText("");
    if (!type.equals("text")) {
      throw new WireFormatException(
          path + ".type",
          "block type '"
              + type
              + "' is not supported by the AlignUnit model endpoint here; send text blocks");
    }
    return WireJson.requiredText(block, "text", path);
  }

  private static void decodeMessage(
      JsonNode message, String path, List<Message> conversation, Map<String, String> toolNames) {
    if (!message.isObject()) {
      throw new WireFormatException(path, "must be an object, got " + WireJson.kind(message));
    }
    String role = WireJson.requiredText(message, "role", path);
    JsonNode content = message.path("content");
    if (!role.equals("user") && !role.equals("assistant")) {
      throw new WireFormatException(
          path + ".role",
          "unknown role '"
              + role
              + "'; expected user or assistant (the system prompt is the top-level 'system' field)");
    }
    if (content.isTextual()) {
      conversation.add(
          role.equals("user")
              ? Message.user(content.asText())
              : Message.assistant(content.asText()));
      return;
    }
    if (!content.isArray()) {
      throw new WireFormatException(
          path + ".content",
          content.isMissingNode()
              ? "Field required"
              : "must be a string or an array of content blocks, got " + WireJson.kind(content));
    }
    if (role.equals("user")) {
      for (int i = 0; i < content.size(); i++) {
        conversation.add(userBlock(content.get(i), path + ".content[" + i + "]", toolNames));
      }
    } else {
      conversation.add(assistant(content, path + ".content", toolNames));
    }
  }

  /** Each user block is one neutral message, as the client codec groups them into one user turn. */
  private static Message userBlock(JsonNode block, String path, Map<String, String> toolNames) {
    String type = block.path("type").asText("");
    return switch (type) {
      case "text" -> Message.user(WireJson.requiredText(block, "text", path));
      case "tool_result" -> {
        String id = WireJson.requiredText(block, "tool_use_id", path);
        JsonNode result = block.path("content");
        String text;
        if (result.isMissingNode() || result.isNull()) {
          text = "";
        } else if (result.isTextual()) {
          text = result.asText();
        } else if (result.isArray()) {
          StringBuilder joined = new StringBuilder();
          for (int i = 0; i < result.size(); i++) {
            joined.append(textBlock(result.get(i), path + ".content[" + i + "]"));
          }
          text = joined.toString();
        } else {
          throw new WireFormatException(
              path + ".content",
              "must be a string or an array of text blocks, got " + WireJson.kind(result));
        }
        yield Message.toolResult(
            id, toolNames.getOrDefault(id, ""), text, block.path("is_error").asBoolean(false));
      }
      default ->
          throw new WireFormatException(
              path + ".type",
              "user content block type '"
                  + type
                  + "' is not supported by the AlignUnit model endpoint; send text and tool_result blocks");
    };
  }

  private static Message.Assistant assistant(
      JsonNode content, String path, Map<String, String> toolNames) {
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    List<ReasoningBlock> reasoning = new ArrayList<>();
    for (int i = 0; i < content.size(); i++) {
      JsonNode block = content.get(i);
      String blockPath = path + "[" + i + "]";
      String type = block.path("type").asText("");
      switch (type) {
        case "text" -> text.append(WireJson.requiredText(block, "text", blockPath));
        case "tool_use" -> {
          String id = WireJson.requiredText(block, "id", blockPath);
          String name = WireJson.requiredText(block, "name", blockPath);
          toolNames.put(id, name);
          calls.add(new ToolCall(id, name, arguments(block.path("input"))));
        }
        case "thinking" ->
            reasoning.add(
                new ReasoningBlock(
                    block.path("thinking").asText(""),
                    block.path("signature").isTextual() ? block.path("signature").asText() : null,
                    null));
        case "redacted_thinking" ->
            reasoning.add(
                new ReasoningBlock("", null, WireJson.requiredText(block, "data", blockPath)));
        default ->
            throw new WireFormatException(
                blockPath + ".type",
                "assistant content block type '"
                    + type
                    + "' is not supported by the AlignUnit model endpoint; send text, tool_use and thinking blocks");
      }
    }
    return new Message.Assistant(text.toString(), calls, reasoning);
  }

  /**
   * The raw arguments; the client codec's wrapper for invalid JSON is undone, so they round-trip.
   */
  private static String arguments(JsonNode input) {
    if (input.isMissingNode() || input.isNull()) {
      return "{}";
    }
    if (input.isObject() && input.size() == 1 && input.path("invalid_arguments").isTextual()) {
      return input.path("invalid_arguments").asText();
    }
    return input.toString();
  }

  private static List<ToolSpec> decodeTools(JsonNode tools) {
    List<ToolSpec> specs = new ArrayList<>();
    for (int i = 0; i < tools.size(); i++) {
      String path = "tools[" + i + "]";
      JsonNode tool = tools.get(i);
      String type = tool.path("type").asText("custom");
      if (!type.equals("custom")) {
        throw new WireFormatException(
            path + ".type",
            "server tool '"
                + type
                + "' is not supported by the AlignUnit model endpoint; declare client tools with name and input_schema");
      }
      String name = WireJson.requiredText(tool, "name", path);
      JsonNode schema = tool.path("input_schema");
      if (!schema.isObject()) {
        throw new WireFormatException(path + ".input_schema", "Field required");
      }
      specs.add(new ToolSpec(name, tool.path("description").asText(""), schema));
    }
    return specs;
  }

  /**
   * Writes a {@code message} answer.
   *
   * @param response the neutral answer
   * @param model the model name to report (the request's)
   * @param id the message id
   * @return the JSON body
   */
  public static String encodeResponse(ChatResponse response, String model, String id) {
    ObjectNode root = messageHeader(id, model);
    root.set("content", content(response));
    root.put("stop_reason", stopReason(response));
    root.putNull("stop_sequence");
    root.putNull("stop_details");
    root.putNull("container");
    usage(root.putObject("usage"), response.usage().inputTokens(), response.usage().outputTokens());
    return root.toString();
  }

  /**
   * Writes an answer as the documented event stream: {@code message_start} (empty content, input
   * tokens), a {@code ping}, per content block {@code content_block_start}, its deltas ({@code
   * text_delta}, {@code thinking_delta} and {@code signature_delta}, {@code input_json_delta}) and
   * {@code content_block_stop}, then {@code message_delta} with the stop reason and output tokens,
   * and {@code message_stop}.
   *
   * @param response the neutral answer
   * @param model the model name to report
   * @param id the message id
   * @return the events, each a complete {@code event: ...\ndata: ...\n\n} frame
   */
  public static List<String> encodeStream(ChatResponse response, String model, String id) {
    List<String> events = new ArrayList<>();
    ObjectNode start = AnthropicCodec.MAPPER.createObjectNode().put("type", "message_start");
    ObjectNode message = messageHeader(id, model);
    message.putArray("content");
    message
        .putNull("stop_reason")
        .putNull("stop_sequence")
        .putNull("stop_details")
        .putNull("container");
    usage(
        message.putObject("usage"),
        response.usage().inputTokens(),
        Math.min(1, response.usage().outputTokens()));
    start.set("message", message);
    events.add(frame(start));
    events.add(frame(AnthropicCodec.MAPPER.createObjectNode().put("type", "ping")));
    JsonNode blocks = content(response);
    for (int index = 0; index < blocks.size(); index++) {
      blockEvents(blocks.get(index), index, events);
    }
    ObjectNode delta = AnthropicCodec.MAPPER.createObjectNode().put("type", "message_delta");
    delta
        .putObject("delta")
        .put("stop_reason", stopReason(response))
        .putNull("stop_sequence")
        .putNull("stop_details")
        .putNull("container");
    ObjectNode usage = delta.putObject("usage");
    usage
        .put("input_tokens", response.usage().inputTokens())
        .put("output_tokens", response.usage().outputTokens())
        .putNull("cache_creation_input_tokens")
        .putNull("cache_read_input_tokens")
        .putNull("server_tool_use");
    events.add(frame(delta));
    events.add(frame(AnthropicCodec.MAPPER.createObjectNode().put("type", "message_stop")));
    return events;
  }

  private static void blockEvents(JsonNode block, int index, List<String> events) {
    String type = block.path("type").asText();
    ObjectNode start =
        AnthropicCodec.MAPPER
            .createObjectNode()
            .put("type", "content_block_start")
            .put("index", index);
    ObjectNode empty = start.putObject("content_block").put("type", type);
    List<ObjectNode> deltas = new ArrayList<>();
    switch (type) {
      case "text" -> {
        empty.put("text", "").putNull("citations");
        WireJson.deltas(block.path("text").asText())
            .forEach(
                piece ->
                    deltas.add(
                        AnthropicCodec.MAPPER
                            .createObjectNode()
                            .put("type", "text_delta")
                            .put("text", piece)));
      }
      case "thinking" -> {
        empty.put("thinking", "").put("signature", "");
        WireJson.deltas(block.path("thinking").asText())
            .forEach(
                piece ->
                    deltas.add(
                        AnthropicCodec.MAPPER
                            .createObjectNode()
                            .put("type", "thinking_delta")
                            .put("thinking", piece)));
        deltas.add(
            AnthropicCodec.MAPPER
                .createObjectNode()
                .put("type", "signature_delta")
                .put("signature", block.path("signature").asText()));
      }
      case "tool_use" -> {
        empty.put("id", block.path("id").asText()).put("name", block.path("name").asText());
        empty.putObject("input");
        empty.set("caller", block.path("caller"));
        WireJson.deltas(block.path("input").toString())
            .forEach(
                piece ->
                    deltas.add(
                        AnthropicCodec.MAPPER
                            .createObjectNode()
                            .put("type", "input_json_delta")
                            .put("partial_json", piece)));
      }
      default -> start.set("content_block", block); // redacted_thinking arrives whole
    }
    events.add(frame(start));
    for (ObjectNode delta : deltas) {
      ObjectNode event =
          AnthropicCodec.MAPPER
              .createObjectNode()
              .put("type", "content_block_delta")
              .put("index", index);
      event.set("delta", delta);
      events.add(frame(event));
    }
    events.add(
        frame(
            AnthropicCodec.MAPPER
                .createObjectNode()
                .put("type", "content_block_stop")
                .put("index", index)));
  }

  /**
   * An error body in the provider's shape.
   *
   * @param type the error type, such as {@code invalid_request_error}
   * @param message the message
   * @param requestId the request id
   * @return the JSON body
   */
  public static String error(String type, String message, String requestId) {
    ObjectNode root = AnthropicCodec.MAPPER.createObjectNode().put("type", "error");
    root.putObject("error").put("type", type).put("message", message);
    root.put("request_id", requestId);
    return root.toString();
  }

  /**
   * The response's content blocks, written by the client codec's assistant encoder with the fields
   * a response block has beyond a request block ({@code citations}, {@code caller}). A refusal that
   * came without text (OpenAI's {@code refusal} field) becomes the text.
   */
  private static ArrayNode content(ChatResponse response) {
    Message.Assistant assistant = response.message();
    if (assistant.text().isEmpty() && response.providerRefusal() != null) {
      assistant =
          new Message.Assistant(
              response.providerRefusal(), assistant.toolCalls(), assistant.reasoning());
    }
    ObjectNode node = AnthropicCodec.MAPPER.createObjectNode();
    AnthropicCodec.encodeAssistant(node, assistant);
    ArrayNode blocks = (ArrayNode) node.path("content");
    ArrayNode kept = AnthropicCodec.MAPPER.createArrayNode();
    for (JsonNode block : blocks) {
      ObjectNode copy = (ObjectNode) block;
      switch (copy.path("type").asText()) {
        case "text" -> copy.putNull("citations");
        case "tool_use" -> copy.putObject("caller").put("type", "direct");
        default -> {}
      }
      kept.add(copy);
    }
    return kept;
  }

  /** The {@code stop_reason} that {@link AnthropicCodec#stopReason} maps back to the answer's. */
  static String stopReason(ChatResponse response) {
    for (String candidate : STOP_REASONS) {
      if (AnthropicCodec.stopReason(candidate, response.toolCalls()) == response.stopReason()) {
        return candidate;
      }
    }
    // A content filter, or anything else the protocol cannot say: the turn simply ended.
    return response.stopReason() == StopReason.CONTENT_FILTER ? "refusal" : "end_turn";
  }

  private static ObjectNode messageHeader(String id, String model) {
    return AnthropicCodec.MAPPER
        .createObjectNode()
        .put("id", id)
        .put("type", "message")
        .put("role", "assistant")
        .put("model", model);
  }

  private static void usage(ObjectNode usage, long input, long output) {
    usage
        .putNull("cache_creation")
        .putNull("cache_creation_input_tokens")
        .putNull("cache_read_input_tokens")
        .putNull("inference_geo")
        .put("input_tokens", input)
        .put("output_tokens", output)
        .putNull("server_tool_use")
        .putNull("service_tier");
  }

  private static String frame(ObjectNode event) {
    return "event: " + event.path("type").asText() + "\ndata: " + event + "\n\n";
  }
}
