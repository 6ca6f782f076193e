package dev.alignunit.model.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.ArrayList;
import java.util.List;

/** Maps neutral requests to Chat Completions JSON and answers back. Stateless. */
final class OpenAiCodec {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private OpenAiCodec() {}

  /** Thrown when an answer lacks what the protocol requires; the client adds context. */
  static final class BadAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    BadAnswer(String message, Throwable cause) {
      super(message, cause);
    }
  }

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

  static ChatResponse decode(String body) throws BadAnswer {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadAnswer("the body is not JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new BadAnswer("the body is not a JSON object", null);
    }
    JsonNode choice = root.path("choices").path(0);
    JsonNode message = choice.path("message");
    if (!message.isObject()) {
      throw new BadAnswer("the body has no choices[0].message", null);
    }
    String text = message.path("content").isTextual() ? message.path("content").asText() : "";
    String refusal = message.path("refusal").isTextual() ? message.path("refusal").asText() : null;

    List<ToolCall> calls = new ArrayList<>();
    JsonNode toolCalls = message.path("tool_calls");
    for (int i = 0; i < toolCalls.size(); i++) {
      JsonNode call = toolCalls.get(i);
      JsonNode function = call.path("function");
      String id = call.path("id").isTextual() ? call.path("id").asText() : "call_" + i;
      JsonNode arguments = function.path("arguments");
      // Arguments arrive as a JSON string; kept verbatim, even when that string is not JSON.
      String raw =
          arguments.isTextual()
              ? arguments.asText()
              : arguments.isMissingNode() || arguments.isNull() ? "{}" : arguments.toString();
      calls.add(new ToolCall(id, function.path("name").asText(""), raw));
    }

    List<ReasoningBlock> reasoning = new ArrayList<>();
    for (String field : List.of("reasoning_content", "reasoning")) {
      if (message.path(field).isTextual() && !message.path(field).asText().isBlank()) {
        reasoning.add(ReasoningBlock.of(message.path(field).asText()));
        break;
      }
    }

    StopReason stop = stopReason(choice.path("finish_reason").asText(null), refusal, calls);
    JsonNode usage = root.path("usage");
    return new ChatResponse(
        new Message.Assistant(text, calls, reasoning),
        stop,
        new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0)),
        refusal);
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
