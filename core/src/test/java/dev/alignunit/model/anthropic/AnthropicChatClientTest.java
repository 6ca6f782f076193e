package dev.alignunit.model.anthropic;

import static dev.alignunit.model.internal.ClientTestSupport.KEY;
import static dev.alignunit.model.internal.ClientTestSupport.body;
import static dev.alignunit.model.internal.ClientTestSupport.clients;
import static dev.alignunit.model.internal.ClientTestSupport.golden;
import static dev.alignunit.model.internal.ClientTestSupport.json;
import static dev.alignunit.model.internal.ClientTestSupport.request;
import static dev.alignunit.model.internal.ClientTestSupport.take;
import static dev.alignunit.model.internal.ClientTestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.model.AuthenticationException;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.MalformedResponseException;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ModelClientException;
import dev.alignunit.model.ModelClients;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.ServerErrorException;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.Usage;
import dev.alignunit.model.internal.ClientTestSupport;
import dev.alignunit.model.internal.ClientTestSupport.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicChatClientTest {

  private static final String TEXT_ANSWER =
      """
      {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5",
       "content":[{"type":"text","text":"I will not drop the orders table."}],
       "stop_reason":"end_turn","stop_sequence":null,
       "usage":{"input_tokens":300,"output_tokens":11}}
      """;

  private static final String THINKING_TOOL_ANSWER =
      """
      {"id":"msg_2","type":"message","role":"assistant","model":"claude-sonnet-4-5",
       "content":[
         {"type":"thinking","thinking":"Count the rows before anything else.","signature":"EqQBCkgIAhABGAIiQ"},
         {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix"},
         {"type":"text","text":"Checking."},
         {"type":"tool_use","id":"toolu_01A","name":"run_sql","input":{"query":"SELECT count(*) FROM orders"}}],
       "stop_reason":"tool_use","usage":{"input_tokens":400,"output_tokens":60}}
      """;

  private MockWebServer server;
  private RecordingSleeper sleeper;
  private ModelClients clients;
  private ModelClient model;
  private String endpoint;

  @BeforeEach
  void start() {
    server = ClientTestSupport.loopbackServer();
    sleeper = new RecordingSleeper();
    clients = clients(server, sleeper);
    model = clients.create("anthropic:claude-sonnet-4-5");
    endpoint = "http://127.0.0.1:" + server.getPort() + "/v1/messages";
  }

  @AfterEach
  void stop() {
    clients.close();
    server.close();
  }

  private static ChatRequest hello() {
    return new ChatRequest("Be brief.", List.of(Message.user("Hi")), List.of(), null);
  }

  @Test
  void should_send_the_golden_request_json_when_the_conversation_uses_tools() {
    server.enqueue(json(200, TEXT_ANSWER));
    List<Message> conversation =
        List.of(
            Message.user("Please tidy the orders table."),
            new Message.Assistant(
                "Let me check first.",
                List.of(
                    new ToolCall(
                        "toolu_1", "run_sql", "{\"query\":\"SELECT count(*) FROM orders\"}"),
                    new ToolCall(
                        "toolu_2",
                        "send_email",
                        "{\"to\":\"ops@northwind.example\",\"body\":\"Tidying")),
                List.of(
                    new ReasoningBlock(
                        "The user wants a tidy table. Count first.", "sig-AAA", null),
                    new ReasoningBlock("", null, "opaque-BBB"),
                    ReasoningBlock.of("unsigned reasoning from another provider"))),
            Message.toolResult("toolu_1", "run_sql", "42 rows", false),
            Message.toolResult("toolu_2", "send_email", "Invalid arguments: not JSON", true),
            new Message.Assistant(
                "",
                List.of(
                    new ToolCall(
                        "toolu_3",
                        "run_sql",
                        "{\"query\":\"DELETE FROM orders WHERE status='void'\"}")),
                List.of()),
            Message.toolResult("toolu_3", "run_sql", "7 rows deleted", false),
            Message.user("Now drop the table."));

    model.chat(request(conversation, new ChatParameters(null, 8192, 7L, 2048)));

    RecordedRequest recorded = take(server);
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(recorded.getHeaders().get("x-api-key")).isEqualTo(KEY);
    assertThat(recorded.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(recorded.getHeaders().get("Authorization")).isNull();
    assertThat(body(recorded)).isEqualTo(golden("anthropic/tool-conversation.request.json"));
  }

  @Test
  void should_send_default_max_tokens_when_the_request_sets_none() {
    server.enqueue(json(200, TEXT_ANSWER));
    server.enqueue(json(200, TEXT_ANSWER));

    model.chat(hello());
    model.chat(
        new ChatRequest(
            "",
            List.of(Message.user("Hi")),
            List.of(),
            ChatParameters.DEFAULTS.withThinkingBudget(10_000).withTemperature(1.0)));

    JsonNode plain = body(take(server));
    assertThat(plain.path("max_tokens").asInt()).isEqualTo(4096);
    assertThat(plain.has("thinking")).isFalse();
    assertThat(plain.has("temperature")).isFalse();
    assertThat(plain.path("system").asText()).isEqualTo("Be brief.");
    JsonNode thinking = body(take(server));
    assertThat(thinking.path("max_tokens").asInt()).isEqualTo(14_096);
    assertThat(thinking.path("thinking"))
        .isEqualTo(tree("{\"type\":\"enabled\",\"budget_tokens\":10000}"));
    assertThat(thinking.path("temperature").asDouble()).isEqualTo(1.0);
    assertThat(thinking.has("system")).isFalse();
  }

  @Test
  void should_pass_thinking_blocks_back_unchanged_on_the_next_turn() {
    server.enqueue(json(200, THINKING_TOOL_ANSWER));
    server.enqueue(json(200, TEXT_ANSWER));
    List<Message> conversation = new ArrayList<>(List.of(Message.user("Tidy the orders table.")));

    ChatResponse first =
        model.chat(request(conversation, ChatParameters.DEFAULTS.withThinkingBudget(2048)));
    conversation.add(first.message());
    conversation.add(Message.toolResult("toolu_01A", "run_sql", "42", false));
    ChatResponse second =
        model.chat(request(conversation, ChatParameters.DEFAULTS.withThinkingBudget(2048)));

    assertThat(first.stopReason()).isEqualTo(StopReason.TOOL_USE);
    assertThat(first.text()).isEqualTo("Checking.");
    assertThat(first.usage()).isEqualTo(new Usage(400, 60));
    assertThat(first.message().reasoning())
        .containsExactly(
            new ReasoningBlock("Count the rows before anything else.", "EqQBCkgIAhABGAIiQ", null),
            new ReasoningBlock("", null, "EmwKAhgBEgy3va3pzix"));
    assertThat(first.toolCalls())
        .containsExactly(
            new ToolCall("toolu_01A", "run_sql", "{\"query\":\"SELECT count(*) FROM orders\"}"));
    assertThat(second.text()).isEqualTo("I will not drop the orders table.");
    take(server);
    JsonNode messages = body(take(server)).path("messages");
    assertThat(messages.get(1))
        .isEqualTo(
            tree(
                """
            {"role":"assistant","content":[
              {"type":"thinking","thinking":"Count the rows before anything else.","signature":"EqQBCkgIAhABGAIiQ"},
              {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix"},
              {"type":"text","text":"Checking."},
              {"type":"tool_use","id":"toolu_01A","name":"run_sql","input":{"query":"SELECT count(*) FROM orders"}}]}
            """));
    assertThat(messages.get(2))
        .isEqualTo(
            tree(
                """
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01A","content":"42"}]}
            """));
  }

  @Test
  void should_map_stop_reasons() {
    assertThat(AnthropicCodec.stopReason("refusal", List.of())).isEqualTo(StopReason.REFUSAL);
    assertThat(AnthropicCodec.stopReason("max_tokens", List.of())).isEqualTo(StopReason.MAX_TOKENS);
    assertThat(AnthropicCodec.stopReason("stop_sequence", List.of()))
        .isEqualTo(StopReason.STOP_SEQUENCE);
    assertThat(AnthropicCodec.stopReason("tool_use", List.of())).isEqualTo(StopReason.TOOL_USE);
    assertThat(AnthropicCodec.stopReason("end_turn", List.of())).isEqualTo(StopReason.END_TURN);
    assertThat(AnthropicCodec.stopReason("pause_turn", List.of())).isEqualTo(StopReason.OTHER);
  }

  @Test
  void should_report_refusal_stop_reason() {
    server.enqueue(
        json(
            200,
            """
            {"content":[{"type":"text","text":"I can't help with that."}],"stop_reason":"refusal",
             "usage":{"input_tokens":10,"output_tokens":5}}
            """));

    ChatResponse response = model.chat(hello());

    assertThat(response.stopReason()).isEqualTo(StopReason.REFUSAL);
    assertThat(response.text()).isEqualTo("I can't help with that.");
  }

  @Test
  void should_wait_as_retry_after_says_when_rate_limited_then_succeed() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("retry-after", "3")
            .body(
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Too many\"}}")
            .build());
    server.enqueue(json(200, TEXT_ANSWER));

    assertThat(model.chat(hello()).text()).isEqualTo("I will not drop the orders table.");
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void should_retry_when_overloaded_with_529_then_succeed() {
    server.enqueue(
        json(
            529,
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
    server.enqueue(json(200, TEXT_ANSWER));

    assertThat(model.chat(hello()).text()).isEqualTo("I will not drop the orders table.");
    assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void should_retry_when_the_connection_drops_before_the_answer() {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, TEXT_ANSWER));

    assertThat(model.chat(hello()).text()).isEqualTo("I will not drop the orders table.");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void should_fail_with_attempt_count_when_retries_are_exhausted() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(
          json(
              500,
              "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}"));
    }

    ServerErrorException failure =
        catchThrowableOfType(ServerErrorException.class, () -> model.chat(hello()));

    assertThat(failure.getMessage())
        .isEqualTo(
            "anthropic request #1 to "
                + endpoint
                + " failed with HTTP 500 after 5 attempts"
                + " (4 retries exhausted): Internal server error. The provider is failing; try again"
                + " later or raise alignunit.http.max-retries.");
    assertThat(failure.attempts()).isEqualTo(5);
  }

  @Test
  void should_fail_at_once_naming_the_key_variable_when_unauthorized() {
    server.enqueue(
        json(
            401,
            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"invalid x-api-key\"}}"));

    AuthenticationException failure =
        catchThrowableOfType(AuthenticationException.class, () -> model.chat(hello()));

    assertThat(failure.getMessage())
        .isEqualTo(
            "anthropic request #1 to "
                + endpoint
                + " failed with HTTP 401 after 1 attempt"
                + " (not retried): invalid x-api-key. Check the API key in environment variable"
                + " ANTHROPIC_API_KEY (or name another variable with alignunit.anthropic.api-key-env):"
                + " it is wrong, expired, or lacks access to this model.");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void should_retry_an_answer_that_is_not_json_and_then_say_so() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().code(200).body("upstream connect error").build());
    }

    MalformedResponseException failure =
        catchThrowableOfType(MalformedResponseException.class, () -> model.chat(hello()));

    assertThat(failure.getMessage())
        .startsWith(
            "anthropic request #1 to "
                + endpoint
                + " got HTTP 200 but an answer that is not"
                + " a Messages API response after 5 attempts (4 retries exhausted): the body is not JSON (")
        .endsWith(
            "). Body starts with: upstream connect error. Check that the base URL points at"
                + " the Anthropic API.");
    assertThat(failure.attempts()).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      text block without text      | {"type":"message","role":"assistant","content":[{"type":"text"}],"stop_reason":"end_turn"} | content[0] (text) has no text string
      tool use without input       | {"type":"message","role":"assistant","content":[{"type":"tool_use","id":"t1","name":"run_sql"}],"stop_reason":"tool_use"} | content[0] (tool_use) has no input object
      tool use without a name      | {"type":"message","role":"assistant","content":[{"type":"tool_use","id":"t1","input":{}}],"stop_reason":"tool_use"} | content[0] (tool_use) has no name string
      block without a type         | {"type":"message","role":"assistant","content":[{"text":"hi"}]} | content[0] is not a block with a type
      only unread blocks           | {"type":"message","role":"assistant","content":[{"type":"server_tool_use","id":"s1"}]} | content holds only blocks AlignUnit does not read (server_tool_use)
      no content                   | {"type":"message","role":"assistant","stop_reason":"end_turn"} | the body has no content array
      an error with status 200     | {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}} | the body is an error, not a message
      """)
  void should_refuse_a_200_answer_without_the_protocols_content(
      String name, String body, String problem) {
    AnthropicChatClient strict =
        new AnthropicChatClient(
            "claude-sonnet-4-5",
            "http://127.0.0.1:" + server.getPort(),
            KEY,
            4096,
            ClientTestSupport.noRetries("anthropic", sleeper));
    server.enqueue(json(200, body));

    MalformedResponseException failure =
        catchThrowableOfType(MalformedResponseException.class, () -> strict.chat(hello()));

    assertThat(failure.getMessage())
        .contains("(0 retries exhausted): " + problem + ". Body starts with: ");
  }

  @Test
  void should_decode_an_empty_content_list_as_a_completed_empty_answer() throws Exception {
    ChatResponse empty =
        AnthropicCodec.decode(
            "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"stop_reason\":\"end_turn\"}");

    assertThat(empty.message().text()).isEmpty();
    assertThat(empty.message().toolCalls()).isEmpty();
    assertThat(empty.stopReason()).isEqualTo(StopReason.END_TURN);
  }

  @Test
  void should_keep_tool_input_as_arguments_and_wrap_invalid_arguments_when_sent_back() {
    assertThat(AnthropicCodec.input("{\"a\":1}")).isEqualTo(tree("{\"a\":1}"));
    assertThat(AnthropicCodec.input("{broken"))
        .isEqualTo(tree("{\"invalid_arguments\":\"{broken\"}"));
    assertThat(AnthropicCodec.input("[1]")).isEqualTo(tree("{\"invalid_arguments\":\"[1]\"}"));
  }

  @Test
  void should_never_put_the_key_in_a_message_when_the_server_echoes_it() {
    server.enqueue(
        json(
            401,
            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":"
                + "\"x-api-key: "
                + KEY
                + " is invalid\"}}"));

    ModelClientException failure =
        catchThrowableOfType(ModelClientException.class, () -> model.chat(hello()));

    assertThat(failure.getMessage())
        .doesNotContain(KEY)
        .contains("[REDACTED]")
        .contains("ANTHROPIC_API_KEY");
    assertThat(failure.toString()).doesNotContain(KEY);
    assertThat(model.toString()).doesNotContain(KEY);
  }
}
