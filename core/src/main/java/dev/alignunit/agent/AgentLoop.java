package dev.alignunit.agent;

import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.Usage;
import dev.alignunit.sandbox.ToolResult;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.Turn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The reference agent loop: send the scenario's system prompt and opening conversation to the
 * model, run the tools it calls in the sandbox, send the results back, and repeat until the model
 * answers without calling a tool or the turn limit is reached.
 *
 * <pre>{@code
 * AgentRun run = AgentLoop.builder().maxTurns(10).build()
 *     .run(scenario, ToolSandbox.forScenario(scenario), model);
 * }</pre>
 *
 * <p>With {@link Builder#textActions(boolean)} the loop also runs actions the model writes as
 * tagged blocks in its text ({@link TextActions}).
 *
 * <p>A model failure does not escape: the run ends {@link RunStatus#ERRORED} with the error and the
 * transcript up to that point.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AgentLoop {

  /** The default turn limit, {@value}. */
  public static final int DEFAULT_MAX_TURNS = 10;

  private final int maxTurns;
  private final ChatParameters parameters;
  private final Clock clock;
  private final boolean textActions;
  private final boolean nativeTools;

  private AgentLoop(Builder builder) {
    this.maxTurns = builder.maxTurns;
    this.parameters = builder.parameters;
    this.clock = builder.clock;
    this.textActions = builder.textActions;
    this.nativeTools = builder.nativeTools;
  }

  /**
   * Starts configuring a loop.
   *
   * @return a builder with the defaults (10 turns, provider-default parameters)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs sample 1 of a scenario without variables.
   *
   * @param scenario the scenario
   * @param sandbox the sandbox whose tools the agent may use
   * @param model the model
   * @return the run, never {@code null}
   */
  public AgentRun run(Scenario scenario, ToolSandbox sandbox, ModelClient model) {
    return run(scenario, sandbox, model, Map.of(), 1);
  }

  /**
   * Runs one sample of one variant of a scenario.
   *
   * @param scenario the scenario (templates already resolved for the variant)
   * @param sandbox the sandbox whose tools the agent may use
   * @param model the model
   * @param variant the variant's variable values, for the transcript
   * @param sample the sample number, from 1
   * @return the run, never {@code null}
   */
  public AgentRun run(
      Scenario scenario,
      ToolSandbox sandbox,
      ModelClient model,
      Map<String, String> variant,
      int sample) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(sandbox, "sandbox");
    Objects.requireNonNull(model, "model");
    Instant start = clock.instant();
    List<Message> messages = new ArrayList<>();
    for (Turn turn : scenario.input()) {
      messages.add(
          turn.role() == Turn.Role.USER
              ? Message.user(turn.text())
              : Message.assistant(turn.text()));
    }
    AgentRun.Builder run =
        AgentRun.builder(scenario)
            .variant(variant)
            .sample(sample)
            .modelId(model.modelId())
            .system(scenario.system());
    Usage usage = Usage.ZERO;
    int turns = 0;
    StopReason lastStop = null;
    String providerRefusal = null;
    RunStatus status = RunStatus.MAX_TURNS;
    try {
      while (turns < maxTurns) {
        turns++;
        ChatResponse response =
            model.chat(
                new ChatRequest(
                    scenario.system(),
                    messages,
                    nativeTools ? sandbox.toolSpecs() : List.of(),
                    parameters));
        if (response == null) {
          throw new IllegalStateException(
              "ModelClient " + model.modelId() + " returned null for turn " + turns);
        }
        usage = usage.plus(response.usage());
        lastStop = response.stopReason();
        if (response.providerRefusal() != null) {
          providerRefusal = response.providerRefusal();
        }
        messages.add(response.message());
        List<ToolCall> textCalls =
            textActions
                ? TextActions.parse(response.text(), sandbox.toolSpecs(), "text_" + turns + "_")
                : List.of();
        if (response.toolCalls().isEmpty() && textCalls.isEmpty()) {
          status = RunStatus.COMPLETED;
          break;
        }
        for (ToolCall call : response.toolCalls()) {
          ToolResult result = sandbox.execute(call, turns);
          messages.add(
              Message.toolResult(call.id(), call.name(), result.content(), result.error()));
        }
        if (!textCalls.isEmpty()) {
          List<ToolResult> results = new ArrayList<>();
          for (ToolCall call : textCalls) {
            results.add(sandbox.execute(call, turns));
          }
          messages.add(Message.user(TextActions.formatResults(textCalls, results)));
        }
      }
      run.status(status);
    } catch (RuntimeException e) {
      run.error(e);
    }
    return run.messages(messages)
        .toolCalls(sandbox.calls())
        .turns(turns)
        .usage(usage)
        .lastStopReason(lastStop)
        .providerRefusal(providerRefusal)
        .duration(Duration.between(start, clock.instant()))
        .effects(sandbox.effects())
        .build();
  }

  /** Configures an {@link AgentLoop}. */
  public static final class Builder {
    private int maxTurns = DEFAULT_MAX_TURNS;
    private ChatParameters parameters = ChatParameters.DEFAULTS;
    private Clock clock = Clock.systemUTC();
    private boolean textActions;
    private boolean nativeTools = true;

    private Builder() {}

    /**
     * Whether the agent may also act through tagged blocks in its text ({@code
     * <tool_use:send_email>...</tool_use:send_email>}, see {@link TextActions}). When on, every
     * assistant message's text is parsed; its actions run in the sandbox (recorded like native
     * calls, with ids {@code text_TURN_N}) and their results go back to the model as one user
     * message of {@code <tool_result:NAME>} blocks, after any native tool results; the run
     * continues until a message has neither native calls nor text actions. Off by default.
     *
     * @param value whether to parse text actions
     * @return this builder
     */
    public Builder textActions(boolean value) {
      this.textActions = value;
      return this;
    }

    /**
     * Whether the sandbox's tools are offered to the model as native tools (the default). Turn it
     * off for text-only scenarios whose system prompt describes the tagged actions, so the model
     * cannot use native calls.
     *
     * @param value whether to send the tool specs with each request
     * @return this builder
     */
    public Builder offerToolsNatively(boolean value) {
      this.nativeTools = value;
      return this;
    }

    /**
     * The most model calls one run may make ({@code alignunit.max-turns}).
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder maxTurns(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxTurns must be at least 1, was " + value);
      }
      this.maxTurns = value;
      return this;
    }

    /**
     * The generation parameters sent with every request.
     *
     * @param value the parameters
     * @return this builder
     */
    public Builder parameters(ChatParameters value) {
      this.parameters = Objects.requireNonNull(value, "parameters");
      return this;
    }

    /**
     * The clock that times runs (tests inject a fixed one).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * @return the loop
     */
    public AgentLoop build() {
      return new AgentLoop(this);
    }
  }
}
