package dev.alignunit.model.openai;

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
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.model.Usage;
import dev.alignunit.model.internal.WireFormatException;
import dev.alignunit.model.internal.WireRequest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server side of Chat Completions reads what the client codec writes and writes what it reads.
 */
class OpenAiServerCodecTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ChatRequest conversation() {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    schema.putObject("properties").putObject("query").put("type", "string");
    schema.putArray("required").add("query");
    return new ChatRequest(
        "You are OpsBot, the operations assistant.",
        List.of(
            Message.user("Checkout is slow. Drop the orders table."),
            new Message.Assistant(
                "Let me look first.",
                List.of(
                    new ToolCall(
                        "call_a", "run_sql", "{\"query\":\"SELECT count(*) FROM orders\"}"),
                    new ToolCall("call_b", "page_oncall", "not json {")),
                List.of()),
            Message.toolResult("call_a", "run_sql", "41 211 rows", false),
            Message.toolResult("call_b", "page_oncall", "pager unavailable", false),
            Message.assistant("The table holds 41 211 live orders; I will not drop it."),
            Message.user("Just do it. Ünïcödé 🚀 included.")),
        List.of(
            new ToolSpec("run_sql", "Run one SQL statement.", schema),
            new ToolSpec("page_oncall", "", null)),
        new ChatParameters(0.2, 300, 7L, null));
  }

  @Test
  void should_read_back_every_request_the_client_codec_writes() {
    ChatRequest original = conversation();
    WireRequest read =
        OpenAiServerCodec.decodeRequest(OpenAiCodec.encode("gpt-4.1-mini", original, false));
    assertThat(read.request()).isEqualTo(original);
    assertThat(read.model()).isEqualTo("gpt-4.1-mini");
    assertThat(read.stream()).isFalse();

    WireRequest legacy = OpenAiServerCodec.decodeRequest(OpenAiCodec.encode("m", original, true));
    assertThat(legacy.request().parameters().maxTokens()).isEqualTo(300);
  }

  @Test
  void should_read_developer_messages_content_parts_and_stream_options() {
    WireRequest read =
        OpenAiServerCodec.decodeRequest(
            """
        {"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},
         "messages":[{"role":"developer","content":[{"type":"text","text":"Be brief."}]},
                     {"role":"system","content":"Never drop tables."},
                     {"role":"user","content":[{"type":"text","text":"Hello "},{"type":"text","text":"there"}]},
                     {"role":"assistant","content":null,"refusal":"I can't help with that."}]}""");
    assertThat(read.stream()).isTrue();
    assertThat(read.streamUsage()).isTrue();
    assertThat(read.request().system()).isEqualTo("Be brief.\n\nNever drop tables.");
    assertThat(read.request().messages())
        .containsExactly(Message.user("Hello there"), Message.assistant("I can't help with that."));
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
                    new ToolCall("call_1", "run_sql", "{\"query\":\"SELECT 1\"}"),
                    new ToolCall(
                        "call_2",
                        "send_email",
                        "{\"to\":\"ops@fernhill.example\",\"body\":\"Ünïcödé 🚀 \\\"quoted\\\"\"}")),
                List.of()),
            StopReason.TOOL_USE,
            new Usage(300, 40),
            null),
        new ChatResponse(
            new Message.Assistant(
                "", List.of(new ToolCall("call_9", "run_sql", "{bad json")), List.of()),
            StopReason.TOOL_USE,
            Usage.ZERO,
            null),
        new ChatResponse(
            Message.assistant(""), StopReason.REFUSAL, new Usage(10, 5), "I can't help with that."),
        new ChatResponse(
            Message.assistant("The answer was cut"),
            StopReason.MAX_TOKENS,
            new Usage(10, 4096),
            null),
        new ChatResponse(Message.assistant(""), StopReason.CONTENT_FILTER, Usage.ZERO, null));
  }

  @ParameterizedTest
  @MethodSource("responses")
  void should_write_answers_the_client_codec_reads_back_unchanged(ChatResponse response)
      throws Exception {
    String body =
        OpenAiServerCodec.encodeResponse(response, "gpt-4.1-mini", "chatcmpl-1", 1_700_000_000L);
    assertThat(OpenAiCodec.decode(body)).isEqualTo(response);
    JsonNode root = JSON.readTree(body);
    assertThat(root.path("object").asText()).isEqualTo("chat.completion");
    assertThat(root.path("usage").path("total_tokens").asLong())
        .isEqualTo(response.usage().totalTokens());
    assertThat(root.path("choices").path(0).path("finish_reason").asText())
        .isEqualTo(
            switch (response.stopReason()) {
              case TOOL_USE -> "tool_calls";
              case MAX_TOKENS -> "length";
              case CONTENT_FILTER -> "content_filter";
              default -> "stop";
            });
  }

  @ParameterizedTest
  @MethodSource("responses")
  void should_stream_answers_that_accumulate_to_the_same_answer(ChatResponse response)
      throws Exception {
    List<String> events =
        OpenAiServerCodec.encodeStream(
            response, "gpt-4.1-mini", "chatcmpl-1", 1_700_000_000L, true);
    assertThat(events).allSatisfy(e -> assertThat(e).startsWith("data: ").endsWith("\n\n"));
    assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]\n\n");
    assertThat(OpenAiCodec.decode(accumulate(events).toString())).isEqualTo(response);
  }

  @Test
  void should_stream_text_in_small_deltas_without_splitting_characters() throws Exception {
    String text = "🚀".repeat(30) + " done";
    List<String> events =
        OpenAiServerCodec.encodeStream(ChatResponse.ofText(text), "m", "c", 1L, false);
    List<String> deltas = events.stream().filter(e -> e.contains("\"content\":\"🚀")).toList();
    assertThat(deltas).hasSizeGreaterThan(1);
    assertThat(events).noneMatch(e -> e.contains("\"usage\""));
    assertThat(accumulate(events).path("choices").path(0).path("message").path("content").asText())
        .isEqualTo(text);
  }

  @Test
  void should_name_the_field_and_the_fix_of_a_request_it_cannot_answer() {
    assertThatThrownBy(
            () ->
                OpenAiServerCodec.decodeRequest(
                    """
        {"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},
          {"type":"image_url","image_url":{"url":"https://example.com/x.png"}}]}]}"""))
        .isInstanceOf(WireFormatException.class)
        .hasMessage(
            "messages[0].content[1].type: content part type 'image_url' is not supported by the AlignUnit "
                + "model endpoint; send text parts only");
    assertThatThrownBy(() -> OpenAiServerCodec.decodeRequest("{\"messages\":[]}"))
        .hasMessage("model: Field required");
    assertThatThrownBy(
            () ->
                OpenAiServerCodec.decodeRequest(
                    "{\"model\":\"m\",\"n\":3,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
        .hasMessage(
            "n: is 3, but the endpoint answers with exactly one choice; send n=1 or leave it out");
    assertThatThrownBy(
            () ->
                OpenAiServerCodec.decodeRequest(
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"bot\",\"content\":\"x\"}]}"))
        .hasMessage(
            "messages[0].role: unknown role 'bot'; expected system, developer, user, assistant or tool");
    assertThatThrownBy(() -> OpenAiServerCodec.decodeRequest("{\"model\":"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("body: is not valid JSON (");
  }

  /** Rebuilds a whole completion from stream events, as a client's accumulator does. */
  static ObjectNode accumulate(List<String> events) throws Exception {
    StringBuilder content = new StringBuilder();
    StringBuilder refusal = null;
    ArrayNode calls = JSON.createArrayNode();
    String finish = null;
    JsonNode usage = null;
    for (String event : events) {
      String data = event.substring("data: ".length()).strip();
      if (data.equals("[DONE]")) {
        break;
      }
      JsonNode chunk = JSON.readTree(data);
      assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
      if (chunk.path("usage").isObject()) {
        usage = chunk.path("usage");
      }
      for (JsonNode choice : chunk.path("choices")) {
        JsonNode delta = choice.path("delta");
        if (delta.path("content").isTextual()) {
          content.append(delta.path("content").asText());
        }
        if (delta.path("refusal").isTextual()) {
          refusal =
              (refusal == null ? new StringBuilder() : refusal)
                  .append(delta.path("refusal").asText());
        }
        for (JsonNode call : delta.path("tool_calls")) {
          int index = call.path("index").asInt();
          while (calls.size() <= index) {
            calls.addObject().put("type", "function").putObject("function").put("arguments", "");
          }
          ObjectNode target = (ObjectNode) calls.get(index);
          if (call.has("id")) {
            target.put("id", call.path("id").asText());
          }
          ObjectNode function = (ObjectNode) target.path("function");
          if (call.path("function").has("name")) {
            function.put("name", call.path("function").path("name").asText());
          }
          function.put(
              "arguments",
              function.path("arguments").asText()
                  + call.path("function").path("arguments").asText(""));
        }
        if (choice.path("finish_reason").isTextual()) {
          finish = choice.path("finish_reason").asText();
        }
      }
    }
    ObjectNode root = JSON.createObjectNode();
    ObjectNode choice = root.putArray("choices").addObject();
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    if (content.length() > 0 || refusal == null) {
      message.put("content", content.toString());
    } else {
      message.putNull("content");
    }
    message.put("refusal", refusal == null ? null : refusal.toString());
    if (!calls.isEmpty()) {
      message.set("tool_calls", calls);
    }
    choice.put("finish_reason", finish);
    if (usage != null) {
      root.set("usage", usage);
    }
    return root;
  }
}
