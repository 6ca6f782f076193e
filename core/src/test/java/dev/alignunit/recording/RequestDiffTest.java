package dev.alignunit.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.Message;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestDiffTest {

  private static ToolSpec tool(String name, String description) {
    return new ToolSpec(name, description, Fixtures.json("{\"type\":\"object\"}"));
  }

  private static ChatRequest request(
      String system, List<Message> messages, List<ToolSpec> tools, ChatParameters p) {
    return new ChatRequest(system, messages, tools, p);
  }

  @Test
  void should_name_added_removed_and_reordered_tools() {
    ChatRequest recorded =
        request("s", List.of(), List.of(tool("a", "A"), tool("b", "B"), tool("c", "C")), null);
    ChatRequest actual =
        request("s", List.of(), List.of(tool("c", "C"), tool("a", "A"), tool("d", "D")), null);

    assertThat(RequestDiff.between(recorded, actual))
        .containsExactly("tool b removed", "tool d added", "tools reordered: - [a, c] + [c, a]");
  }

  @Test
  void should_show_changed_tool_schema_compactly() {
    ToolSpec before =
        new ToolSpec("send", "", Fixtures.json("{\"type\":\"object\",\"required\":[\"to\"]}"));
    ToolSpec after =
        new ToolSpec(
            "send", "", Fixtures.json("{\"type\":\"object\",\"required\":[\"to\",\"cc\"]}"));

    assertThat(
            RequestDiff.between(
                request("s", List.of(), List.of(before), null),
                request("s", List.of(), List.of(after), null)))
        .containsExactly(
            "tool send parameters: - \"{\\\"type\\\":\\\"object\\\",\\\"required\\\":[\\\"to\\\"]}\" "
                + "+ \"{\\\"type\\\":\\\"object\\\",\\\"required\\\":[\\\"to\\\",\\\"cc\\\"]}\"");
  }

  @Test
  void should_name_added_message_and_changed_assistant_tool_call() {
    List<Message> recorded =
        List.of(
            Message.user("hi"),
            new Message.Assistant(
                "", List.of(new ToolCall("c1", "send", "{\"to\":\"a\"}")), List.of()));
    List<Message> actual =
        List.of(
            Message.user("hi"),
            new Message.Assistant(
                "", List.of(new ToolCall("c1", "send", "{\"to\":\"b\"}")), List.of()),
            Message.user("and?"));

    assertThat(
            RequestDiff.between(
                request("s", recorded, List.of(), null), request("s", actual, List.of(), null)))
        .containsExactly(
            "message 2 (assistant) tool calls: - \"[send({\\\"to\\\":\\\"a\\\"})]\" + \"[send({\\\"to\\\":\\\"b\\\"})]\"",
            "message 3 (user) added: + \"and?\"");
  }

  @Test
  void should_name_changed_parameters_and_message_kind() {
    ChatRequest recorded =
        request(
            "s",
            List.of(Message.user("x")),
            List.of(),
            ChatParameters.DEFAULTS.withTemperature(0.2));
    ChatRequest actual =
        request(
            "s",
            List.of(Message.assistant("x")),
            List.of(),
            ChatParameters.DEFAULTS.withTemperature(0.7).withSeed(7L));

    assertThat(RequestDiff.between(recorded, actual))
        .containsExactly(
            "message 1: - user \"x\" + assistant \"x\"",
            "parameters.temperature: - 0.2 + 0.7",
            "parameters.seed: - (default) + 7");
  }

  @Test
  void should_cut_long_lines_around_the_first_difference() {
    String before = "a".repeat(300) + " You are Atlas. " + "z".repeat(300);
    String after = "a".repeat(300) + " You are Atlas, a helpful assistant. " + "z".repeat(300);

    List<String> diff =
        RequestDiff.between(
            request(before, List.of(), List.of(), null),
            request(after, List.of(), List.of(), null));

    // A 100-character window that starts 30 characters before the first difference ('.' vs ',').
    assertThat(diff)
        .containsExactly(
            "system prompt: - \"..."
                + "a".repeat(16)
                + " You are Atlas. "
                + "z".repeat(68)
                + "...\" + \"..."
                + "a".repeat(16)
                + " You are Atlas, a helpful assistant. "
                + "z".repeat(47)
                + "...\"");
  }

  @Test
  void should_list_removed_and_added_lines_when_line_counts_differ() {
    ChatRequest recorded = request("one\ntwo\nthree", List.of(), List.of(), null);
    ChatRequest actual = request("one\nthree\nfour\nfive", List.of(), List.of(), null);

    assertThat(RequestDiff.between(recorded, actual))
        .containsExactly(
            "system prompt line 2: - \"two\" + \"three\"",
            "system prompt line 3: - \"three\" + \"four\"",
            "system prompt line 4 added: + \"five\"");
  }

  @Test
  void should_cap_the_number_of_lines_shown() {
    ChatRequest recorded = request("1\n2\n3\n4\n5\n6\n7\n8\n9\n10", List.of(), List.of(), null);
    ChatRequest actual = request("a\nb\nc\nd\ne\nf\ng\nh\ni\nj", List.of(), List.of(), null);

    List<String> diff = RequestDiff.between(recorded, actual);

    assertThat(diff).hasSize(RequestDiff.MAX_LINES + 1).endsWith("... and 2 more difference(s)");
  }
}
