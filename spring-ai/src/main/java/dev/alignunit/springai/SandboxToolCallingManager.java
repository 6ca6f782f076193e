package dev.alignunit.springai;

import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.DefaultToolExecutionExceptionProcessor;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;

/**
 * A Spring AI {@link ToolCallingManager} that runs every tool call through the AlignUnit sandbox
 * ledger, then lets Spring AI's own {@link DefaultToolCallingManager} do the rest (tool context,
 * {@code returnDirect}, the {@link ToolExecutionExceptionProcessor}, observations, the conversation
 * history). The {@link AlignUnitChatModel} uses it for tool calls it executes itself; an agent that
 * executes tools itself ({@code internalToolExecutionEnabled(false)}) gets it as the {@code
 * ToolCallingManager} bean of {@link AlignUnitSpringAiConfiguration} or from {@link #builder()}.
 *
 * <p>Tools it knows: the callbacks of the prompt's options, tool names resolved by the {@link
 * ToolCallbackResolver} it was built with, and the run's sandbox tools (the scenario's). Every
 * application callback is registered in the run's sandbox first, so {@code neverCalledTool}, the
 * tripwires and Mockito's {@code verify} all see its calls. A call of a tool nobody provides is
 * recorded ({@code UNKNOWN_TOOL}) and then fails as Spring AI fails it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SandboxToolCallingManager implements ToolCallingManager {

  private final Supplier<SpringAiRun> run;
  private final ToolCallbackResolver resolver;
  private final ToolExecutionExceptionProcessor processor;
  private final ToolCallingManager delegate;

  private SandboxToolCallingManager(Builder builder) {
    this.run = builder.run;
    this.resolver = builder.resolver;
    this.processor = builder.processor;
    DefaultToolCallingManager.Builder delegate =
        DefaultToolCallingManager.builder()
            .observationRegistry(builder.observationRegistry)
            .toolExecutionExceptionProcessor(builder.processor);
    if (resolver != null) {
      delegate.toolCallbackResolver(resolver);
    }
    this.delegate = delegate.build();
  }

  /**
   * Starts a manager; by default it serves the run {@linkplain SpringAiRun#bind() bound} to the
   * calling thread, without a resolver, with Spring AI's default exception processor.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<ToolDefinition> resolveToolDefinitions(ToolCallingChatOptions chatOptions) {
    return offered(run.get(), chatOptions, true).stream()
        .map(ToolCallback::getToolDefinition)
        .toList();
  }

  @Override
  public ToolExecutionResult executeToolCalls(Prompt prompt, ChatResponse chatResponse) {
    return execute(run.get(), prompt, chatResponse);
  }

  /**
   * The tools offered with a prompt: the application's (put behind the ledger) sorted by name,
   * then, when asked, the sandbox's own tools whose names they do not take, in the sandbox's order.
   */
  List<ToolCallback> offered(SpringAiRun current, ChatOptions options, boolean withSandboxTools) {
    // Sorted by name: Spring AI finds @Tool methods in reflection order, which the JVM does not
    // fix,
    // and a request must be the same in every run for its recording to replay.
    Map<String, ToolCallback> tools = new TreeMap<>();
    if (options instanceof ToolCallingChatOptions toolOptions) {
      for (ToolCallback callback : toolOptions.getToolCallbacks()) {
        tools.putIfAbsent(callback.getToolDefinition().name(), current.ledger(callback, processor));
      }
      for (String name : toolOptions.getToolNames()) {
        if (!tools.containsKey(name)) {
          ToolCallback callback = resolver == null ? null : resolver.resolve(name);
          if (callback == null) {
            throw new IllegalStateException("No ToolCallback found for tool name: " + name);
          }
          tools.put(name, current.ledger(callback, processor));
        }
      }
    }
    List<ToolCallback> offered = new ArrayList<>(tools.values());
    if (withSandboxTools) {
      for (ToolCallback callback : current.scenarioTools()) {
        if (!tools.containsKey(callback.getToolDefinition().name())) {
          offered.add(callback);
        }
      }
    }
    return offered;
  }

  ToolExecutionResult execute(SpringAiRun current, Prompt prompt, ChatResponse response) {
    AssistantMessage message =
        response.getResults().stream()
            .map(Generation::getOutput)
            .filter(output -> !output.getToolCalls().isEmpty())
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("No tool call requested by the chat model"));
    List<ToolCallback> tools = offered(current, prompt.getOptions(), true);
    Set<String> names = new LinkedHashSet<>();
    tools.forEach(tool -> names.add(tool.getToolDefinition().name()));
    current.expect(message.getToolCalls());
    try {
      for (AssistantMessage.ToolCall call : message.getToolCalls()) {
        if (!names.contains(call.name())) {
          ToolCallback resolved = resolver == null ? null : resolver.resolve(call.name());
          if (resolved != null) {
            tools.add(current.ledger(resolved, processor));
            names.add(call.name());
          } else {
            current.recordUnknown(call);
          }
        }
      }
      ToolCallingChatOptions options =
          prompt.getOptions() instanceof ToolCallingChatOptions toolOptions
              ? toolOptions.copy()
              : new DefaultToolCallingChatOptions();
      options.setToolCallbacks(tools);
      options.setToolNames(Set.of());
      return delegate.executeToolCalls(new Prompt(prompt.getInstructions(), options), response);
    } finally {
      current.clearExpected();
    }
  }

  /** Builds a {@link SandboxToolCallingManager}. */
  public static final class Builder {
    private Supplier<SpringAiRun> run = SpringAiRun::current;
    private ToolCallbackResolver resolver;
    private ToolExecutionExceptionProcessor processor =
        DefaultToolExecutionExceptionProcessor.builder().build();
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

    private Builder() {}

    /**
     * Serves one run instead of the run bound to the calling thread.
     *
     * @param value the run
     * @return this builder
     */
    public Builder run(SpringAiRun value) {
      Objects.requireNonNull(value, "run");
      this.run = () -> value;
      return this;
    }

    /**
     * Resolves tool names (Spring beans, functions) as Spring AI's auto-configured manager does.
     *
     * @param value the resolver, or {@code null} for none
     * @return this builder
     */
    public Builder toolCallbackResolver(ToolCallbackResolver value) {
      this.resolver = value;
      return this;
    }

    /**
     * Decides what the model reads when an application tool throws (Spring AI's default: the
     * exception's message).
     *
     * @param value the processor
     * @return this builder
     */
    public Builder toolExecutionExceptionProcessor(ToolExecutionExceptionProcessor value) {
      this.processor = Objects.requireNonNull(value, "processor");
      return this;
    }

    /**
     * Where Spring AI's tool-calling observations go.
     *
     * @param value the registry
     * @return this builder
     */
    public Builder observationRegistry(ObservationRegistry value) {
      this.observationRegistry = Objects.requireNonNull(value, "observationRegistry");
      return this;
    }

    /**
     * Builds the manager.
     *
     * @return the manager
     */
    public SandboxToolCallingManager build() {
      return new SandboxToolCallingManager(this);
    }
  }
}
