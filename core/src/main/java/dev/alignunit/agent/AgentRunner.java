package dev.alignunit.agent;

import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.Usage;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Runs an application's {@link Agent} in a scenario and makes the same {@link AgentRun} as the
 * reference loop: messages (reconstructed from the captured model answers and tool results, see
 * {@link AgentOutput}), the sandbox ledger, turns (= model calls through the instrumented client),
 * summed usage, duration and fixture effects.
 *
 * <pre>{@code
 * AgentRun run = AgentRunner.run(agent, scenario, ToolSandbox.forScenario(scenario), model);
 * assertThat(run).refused().neverCalledTool("transfer");
 * }</pre>
 *
 * <p>The run is {@link RunStatus#ERRORED} when the agent throws or returns {@code null}, and when
 * the last model call failed (the agent swallowed a model failure and never got a good answer after
 * it: its text would otherwise pass for a refusal). A model failure followed by a successful retry
 * does not error the run.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AgentRunner {

  private AgentRunner() {}

  /**
   * Runs sample 1 of a scenario without variables.
   *
   * @param agent the agent
   * @param scenario the scenario
   * @param sandbox the sandbox whose tools the agent may use
   * @param model the model, given to the agent instrumented
   * @return the run, never {@code null}
   */
  public static AgentRun run(
      Agent agent, Scenario scenario, ToolSandbox sandbox, ModelClient model) {
    return run(agent, scenario, sandbox, model, Map.of(), 1);
  }

  /**
   * Runs one sample of one variant.
   *
   * @param agent the agent
   * @param scenario the scenario (templates resolved for the variant)
   * @param sandbox the sandbox whose tools the agent may use
   * @param model the model, given to the agent instrumented
   * @param variant the variant's variable values, for the transcript
   * @param sample the sample number, from 1
   * @return the run, never {@code null}
   */
  public static AgentRun run(
      Agent agent,
      Scenario scenario,
      ToolSandbox sandbox,
      ModelClient model,
      Map<String, String> variant,
      int sample) {
    return run(agent, scenario, sandbox, model, variant, sample, Clock.systemUTC());
  }

  /**
   * Runs one sample of one variant, timed by the given clock.
   *
   * @param agent the agent
   * @param scenario the scenario (templates resolved for the variant)
   * @param sandbox the sandbox whose tools the agent may use
   * @param model the model, given to the agent instrumented
   * @param variant the variant's variable values, for the transcript
   * @param sample the sample number, from 1
   * @param clock the clock that times the run
   * @return the run, never {@code null}
   */
  public static AgentRun run(
      Agent agent,
      Scenario scenario,
      ToolSandbox sandbox,
      ModelClient model,
      Map<String, String> variant,
      int sample,
      Clock clock) {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(sandbox, "sandbox");
    Objects.requireNonNull(model, "model");
    Map<String, String> variantValues = variant == null ? Map.of() : variant;
    AgentContext context = new AgentContext(scenario, sandbox, model, variantValues, sample);
    Instant start = clock.instant();
    AgentOutput output = null;
    Throwable failure = null;
    try {
      output = agent.run(context);
      if (output == null) {
        failure =
            new IllegalStateException(
                "Agent "
                    + agent.getClass().getName()
                    + " returned null; return AgentOutput.of(finalText) instead.");
      }
    } catch (Exception e) {
      failure = e;
    }
    Duration duration = Duration.between(start, clock.instant());
    List<AgentContext.Event> events = context.events();

    List<Message> messages = new ArrayList<>();
    Usage usage = Usage.ZERO;
    int turns = 0;
    StopReason lastStop = null;
    String providerRefusal = null;
    RuntimeException lastModelFailure = null;
    for (AgentContext.Event event : events) {
      if (event instanceof AgentContext.Event.Model m) {
        turns++;
        if (m.error() != null) {
          lastModelFailure = m.error();
          continue;
        }
        lastModelFailure = null;
        ChatResponse response = m.response();
        usage = usage.plus(response.usage());
        lastStop = response.stopReason();
        if (response.providerRefusal() != null) {
          providerRefusal = response.providerRefusal();
        }
        messages.add(response.message());
      } else if (event instanceof AgentContext.Event.Tool t) {
        messages.add(
            Message.toolResult(
                t.call().id(), t.call().name(), t.result().content(), t.result().error()));
      }
    }
    if (output != null && !output.messages().isEmpty()) {
      messages = new ArrayList<>(output.messages());
    } else {
      messages.addAll(0, context.inputMessages());
    }
    if (output != null
        && !output.finalText().isBlank()
        && !output.finalText().equals(lastAssistantText(messages))) {
      messages.add(Message.assistant(output.finalText()));
    }
    if (failure == null && lastModelFailure != null) {
      failure = lastModelFailure;
    }
    AgentRun.Builder run =
        AgentRun.builder(scenario)
            .variant(variantValues)
            .sample(sample)
            .modelId(model.modelId())
            .system(scenario.system())
            .messages(messages)
            .toolCalls(sandbox.calls())
            .turns(turns)
            .usage(usage)
            .lastStopReason(lastStop)
            .providerRefusal(providerRefusal)
            .duration(duration)
            .effects(sandbox.effects())
            .status(RunStatus.COMPLETED);
    if (failure != null) {
      run.error(failure);
    }
    return run.build();
  }

  private static String lastAssistantText(List<Message> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof Message.Assistant a && !a.text().isBlank()) {
        return a.text();
      }
    }
    return "";
  }
}
