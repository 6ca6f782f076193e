package dev.alignunit.langchain4j;

import dev.alignunit.agent.AgentContext;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.ToolResult;
import dev.langchain4j.agent.tool.ReturnBehavior;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.tool.HallucinatedToolNameStrategy;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderResult;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The LangChain4j view of one AlignUnit run: the run's model as a {@link ChatModel}, the sandbox's
 * tools as a {@link ToolProvider}, and a way to put the application's own {@code @Tool} objects
 * behind the sandbox ledger. {@link AiServicesAgent} wires these into {@code AiServices} for you;
 * use this class directly when the application builds its {@code AiServices} itself.
 *
 * <pre>{@code
 * @AgentUnderTest
 * Agent agent = ctx -> {
 *   LangChain4jRun run = LangChain4jRun.of(ctx).registerTools(new OrderTools(orders));
 *   SupportAssistant assistant = SupportAssistants.create(run.chatModel(), run.toolProvider());  // the app's factory
 *   return AgentOutput.of(assistant.chat(ctx.lastUserText()));
 * };
 * }</pre>
 *
 * <p>What the adapter captures: every {@code chat} call on {@link #chatModel()} (it goes to the
 * run's instrumented model: scripted, recorded, replayed or live) and every tool call the agent
 * runs through {@link #toolProvider()} (validated against the tool's schema, recorded in the
 * ledger, seen by the tripwires). Tools given to {@code AiServices.tools(...)} directly bypass the
 * ledger: give them to {@link #registerTools(Object...)} instead. One instance serves one run; it
 * is thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LangChain4jRun {

  private final AgentContext context;
  private final Map<ToolSpecification, ToolSpec> offered = new IdentityHashMap<>();
  private final Map<ToolSpec, ToolSpecification> converted = new IdentityHashMap<>();
  private final Map<String, ApplicationTool> applicationTools = new java.util.HashMap<>();
  private final ChatModel chatModel = new RunChatModel();
  private final ToolProvider toolProvider = request -> provideTools();

  private LangChain4jRun(AgentContext context) {
    this.context = context;
  }

  /**
   * The LangChain4j view of a run.
   *
   * @param context the run's context, as an {@code Agent} receives it
   * @return the run
   */
  public static LangChain4jRun of(AgentContext context) {
    return new LangChain4jRun(Objects.requireNonNull(context, "context"));
  }

  /**
   * @return the run's context
   */
  public AgentContext context() {
    return context;
  }

  /**
   * Puts the application's own tool objects (instances with LangChain4j {@code @Tool} methods, such
   * as the objects it passes to {@code AiServices.tools(...)}, or Mockito mocks and spies of them)
   * behind the sandbox: each {@code @Tool} method becomes a sandbox tool with the specification
   * LangChain4j derives from it, so its calls are validated, recorded in the ledger and seen by the
   * tripwires before LangChain4j's own executor invokes the method. Offered through {@link
   * #toolProvider()}; a scenario tool of the same name is replaced.
   *
   * @param toolObjects the objects
   * @return this run
   * @throws dev.alignunit.AlignUnitException when an object has no {@code @Tool} method
   */
  public LangChain4jRun registerTools(Object... toolObjects) {
    for (Object target : toolObjects) {
      for (ApplicationTool tool :
          ApplicationTool.of(Objects.requireNonNull(target, "tool object"))) {
        synchronized (this) {
          applicationTools.put(tool.spec().name(), tool);
        }
        context.registerTool(tool);
      }
    }
    return this;
  }

  /**
   * The run's model as a LangChain4j chat model: requests are translated to AlignUnit's
   * provider-neutral form and sent to the run's instrumented model, answers (text, tool calls,
   * reasoning as {@code thinking}, usage, finish reason, a provider-flagged refusal) come back as
   * LangChain4j responses. It never talks HTTP itself.
   *
   * @return the chat model
   */
  public ChatModel chatModel() {
    return chatModel;
  }

  /**
   * The sandbox's tools (the scenario's, the fixtures' and the registered application tools) as a
   * LangChain4j tool provider; each call goes through the sandbox ledger.
   *
   * @return the provider
   */
  public ToolProvider toolProvider() {
    return toolProvider;
  }

  /**
   * A hallucinated-tool-name strategy for {@code AiServices}: a call of a tool that does not exist
   * is recorded in the ledger (outcome {@code UNKNOWN_TOOL}, so tripwires see the attempt), then
   * handled as LangChain4j's default does (it throws, and the run errors).
   *
   * @return the strategy
   */
  public Function<ToolExecutionRequest, ToolExecutionResultMessage> hallucinatedToolNameStrategy() {
    return request -> {
      context.execute(call(request));
      return HallucinatedToolNameStrategy.THROW_EXCEPTION.apply(request);
    };
  }

  private ToolProviderResult provideTools() {
    ToolProviderResult.Builder result = ToolProviderResult.builder();
    for (ToolSpec spec : context.tools()) {
      ApplicationTool application;
      synchronized (this) {
        application = applicationTools.get(spec.name());
      }
      if (application != null && application.spec() == spec) {
        result.add(
            remember(application.specification(), spec), executor(), application.returnBehavior());
      } else {
        result.add(remember(specification(spec), spec), executor(), ReturnBehavior.TO_LLM);
      }
    }
    return result.build();
  }

  private synchronized ToolSpecification specification(ToolSpec spec) {
    return converted.computeIfAbsent(spec, LangChain4jSchemas::toolSpecification);
  }

  private synchronized ToolSpecification remember(ToolSpecification specification, ToolSpec spec) {
    offered.put(specification, spec);
    return specification;
  }

  /**
   * The spec the run's model sees for a LangChain4j specification: the sandbox's own when offered
   * here.
   */
  private synchronized ToolSpec spec(ToolSpecification specification) {
    ToolSpec original = offered.get(specification);
    return original != null ? original : LangChain4jSchemas.toolSpec(specification);
  }

  private ToolExecutor executor() {
    return new ToolExecutor() {
      @Override
      public String execute(ToolExecutionRequest request, Object memoryId) {
        return executeWithContext(
                request, InvocationContext.builder().chatMemoryId(memoryId).build())
            .resultText();
      }

      @Override
      public ToolExecutionResult executeWithContext(
          ToolExecutionRequest request, InvocationContext invocation) {
        ApplicationTool.Invocation current = new ApplicationTool.Invocation(request, invocation);
        ApplicationTool.CURRENT.set(current);
        ToolResult result;
        try {
          result = context.execute(call(request));
        } finally {
          ApplicationTool.CURRENT.remove();
        }
        if (current.failure != null) {
          throw current.failure;
        }
        return ToolExecutionResult.builder()
            .isError(result.error())
            .resultText(result.content())
            .build();
      }
    };
  }

  private static ToolCall call(ToolExecutionRequest request) {
    return new ToolCall(
        request.id() == null ? "" : request.id(), request.name(), request.arguments());
  }

  /** The run's model behind LangChain4j's chat model interface. */
  private final class RunChatModel implements ChatModel {
    @Override
    public ChatResponse doChat(ChatRequest request) {
      dev.alignunit.model.ChatResponse answer =
          context.model().chat(LangChain4jMessages.request(request, LangChain4jRun.this::spec));
      return LangChain4jMessages.response(answer, context.model().modelId());
    }

    @Override
    public String toString() {
      return "AlignUnit run model " + context.model().modelId();
    }
  }
}
