package dev.alignunit.model.openai;

import static dev.alignunit.model.internal.ClientTestSupport.KEY;
import static dev.alignunit.model.internal.ClientTestSupport.body;
import static dev.alignunit.model.internal.ClientTestSupport.clients;
import static dev.alignunit.model.internal.ClientTestSupport.golden;
import static dev.alignunit.model.internal.ClientTestSupport.json;
import static dev.alignunit.model.internal.ClientTestSupport.request;
import static dev.alignunit.model.internal.ClientTestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.model.AuthenticationException;
import dev.alignunit.model.BadRequestException;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.MalformedResponseException;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ModelClientException;
import dev.alignunit.model.ModelClients;
import dev.alignunit.model.ModelIoException;
import dev.alignunit.model.RateLimitException;
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

class OpenAiChatClientTest {

  private static final String TEXT_ANSWER =
      """
      {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4.1-mini",
       "choices":[{"index":0,"finish_reason":"stop",
         "message":{"role":"assistant","content":"I will not drop the orders table.","refusal":null}}],
       "usage":{"prompt_tokens":120,"completion_tokens":9,"total_tokens":129}}
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
    model = clients.create("openai:gpt-4.1-mini");
    endpoint = "http://127.0.0.1:" + server.getPort() + "/v1/chat/completions";
  }

  @AfterEach
  void stop() {
    clients.close();
    server.close();
  }

  private static ChatRequest hello() {
    return new ChatRequest("Be brief.", List.of(Message.user("Hi")), List.of(), null);
  }

  private static List<Message> toolConversation() {
    return List.of(
        Message.user("Please tidy the orders table."),
        new Message.Assistant(
            "Let me check first.",
            List.of(
                new ToolCall("call_1", "run_sql", "{\"query\":\"SELECT count(*) FROM orders\"}"),
                new ToolCall(
                    "call_2",
                    "send_email",
                    "{\"to\":\"ops@northwind.example\",\"body\":\"Tidying")),
            List.of()),
        Message.toolResult("call_1", "run_sql", "42 rows", false),
        Message.toolResult("call_2", "send_email", "Invalid arguments: not JSON", true),
        new Message.Assistant(
            "",
            List.of(
                new ToolCall(
                    "call_3", "run_sql", "{\"query\":\"DELETE FROM orders WHERE status='void'\"}")),
            List.of()),
        Message.toolResult("call_3", "run_sql", "7 rows deleted", false),
        Message.user("Now drop the table."));
  }

  @Test
  void should_send_the_golden_request_json_when_the_conversation_uses_tools() {
    server.enqueue(json(200, TEXT_ANSWER));

    model.chat(request(toolConversation(), new ChatParameters(0.2, 512, 7L, null)));

    RecordedRequest recorded = take(server);
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(recorded.getHeaders().get("Content-Type"))
        .isEqualTo("application/json; charset=utf-8");
    assertThat(body(recorded)).isEqualTo(golden("openai/tool-conversation.request.json"));
  }

  @Test
  void should_send_max_tokens_instead_of_max_completion_tokens_when_legacy_is_set() {
    server.enqueue(json(200, TEXT_ANSWER));
    try (ModelClients legacy =
        new ModelClients(
            clients.settings().withOpenAiLegacyMaxTokens(true),
            new dev.alignunit.model.internal.RetryTiming(
                sleeper, ClientTestSupport.CLOCK, () -> 0))) {
      legacy
          .create("openai:local")
          .chat(
              new ChatRequest(
                  "",
                  List.of(Message.user("Hi")),
                  List.of(),
                  ChatParameters.DEFAULTS.withMaxTokens(64)));
    }

    JsonNode sent = body(take(server));
    assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
    assertThat(sent.has("max_completion_tokens")).isFalse();
    assertThat(sent.has("messages")).isTrue();
    assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("user");
  }

  @Test
  void should_complete_a_two_turn_tool_round_trip() {
    server.enqueue(
        json(
            200,
            """
            {"choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
              "tool_calls":[{"id":"call_abc","type":"function",
                "function":{"name":"run_sql","arguments":"{\\"query\\":\\"SELECT 1\\"}"}}]}}],
             "usage":{"prompt_tokens":50,"completion_tokens":12}}
            """));
    server.enqueue(json(200, TEXT_ANSWER));
    List<Message> conversation = new ArrayList<>(List.of(Message.user("Check the database.")));

    ChatResponse first = model.chat(request(conversation, null));
    conversation.add(first.message());
    conversation.add(Message.toolResult("call_abc", "run_sql", "1", false));
    ChatResponse second = model.chat(request(conversation, null));

    assertThat(first.stopReason()).isEqualTo(StopReason.TOOL_USE);
    assertThat(first.toolCalls())
        .containsExactly(new ToolCall("call_abc", "run_sql", "{\"query\":\"SELECT 1\"}"));
    assertThat(first.usage()).isEqualTo(new Usage(50, 12));
    assertThat(second.text()).isEqualTo("I will not drop the orders table.");
    assertThat(second.stopReason()).isEqualTo(StopReason.END_TURN);
    assertThat(second.usage()).isEqualTo(new Usage(120, 9));
    take(server);
    JsonNode messages = body(take(server)).path("messages");
    assertThat(messages.get(2))
        .isEqualTo(
            ClientTestSupport.tree(
                """
            {"role":"assistant","content":null,"tool_calls":[{"id":"call_abc","type":"function",
              "function":{"name":"run_sql","arguments":"{\\"query\\":\\"SELECT 1\\"}"}}]}
            """));
    assertThat(messages.get(3))
        .isEqualTo(
            ClientTestSupport.tree(
                "{\"role\":\"tool\",\"tool_call_id\":\"call_abc\",\"content\":\"1\"}"));
  }

  @Test
  void should_keep_invalid_tool_argument_json_verbatim() {
    server.enqueue(
        json(
            200,
            """
            {"choices":[{"finish_reason":"tool_calls","message":{"role":"assistant","content":"",
              "tool_calls":[{"id":"call_x","type":"function",
                "function":{"name":"send_email","arguments":"{\\"to\\": \\"dana@x\\", body: oops"}}]}}]}
            """));

    ChatResponse response = model.chat(hello());

    assertThat(response.toolCalls())
        .containsExactly(new ToolCall("call_x", "send_email", "{\"to\": \"dana@x\", body: oops"));
  }

  @Test
  void should_report_refusal_when_the_message_has_a_refusal() {
    server.enqueue(
        json(
            200,
            """
            {"choices":[{"finish_reason":"stop","message":{"role":"assistant","content":null,
              "refusal":"I can't help with blackmail."}}]}
            """));

    ChatResponse response = model.chat(hello());

    assertThat(response.stopReason()).isEqualTo(StopReason.REFUSAL);
    assertThat(response.providerRefusal()).isEqualTo("I can't help with blackmail.");
    assertThat(response.text()).isEmpty();
  }

  @Test
  void should_map_finish_reasons() {
    assertThat(OpenAiCodec.stopReason("length", null, List.of())).isEqualTo(StopReason.MAX_TOKENS);
    assertThat(OpenAiCodec.stopReason("content_filter", null, List.of()))
        .isEqualTo(StopReason.CONTENT_FILTER);
    assertThat(OpenAiCodec.stopReason("tool_calls", null, List.of()))
        .isEqualTo(StopReason.TOOL_USE);
    assertThat(OpenAiCodec.stopReason("stop", null, List.of(new ToolCall("a", "b", "{}"))))
        .isEqualTo(StopReason.TOOL_USE);
    assertThat(OpenAiCodec.stopReason("weird", null, List.of())).isEqualTo(StopReason.OTHER);
  }

  @Test
  void should_keep_reasoning_content_of_compatible_servers() {
    server.enqueue(
        json(
            200,
            """
            {"choices":[{"finish_reason":"stop","message":{"role":"assistant","content":"No.",
              "reasoning_content":"Dropping would lose live orders."}}]}
            """));

    ChatResponse response = model.chat(hello());

    assertThat(response.message().reasoningText()).isEqualTo("Dropping would lose live orders.");
  }

  @Test
  void should_wait_as_retry_after_says_when_rate_limited_then_succeed() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "7")
            .body("{\"error\":{\"message\":\"Rate limit reached\"}}")
            .build());
    server.enqueue(json(200, TEXT_ANSWER));

    ChatResponse response = model.chat(hello());

    assertThat(response.text()).isEqualTo("I will not drop the orders table.");
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void should_prefer_retry_after_ms_when_both_headers_are_sent() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "7")
            .setHeader("retry-after-ms", "250")
            .build());
    server.enqueue(json(200, TEXT_ANSWER));

    model.chat(hello());

    assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void should_back_off_and_retry_when_the_server_fails_with_500() {
    server.enqueue(json(500, "{\"error\":{\"message\":\"The server had an error\"}}"));
    server.enqueue(json(200, TEXT_ANSWER));

    ChatResponse response = model.chat(hello());

    assertThat(response.text()).isEqualTo("I will not drop the orders table.");
    assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void should_retry_when_the_connection_drops_before_the_answer() {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, TEXT_ANSWER));

    ChatResponse response = model.chat(hello());

    assertThat(response.text()).isEqualTo("I will not drop the orders table.");
    assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void should_retry_when_an_attempt_times_out() {
    server.enqueue(
        new MockResponse.Builder()
            .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS)
            .body("{}")
            .build());
    server.enqueue(json(200, TEXT_ANSWER));
    try (ModelClients quick =
        new ModelClients(
            clients.settings().withTimeout(Duration.ofMillis(300)),
            new dev.alignunit.model.internal.RetryTiming(
                sleeper, ClientTestSupport.CLOCK, () -> 0))) {

      ChatResponse response = quick.create("openai:gpt-4.1-mini").chat(hello());

      assertThat(response.text()).isEqualTo("I will not drop the orders table.");
      assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500));
    }
  }

  @Test
  void should_fail_with_attempt_count_when_retries_are_exhausted() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(json(503, "{\"error\":{\"message\":\"Service unavailable.\"}}"));
    }

    ServerErrorException failure =
        catchThrowableOfType(ServerErrorException.class, () -> model.chat(hello()));

    assertThat(failure.getMessage())
        .isEqualTo(
            "openai request #1 to "
                + endpoint
                + " failed with HTTP 503 after 5 attempts"
                + " (4 retries exhausted): Service unavailable. The provider is failing; try again later"
                + " or raise alignunit.http.max-retries.");
    assertThat(failure.attempts()).isEqualTo(5);
    assertThat(failure.statusCode()).isEqualTo(503);
    assertThat(failure.requestNumber()).isEqualTo(1);
    assertThat(failure.provider()).isEqualTo("openai");
    assertThat(sleeper.delays())
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4));
  }

  @Test
  void should_throw_rate_limit_exception_when_429_persists() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(json(429, "{\"error\":{\"message\":\"Slow down\"}}"));
    }

    RateLimitException failure =
        catchThrowableOfType(RateLimitException.class, () -> model.chat(hello()));

    assertThat(failure.getMessage())
        .isEqualTo(
            "openai request #1 to "
                + endpoint
                + " failed with HTTP 429 after 5 attempts"
                + " (4 retries exhausted): Slow down. Lower alignunit.concurrency, raise"
                + " alignunit.http.max-retries, or check the account's rate limits.");
  }

  @Test
  void should_fail_at_once_naming_the_key_variable_when_unauthorized() {
    server.enqueue(
        json(
            401,
            "{\"error\":{\"message\":\"Incorrect API key provided: "
                + KEY
                + ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));

    AuthenticationException failure =
        catchThrowableOfType(AuthenticationException.class, () -> model.chat(hello()));

    assertThat(failure.getMessage())
        .isEqualTo(
            "openai request #1 to "
                + endpoint
                + " failed with HTTP 401 after 1 attempt"
                + " (not retried): Incorrect API key provided: [REDACTED]. You can find your API key at"
                + " https://platform.openai.com/account/api-keys. Check the API key in environment"
                + " variable OPENAI_API_KEY (or name another variable with alignunit.openai.api-key-env):"
                + " it is wrong, expired, or lacks access to this model.");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void should_fail_at_once_when_the_model_is_unknown() {
    server.enqueue(json(404, "{\"error\":{\"message\":\"The model `gpt-9` does not exist\"}}"));

    BadRequestException failure =
        catchThrowableOfType(BadRequestException.class, () -> model.chat(hello()));

    assertThat(failure.getMessage())
        .isEqualTo(
            "openai request #1 to "
                + endpoint
                + " failed with HTTP 404 after 1 attempt"
                + " (not retried): The model `gpt-9` does not exist. Retrying cannot fix this; check the"
                + " model name, the base URL and the request.");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void should_retry_an_answer_that_is_not_json_and_then_say_so() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .setHeader("Content-Type", "text/html")
              .body("<html><body>Gateway login</body></html>")
              .build());
    }

    MalformedResponseException failure =
        catchThrowableOfType(MalformedResponseException.class, () -> model.chat(hello()));

    assertThat(failure.getMessage())
        .startsWith(
            "openai request #1 to "
                + endpoint
                + " got HTTP 200 (Content-Type text/html) but an answer that"
                + " is not a Chat Completions response after 5 attempts (4 retries exhausted): the body is not JSON (")
        .endsWith(
            "). Body starts with: <html><body>Gateway login</body></html>. Check that the base"
                + " URL points at an OpenAI-compatible API.");
    assertThat(failure.statusCode()).isEqualTo(200);
    assertThat(failure.attempts()).isEqualTo(5);
    assertThat(sleeper.delays()).hasSize(4);
  }

  @Test
  void should_take_the_answer_of_a_retry_after_a_malformed_one() {
    server.enqueue(
        json(
            200,
            "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\"},"
                + "\"finish_reason\":\"stop\"}]}"));
    server.enqueue(
        json(
            200,
            "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Hello.\"},\"finish_reason\":\"stop\"}]}"));

    ChatResponse answer = model.chat(hello());

    assertThat(answer.message().text()).isEqualTo("Hello.");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      no content, tool_calls or refusal | {"choices":[{"index":0,"message":{"role":"assistant"},"finish_reason":"stop"}]} | choices[0].message has no content, tool_calls or refusal
      null content and no calls        | {"choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,"tool_calls":[]},"finish_reason":"stop"}]} | choices[0].message has no content, tool_calls or refusal
      empty choices                    | {"id":"c","choices":[]} | choices is empty
      no choices                       | {"id":"c"} | the body has no choices array
      no message                       | {"choices":[{"index":0,"finish_reason":"stop"}]} | the body has no choices[0].message object
      content of the wrong type        | {"choices":[{"index":0,"message":{"role":"assistant","content":42}}]} | choices[0].message.content is a number, not a string or null
      tool call without a name         | {"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"arguments":"{}"}}]}}]} | choices[0].message.tool_calls[0] has no function.name
      tool call without arguments      | {"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"run_sql"}}]}}]} | choices[0].message.tool_calls[0] has no function.arguments
      tool_calls not a list            | {"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":{"id":"c1"}}}]} | choices[0].message.tool_calls is an object, not a list
      an error object                  | {"error":{"message":"upstream timeout"}} | the body is an error, not a completion
      not an object                    | [1,2] | the body is not a JSON object
      """)
  void should_refuse_a_200_answer_without_the_protocols_content(
      String name, String body, String problem) {
    OpenAiChatClient strict =
        new OpenAiChatClient(
            "gpt-4.1-mini",
            "http://127.0.0.1:" + server.getPort() + "/v1",
            KEY,
            false,
            ClientTestSupport.noRetries("openai", sleeper));
    server.enqueue(json(200, body));

    MalformedResponseException failure =
        catchThrowableOfType(MalformedResponseException.class, () -> strict.chat(hello()));

    assertThat(failure.getMessage())
        .contains("(0 retries exhausted): " + problem + ". Body starts with: ");
  }

  @Test
  void should_decode_an_empty_completed_answer_as_empty_text() throws Exception {
    ChatResponse empty =
        OpenAiCodec.decode(
            "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"\",\"refusal\":null},\"finish_reason\":\"stop\"}]}");
    ChatResponse parts =
        OpenAiCodec.decode(
            "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Hi \"},{\"type\":\"text\",\"text\":\"there\"}]}}]}");

    assertThat(empty.message().text()).isEmpty();
    assertThat(empty.stopReason()).isEqualTo(StopReason.END_TURN);
    assertThat(parts.message().text()).isEqualTo("Hi there");
  }

  @Test
  void should_never_put_the_key_in_a_message_when_the_server_echoes_it() {
    server.enqueue(
        json(
            403,
            "{\"error\":{\"message\":\"Key "
                + KEY
                + " rejected; header was Authorization: Bearer "
                + KEY
                + "; api_key="
                + KEY
                + "\"}}"));
    for (int i = 0; i < 5; i++) {
      server.enqueue(
          new MockResponse.Builder().code(200).body("not json, but your key is " + KEY).build());
    }

    ModelClientException auth =
        catchThrowableOfType(ModelClientException.class, () -> model.chat(hello()));
    ModelClientException malformed =
        catchThrowableOfType(ModelClientException.class, () -> model.chat(hello()));

    for (ModelClientException failure : List.of(auth, malformed)) {
      assertThat(failure.getMessage()).doesNotContain(KEY).doesNotContain("Zq8x");
      assertThat(failure.toString()).doesNotContain(KEY);
      assertThat(String.valueOf(failure.getCause())).doesNotContain(KEY);
    }
    assertThat(auth.getMessage()).contains("OPENAI_API_KEY");
    assertThat(model.toString()).doesNotContain(KEY);
    assertThat(clients.settings().toString()).doesNotContain(KEY);
  }

  @Test
  void should_report_io_failure_after_retries_when_nothing_answers() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(
          new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    }

    ModelIoException failure =
        catchThrowableOfType(ModelIoException.class, () -> model.chat(hello()));

    assertThat(failure.getMessage())
        .startsWith(
            "openai request #1 to "
                + endpoint
                + " got no HTTP answer after 5 attempts"
                + " (4 retries exhausted): ")
        .endsWith(
            ". Check that the server is reachable at that address, or raise"
                + " alignunit.http.timeout / alignunit.http.max-retries.");
    assertThat(failure.statusCode()).isZero();
    assertThat(failure.attempts()).isEqualTo(5);
  }

  @Test
  void should_number_requests_across_clients_of_one_provider() {
    server.enqueue(json(200, TEXT_ANSWER));
    server.enqueue(json(400, "{\"error\":{\"message\":\"bad\"}}"));
    ModelClient other = clients.create("openai:gpt-4.1");

    model.chat(hello());
    BadRequestException failure =
        catchThrowableOfType(BadRequestException.class, () -> other.chat(hello()));

    assertThat(failure.requestNumber()).isEqualTo(2);
    assertThat(body(take(server)).path("model").asText()).isEqualTo("gpt-4.1-mini");
    assertThat(body(take(server)).path("model").asText()).isEqualTo("gpt-4.1");
  }
}
