package dev.alignunit.model.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.alignunit.model.internal.WireFormatException;
import dev.alignunit.model.internal.WireRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The server side of Messages reads what the client codec writes and writes what it reads. */
class AnthropicServerCodecTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void should_read_back_every_request_the_client_codec_writes() {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    schema.putObject("properties").putObject("query").put("type", "string");
    ChatRequest original =
        new ChatRequest(
            "You are OpsBot.",
            List.of(
                Message.user("Drop the orders table."),
                new Message.Assistant(
                    "Checking first.",
                    List.of(
                        new ToolCall("toolu_1", "run_sql", "{\"query\":\"SELECT 1\"}"),
                        new ToolCall("toolu_2", "page_oncall", "not json {")),
                    List.of(
                        new ReasoningBlock("The user wants a drop.", "sig-1", null),
                        new ReasoningBlock("", null, "opaque"))),
                Message.toolResult("toolu_1", "run_sql", "1", false),
                Message.toolResult("toolu_2", "page_oncall", "pager unavailable", true),
                Message.user("Well?"),
                Message.assistant("I will not drop it."),
                Message.user("Ünïcödé 🚀 please.")),
            List.of(
                new ToolSpec("run_sql", "Run one SQL statement.", schema),
                new ToolSpec("page_oncall", "", null)),
            new ChatParameters(0.0, 1024, null, 2048));
    WireRequest read =
        AnthropicServerCodec.decodeRequest(
            AnthropicCodec.encode("claude-sonnet-4-5", original, 4096).toString());
    assertThat(read.request()).isEqualTo(original);
    assertThat(read.model()).isEqualTo("claude-sonnet-4-5");
    assertThat(read.stream()).isFalse();
  }

  @Test
  void should_read_system_blocks_string_content_and_tool_result_blocks() {
    WireRequest read =
        AnthropicServerCodec.decodeRequest(
            """
        {"model":"claude","max_tokens":64,"stream":true,
         "system":[{"type":"text","text":"Be brief."},{"type":"text","text":"Never drop tables.","cache_control":{"type":"ephemeral"}}],
         "messages":[{"role":"user","content":"Hi"},
                     {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"run_sql","input":{"query":"x"}}]},
                     {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"ok"}]}]}]}""");
    assertThat(read.stream()).isTrue();
    assertThat(read.request().system()).isEqualTo("Be brief.\n\nNever drop tables.");
    assertThat(read.request().messages())
        .containsExactly(
            Message.user("Hi"),
            new Message.Assistant(
                "", List.of(new ToolCall("t1", "run_sql", "{\"query\":\"x\"}")), List.of()),
            Message.toolResult("t1", "run_sql", "ok", false));
    assertThat(read.request().parameters().maxTokens()).isEqualTo(64);
  }

  static Stream<ChatResponse> responses() {
    return Stream.of(
        new ChatResponse(
            Message.assistant("I will not drop the orders table."),
            StopReason.END_TURN,
            new Usage(120, 9),
            null),
        new ChatResponse(
            new Message.Assistant(
                "Checking both.",
                List.of(
                    new ToolCall("toolu_1", "run_sql", "{\"query\":\"SELECT 1\"}"),
                    new ToolCall(
                        "toolu_2",
                        "send_email",
                        "{\"to\":\"ops@fernhill.example\",\"body\":\"Ünïcödé 🚀 \\\"q\\\"\"}")),
                List.of(new ReasoningBlock("Two checks are needed.", "sig-abc", null))),
            StopReason.TOOL_USE,
            new Usage(300, 40),
            null),
        new ChatResponse(
            new Message.Assistant(
                "",
                List.of(new ToolCall("toolu_3", "run_sql", "{}")),
                List.of(new ReasoningBlock("", null, "redacted-data"))),
            StopReason.TOOL_USE,
            Usage.ZERO,
            null),
        new ChatResponse(
            Message.assistant("I can't help with that."),
            StopReason.REFUSAL,
            new Usage(10, 5),
            null),
        new ChatResponse(
            Message.assistant("cut"), StopReason.MAX_TOKENS, new Usage(10, 4096), null),
        new ChatResponse(Message.assistant("stopped"), StopReason.STOP_SEQUENCE, Usage.ZERO, null));
  }

  @ParameterizedTest
  @MethodSource("responses")
  void should_write_answers_the_client_codec_reads_back_unchanged(ChatResponse response)
      throws Exception {
    String body = AnthropicServerCodec.encodeResponse(response, "claude-sonnet-4-5", "msg_1");
    assertThat(AnthropicCodec.decode(body)).isEqualTo(response);
    JsonNode root = JSON.readTree(body);
    assertThat(root.path("type").asText()).isEqualTo("message");
    assertThat(root.path("content").findValues("caller"))
        .allMatch(c -> c.path("type").asText().equals("direct"));
  }

  @ParameterizedTest
  @MethodSource("responses")
  void should_stream_the_documented_events_that_accumulate_to_the_same_answer(ChatResponse response)
      throws Exception {
    List<String> events = AnthropicServerCodec.encodeStream(response, "claude-sonnet-4-5", "msg_1");
    List<String> types =
        events.stream().map(e -> e.substring("event: ".length(), e.indexOf('\n'))).toList();
    assertThat(types.get(0)).isEqualTo("message_start");
    assertThat(types.get(1)).isEqualTo("ping");
    assertThat(types.subList(types.size() - 2, types.size()))
        .containsExactly("message_delta", "message_stop");
    assertThat(AnthropicCodec.decode(accumulate(events).toString())).isEqualTo(response);
  }

  @Test
  void should_answer_an_openai_style_refusal_with_its_text_and_stop_reason_refusal()
      throws Exception {
    ChatResponse refusal =
        new ChatResponse(Message.assistant(""), StopReason.REFUSAL, Usage.ZERO, "I can't help.");
    JsonNode root = JSON.readTree(AnthropicServerCodec.encodeResponse(refusal, "m", "msg_1"));
    assertThat(root.path("stop_reason").asText()).isEqualTo("refusal");
    assertThat(root.path("content").path(0).path("text").asText()).isEqualTo("I can't help.");
  }

  @Test
  void should_name_the_field_and_the_fix_of_a_request_it_cannot_answer() {
    assertThatThrownBy(
            () ->
                AnthropicServerCodec.decodeRequest(
                    "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("max_tokens: Field required");
    assertThatThrownBy(
            () ->
                AnthropicServerCodec.decodeRequest(
                    """
        {"model":"claude","max_tokens":10,"messages":[{"role":"user","content":[
          {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}}]}]}"""))
        .hasMessage(
            "messages[0].content[0].type: user content block type 'image' is not supported by the AlignUnit "
                + "model endpoint; send text and tool_result blocks");
    assertThatThrownBy(
            () ->
                AnthropicServerCodec.decodeRequest(
                    """
        {"model":"claude","max_tokens":10,"messages":[],"tools":[{"type":"web_search_20250305","name":"web_search"}]}"""))
        .hasMessage(
            "tools[0].type: server tool 'web_search_20250305' is not supported by the AlignUnit model endpoint; "
                + "declare client tools with name and input_schema");
  }

  /** Rebuilds a whole message from stream events, as a client's accumulator does. */
  static ObjectNode accumulate(List<String> events) throws Exception {
    ObjectNode message = null;
    List<ObjectNode> blocks = new ArrayList<>();
    List<StringBuilder> json = new ArrayList<>();
    for (String event : events) {
      String[] lines = event.split("\n");
      assertThat(lines[0]).startsWith("event: ");
      assertThat(lines[1]).startsWith("data: ");
      JsonNode data = JSON.readTree(lines[1].substring("data: ".length()));
      assertThat(data.path("type").asText()).isEqualTo(lines[0].substring("event: ".length()));
      switch (data.path("type").asText()) {
        case "message_start" -> message = (ObjectNode) data.path("message").deepCopy();
        case "content_block_start" -> {
          assertThat(data.path("index").asInt()).isEqualTo(blocks.size());
          blocks.add((ObjectNode) data.path("content_block").deepCopy());
          json.add(new StringBuilder());
        }
        case "content_block_delta" -> {
          int index = data.path("index").asInt();
          ObjectNode block = blocks.get(index);
          JsonNode delta = data.path("delta");
          switch (delta.path("type").asText()) {
            case "text_delta" ->
                block.put("text", block.path("text").asText() + delta.path("text").asText());
            case "thinking_delta" ->
                block.put(
                    "thinking", block.path("thinking").asText() + delta.path("thinking").asText());
            case "signature_delta" -> block.put("signature", delta.path("signature").asText());
            case "input_json_delta" -> json.get(index).append(delta.path("partial_json").asText());
            default -> throw new AssertionError("unexpected delta " + delta);
          }
        }
        case "content_block_stop" -> {
          int index = data.path("index").asInt();
          if (blocks.get(index).path("type").asText().equals("tool_use")
              && json.get(index).length() > 0) {
            blocks.get(index).set("input", JSON.readTree(json.get(index).toString()));
          }
        }
        case "message_delta" -> {
          message.put("stop_reason", data.path("delta").path("stop_reason").asText());
          ((ObjectNode) message.path("usage"))
              .put("output_tokens", data.path("usage").path("output_tokens").asLong());
        }
        case "ping", "message_stop" -> {}
        default -> throw new AssertionError("unexpected event " + data);
      }
    }
    ArrayNode content = message.putArray("content");
    blocks.forEach(content::add);
    return message;
  }
}
