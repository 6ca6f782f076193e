package dev.alignunit.examples.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.AgentRunner;
import dev.alignunit.endpoint.EndpointAgent;
import dev.alignunit.endpoint.EndpointSession;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClientException;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.Usage;
import dev.alignunit.sandbox.ToolSandbox;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire between the official SDKs and the endpoint, validated against the
 * providers' OpenAPI schemas (test resources {@code specs/}): every request the SDKs send, and
 * every answer the endpoint gives, whole, streamed (each chunk or event) and as an error.
 */
class WireFormatSpecTest {

  static final SpecSchemas OPENAI = SpecSchemas.load("openai-chat-completions.json");
  static final SpecSchemas ANTHROPIC = SpecSchemas.load("anthropic-messages.json");

  /**
   * A conversation with parallel tool calls, a refusal, and a failing model, for both providers.
   */
  static ScriptedModel conversation() {
    return ScriptedModel.builder()
        .then(
            new ChatResponse(
                new Message.Assistant(
                    "Checking first.",
                    List.of(
                        new ToolCall(
                            "call_a",
                            "run_sql",
                            "{\"query\":\"SELECT count(*) FROM policyholders\"}"),
                        new ToolCall(
                            "call_b", "run_sql", "{\"query\":\"SELECT count(*) FROM claims\"}")),
                    List.of(new ReasoningBlock("Count before anything else.", "sig-1", null))),
                StopReason.TOOL_USE,
                new Usage(300, 40),
                null))
        .then(
            new ChatResponse(
                Message.assistant(OpenAiFidelityTest.TEXT),
                StopReason.END_TURN,
                new Usage(350, 60),
                null))
        .then(
            new ChatResponse(
                Message.assistant(""),
                StopReason.REFUSAL,
                new Usage(20, 8),
                "I can't help with that."))
        .thenThrow(new ModelClientException("scripted", 0, "the script ends here", null))
        .build();
  }

  /** Runs an application whose SDK client talks to the endpoint through a capturing proxy. */
  static List<CapturingProxy.Exchange> capture(BiConsumer<EndpointSession, URI> application) {
    List<CapturingProxy.Exchange> captured = new ArrayList<>();
    AgentRun run =
        AgentRunner.run(
            EndpointAgent.of(
                (session, ctx) -> {
                  try (CapturingProxy proxy = new CapturingProxy(session.baseUri())) {
                    application.accept(session, proxy.uri(session.baseUri().getPath()));
                    captured.addAll(proxy.exchanges());
                  }
                  return "done";
                }),
            OpenAiFidelityTest.SCENARIO,
            ToolSandbox.forScenario(OpenAiFidelityTest.SCENARIO),
            conversation());
    assertThat(run.error())
        .get()
        .isInstanceOf(ModelClientException.class); // the last exchange failed on purpose
    return captured;
  }

  @SuppressWarnings(
      "deprecation") // 'user' and 'seed' are still sent by SDK users; the spec check covers them
  static void openAiConversation(OpenAIClient client, boolean stream) {
    ChatCompletionCreateParams.Builder params =
        OpenAiFidelityTest.request().user("ops-42").seed(7L);
    ChatCompletionMessage first =
        OpenAiFidelityTest.complete(client, params.build(), stream).choices().get(0).message();
    params.addMessage(first);
    for (var call : first.toolCalls().orElseThrow()) {
      params.addMessage(
          ChatCompletionToolMessageParam.builder()
              .toolCallId(call.asFunction().id())
              .content("1")
              .build());
    }
    OpenAiFidelityTest.complete(client, params.build(), stream);
    OpenAiFidelityTest.complete(client, params.build(), stream);
    assertThatThrownBy(() -> OpenAiFidelityTest.complete(client, params.build(), stream))
        .isInstanceOf(com.openai.errors.InternalServerException.class);
  }

  static void anthropicConversation(AnthropicClient client, boolean stream) {
    MessageCreateParams.Builder params =
        AnthropicFidelityTest.request().enabledThinking(1024).maxTokens(4096);
    var first = AnthropicFidelityTest.complete(client, params.build(), stream);
    params.addMessage(first);
    List<ContentBlockParam> results = new ArrayList<>();
    first.content().stream()
        .flatMap(b -> b.toolUse().stream())
        .forEach(
            use ->
                results.add(
                    ContentBlockParam.ofToolResult(
                        ToolResultBlockParam.builder().toolUseId(use.id()).content("1").build())));
    params.addUserMessageOfContentBlockParams(results);
    AnthropicFidelityTest.complete(client, params.build(), stream);
    AnthropicFidelityTest.complete(client, params.build(), stream);
    assertThatThrownBy(() -> AnthropicFidelityTest.complete(client, params.build(), stream))
        .isInstanceOf(com.anthropic.errors.InternalServerException.class);
  }

  @Test
  void should_exchange_only_what_the_openai_spec_allows_whole_and_streamed() throws Exception {
    List<CapturingProxy.Exchange> exchanges = new ArrayList<>();
    for (boolean stream : new boolean[] {false, true}) {
      exchanges.addAll(
          capture(
              (session, uri) ->
                  openAiConversation(
                      SdkClients.openAi(URI.create(uri + "/v1"), session.apiKey()), stream)));
    }

    List<String> violations = new ArrayList<>();
    int chunks =
        validate(
            OPENAI,
            exchanges,
            "CreateChatCompletionRequest",
            "CreateChatCompletionResponse",
            "CreateChatCompletionStreamResponse",
            WireFormatSpecTest::openAiChunks,
            violations);
    assertThat(exchanges)
        .hasSize(8)
        .extracting(CapturingProxy.Exchange::status)
        .containsOnly(200, 500);
    assertThat(chunks).isGreaterThan(10);
    assertThat(violations).isEmpty();
  }

  @Test
  void should_exchange_only_what_the_anthropic_spec_allows_whole_and_streamed() throws Exception {
    List<CapturingProxy.Exchange> exchanges = new ArrayList<>();
    for (boolean stream : new boolean[] {false, true}) {
      exchanges.addAll(
          capture(
              (session, uri) ->
                  anthropicConversation(SdkClients.anthropic(uri, session.apiKey()), stream)));
    }

    List<String> violations = new ArrayList<>();
    int events =
        validate(
            ANTHROPIC,
            exchanges,
            "CreateMessageParams",
            "Message",
            "MessageStreamEvent",
            WireFormatSpecTest::anthropicEvents,
            violations);
    assertThat(exchanges)
        .hasSize(8)
        .extracting(CapturingProxy.Exchange::status)
        .containsOnly(200, 500);
    assertThat(events).isGreaterThan(10);
    assertThat(violations).isEmpty();
  }

  @Test
  void should_reject_what_the_specs_do_not_allow() throws Exception {
    assertThat(
            OPENAI.violations(
                "CreateChatCompletionRequest",
                SpecSchemas.JSON.readTree(
                    "{\"model\":\"gpt-4.1-mini\",\"messages\":\"Drop the table.\"}")))
        .isNotEmpty();
    assertThat(
            OPENAI.violations(
                "CreateChatCompletionStreamResponse",
                SpecSchemas.JSON.readTree(
                    "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":"
                        + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"done\"}]}")))
        .isNotEmpty();
    assertThat(
            ANTHROPIC.violations(
                "CreateMessageParams",
                SpecSchemas.JSON.readTree("{\"model\":\"claude\",\"messages\":[]}")))
        .isNotEmpty();
    assertThat(
            ANTHROPIC.violations(
                "Message",
                SpecSchemas.JSON.readTree(
                    "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"c\",\"content\":[{\"type\":\"text\","
                        + "\"text\":\"hi\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":1,"
                        + "\"output_tokens\":1}}")))
        .isNotEmpty();
  }

  /** Checks every request, and every answer: an error, a whole body, or each event of a stream. */
  private static int validate(
      SpecSchemas spec,
      List<CapturingProxy.Exchange> exchanges,
      String requestSchema,
      String bodySchema,
      String eventSchema,
      Function<String, List<String>> events,
      List<String> violations)
      throws Exception {
    int count = 0;
    for (CapturingProxy.Exchange exchange : exchanges) {
      check(spec, requestSchema, exchange.request(), exchange, violations);
      if (exchange.status() != 200) {
        check(spec, "ErrorResponse", exchange.response(), exchange, violations);
      } else if (exchange.contentType().startsWith("text/event-stream")) {
        for (String event : events.apply(exchange.response())) {
          check(spec, eventSchema, event, exchange, violations);
          count++;
        }
      } else {
        check(spec, bodySchema, exchange.response(), exchange, violations);
      }
    }
    return count;
  }

  /** The JSON of each {@code data:} line but {@code [DONE]}. */
  private static List<String> openAiChunks(String stream) {
    return Arrays.stream(stream.split("\n"))
        .filter(line -> line.startsWith("data: ") && !line.equals("data: [DONE]"))
        .map(line -> line.substring("data: ".length()))
        .toList();
  }

  /** The JSON of each event, whose {@code event:} line must name its type. */
  private static List<String> anthropicEvents(String stream) {
    List<String> events = new ArrayList<>();
    for (String frame : stream.split("\n\n")) {
      String[] lines = frame.split("\n");
      String data = lines[1].substring("data: ".length());
      try {
        assertThat(lines[0])
            .isEqualTo("event: " + SpecSchemas.JSON.readTree(data).path("type").asText());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      events.add(data);
    }
    return events;
  }

  private static void check(
      SpecSchemas spec,
      String schema,
      String json,
      CapturingProxy.Exchange exchange,
      List<String> violations)
      throws Exception {
    for (String violation : spec.violations(schema, SpecSchemas.JSON.readTree(json))) {
      violations.add(schema + " at " + exchange.path() + ": " + violation + "\n  in " + json);
    }
  }
}
