package dev.alignunit.model.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.Message;
import dev.alignunit.model.ToolCall;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    ObjectNode node = OpenAiCodec.MAPPER.createObjectNode();
    OpenAiCodec.encodeAssistant(
        node, new Message.Assistant("", List.of(new ToolCall("c1", "t", "{}")), List.of()));

    assertThat(node.toString())
        .isEqualTo(
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"t\",\"arguments\":\"{}\"}}]}");
  }
}
