package dev.alignunit.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
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
 * The server side of the Chat Completions wire format, for the loopback model endpoint: reads what
 * {@link OpenAiCodec} writes (a request) and writes what it reads (a response, whole or as {@code
 * chat.completion.chunk} server-sent events). It shares the codec's mapping instead of keeping a
 * second one: the answer's message is written by the codec's own assistant-message encoder, and
 * {@code finish_reason} is the value the codec's decoder maps back to the same stop reason. Round
 * trips through both directions are tested to give back what went in.
 *
 * <p>Not API: the endpoint's plumbing.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class OpenAiServerCodec {

  /**
   * The {@code finish_reason} values the codec's decoder knows. {@code tool_calls} comes first (for
   * answers with calls only): the decoder also reads {@code stop} with calls as tool use (a quirk
   * of some servers), but OpenAI says {@code tool_calls}.
   */
  private static final List<String> FINISH_REASONS =
      List.of("tool_calls", "stop", "length", "content_filter");

  private OpenAiServerCodec() {}

  /**
   * Reads a {@code POST /chat/completions} body.
   *
   * @param body the JSON body
   * @return the request
   * @throws WireFormatException when the body is not a request the endpoint can answer
   */
  public static WireRequest decodeRequest(String body) {
    JsonNode root = WireJson.object(dev.alignunit.internal.Json.mapper(), body);
    String model = WireJson.requiredText(root, "model", "");
    JsonNode messages = WireJson.requiredArray(root, "messages", "");
    if (messages.isEmpty()) {
      throw new WireFormatException("messages", "must hold at least one message");
    }
    Long n = WireJson.optionalLong(root, "n", "");
    if (n != null && n != 1) {
      throw new WireFormatException(
          "n",
          "is "
              + n
              + ", but the endpoint answers with exactly one choice; send n=1 or leave it out");
    }
    if (root.has("functions") || root.has("function_call")) {
      throw new WireFormatException(
          root.has("functions") ? "functions" : "function_call",
          "the deprecated functions API is not supported; send 'tools' instead");
    }
    StringBuilder system = new StringBuilder();
    List<Message> conversation = new ArrayList<>();
    Map<String, String> toolNames = new HashMap<>();
    for (int i = 0; i < messages.size(); i++) {
      decodeMessage(messages.get(i), "messages[" + i + "]", system, conversation, toolNames);
    }
    List<ToolSpec> tools = decodeTools(WireJson.optionalArray(root, "tools"));
    Long maxTokens = WireJson.optionalLong(root, "max_completion_tokens", "");
    if (maxTokens == null) {
      maxTokens = WireJson.optionalLong(root, "max_tokens", "");
    }
    ChatParameters parameters =
        new ChatParameters(
            WireJson.optionalDouble(root, "temperature"),
            maxTokens == null ? null : Math.toIntExact(maxTokens),
            WireJson.optionalLong(root, "seed", ""),
            null);
    boolean stream = WireJson.flag(root, "stream");
    boolean usage = stream && root.path("stream_options").path("include_usage").asBoolean(false);
    return new WireRequest(
        model, stream, usage, new ChatRequest(system.toString(), conversation, tools, parameters));
  }

  private static void decodeMessage(
      JsonNode message,
      String path,
      StringBuilder system,
      List<Message> conversation,
      Map<String, String> toolNames) {
    if (!message.isObject()) {
      throw new WireFormatException(path, "must be an object, got " + WireJson.kind(message));
    }
    String role = WireJson.requiredText(message, "role", path);
    switch (role) {
      case "system", "developer" -> {
        if (!system.isEmpty()) {
          system.append("\n\n");
        }
        system.append(text(message.path("content"), path + ".content", false));
      }
      case "user" ->
          conversation.add(Message.user(text(message.path("content"), path + ".content", false)));
      case "assistant" -> {
        String text = text(message.path("content"), path + ".content", true);
        if (text.isEmpty() && message.path("refusal").isTextual()) {
          text = message.path("refusal").asText();
        }
        List<ToolCall> calls = new ArrayList<>();
        JsonNode toolCalls = message.path("tool_calls");
        for (int i = 0; i < toolCalls.size(); i++) {
          String callPath = path + ".tool_calls[" + i + "]";
          JsonNode call = toolCalls.get(i);
          String type = call.path("type").asText("function");
          if (!type.equals("function")) {
            throw new WireFormatException(
                callPath + ".type", "'" + type + "' tool calls are not supported; only 'function'");
          }
          String id = WireJson.requiredText(call, "id", callPath);
          JsonNode function = call.path("function");
          String name = WireJson.requiredText(function, "name", callPath + ".function");
          String arguments =
              function.path("arguments").isTextual() ? function.path("arguments").asText() : "{}";
          toolNames.put(id, name);
          calls.add(new ToolCall(id, name, arguments));
        }
        conversation.add(new Message.Assistant(text, calls, List.of()));
      }
      case "tool" -> {
        String id = WireJson.requiredText(message, "tool_call_id", path);
        // The protocol sends no tool name with a result; it is the name of the call it answers.
        conversation.add(
            Message.toolResult(
                id,
                toolNames.getOrDefault(id, ""),
                text(message.path("content"), path + ".content", false),
                false));
      }
      case "function" ->
          throw new WireFormatException(
              path + ".role",
              "'function' messages belong to the deprecated functions API; send 'tool' messages instead");
      default ->
          throw new WireFormatException(
              path + ".role",
              "unknown role '" + role + "'; expected system, developer, user, assistant or tool");
    }
  }

  /** A content field: a string, or an array of text (and, for the assistant, refusal) parts. */
  private static String text(JsonNode content, String path, boolean nullable) {
    if (content.isTextual()) {
      return content.asText();
    }
    if ((content.isNull() || content.isMissingNode()) && nullable) {
      return "";
    }
    if (!content.isArray()) {
      throw new WireFormatException(
          path,
          content.isMissingNode()
              ? "Field required"
              : "must be a string or an array of content parts, got " + WireJson.kind(content));
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < content.size(); i++) {
      JsonNode part = content.get(i);
      String type = part.path("type").asText("");
      if (type.equals("text")) {
        text.append(WireJson.requiredText(part, "text", path + "[" + i + "]"));
      } else if (type.equals("refusal") && nullable) {
        text.append(WireJson.requiredText(part, "refusal", path + "[" + i + "]"));
      } else {
        throw new WireFormatException(
            path + "[" + i + "].type",
            "content part type '"
                + type
                + "' is not supported by the AlignUnit model endpoint; send text parts only");
      }
    }
    return text.toString();
  }

  private static List<ToolSpec> decodeTools(JsonNode tools) {
    List<ToolSpec> specs = new ArrayList<>();
    for (int i = 0; i < tools.size(); i++) {
      String path = "tools[" + i + "]";
      JsonNode tool = tools.get(i);
      String type = tool.path("type").asText("");
      if (!type.equals("function")) {
        throw new WireFormatException(
            path + ".type", "tool type '" + type + "' is not supported; only 'function'");
      }
      JsonNode function = tool.path("function");
      String name = WireJson.requiredText(function, "name", path + ".function");
      JsonNode parameters = function.path("parameters");
      specs.add(
          new ToolSpec(
              name,
              function.path("description").asText(""),
              parameters.isObject() ? parameters : null));
    }
    return specs;
  }

  /**
   * Writes a {@code chat.completion} answer.
   *
   * @param response the neutral answer
   * @param model the model name to report (the request's)
   * @param id the completion id
   * @param created creation time, Unix seconds
   * @return the JSON body
   */
  public static String encodeResponse(
      ChatResponse response, String model, String id, long created) {
    ObjectNode root = header(id, "chat.completion", created, model);
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message");
    OpenAiCodec.encodeAssistant(message, response.message());
    String refusal = refusal(response);
    if (refusal != null && response.text().isEmpty()) {
      message.putNull("content");
    }
    message.put("refusal", refusal);
    message.putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason(response));
    usage(root.putObject("usage"), response);
    return root.toString();
  }

  /**
   * Writes an answer as the server-sent events of a streamed completion: a first chunk with the
   * role, text (or refusal) deltas, each tool call's id and name followed by its argument deltas, a
   * last chunk with {@code finish_reason}, the usage chunk when asked for, and {@code [DONE]}.
   *
   * @param response the neutral answer
   * @param model the model name to report
   * @param id the completion id, the same on every chunk
   * @param created creation time, Unix seconds, the same on every chunk
   * @param includeUsage whether to end with a usage chunk ({@code stream_options.include_usage})
   * @return the events, each a complete {@code data: ...\n\n} frame
   */
  public static List<String> encodeStream(
      ChatResponse response, String model, String id, long created, boolean includeUsage) {
    List<String> events = new ArrayList<>();
    ObjectNode first = chunk(id, created, model, includeUsage);
    ObjectNode firstDelta = (ObjectNode) first.path("choices").path(0).path("delta");
    String refusal = refusal(response);
    if (refusal != null && response.text().isEmpty()) {
      // A refusal stream opens with an empty refusal and no content, so accumulators keep content
      // null.
      firstDelta.put("role", "assistant").putNull("content").put("refusal", "");
    } else {
      firstDelta.put("role", "assistant").put("content", "").putNull("refusal");
    }
    events.add(frame(first));
    for (String piece : WireJson.deltas(response.text())) {
      ObjectNode chunk = chunk(id, created, model, includeUsage);
      ((ObjectNode) chunk.path("choices").path(0).path("delta")).put("content", piece);
      events.add(frame(chunk));
    }
    for (String piece : refusal == null ? List.<String>of() : WireJson.deltas(refusal)) {
      ObjectNode chunk = chunk(id, created, model, includeUsage);
      ((ObjectNode) chunk.path("choices").path(0).path("delta")).put("refusal", piece);
      events.add(frame(chunk));
    }
    List<ToolCall> calls = response.toolCalls();
    for (int i = 0; i < calls.size(); i++) {
      ToolCall call = calls.get(i);
      ObjectNode start = chunk(id, created, model, includeUsage);
      ObjectNode callDelta =
          ((ObjectNode) start.path("choices").path(0).path("delta"))
              .putArray("tool_calls")
              .addObject();
      callDelta
          .put("index", i)
          .put("id", call.id())
          .put("type", "function")
          .putObject("function")
          .put("name", call.name())
          .put("arguments", "");
      events.add(frame(start));
      for (String piece : WireJson.deltas(call.arguments())) {
        ObjectNode chunk = chunk(id, created, model, includeUsage);
        ((ObjectNode) chunk.path("choices").path(0).path("delta"))
            .putArray("tool_calls")
            .addObject()
            .put("index", i)
            .putObject("function")
            .put("arguments", piece);
        events.add(frame(chunk));
      }
    }
    ObjectNode last = chunk(id, created, model, includeUsage);
    ((ObjectNode) last.path("choices").path(0)).put("finish_reason", finishReason(response));
    events.add(frame(last));
    if (includeUsage) {
      ObjectNode usage = header(id, "chat.completion.chunk", created, model);
      usage.putArray("choices");
      usage(usage.putObject("usage"), response);
      events.add(frame(usage));
    }
    events.add("data: [DONE]\n\n");
    return events;
  }

  /**
   * An error body in the provider's shape.
   *
   * @param type the error type, such as {@code invalid_request_error}
   * @param message the message
   * @param param the offending parameter, or {@code null}
   * @param code the error code, or {@code null}
   * @return the JSON body
   */
  public static String error(String type, String message, String param, String code) {
    ObjectNode root = dev.alignunit.internal.Json.mapper().createObjectNode();
    root.putObject("error")
        .put("message", message)
        .put("type", type)
        .put("param", param)
        .put("code", code);
    return root.toString();
  }

  /**
   * The {@code finish_reason} that {@link OpenAiCodec#stopReason} maps back to the answer's stop
   * reason; {@code stop} for reasons the protocol cannot express (a stop sequence, other).
   */
  static String finishReason(ChatResponse response) {
    String refusal = refusal(response);
    for (String candidate : FINISH_REASONS) {
      if (candidate.equals("tool_calls") && response.toolCalls().isEmpty()) {
        continue;
      }
      if (OpenAiCodec.stopReason(candidate, refusal, response.toolCalls())
          == response.stopReason()) {
        return candidate;
      }
    }
    return "stop";
  }

  /** The refusal text: the provider's, or the text of an answer stopped as a refusal. */
  private static String refusal(ChatResponse response) {
    if (response.providerRefusal() != null) {
      return response.providerRefusal();
    }
    return response.stopReason() == StopReason.REFUSAL ? response.text() : null;
  }

  private static ObjectNode header(String id, String object, long created, String model) {
    ObjectNode root = dev.alignunit.internal.Json.mapper().createObjectNode();
    root.put("id", id).put("object", object).put("created", created).put("model", model);
    return root;
  }

  private static ObjectNode chunk(String id, long created, String model, boolean includeUsage) {
    ObjectNode chunk = header(id, "chat.completion.chunk", created, model);
    ArrayNode choices = chunk.putArray("choices");
    ObjectNode choice = choices.addObject().put("index", 0);
    choice.putObject("delta");
    choice.putNull("logprobs");
    choice.putNull("finish_reason");
    if (includeUsage) {
      // With include_usage every chunk carries a usage field, null until the last one.
      chunk.putNull("usage");
    }
    return chunk;
  }

  private static void usage(ObjectNode usage, ChatResponse response) {
    usage
        .put("prompt_tokens", response.usage().inputTokens())
        .put("completion_tokens", response.usage().outputTokens())
        .put("total_tokens", response.usage().totalTokens());
  }

  private static String frame(JsonNode event) {
    return "data: " + event + "\n\n";
  }
}
