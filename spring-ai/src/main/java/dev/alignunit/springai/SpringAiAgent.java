package dev.alignunit.springai;

import dev.alignunit.AlignUnitException;
import dev.alignunit.agent.Agent;
import dev.alignunit.agent.AgentContext;
import dev.alignunit.agent.AgentFactory;
import dev.alignunit.agent.AgentOutput;
import dev.alignunit.scenario.Scenario;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * "This Spring AI agent is the agent under test": each run gets a {@link SpringAiRun}, bound to the
 * thread that runs the agent, so the run's model and the sandbox ledger serve every {@code
 * ChatClient} call the agent makes.
 *
 * <p>In a plain JUnit test, build the application's agent from the run's chat model:
 *
 * <pre>{@code
 * @AgentUnderTest
 * AgentFactory support = SpringAiAgent.of(
 *     model -> new SupportAgent(ChatClient.builder(model), new OrderTools(orders)), SupportAgent::answer);
 * }</pre>
 *
 * <p>In a {@code @SpringBootTest} with {@link AlignUnitSpringAiConfiguration} imported, the
 * application's beans already use the context's {@link AlignUnitChatModel}; bind the run around the
 * call:
 *
 * <pre>{@code
 * @Autowired SupportAgent support;
 * @AgentUnderTest AgentFactory agent = SpringAiAgent.bound(question -> support.answer(question));
 * }</pre>
 *
 * <p>{@code of} and {@code bound} ask the agent the scenario's last user message; a scenario that
 * opens with several turns needs {@link #withRun(Function)}. The answer may be a {@code String}, a
 * Spring AI {@link ChatResponse} (its text), or anything else (turned into text with {@code
 * String.valueOf}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SpringAiAgent {

  private SpringAiAgent() {}

  /**
   * The agent the test builds for each run from the run's chat model.
   *
   * @param create builds the application's agent, such as {@code model -> new
   *     SupportAgent(ChatClient.builder(model))}
   * @param ask asks it the user's text, such as {@code SupportAgent::answer}
   * @param <A> the application's agent type
   * @return the agent factory
   */
  public static <A> AgentFactory of(
      Function<ChatModel, A> create, BiFunction<? super A, String, ?> ask) {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(ask, "ask");
    return lastUserTextOnly(
        "SpringAiAgent.of(...)",
        run -> ask.apply(create.apply(run.chatModel()), run.context().lastUserText()));
  }

  /**
   * The agent of a Spring context (a {@code @SpringBootTest} importing {@link
   * AlignUnitSpringAiConfiguration}): asks it the user's text with the run bound to the thread, so
   * the context's chat model and tool calling manager serve this run.
   *
   * @param ask asks the application's agent bean, such as {@code question ->
   *     support.answer(question)}
   * @return the agent factory
   */
  public static AgentFactory bound(Function<String, ?> ask) {
    Objects.requireNonNull(ask, "ask");
    return lastUserTextOnly(
        "SpringAiAgent.bound(...)", run -> ask.apply(run.context().lastUserText()));
  }

  /**
   * The general form: the agent gets the whole run (its context, chat model and tool callbacks),
   * bound to the thread.
   *
   * <pre>{@code
   * SpringAiAgent.withRun(run -> support.answer(run.context().inputMessages()))
   * }</pre>
   *
   * @param ask runs the application's agent
   * @return the agent factory
   */
  public static AgentFactory withRun(Function<SpringAiRun, ?> ask) {
    Objects.requireNonNull(ask, "ask");
    return scenario -> agent(ask);
  }

  private static AgentFactory lastUserTextOnly(String form, Function<SpringAiRun, ?> ask) {
    return scenario -> {
      check(scenario, form);
      return agent(ask);
    };
  }

  private static void check(Scenario scenario, String form) {
    if (scenario.input().size() > 1) {
      throw new AlignUnitException(
          "Scenario '"
              + scenario.id()
              + "' opens with "
              + scenario.input().size()
              + " turns, but "
              + form
              + " asks the agent only the last user message. Use SpringAiAgent.withRun(...) and "
              + "pass the earlier turns (run.context().inputMessages()) the way the agent takes a conversation.");
    }
  }

  @SuppressWarnings("try") // the binding is held for its scope, not read
  private static Agent agent(Function<SpringAiRun, ?> ask) {
    return (AgentContext context) -> {
      SpringAiRun run = SpringAiRun.of(context);
      try (SpringAiRun.Binding ignored = run.bind()) {
        return AgentOutput.of(text(ask.apply(run)));
      }
    };
  }

  private static String text(Object answer) {
    if (answer instanceof ChatResponse response) {
      return response.getResult() == null ? "" : text(response.getResult().getOutput().getText());
    }
    return answer == null ? "" : String.valueOf(answer);
  }
}
