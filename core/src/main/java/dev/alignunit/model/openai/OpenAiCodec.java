package dev.alignunit.model.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.alignunit.internal.Json;
import dev.alignunit.internal.JsonTrees;
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
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Maps neutral requests to Chat Completions JSON and answers back. Stateless. */
final class OpenAiCodec {

  private OpenAiCodec() {}

  /**
   * The request body, written token by token (no tree, no second pass through a node serialiser):
   * byte for byte what building an {@link ObjectNode} and calling {@code toString()} on it gave.
   */
  static String encode(String model, ChatRequest request, boolean legacyMaxTokens) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = JsonTrees.factory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("model", model);
      g.writeArrayFieldStart("messages");
      if (!request.system().isEmpty()) {
        message(g, "system", request.system());
      }
      for (Message message : request.messages()) {
        if (message instanceof Message.User user) {
          message(g, "user", user.text());
        } else if (message instanceof Message.Assistant assistant) {
          g.writeStartObject();
          writeAssistant(g, assistant);
          g.writeEndObject();
        } else if (message instanceof Message.ToolResult result) {
          g.writeStartObject();
          g.writeStringField("role", "tool");
          g.writeStringField("tool_call_id", result.toolCallId());
          g.writeStringField("content", result.text());
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      if (!request.tools().isEmpty()) {
        g.writeArrayFieldStart("tools");
        for (ToolSpec tool : request.tools()) {
          g.writeStartObject();
          g.writeStringField("type", "function");
          g.writeObjectFieldStart("function");
          g.writeStringField("name", tool.name());
          if (!tool.description().isEmpty()) {
            g.writeStringField("description", tool.description());
          }
          g.writeFieldName("parameters");
          g.writeRawValue(dev.alignunit.model.internal.SchemaJson.of(tool.parameters()));
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      ChatParameters parameters = request.parameters();
      if (parameters.temperature() != null) {
        g.writeNumberField("temperature", parameters.temperature().doubleValue());
      }
      if (parameters.maxTokens() != null) {
        g.writeNumberField(
            legacyMaxTokens ? "max_tokens" : "max_completion_tokens",
            parameters.maxTokens().intValue());
      }
      if (parameters.seed() != null) {
        g.writeNumberField("seed", parameters.seed().longValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void message(JsonGenerator g, String role, String content) throws IOException {
    g.writeStartObject();
    g.writeStringField("role", role);
    g.writeStringField("content", content);
    g.writeEndObject();
  }

  /** An assistant message's fields, into a node (the server side answers with one). */
  static void encodeAssistant(ObjectNode node, Message.Assistant assistant) {
    ObjectMapper mapper = Json.mapper();
    try (TokenBuffer buffer = new TokenBuffer(mapper, false)) {
      buffer.writeStartObject();
      writeAssistant(buffer, assistant);
      buffer.writeEndObject();
      node.setAll((ObjectNode) mapper.readTree(buffer.asParser()));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a token buffer does not fail
    }
  }

  /** An assistant message's fields, into the object the generator is in. */
  private static void writeAssistant(JsonGenerator g, Message.Assistant assistant)
      throws IOException {
    g.writeStringField("role", "assistant");
    if (assistant.toolCalls().isEmpty() || !assistant.text().isEmpty()) {
      g.writeStringField("content", assistant.text());
    } else {
      g.writeNullField("content");
    }
    if (!assistant.toolCalls().isEmpty()) {
      g.writeArrayFieldStart("tool_calls");
      for (ToolCall call : assistant.toolCalls()) {
        g.writeStartObject();
        g.writeStringField("id", call.id());
        g.writeStringField("type", "function");
        g.writeObjectFieldStart("function");
        g.writeStringField("name", call.name());
        // The arguments go back exactly as the model produced them, valid JSON or not.
        g.writeStringField("arguments", call.arguments());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
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
    return decode(MalformedAnswer.jsonObject(body, ROOT_FIELDS));
  }

  /** The fields of an answer's root that {@link #decode(JsonNode)} reads; no other. */
  private static final java.util.Set<String> ROOT_FIELDS =
      java.util.Set.of("choices", "error", "usage");

  /** Decodes an answer's root object (only its {@link #ROOT_FIELDS} are read). */
  static ChatResponse decode(JsonNode root) throws MalformedAnswer {
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
