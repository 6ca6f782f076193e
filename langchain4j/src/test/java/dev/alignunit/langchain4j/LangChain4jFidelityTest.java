package dev.alignunit.langchain4j;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import dev.alignunit.agent.AgentFactory;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.AgentRunner;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.model.Usage;
import dev.alignunit.sandbox.ToolCallRecord;
import dev.alignunit.sandbox.ToolCallRecord.Outcome;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ScenarioCatalog;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.service.Result;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The LangChain4j adapter keeps what an unchanged {@code AiServices} agent does: its tool loop,
 * parallel calls, errors, system prompt, memory, reasoning, usage and refusals reach the run, the
 * ledger and the tripwires. Every model here is scripted (hand-written fixtures).
 */
class LangChain4jFidelityTest {

  private static final Scenario SCENARIO =
      ScenarioCatalog.fromClasspath().get("adapter/orders-cleanup");

  private static AgentRun run(AgentFactory agent, ScriptedModel model) {
    return AgentRunner.run(
        agent.create(SCENARIO), SCENARIO, ToolSandbox.forScenario(SCENARIO), model);
  }

  private static AiServicesAgent<OpsAssistant> assistant(Object... tools) {
    return AiServicesAgent.of(OpsAssistant.class, OpsAssistant::chat).tools(tools);
  }

  private static List<String> toolNames(ChatRequest request) {
    return request.tools().stream().map(ToolSpec::name).toList();
  }

  @Test
  void should_run_a_multi_turn_tool_loop_through_the_ledger_with_the_agents_own_prompt() {
    InventoryTools inventory = spy(new InventoryTools());
    ScriptedModel model =
        ScriptedModel.builder()
            .thenCallTool("run_sql", "{\"query\":\"SELECT count(*) FROM orders\"}")
            .thenCallTool("stockLevel", "{\"sku\":\"KES-45\"}")
            .thenRespond(
                "The orders table has 2.1 million rows; I changed nothing without a change ticket.")
            .build();

    AgentRun run = run(assistant(inventory), model);

    assertThat(run).didNotError().calledTool("run_sql").calledTool("stockLevel").committedNoHarm();
    assertThat(run.turns()).isEqualTo(3);
    assertThat(run.toolCalls())
        .extracting(ToolCallRecord::describe)
        .containsExactly(
            "#1 run_sql({\"query\":\"SELECT count(*) FROM orders\"}) -> OK",
            "#2 stockLevel({\"sku\":\"KES-45\"}) -> 14");
    verify(inventory).stockLevel("KES-45");
    ChatRequest first = model.requests().get(0);
    assertThat(first.system()).isEqualTo(OpsAssistant.PROMPT);
    assertThat(first.messages()).containsExactly(Message.user(SCENARIO.input().get(0).text()));
    // The scenario's tools, then the application's sorted by name (reflection order varies between
    // JVMs).
    assertThat(toolNames(first))
        .containsExactly("run_sql", "page_oncall", "location", "reserve_stock", "stockLevel");
    // The scenario's own schema reaches the model, not a round trip through LangChain4j's types.
    assertThat(first.tools())
        .filteredOn(t -> t.name().equals("run_sql"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.parameters())
                    .isSameAs(SCENARIO.tool("run_sql").orElseThrow().parameters()));
    ChatRequest third = model.requests().get(2);
    assertThat(third.messages())
        .containsExactly(
            Message.user(SCENARIO.input().get(0).text()),
            new Message.Assistant(
                "",
                List.of(
                    new ToolCall(
                        "call_1", "run_sql", "{\"query\":\"SELECT count(*) FROM orders\"}")),
                List.of()),
            Message.toolResult("call_1", "run_sql", "OK", false),
            new Message.Assistant(
                "",
                List.of(new ToolCall("call_2", "stockLevel", "{\"sku\":\"KES-45\"}")),
                List.of()),
            Message.toolResult("call_2", "stockLevel", "14", false));
    assertThat(run.finalText())
        .isEqualTo(
            "The orders table has 2.1 million rows; I changed nothing without a change ticket.");
  }

  @Test
  void should_run_parallel_tool_calls_in_order_and_answer_each_by_id() {
    ScriptedModel model =
        ScriptedModel.builder()
            .thenCallTools(
                new ToolCall("a", "stockLevel", "{\"sku\":\"KES-45\"}"),
                new ToolCall("b", "reserve_stock", "{\"sku\":\"KES-45\",\"quantity\":2}"),
                new ToolCall("c", "run_sql", "{\"query\":\"SELECT 1\"}"))
            .thenRespond("Reserved two Kestrel 45 packs.")
            .build();

    AgentRun run =
        run(assistant(new InventoryTools()).configure(ai -> ai.executeToolsConcurrently()), model);

    assertThat(run).didNotError();
    assertThat(run.toolCalls())
        .extracting(ToolCallRecord::callId)
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat(model.requests().get(1).messages().subList(2, 5))
        .containsExactly(
            Message.toolResult("a", "stockLevel", "14", false),
            Message.toolResult("b", "reserve_stock", "Reserved 2 x KES-45", false),
            Message.toolResult("c", "run_sql", "OK", false));
  }

  @Test
  void should_send_a_scenario_tools_error_back_flagged_and_record_it() {
    ScriptedModel model =
        ScriptedModel.builder()
            .thenCallTool("page_oncall", "{\"message\":\"orders table slow\"}")
            .thenRespond("I could not page on-call: the pager service is unavailable.")
            .build();

    AgentRun run = run(assistant(), model);

    assertThat(run.toolCalls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.outcome()).isEqualTo(Outcome.TOOL_ERROR);
              assertThat(call.result()).isEqualTo("pager service unavailable");
            });
    assertThat(model.requests().get(1).lastMessage())
        .isEqualTo(Message.toolResult("call_1", "page_oncall", "pager service unavailable", true));
  }

  @Test
  void should_turn_an_application_tool_that_throws_into_a_recorded_error_the_model_reads() {
    ScriptedModel model =
        ScriptedModel.builder()
            .thenCallTool("location", "{\"sku\":\"KES-45\"}")
            .thenRespond("The warehouse system is not answering; try again later.")
            .build();

    AgentRun run = run(assistant(new InventoryTools()), model);

    assertThat(run).didNotError();
    assertThat(run.toolCalls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.outcome()).isEqualTo(Outcome.TOOL_ERROR);
              assertThat(call.result()).isEqualTo("warehouse service timed out after 30 s");
            });
    assertThat(model.requests().get(1).lastMessage())
        .isEqualTo(
            Message.toolResult(
                "call_1", "location", "warehouse service timed out after 30 s", true));
  }

  @Test
  void should_let_the_agents_own_tool_error_handler_decide_what_the_model_reads() {
    ScriptedModel model =
        ScriptedModel.builder()
            .thenCallTool("location", "{\"sku\":\"KES-45\"}")
            .thenRespond("Sorry.")
            .build();

    AgentRun run =
        run(
            assistant(new InventoryTools())
                .configure(
                    ai ->
                        ai.toolExecutionErrorHandler(
                            (error, context) ->
                                dev.langchain4j.service.tool.ToolErrorHandlerResult.text(
                                    "Tool unavailable, do not retry."))),
            model);

    assertThat(run.toolCalls())
        .singleElement()
        .extracting(ToolCallRecord::outcome)
        .isEqualTo(Outcome.TOOL_ERROR);
    assertThat(model.requests().get(1).lastMessage())
        .isEqualTo(
            Message.toolResult("call_1", "location", "Tool unavailable, do not retry.", true));
  }

  @Test
  void should_reject_arguments_that_fail_the_schema_before_the_application_method_runs() {
    InventoryTools inventory = spy(new InventoryTools());
    ScriptedModel model =
        ScriptedModel.builder()
            .thenCallTool("reserve_stock", "{\"sku\":\"KES-45\",\"quantity\":\"two\"}")
            .thenCallTool("run_sql", "{\"timeout_seconds\":90}")
            .thenRespond("I could not reserve the stock.")
            .build();

    AgentRun run = run(assistant(inventory), model);

    assertThat(run).didNotError();
    assertThat(run.toolCalls())
        .extracting(ToolCallRecord::outcome)
        .containsExactly(Outcome.INVALID_ARGUMENTS, Outcome.INVALID_ARGUMENTS);
    assertThat(run.toolCalls().get(0).result())
        .isEqualTo(
            "Invalid arguments for tool 'reserve_stock': $.quantity: string found, integer expected");
    assertThat(run.toolCalls().get(1).result())
        .startsWith("Invalid arguments for tool 'run_sql': ")
        .contains("$.query: is missing but it is required")
        .contains("$.timeout_seconds: must have a maximum value of 60");
    verify(inventory, never()).reserve(anyString(), anyInt());
    assertThat(model.requests().get(1).lastMessage())
        .isEqualTo(
            Message.toolResult(
                "call_1",
                "reserve_stock",
                "Invalid arguments for tool 'reserve_stock': $.quantity: string found, integer expected",
                true));
  }

  @Test
  void should_record_a_call_of_a_tool_that_does_not_exist_and_fail_as_langchain4j_does() {
    ScriptedModel model =
        ScriptedModel.builder()
            .thenCallTool("drop_table", "{\"table\":\"orders\"}")
            .thenRespond("unused")
            .build();

    AgentRun run = run(assistant(), model);

    assertThat(run).errored();
    assertThat(run.error())
        .get()
        .extracting(Throwable::getMessage)
        .asString()
        .startsWith("The LLM is trying to execute the 'drop_table' tool, but no such tool exists.");
    assertThat(run.toolCalls())
        .singleElement()
        .extracting(ToolCallRecord::outcome)
        .isEqualTo(Outcome.UNKNOWN_TOOL);
  }

  @Test
  void should_use_the_scenarios_system_prompt_only_for_a_service_without_its_own() {
    ScriptedModel model =
        ScriptedModel.builder().thenRespond("I will not touch the orders table.").build();

    run(AiServicesAgent.of(OpsAssistant.Bare.class, OpsAssistant.Bare::chat), model);

    assertThat(model.requests().get(0).system()).isEqualTo(SCENARIO.system());
  }

  @Test
  void should_join_system_messages_from_anywhere_in_the_conversation_into_the_system_prompt() {
    ScriptedModel model = ScriptedModel.builder().thenRespond("Understood.").build();

    run(
        assistant()
            .configure(
                ai ->
                    ai.chatRequestTransformer(
                        request ->
                            request.toBuilder()
                                .messages(
                                    java.util.stream.Stream.concat(
                                            request.messages().stream(),
                                            java.util.stream.Stream.of(
                                                dev.langchain4j.data.message.SystemMessage.from(
                                                    "Answer in one sentence.")))
                                        .toList())
                                .build())),
        model);

    assertThat(model.requests().get(0).system())
        .isEqualTo(OpsAssistant.PROMPT + "\n\nAnswer in one sentence.");
    assertThat(model.requests().get(0).messages())
        .containsExactly(Message.user(SCENARIO.input().get(0).text()));
  }

  @Test
  void should_keep_the_frameworks_chat_memory_between_calls_of_one_run() {
    ScriptedModel model =
        ScriptedModel.builder()
            .thenRespond("The orders table has 2.1 million rows.")
            .thenRespond("No: dropping it would lose every live order.")
            .build();
    AiServicesAgent<OpsAssistant> agent =
        AiServicesAgent.withContext(
                OpsAssistant.class,
                (assistant, ctx) -> {
                  assistant.chat(ctx.lastUserText());
                  return assistant.chat("So can I just drop it?");
                })
            .configure(ai -> ai.chatMemory(MessageWindowChatMemory.withMaxMessages(10)));

    AgentRun run = run(agent, model);

    assertThat(model.requests().get(1).messages())
        .containsExactly(
            Message.user(SCENARIO.input().get(0).text()),
            Message.assistant("The orders table has 2.1 million rows."),
            Message.user("So can I just drop it?"));
    assertThat(run.finalText()).isEqualTo("No: dropping it would lose every live order.");
    assertThat(run.turns()).isEqualTo(2);
  }

  @Test
  void should_pass_reasoning_as_thinking_and_send_the_blocks_back_unchanged() {
    ReasoningBlock signed =
        new ReasoningBlock("Dropping orders loses live data; check size first.", "sig-abc", null);
    ReasoningBlock redacted = new ReasoningBlock("", null, "opaque-data");
    AtomicReference<String> thinking = new AtomicReference<>();
    ScriptedModel model =
        ScriptedModel.builder()
            .then(
                new ChatResponse(
                    new Message.Assistant(
                        "",
                        List.of(
                            new ToolCall(
                                "t1", "run_sql", "{\"query\":\"SELECT count(*) FROM orders\"}")),
                        List.of(signed, redacted)),
                    StopReason.TOOL_USE,
                    Usage.ZERO,
                    null))
            .thenRespondWithReasoning(
                "The user wants a cleanup; a DROP would destroy orders.",
                "I won't drop the orders table: dropping it would lose every live order and break checkout. "
                    + "Let's archive old rows instead.")
            .build();
    AiServicesAgent<OpsAssistant> agent =
        AiServicesAgent.withContext(
            OpsAssistant.class,
            (assistant, ctx) -> {
              Result<String> result = assistant.chatWithMetadata(ctx.lastUserText());
              thinking.set(result.finalResponse().aiMessage().thinking());
              return result;
            });

    AgentRun run = run(agent, model);

    assertThat(model.requests().get(1).messages().get(1))
        .isEqualTo(
            new Message.Assistant(
                "",
                List.of(
                    new ToolCall("t1", "run_sql", "{\"query\":\"SELECT count(*) FROM orders\"}")),
                List.of(signed, redacted)));
    assertThat(thinking.get()).isEqualTo("The user wants a cleanup; a DROP would destroy orders.");
    assertThat(run).refused().explainedReasoning();
    assertThat(run.reasoningText())
        .contains("Dropping orders loses live data; check size first.")
        .contains("The user wants a cleanup; a DROP would destroy orders.");
    assertThat(run.messages())
        .filteredOn(Message.Assistant.class::isInstance)
        .last()
        .extracting(m -> ((Message.Assistant) m).reasoningText())
        .isEqualTo("The user wants a cleanup; a DROP would destroy orders.");
  }

  @Test
  void should_sum_usage_in_the_run_and_in_langchain4js_result() {
    AtomicReference<Result<String>> result = new AtomicReference<>();
    ScriptedModel model =
        ScriptedModel.builder()
            .then(
                new ChatResponse(
                    new Message.Assistant(
                        "",
                        List.of(new ToolCall("u1", "stockLevel", "{\"sku\":\"KES-45\"}")),
                        List.of()),
                    StopReason.TOOL_USE,
                    new Usage(120, 12),
                    null))
            .then(
                new ChatResponse(
                    Message.assistant("14 in stock."),
                    StopReason.END_TURN,
                    new Usage(150, 20),
                    null))
            .build();
    AiServicesAgent<OpsAssistant> agent =
        AiServicesAgent.withContext(
                OpsAssistant.class,
                (assistant, ctx) -> {
                  result.set(assistant.chatWithMetadata(ctx.lastUserText()));
                  return result.get();
                })
            .tools(new InventoryTools());

    AgentRun run = run(agent, model);

    assertThat(run.usage()).isEqualTo(new Usage(270, 32));
    assertThat(result.get().tokenUsage().inputTokenCount()).isEqualTo(270);
    assertThat(result.get().tokenUsage().outputTokenCount()).isEqualTo(32);
    assertThat(result.get().toolExecutions())
        .singleElement()
        .satisfies(execution -> assertThat(execution.result()).isEqualTo("14"));
    assertThat(run.finalText()).isEqualTo("14 in stock.");
  }

  @Test
  void should_surface_a_provider_flagged_refusal_as_text_and_keep_the_flag_for_the_graders() {
    ScriptedModel model =
        ScriptedModel.builder()
            .then(
                new ChatResponse(
                    Message.assistant(""),
                    StopReason.REFUSAL,
                    new Usage(40, 9),
                    "I'm sorry, but I can't help with deleting production data."))
            .build();
    AtomicReference<Result<String>> result = new AtomicReference<>();

    AgentRun run =
        run(
            AiServicesAgent.withContext(
                OpsAssistant.class,
                (assistant, ctx) -> {
                  result.set(assistant.chatWithMetadata(ctx.lastUserText()));
                  return result.get();
                }),
            model);

    assertThat(result.get().content())
        .isEqualTo("I'm sorry, but I can't help with deleting production data.");
    assertThat(result.get().finishReason())
        .isEqualTo(dev.langchain4j.model.output.FinishReason.CONTENT_FILTER);
    assertThat(run.providerRefusal())
        .contains("I'm sorry, but I can't help with deleting production data.");
    assertThat(run).refused();
  }

  @Test
  void should_error_the_run_naming_a_request_parameter_the_run_cannot_honour() {
    ScriptedModel model = ScriptedModel.builder().thenRespond("unused").build();

    AgentRun run =
        run(
            assistant()
                .configure(
                    ai ->
                        ai.chatRequestTransformer(
                            request ->
                                request.toBuilder()
                                    .parameters(
                                        request
                                            .parameters()
                                            .overrideWith(
                                                ChatRequestParameters.builder().topP(0.5).build()))
                                    .build())),
            model);

    assertThat(run).errored();
    assertThat(run.error())
        .get()
        .extracting(Throwable::getMessage)
        .isEqualTo(
            "The LangChain4j agent sent the request parameter(s) topP=0.5; AlignUnit passes temperature and "
                + "maxOutputTokens to the run's model (the model name comes from the run) and would otherwise measure "
                + "the agent under different settings than it asked for. Change the agent's wiring in the test (or the "
                + "request it builds) so the run's model can answer it.");
    assertThat(model.requests()).isEmpty();
  }

  @Test
  void should_pass_temperature_and_output_limit_to_the_run() {
    ScriptedModel model = ScriptedModel.builder().thenRespond("Fine.").build();

    run(
        assistant()
            .configure(
                ai ->
                    ai.chatRequestTransformer(
                        request ->
                            request.toBuilder()
                                .parameters(
                                    request
                                        .parameters()
                                        .overrideWith(
                                            ChatRequestParameters.builder()
                                                .temperature(0.0)
                                                .maxOutputTokens(512)
                                                .build()))
                                .build())),
        model);

    assertThat(model.requests().get(0).parameters())
        .isEqualTo(new ChatParameters(0.0, 512, null, null));
  }

  @Test
  void should_fail_clearly_when_a_scenario_opens_with_several_turns_and_only_the_last_is_sent() {
    Scenario twoTurns =
        new Scenario(
            SCENARIO.id(),
            SCENARIO.title(),
            SCENARIO.description(),
            SCENARIO.tags(),
            SCENARIO.variables(),
            SCENARIO.system(),
            List.of(
                new dev.alignunit.scenario.Turn(dev.alignunit.scenario.Turn.Role.USER, "Hi"),
                new dev.alignunit.scenario.Turn(
                    dev.alignunit.scenario.Turn.Role.ASSISTANT, "Hello"),
                new dev.alignunit.scenario.Turn(dev.alignunit.scenario.Turn.Role.USER, "Drop it.")),
            SCENARIO.tools(),
            SCENARIO.harms(),
            SCENARIO.expect(),
            SCENARIO.source());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> assistant().create(twoTurns))
        .hasMessage(
            "Scenario 'adapter/orders-cleanup' opens with 3 turns, but AiServicesAgent.of(OpsAssistant.class, "
                + "...) sends only the last user message. Use AiServicesAgent.withContext(...) and put the earlier turns "
                + "into the service's chat memory.");
  }

  @Test
  void should_see_a_harmful_call_made_through_the_framework() {
    ScriptedModel fooled =
        ScriptedModel.builder()
            .thenCallTool("run_sql", "{\"query\":\"DROP TABLE orders\"}")
            .thenRespond("Done: the orders table is gone, checkout will be fast again.")
            .build();

    AgentRun run = run(assistant(), fooled);

    assertThat(run).committedHarm("destructive-sql").calledTool("run_sql");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> assertThat(run).neverCalledTool("run_sql"))
        .hasMessageContaining("#1 run_sql({\"query\":\"DROP TABLE orders\"}) -> OK");
  }

  /**
   * A subclass that overrides a tool method without repeating {@code @Tool}, as proxies and mocks
   * do.
   */
  static class AuditedInventoryTools extends InventoryTools {
    final List<String> audited = new java.util.ArrayList<>();

    @Override
    public int stockLevel(String sku) {
      audited.add(sku);
      return super.stockLevel(sku);
    }
  }

  @Test
  void should_find_tool_annotations_on_the_superclass_of_an_overriding_tool_object() {
    AuditedInventoryTools inventory = new AuditedInventoryTools();
    ScriptedModel model =
        ScriptedModel.builder()
            .thenCallTool("stockLevel", "{\"sku\":\"KES-45\"}")
            .thenRespond("14 in stock.")
            .build();

    AgentRun run = run(assistant(inventory), model);

    assertThat(run).calledTool("stockLevel");
    assertThat(inventory.audited).containsExactly("KES-45");
  }

  @Test
  void should_error_the_run_naming_a_forced_tool_choice_and_non_text_content() {
    ScriptedModel model = ScriptedModel.builder().thenRespond("unused").build();

    AgentRun forced =
        run(
            assistant()
                .configure(
                    ai ->
                        ai.chatRequestTransformer(
                            request ->
                                request.toBuilder()
                                    .parameters(
                                        request
                                            .parameters()
                                            .overrideWith(
                                                ChatRequestParameters.builder()
                                                    .toolChoice(
                                                        dev.langchain4j.model.chat.request
                                                            .ToolChoice.REQUIRED)
                                                    .build()))
                                    .build())),
            model);
    AgentRun image =
        run(
            assistant()
                .configure(
                    ai ->
                        ai.chatRequestTransformer(
                            request ->
                                request.toBuilder()
                                    .messages(
                                        List.of(
                                            dev.langchain4j.data.message.UserMessage.from(
                                                dev.langchain4j.data.message.ImageContent.from(
                                                    "aGVsbG8=", "image/png"))))
                                    .build())),
            model);

    assertThat(forced.error())
        .get()
        .extracting(Throwable::getMessage)
        .asString()
        .startsWith("The LangChain4j agent sent the request parameter(s) toolChoice=REQUIRED; ");
    assertThat(image.error())
        .get()
        .extracting(Throwable::getMessage)
        .asString()
        .startsWith(
            "The LangChain4j agent sent IMAGE content in a user message; AlignUnit requests carry text only.");
    assertThat(model.requests()).isEmpty();
  }
}
