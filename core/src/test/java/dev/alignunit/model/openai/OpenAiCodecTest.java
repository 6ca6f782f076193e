package dev.alignunit.model.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ToolCall;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request body is written as a stream of tokens; these are the exact bytes the earlier encoder
 * (an {@code ObjectNode} tree and its {@code toString()}) sent for the same requests, kept in
 * {@code golden/openai/request-bytes.jsonl}: escapes, numbers, key order and null content included.
 */
class OpenAiCodecTest {

  private static List<String> golden() throws IOException {
    try (InputStream in =
        OpenAiCodecTest.class.getResourceAsStream("/golden/openai/request-bytes.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void should_send_byte_for_byte_the_body_the_tree_encoder_sent() throws IOException {
    ChatRequest conversation = OpenAiServerCodecTest.conversation();
    ChatRequest escapes =
        new ChatRequest(
            "",
            List.of(
                Message.user("tab\t \"q\" \\ \u0001 </script> \u2028 é"),
                new Message.Assistant(
                    "", List.of(new ToolCall("c1", "t", "{\"a\":1}")), List.of())),
            List.of(),
            new ChatParameters(1.0E-7, null, null, null));
    ChatRequest limits =
        new ChatRequest(
            "s",
            List.of(Message.user("u")),
            List.of(),
            new ChatParameters(12345678.5, Integer.MAX_VALUE, Long.MIN_VALUE, 10));

    assertThat(
            List.of(
                OpenAiCodec.encode("gpt-4.1-mini", conversation, false),
                OpenAiCodec.encode("m", conversation, true),
                OpenAiCodec.encode("m", escapes, false),
                OpenAiCodec.encode("m", limits, false)))
        .containsExactlyElementsOf(golden());
  }

  @Test
  void should_put_the_assistant_fields_into_a_node_in_the_order_they_are_sent() {
    ObjectNode node = dev.alignunit.internal.Json.mapper().createObjectNode();
    OpenAiCodec.encodeAssistant(
        node, new Message.Assistant("", List.of(new ToolCall("c1", "t", "{}")), List.of()));

    assertThat(node.toString())
        .isEqualTo(
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"t\",\"arguments\":\"{}\"}}]}");
  }

  static List<String> answers() {
    String message = "{\"role\":\"assistant\",\"content\":\"I will not.\",\"refusal\":null}";
    String choice = "{\"index\":0,\"finish_reason\":\"stop\",\"message\":" + message + "}";
    String usage = "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":9}";
    return List.of(
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"m\",\"system_fingerprint\":{\"a\":[1,{\"b\":null}]},"
            + "\"choices\":["
            + choice
            + "],"
            + usage
            + "}",
        "{\"choices\":[{\"finish_reason\":\"tool_calls\",\"message\":{\"content\":null,"
            + "\"tool_calls\":[{\"id\":\"c1\",\"function\":{\"name\":\"run_sql\","
            + "\"arguments\":{\"q\":1}}},{\"function\":{\"name\":\"t\",\"arguments\":\"x\"}}],"
            + "\"reasoning_content\":\"because\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
            + "{\"type\":\"text\",\"text\":\"b\"}],\"refusal\":\"no\"}}],\"usage\":null}",
        "{\"choices\":[" + choice + "],\"choices\":[]}",
        "{\"choices\":[]," + usage + ",\"choices\":[" + choice + "]}",
        "{\"usage\":{\"prompt_tokens\":\"7\",\"completion_tokens\":1.5},\"choices\":["
            + choice
            + "]}",
        "",
        "   ",
        "null",
        "42",
        "[" + choice + "]",
        "[1,",
        "<html>Gateway login</html>",
        "{",
        "{\"choices\":",
        "{\"id\":\"x\" \"choices\":[]}",
        "{\"id\":[1,2},\"choices\":[" + choice + "]}",
        "{\"created\":01,\"choices\":[" + choice + "]}",
        "{\"choices\":[" + choice + "]} trailing",
        "{\"choices\":[" + choice + "]}{}",
        "{\"error\":{\"message\":\"quota\"}}",
        "{\"choices\":null,\"error\":null}",
        "{\"choices\":{}}",
        "{\"choices\":[{\"message\":{\"content\":5}}]}",
        "{\"choices\":[{\"message\":{}}]}",
        "{\"choices\":[{\"message\":{\"refusal\":true}}]}",
        "{\"x\":" + "[".repeat(1200) + "]".repeat(1200) + ",\"choices\":[" + choice + "]}",
        "{\"x\":1" + "0".repeat(1200) + ",\"choices\":[" + choice + "]}");
  }

  /**
   * Reading only the root's choices, error and usage (with the streaming tree reader) decodes every
   * body as the whole tree read by an {@code ObjectMapper} did, messages included.
   */
  @ParameterizedTest
  @MethodSource("answers")
  void should_decode_every_answer_as_from_the_whole_tree(String body) {
    assertThat(outcome(() -> OpenAiCodec.decode(body)))
        .isEqualTo(outcome(() -> OpenAiCodec.decode(wholeTreeByTheMapper(body))));
  }

  /** What the decoder parsed bodies with before it read trees without a mapper. */
  private static com.fasterxml.jackson.databind.JsonNode wholeTreeByTheMapper(String body)
      throws dev.alignunit.model.internal.MalformedAnswer {
    com.fasterxml.jackson.databind.JsonNode root;
    try {
      root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new dev.alignunit.model.internal.MalformedAnswer(
          "the body is not JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new dev.alignunit.model.internal.MalformedAnswer("the body is not a JSON object");
    }
    return root;
  }

  private interface Decoding {
    ChatResponse decode() throws dev.alignunit.model.internal.MalformedAnswer;
  }

  private static String outcome(Decoding decoding) {
    try {
      return decoding.decode().toString();
    } catch (dev.alignunit.model.internal.MalformedAnswer e) {
      return "malformed: " + e.getMessage();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
