package dev.alignunit.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.alignunit.model.Usage;
import dev.alignunit.model.internal.MalformedAnswer;
import java.util.ArrayList;
import java.util.List;

/** Maps neutral requests to Chat Completions JSON and answers back. Stateless. */
final class OpenAiCodec {

  static final ObjectMapper MAPPER = dev.alignunit.internal.Json.mapper();

  private OpenAiCodec() {}

  static ObjectNode encode(String model, ChatRequest request, boolean legacyMaxTokens) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model", model);
    ArrayNode messages = root.putArray("messages");
    if (!request.system().isEmpty()) {
      messages.addObject().put("role", "system").put("content", request.system());
    }
    for (Message message : request.messages()) {
      if (message instanceof Message.User user) {
        messages.addObject().put("role", "user").put("content", user.text());
      } else if (message instanceof Message.Assistant assistant) {
        encodeAssistant(messages.addObject(), assistant);
      } else if (message instanceof Message.ToolResult result) {
        messages
            .addObject()
            .put("role", "tool")
            .put("tool_call_id", result.toolCallId())
            .put("content", result.text());
      }
    }
    if (!request.tools().isEmpty()) {
      ArrayNode tools = root.putArray("tools");
      for (ToolSpec tool : request.tools()) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", tool.name());
        if (!tool.description().isEmpty()) {
          function.put("description", tool.description());
        }
        function.set("parameters", tool.parameters());
      }
    }
    ChatParameters parameters = request.parameters();
    if (parameters.temperature() != null) {
      root.put("temperature", parameters.temperature());
    }
    if (parameters.maxTokens() != null) {
      root.put(legacyMaxTokens ? "max_tokens" : "max_completion_tokens", parameters.maxTokens());
    }
    if (parameters.seed() != null) {
      root.put("seed", parameters.seed());
    }
    return root;
  }

  static void encodeAssistant(ObjectNode node, Message.Assistant assistant) {
    node.put("role", "assistant");
    if (assistant.toolCalls().isEmpty() || !assistant.text().isEmpty()) {
      node.put("content", assistant.text());
    } else {
      node.putNull("content");
    }
    if (!assistant.toolCalls().isEmpty()) {
      ArrayNode calls = node.putArray("tool_calls");
      for (ToolCall call : assistant.toolCalls()) {
        ObjectNode function =
            calls.addObject().put("id", call.id()).put("type", "function").putObject("function");
        // The arguments go back exactly as the model produced them, valid JSON or not.
        function.put("name", call.name()).put("arguments", call.arguments());
      }
    }
  }

  /**
   * Decodes a Chat Completions answer strictly: {@code choices[0].message} must carry the
   * protocol's content — a {@code content} string (empty is a completed, empty answer), a non-empty
   * {@code tool_calls} list or a {@code refusal} — or reasoning from a compatible server; a message
   * with none of them is not an answer, and neither is a tool call without a function name or
   * arguments.
   */
  static ChatResponse decode(String body) throws MalformedAnswer {
    JsonNode root = MalformedAnswer.jsonObject(MAPPER, body);
    JsonNode choices = root.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      throw new MalformedAnswer(
          root.has("error")
              ? "the body is an error, not a completion"
              : choices.isArray() ? "choices is empty" : "the body has no choices array");
    }
    JsonNode choice = choices.path(0);
    JsonNode message = choice.path("message");
    if (!message.isObject()) {
      throw new MalformedAnswer("the body has no choices[0].message object");
    }
    JsonNode content = message.path("content");
    String text = text(content);
    JsonNode refusalNode = message.path("refusal");
    if (!refusalNode.isMissingNode() && !refusalNode.isNull() && !refusalNode.isTextual()) {
      throw new MalformedAnswer(
          "choices[0].message.refusal is " + kind(refusalNode) + ", not a string or null");
    }
    String refusal = refusalNode.isTextual() ? refusalNode.asText() : null;
    List<ToolCall> calls = toolCalls(message.path("tool_calls"));

    List<ReasoningBlock> reasoning = new ArrayList<>();
    for (String field : List.of("reasoning_content", "reasoning")) {
      if (message.path(field).isTextual() && !message.path(field).asText().isBlank()) {
        reasoning.add(ReasoningBlock.of(message.path(field).asText()));
        break;
      }
    }
    if (text == null && calls.isEmpty() && refusal == null && reasoning.isEmpty()) {
      throw new MalformedAnswer("choices[0].message has no content, tool_calls or refusal");
    }
    JsonNode finish = choice.path("finish_reason");
    StopReason stop = stopReason(finish.isTextual() ? finish.asText() : null, refusal, calls);
    JsonNode usage = root.path("usage");
    return new ChatResponse(
        new Message.Assistant(text == null ? "" : text, calls, reasoning),
        stop,
        new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0)),
        refusal);
  }

  /** The content string; {@code null} for none; text parts of compatible servers are joined. */
  private static String text(JsonNode content) throws MalformedAnswer {
    if (content.isMissingNode() || content.isNull()) {
      return null;
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (JsonNode part : content) {
        if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
          throw new MalformedAnswer(
              "choices[0].message.content holds a part that is not {\"type\":\"text\","
                  + "\"text\":\"...\"}");
        }
        joined.append(part.path("text").asText());
      }
      return joined.toString();
    }
    throw new MalformedAnswer(
        "choices[0].message.content is " + kind(content) + ", not a string or null");
  }

  private static List<ToolCall> toolCalls(JsonNode toolCalls) throws MalformedAnswer {
    List<ToolCall> calls = new ArrayList<>();
    if (toolCalls.isMissingNode() || toolCalls.isNull()) {
      return calls;
    }
    if (!toolCalls.isArray()) {
      throw new MalformedAnswer(
          "choices[0].message.tool_calls is " + kind(toolCalls) + ", not a list");
    }
    for (int i = 0; i < toolCalls.size(); i++) {
      JsonNode call = toolCalls.get(i);
      JsonNode function = call.path("function");
      String where = "choices[0].message.tool_calls[" + i + "]";
      if (!function.path("name").isTextual() || function.path("name").asText().isBlank()) {
        throw new MalformedAnswer(where + " has no function.name");
      }
      String id = call.path("id").isTextual() ? call.path("id").asText() : "call_" + i;
      JsonNode arguments = function.path("arguments");
      if (arguments.isMissingNode() || arguments.isNull()) {
        throw new MalformedAnswer(where + " has no function.arguments");
      }
      // Arguments arrive as a JSON string; kept verbatim, even when that string is not JSON.
      String raw = arguments.isTextual() ? arguments.asText() : arguments.toString();
      calls.add(new ToolCall(id, function.path("name").asText(), raw));
    }
    return calls;
  }

  private static String kind(JsonNode node) {
    return node.isNumber()
        ? "a number"
        : node.isBoolean()
            ? "a boolean"
            : node.isObject()
                ? "an object"
                : node.isArray() ? "a list" : node.isTextual() ? "a string" : "null";
  }

  static StopReason stopReason(String finishReason, String refusal, List<ToolCall> calls) {
    if (refusal != null) {
      return StopReason.REFUSAL;
    }
    if (finishReason == null) {
      return calls.isEmpty() ? StopReason.END_TURN : StopReason.TOOL_USE;
    }
    return switch (finishReason) {
      // Some compatible servers say "stop" although the message calls tools.
      case "stop" -> calls.isEmpty() ? StopReason.END_TURN : StopReason.TOOL_USE;
      case "tool_calls", "function_call" -> StopReason.TOOL_USE;
      case "length" -> StopReason.MAX_TOKENS;
      case "content_filter" -> StopReason.CONTENT_FILTER;
      default -> StopReason.OTHER;
    };
  }
}
