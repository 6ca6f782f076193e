package dev.alignunit.springai;

import dev.alignunit.AlignUnitException;
import dev.alignunit.agent.AgentContext;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.ToolResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.definition.DefaultToolDefinition;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;

/**
 * The Spring AI view of one AlignUnit run: the run's model as a Spring AI {@link ChatModel} ({@link
 * #chatModel()}), the sandbox's tools as {@link ToolCallback}s ({@link #toolCallbacks()}), and the
 * ledger behind every tool the agent offers. {@link SpringAiAgent} creates one per run; in a
 * {@code @SpringBootTest} the run is {@link #bind() bound} to the thread so the context's {@link
 * AlignUnitChatModel} bean serves it.
 *
 * <p>What is captured: every {@code call} on the chat model (it goes to the run's instrumented
 * model: scripted, recorded, replayed or live), and every tool call Spring AI runs for it, whether
 * the tool came from the application ({@code ChatClient.defaultTools(bean)}, {@code .tools(...)},
 * {@code ToolCallback}s, tool names) or from the scenario: each is validated against its schema,
 * recorded in the ledger and seen by the tripwires before the application's callback runs. One
 * instance serves one run; it is thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SpringAiRun {

  private static final ThreadLocal<SpringAiRun> BOUND = new ThreadLocal<>();

  private final AgentContext context;
  private final Map<String, ToolCallback> registered = new HashMap<>();
  private final Map<String, Boolean> failedCalls = new ConcurrentHashMap<>();
  private final Deque<AssistantMessage.ToolCall> expected = new ArrayDeque<>();
  private final AtomicInteger generatedIds = new AtomicInteger();

  private SpringAiRun(AgentContext context) {
    this.context = context;
  }

  /**
   * The Spring AI view of a run.
   *
   * @param context the run's context, as an {@code Agent} receives it
   * @return the run
   */
  public static SpringAiRun of(AgentContext context) {
    return new SpringAiRun(Objects.requireNonNull(context, "context"));
  }

  /**
   * The run bound to the current thread by {@link #bind()}.
   *
   * @return the run
   * @throws AlignUnitException when no run is bound, naming the thread
   */
  public static SpringAiRun current() {
    SpringAiRun run = BOUND.get();
    if (run == null) {
      throw new AlignUnitException(
          "The AlignUnit chat model was called on thread '"
              + Thread.currentThread().getName()
              + "', but no AlignUnit run is bound to it. Call the agent inside SpringAiAgent.bound(...) (it binds the run "
              + "of each @AgentScenario sample to the thread that runs the agent), and keep the agent's ChatClient calls "
              + "on that thread (stream() and async executors are not followed).");
    }
    return run;
  }

  /**
   * Binds this run to the current thread until the returned binding is closed, so the {@link
   * AlignUnitChatModel#forBoundRun() bound chat model} and tool calling manager serve it.
   *
   * <pre>{@code
   * try (SpringAiRun.Binding ignored = run.bind()) {
   *   return AgentOutput.of(supportAgent.answer(ctx.lastUserText()));
   * }
   * }</pre>
   *
   * @return the binding; closing it restores what was bound before
   */
  public Binding bind() {
    SpringAiRun previous = BOUND.get();
    BOUND.set(this);
    return () -> {
      if (previous == null) {
        BOUND.remove();
      } else {
        BOUND.set(previous);
      }
    };
  }

  /** A thread binding of a run; closing it unbinds. */
  @FunctionalInterface
  public interface Binding extends AutoCloseable {
    /** Unbinds the run (no exception). */
    @Override
    void close();
  }

  /**
   * @return the run's context
   */
  public AgentContext context() {
    return context;
  }

  /**
   * The run's model as a Spring AI chat model for {@code ChatClient.builder(chatModel)}; it runs
   * the tool calls of its answers through the sandbox ledger.
   *
   * @return a chat model serving this run
   */
  public ChatModel chatModel() {
    return AlignUnitChatModel.builder().run(this).build();
  }

  /**
   * The sandbox's tools that did not come from the application (the scenario's tools and the
   * fixtures' built-in ones) as Spring AI tool callbacks, each call going through the ledger. The
   * chat model offers them by default; give them to a {@code ChatClient} yourself when it runs on
   * another chat model.
   *
   * @return the callbacks
   */
  public ToolCallbackProvider toolCallbacks() {
    return () -> scenarioTools().toArray(ToolCallback[]::new);
  }

  /** The sandbox's own tools (not registered from application callbacks) as ledger callbacks. */
  List<ToolCallback> scenarioTools() {
    return context.tools().stream()
        .filter(spec -> !isApplicationTool(spec.name()))
        .map(
            spec ->
                (ToolCallback)
                    new LedgerCallback(
                        this, null, definition(spec), CallbackTool.DEFAULT_PROCESSOR))
        .toList();
  }

  private synchronized boolean isApplicationTool(String name) {
    return registered.containsKey(name);
  }

  private static ToolDefinition definition(ToolSpec spec) {
    return DefaultToolDefinition.builder()
        .name(spec.name())
        .description(spec.description())
        .inputSchema(spec.parameters().toString())
        .build();
  }

  /**
   * Puts an application callback behind the ledger: registers it in the sandbox (replacing a tool
   * of the same name) unless this very callback already is, and returns the callback the agent's
   * tool calling then uses.
   */
  ToolCallback ledger(ToolCallback callback, ToolExecutionExceptionProcessor processor) {
    if (callback instanceof LedgerCallback ledger) {
      return ledger;
    }
    String name = callback.getToolDefinition().name();
    boolean register;
    synchronized (this) {
      register = registered.get(name) != callback;
      if (register) {
        registered.put(name, callback);
      }
    }
    if (register) {
      context.registerTool(new CallbackTool(callback));
    }
    return new LedgerCallback(this, callback, callback.getToolDefinition(), processor);
  }

  /** The spec the model sees for an offered tool: the sandbox's own for scenario tools. */
  ToolSpec spec(ToolCallback callback) {
    String name = callback.getToolDefinition().name();
    return context.tools().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseGet(() -> SpringAiMessages.spec(callback.getToolDefinition()));
  }

  /** The model's tool calls about to be executed, so each execution gets its call's id. */
  synchronized void expect(List<AssistantMessage.ToolCall> calls) {
    expected.clear();
    expected.addAll(calls);
  }

  synchronized void clearExpected() {
    expected.clear();
  }

  private synchronized String callId(String name, String input) {
    for (Iterator<AssistantMessage.ToolCall> it = expected.iterator(); it.hasNext(); ) {
      AssistantMessage.ToolCall call = it.next();
      String arguments =
          call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
      if (call.name().equals(name) && arguments.equals(input)) {
        it.remove();
        return call.id();
      }
    }
    return "alignunit_" + generatedIds.incrementAndGet();
  }

  /** Records a call of a tool no callback provides (the sandbox answers UNKNOWN_TOOL). */
  void recordUnknown(AssistantMessage.ToolCall call) {
    synchronized (this) {
      expected.remove(call);
    }
    context.execute(
        new ToolCall(call.id() == null ? "" : call.id(), call.name(), call.arguments()));
  }

  boolean failed(String callId) {
    return callId != null && failedCalls.getOrDefault(callId, false);
  }

  /**
   * Runs one tool call through the sandbox ledger; when the exception processor rethrows an
   * application tool's failure, it is rethrown here after the call is recorded.
   */
  String execute(
      String name,
      String input,
      ToolContext toolContext,
      ToolExecutionExceptionProcessor processor) {
    String id = callId(name, input);
    CallbackTool.Invocation invocation = new CallbackTool.Invocation(input, toolContext, processor);
    CallbackTool.CURRENT.set(invocation);
    ToolResult result;
    try {
      result = context.execute(new ToolCall(id, name, input));
    } finally {
      CallbackTool.CURRENT.remove();
    }
    failedCalls.put(id, result.error());
    if (invocation.failure != null) {
      throw invocation.failure;
    }
    return result.content();
  }

  /**
   * A tool callback whose calls go through the sandbox ledger (and then, for an application tool,
   * to its callback).
   */
  static final class LedgerCallback implements ToolCallback {
    private final SpringAiRun run;
    private final ToolCallback application;
    private final ToolDefinition definition;
    private final ToolExecutionExceptionProcessor processor;

    LedgerCallback(
        SpringAiRun run,
        ToolCallback application,
        ToolDefinition definition,
        ToolExecutionExceptionProcessor processor) {
      this.run = run;
      this.application = application;
      this.definition = definition;
      this.processor = processor;
    }

    @Override
    public ToolDefinition getToolDefinition() {
      return definition;
    }

    @Override
    public org.springframework.ai.tool.metadata.ToolMetadata getToolMetadata() {
      return application != null
          ? application.getToolMetadata()
          : ToolCallback.super.getToolMetadata();
    }

    @Override
    public String call(String toolInput) {
      return call(toolInput, null);
    }

    @Override
    public String call(String toolInput, ToolContext toolContext) {
      return run.execute(
          definition.name(),
          toolInput == null || toolInput.isBlank() ? "{}" : toolInput,
          toolContext,
          processor);
    }

    @Override
    public String toString() {
      return "LedgerCallback["
          + definition.name()
          + (application != null ? ", application tool" : ", sandbox tool")
          + "]";
    }
  }
}
