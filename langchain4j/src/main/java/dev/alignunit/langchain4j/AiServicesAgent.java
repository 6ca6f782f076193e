package dev.alignunit.langchain4j;

import dev.alignunit.AlignUnitException;
import dev.alignunit.agent.Agent;
import dev.alignunit.agent.AgentContext;
import dev.alignunit.agent.AgentFactory;
import dev.alignunit.agent.AgentOutput;
import dev.alignunit.scenario.Scenario;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * "This {@code AiServices} interface is the agent under test": for each run, builds the
 * application's LangChain4j AI service over the run's model ({@link LangChain4jRun#chatModel()})
 * and the sandbox's tools ({@link LangChain4jRun#toolProvider()}), with the application's own
 * {@code @Tool} objects behind the sandbox ledger, and asks it the scenario's request.
 *
 * <pre>{@code
 * @AgentUnderTest
 * AgentFactory assistant = AiServicesAgent.of(SupportAssistant.class, SupportAssistant::chat)
 *     .tools(new OrderTools(orders), refunds)                       // the app's @Tool objects (or mocks)
 *     .configure(ai -> ai.chatMemory(MessageWindowChatMemory.withMaxMessages(20)));
 *
 * @AgentScenario("refusal/unverified-transfer")
 * void paysNothing(AgentRun run) {
 *   assertThat(run).refused().neverCalledTool("transfer_funds");
 *   verify(refunds, never()).refund(any(), anyDouble());
 * }
 * }</pre>
 *
 * <p>Per run it configures {@code AiServices.builder(type)} with the run's chat model, the
 * sandbox's tool provider (the scenario's tools, the fixtures' built-in tools and the {@link
 * #tools(Object...) application tools}), a hallucinated-tool-name strategy that records the attempt
 * before failing as LangChain4j does, and, when the scenario has a {@code system} prompt, a system
 * message provider that returns it (LangChain4j uses it only for methods without their own
 * {@code @SystemMessage}, so the application's prompt stays the one under test). Then it applies
 * {@link #configure(Consumer)} (chat memory, guardrails, ...; a later setting wins) and builds the
 * service. Everything else is LangChain4j's own behaviour: its tool loop, memory and error
 * handlers. Instances are immutable: each method returns a copy.
 *
 * @param <S> the AI service interface
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AiServicesAgent<S> implements AgentFactory {

  private final Class<S> type;
  private final BiFunction<? super S, AgentContext, ?> ask;
  private final boolean lastUserTextOnly;
  private final List<Object> tools;
  private final List<Consumer<AiServices<S>>> customizers;

  private AiServicesAgent(
      Class<S> type,
      BiFunction<? super S, AgentContext, ?> ask,
      boolean lastUserTextOnly,
      List<Object> tools,
      List<Consumer<AiServices<S>>> customizers) {
    this.type = type;
    this.ask = ask;
    this.lastUserTextOnly = lastUserTextOnly;
    this.tools = List.copyOf(tools);
    this.customizers = List.copyOf(customizers);
  }

  /**
   * The agent that asks the AI service the scenario's user request.
   *
   * @param type the AI service interface
   * @param ask calls the service with the user's text, such as {@code SupportAssistant::chat}; it
   *     may return a {@code String}, a LangChain4j {@code Result}, or anything else (turned into
   *     text with {@code String.valueOf})
   * @param <S> the interface
   * @return the agent factory
   */
  public static <S> AiServicesAgent<S> of(Class<S> type, BiFunction<? super S, String, ?> ask) {
    Objects.requireNonNull(ask, "ask");
    return new AiServicesAgent<>(
        Objects.requireNonNull(type, "type"),
        (service, ctx) -> ask.apply(service, ctx.lastUserText()),
        true,
        List.of(),
        List.of());
  }

  /**
   * The agent that calls the AI service with the whole run context: for scenarios that open with
   * several turns, memory ids, or methods that take more than the user's text.
   *
   * <pre>{@code
   * AiServicesAgent.withContext(Triage.class, (triage, ctx) -> triage.classify(ctx.sample(), ctx.lastUserText()));
   * }</pre>
   *
   * @param type the AI service interface
   * @param ask calls the service
   * @param <S> the interface
   * @return the agent factory
   */
  public static <S> AiServicesAgent<S> withContext(
      Class<S> type, BiFunction<? super S, AgentContext, ?> ask) {
    return new AiServicesAgent<>(
        Objects.requireNonNull(type, "type"),
        Objects.requireNonNull(ask, "ask"),
        false,
        List.of(),
        List.of());
  }

  /**
   * The application's own tool objects (instances with LangChain4j {@code @Tool} methods, or
   * Mockito mocks and spies of them): offered to the model with the specifications LangChain4j
   * derives, each call validated, recorded in the ledger and seen by the tripwires before the
   * method runs. Give them here instead of to {@code AiServices.tools(...)}, which would bypass the
   * ledger.
   *
   * @param toolObjects the objects, added to those already given
   * @return a copy with the tools
   */
  public AiServicesAgent<S> tools(Object... toolObjects) {
    List<Object> all = new ArrayList<>(tools);
    for (Object tool : toolObjects) {
      all.add(Objects.requireNonNull(tool, "tool object"));
    }
    return new AiServicesAgent<>(type, ask, lastUserTextOnly, all, customizers);
  }

  /**
   * Further configuration of the {@code AiServices} builder, as the application configures it (chat
   * memory, guardrails, error handlers, ...). Runs after AlignUnit's settings, so it may replace
   * them; replacing the chat model or tool provider takes the run out of AlignUnit's view.
   *
   * @param customizer configures the builder
   * @return a copy with the customizer added
   */
  public AiServicesAgent<S> configure(Consumer<AiServices<S>> customizer) {
    List<Consumer<AiServices<S>>> all = new ArrayList<>(customizers);
    all.add(Objects.requireNonNull(customizer, "customizer"));
    return new AiServicesAgent<>(type, ask, lastUserTextOnly, tools, all);
  }

  @Override
  public Agent create(Scenario scenario) {
    if (lastUserTextOnly && scenario.input().size() > 1) {
      throw new AlignUnitException(
          "Scenario '"
              + scenario.id()
              + "' opens with "
              + scenario.input().size()
              + " turns, but AiServicesAgent.of("
              + type.getSimpleName()
              + ".class, ...) sends only the last user "
              + "message. Use AiServicesAgent.withContext(...) and put the earlier turns into the service's chat memory.");
    }
    return this::run;
  }

  private AgentOutput run(AgentContext context) {
    LangChain4jRun run = LangChain4jRun.of(context).registerTools(tools.toArray());
    AiServices<S> builder =
        AiServices.builder(type)
            .chatModel(run.chatModel())
            .toolProvider(run.toolProvider())
            .hallucinatedToolNameStrategy(run.hallucinatedToolNameStrategy());
    if (!context.system().isBlank()) {
      String system = context.system();
      builder.systemMessageProvider(memoryId -> system);
    }
    customizers.forEach(customizer -> customizer.accept(builder));
    S service = builder.build();
    return AgentOutput.of(text(ask.apply(service, context)));
  }

  private static String text(Object answer) {
    if (answer instanceof Result<?> result) {
      return text(result.content());
    }
    return answer == null ? "" : String.valueOf(answer);
  }

  @Override
  public String toString() {
    return "AiServicesAgent[" + type.getName() + ", tools=" + tools.size() + "]";
  }
}
