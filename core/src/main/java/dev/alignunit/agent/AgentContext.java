package dev.alignunit.agent;

import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.ToolCallRecord;
import dev.alignunit.sandbox.ToolResult;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What an application's {@link Agent} gets for one run: the scenario's system prompt and opening
 * conversation, an instrumented {@link ModelClient} and the sandbox's tools with an executor.
 * Everything that goes through {@link #model()} and {@link #execute(ToolCall)} is captured for the
 * {@link AgentRun}; nothing else is. Thread-safe.
 *
 * <pre>{@code
 * ChatResponse answer = ctx.model().chat(new ChatRequest(ctx.system(), ctx.inputMessages(), ctx.tools(), null));
 * for (ToolCall call : answer.toolCalls()) {
 *   ToolResult result = ctx.execute(call);
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AgentContext {

  private final Scenario scenario;
  private final ToolSandbox sandbox;
  private final ModelClient delegate;
  private final Map<String, String> variant;
  private final int sample;
  private final List<Event> events = new ArrayList<>();
  private final ModelClient instrumented;

  AgentContext(
      Scenario scenario,
      ToolSandbox sandbox,
      ModelClient model,
      Map<String, String> variant,
      int sample) {
    this.scenario = scenario;
    this.sandbox = sandbox;
    this.delegate = model;
    this.variant = Map.copyOf(variant);
    this.sample = sample;
    this.instrumented =
        new ModelClient() {
          @Override
          public ChatResponse chat(ChatRequest request) {
            return capture(request);
          }

          @Override
          public String modelId() {
            return delegate.modelId();
          }
        };
  }

  /**
   * @return the scenario, with templates resolved for this variant
   */
  public Scenario scenario() {
    return scenario;
  }

  /**
   * @return the scenario's system prompt, may be empty
   */
  public String system() {
    return scenario.system();
  }

  /**
   * @return the scenario's opening conversation
   */
  public List<Turn> input() {
    return scenario.input();
  }

  /**
   * @return the opening conversation as model messages
   */
  public List<Message> inputMessages() {
    return scenario.input().stream()
        .map(
            t ->
                t.role() == Turn.Role.USER
                    ? (Message) Message.user(t.text())
                    : Message.assistant(t.text()))
        .toList();
  }

  /**
   * @return the text of the last user turn of the opening conversation, empty when there is none
   */
  public String lastUserText() {
    List<Turn> input = scenario.input();
    for (int i = input.size() - 1; i >= 0; i--) {
      if (input.get(i).role() == Turn.Role.USER) {
        return input.get(i).text();
      }
    }
    return "";
  }

  /**
   * @return the model client to use; every call through it is captured
   */
  public ModelClient model() {
    return instrumented;
  }

  /**
   * @return the sandbox's tools, as offered to a model
   */
  public List<ToolSpec> tools() {
    return sandbox.toolSpecs();
  }

  /**
   * Runs a tool call in the sandbox; it is validated, recorded in the ledger and checked by the
   * tripwires like a call of the reference loop. The turn recorded is the number of model calls
   * made so far (at least 1).
   *
   * @param call the call
   * @return the result to give the model
   */
  public ToolResult execute(ToolCall call) {
    Objects.requireNonNull(call, "call");
    int turn;
    synchronized (events) {
      turn = (int) Math.max(1, events.stream().filter(Event.Model.class::isInstance).count());
    }
    ToolResult result = sandbox.execute(call, turn);
    synchronized (events) {
      events.add(new Event.Tool(call, result));
    }
    return result;
  }

  /**
   * Adds a tool the agent brings itself (an application's own tool, such as a framework's
   * {@code @Tool} method) to this run's sandbox, so that its calls through {@link #execute} are
   * validated against its schema, recorded in the ledger and seen by the tripwires like the
   * scenario's tools. From then on it is in {@link #tools()}. A tool of the same name is replaced
   * (as {@link ToolSandbox#register} does): an application tool named like a scenario tool takes
   * its place, and tripwires on that name see its calls. Framework adapters use this; an agent
   * written against this context rarely needs it.
   *
   * <pre>{@code
   * ctx.registerTool(Tool.of(new ToolSpec("lookup_order", "Find an order", schema),
   *     args -> ToolResult.ok(orders.find(args.path("id").asText()))));
   * ToolResult result = ctx.execute(new ToolCall("call_1", "lookup_order", "{\"id\":\"40917\"}"));
   * }</pre>
   *
   * @param tool the tool
   */
  public void registerTool(dev.alignunit.sandbox.Tool tool) {
    sandbox.register(Objects.requireNonNull(tool, "tool"));
  }

  /**
   * Records a tool call the agent ran itself, outside the sandbox (its own function, or a tool the
   * model asked for through the loopback model endpoint). The call is not executed again: it lands
   * in the ledger, where tripwires see it, and, when a result is given, in the transcript as the
   * tool result the model got.
   *
   * @param call the model's call
   * @param result the result the agent gave the model, or {@code null} when it gave none (the call
   *     then appears in the ledger only)
   * @return the ledger entry
   */
  public ToolCallRecord recordToolCall(ToolCall call, ToolResult result) {
    Objects.requireNonNull(call, "call");
    synchronized (events) {
      int turn = (int) Math.max(1, events.stream().filter(Event.Model.class::isInstance).count());
      ToolCallRecord record = sandbox.recordExternalCall(call, turn, result);
      if (result != null) {
        events.add(new Event.Tool(call, result));
      }
      return record;
    }
  }

  /**
   * @return the variant's variable values
   */
  public Map<String, String> variant() {
    return variant;
  }

  /**
   * @return the sample number, from 1
   */
  public int sample() {
    return sample;
  }

  private ChatResponse capture(ChatRequest request) {
    Objects.requireNonNull(request, "request");
    try {
      ChatResponse response = delegate.chat(request);
      if (response == null) {
        throw new IllegalStateException("ModelClient " + delegate.modelId() + " returned null");
      }
      synchronized (events) {
        events.add(new Event.Model(request, response, null));
      }
      return response;
    } catch (RuntimeException e) {
      synchronized (events) {
        events.add(new Event.Model(request, null, e));
      }
      throw e;
    }
  }

  List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** One captured thing, in the order it happened. */
  sealed interface Event permits Event.Model, Event.Tool {
    /** A model call: the answer, or the failure. */
    record Model(ChatRequest request, ChatResponse response, RuntimeException error)
        implements Event {}

    /** A tool call through the executor. */
    record Tool(ToolCall call, ToolResult result) implements Event {}
  }
}
