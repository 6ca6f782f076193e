package dev.alignunit.model.anthropic;

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
import dev.alignunit.model.internal.MalformedAnswer;
import java.util.ArrayList;
import java.util.List;

/** Maps neutral requests to Messages API JSON and answers back. Stateless. */
final class AnthropicCodec {

  static final ObjectMapper MAPPER = dev.alignunit.internal.Json.mapper();

  private AnthropicCodec() {}

  static int maxTokens(ChatParameters parameters, int defaultMaxTokens) {
    if (parameters.maxTokens() != null) {
      return parameters.maxTokens();
    }
    // max_tokens must exceed the thinking budget; leave room for the visible answer.
    return parameters.thinkingBudget() != null
        ? Math.max(defaultMaxTokens, parameters.thinkingBudget() + defaultMaxTokens)
        : defaultMaxTokens;
  }

  static ObjectNode encode(String model, ChatRequest request, int defaultMaxTokens) {
    ChatParameters parameters = request.parameters();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model", model);
    root.put("max_tokens", maxTokens(parameters, defaultMaxTokens));
    if (!request.system().isEmpty()) {
      root.put("system", request.system());
    }
    ArrayNode messages = root.putArray("messages");
    ArrayNode userBlocks = null;
    for (Message message : request.messages()) {
      if (message instanceof Message.Assistant assistant) {
        userBlocks = null;
        encodeAssistant(messages.addObject(), assistant);
        continue;
      }
      // Tool results and user text share one user message until the next assistant turn:
      // all results of one assistant turn must arrive in a single user message.
      if (userBlocks == null) {
        userBlocks = messages.addObject().put("role", "user").putArray("content");
      }
      if (message instanceof Message.ToolResult result) {
        ObjectNode block =
            userBlocks
                .addObject()
                .put("type", "tool_result")
                .put("tool_use_id", result.toolCallId())
                .put("content", result.text());
        if (result.error()) {
          block.put("is_error", true);
        }
      } else if (message instanceof Message.User user) {
        userBlocks.addObject().put("type", "text").put("text", user.text());
      }
    }
    if (!request.tools().isEmpty()) {
      ArrayNode tools = root.putArray("tools");
      for (ToolSpec tool : request.tools()) {
        ObjectNode node = tools.addObject().put("name", tool.name());
        if (!tool.description().isEmpty()) {
          node.put("description", tool.description());
        }
        node.set("input_schema", tool.parameters());
      }
    }
    if (parameters.temperature() != null) {
      root.put("temperature", parameters.temperature());
    }
    if (parameters.thinkingBudget() != null) {
      root.putObject("thinking")
          .put("type", "enabled")
          .put("budget_tokens", parameters.thinkingBudget());
    }
    return root;
  }

  static void encodeAssistant(ObjectNode node, Message.Assistant assistant) {
    node.put("role", "assistant");
    ArrayNode content = node.putArray("content");
    // Thinking blocks go back first, unchanged and in their original order, as the API requires.
    for (ReasoningBlock block : assistant.reasoning()) {
      if (block.redacted()) {
        content.addObject().put("type", "redacted_thinking").put("data", block.redactedData());
      } else if (block.signature() != null) {
        content
            .addObject()
            .put("type", "thinking")
            .put("thinking", block.text())
            .put("signature", block.signature());
      }
      // Unsigned reasoning came from elsewhere (another provider, a script): the API would
      // reject it, so it is not sent.
    }
    if (!assistant.text().isEmpty() || assistant.toolCalls().isEmpty()) {
      content.addObject().put("type", "text").put("text", assistant.text());
    }
    for (ToolCall call : assistant.toolCalls()) {
      content
          .addObject()
          .put("type", "tool_use")
          .put("id", call.id())
          .put("name", call.name())
          .set("input", input(call.arguments()));
    }
  }

  /** The tool input object; arguments that are not a JSON object are wrapped, not dropped. */
  static JsonNode input(String arguments) {
    try {
      JsonNode node = MAPPER.readTree(arguments);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException invalid) {
      // fall through: keep the raw text so the model sees what it produced
    }
    return MAPPER.createObjectNode().put("invalid_arguments", arguments);
  }

  /**
   * Decodes a Messages answer strictly: {@code content} must be a list of blocks, each with the
   * fields its type requires ({@code text} of a text block, {@code id}, {@code name} and an {@code
   * input} object of a tool use, ...). An empty list is a completed, empty answer; a list of blocks
   * none of which AlignUnit can read is not an answer.
   */
  static ChatResponse decode(String body) throws MalformedAnswer {
    JsonNode root = MalformedAnswer.jsonObject(body);
    if ("error".equals(root.path("type").asText()) || (root.has("error") && !root.has("content"))) {
      throw new MalformedAnswer("the body is an error, not a message");
    }
    if (!root.path("content").isArray()) {
      throw new MalformedAnswer("the body has no content array");
    }
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    List<ReasoningBlock> reasoning = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    JsonNode content = root.path("content");
    for (int i = 0; i < content.size(); i++) {
      JsonNode block = content.get(i);
      String where = "content[" + i + "]";
      if (!block.isObject() || !block.path("type").isTextual()) {
        throw new MalformedAnswer(where + " is not a block with a type");
      }
      switch (block.path("type").asText()) {
        case "text" -> text.append(string(block, "text", where));
        case "tool_use" -> {
          String id = string(block, "id", where);
          String name = string(block, "name", where);
          JsonNode input = block.path("input");
          if (name.isBlank() || !input.isObject()) {
            throw new MalformedAnswer(
                where
                    + " (tool_use) has "
                    + (name.isBlank() ? "an empty name" : "no input object"));
          }
          calls.add(new ToolCall(id, name, input.toString()));
        }
        case "thinking" ->
            reasoning.add(
                new ReasoningBlock(
                    string(block, "thinking", where),
                    block.path("signature").isTextual() ? block.path("signature").asText() : null,
                    null));
        case "redacted_thinking" ->
            reasoning.add(new ReasoningBlock("", null, string(block, "data", where)));
        default -> unread.add(block.path("type").asText());
      }
    }
    if (!content.isEmpty() && unread.size() == content.size()) {
      // Other block types (server tools, citations) carry nothing the neutral model keeps.
      throw new MalformedAnswer(
          "content holds only blocks AlignUnit does not read (" + String.join(", ", unread) + ")");
    }
    JsonNode stopNode = root.path("stop_reason");
    StopReason stop = stopReason(stopNode.isTextual() ? stopNode.asText() : null, calls);
    JsonNode usage = root.path("usage");
    return new ChatResponse(
        new Message.Assistant(text.toString(), calls, reasoning),
        stop,
        new Usage(usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0)),
        null);
  }

  private static String string(JsonNode block, String field, String where) throws MalformedAnswer {
    JsonNode value = block.path(field);
    if (!value.isTextual()) {
      throw new MalformedAnswer(
          where + " (" + block.path("type").asText() + ") has no " + field + " string");
    }
    return value.asText();
  }

  static StopReason stopReason(String stopReason, List<ToolCall> calls) {
    if (stopReason == null) {
      return calls.isEmpty() ? StopReason.END_TURN : StopReason.TOOL_USE;
    }
    return switch (stopReason) {
      case "end_turn" -> StopReason.END_TURN;
      case "tool_use" -> StopReason.TOOL_USE;
      case "max_tokens" -> StopReason.MAX_TOKENS;
      case "stop_sequence" -> StopReason.STOP_SEQUENCE;
      case "refusal" -> StopReason.REFUSAL;
      default -> StopReason.OTHER; // pause_turn (server tools only) and future values
    };
  }
}
