package dev.alignunit.springai;

import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ToolSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.DefaultToolExecutionEligibilityPredicate;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolExecutionEligibilityPredicate;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import reactor.core.publisher.Flux;

/**
 * The run's model as a Spring AI {@link ChatModel}, usable by {@code ChatClient}: each {@link
 * #call(Prompt)} is translated to AlignUnit's provider-neutral request and answered by the run's
 * instrumented model (scripted, recorded, replayed or live; this class never talks HTTP itself).
 * Like Spring AI's provider models it executes the tool calls of an answer when internal tool
 * execution is enabled (the default) and calls the model again with the results, but through a
 * {@link SandboxToolCallingManager}, so every tool call (the application's {@code @Tool} beans and
 * callbacks, and the scenario's tools, which it offers alongside them) is validated, recorded in
 * the ledger and seen by the tripwires.
 *
 * <pre>{@code
 * ChatClient client = ChatClient.builder(SpringAiRun.of(ctx).chatModel()).defaultTools(new OrderTools()).build();
 * }</pre>
 *
 * <p>Answers carry the text (a provider-flagged refusal's text when the answer has none, with
 * metadata {@code refusal}), tool calls, reasoning (metadata {@code reasoningContent}), the finish
 * reason ({@code STOP}, {@code TOOL_CALLS}, {@code LENGTH}, {@code CONTENT_FILTER}, {@code
 * REFUSAL}, {@code OTHER}) and usage (summed over the tool rounds of one call, as Spring AI's
 * provider models sum it). Of the chat options, temperature and max tokens reach the run's model
 * and the model name is ignored (the run picks the model); any other sampling option, media or
 * native structured output is an error that names it. Streaming is not supported.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AlignUnitChatModel implements ChatModel {

  private final Supplier<SpringAiRun> run;
  private final SandboxToolCallingManager toolCallingManager;
  private final boolean offerScenarioTools;
  private final ToolExecutionEligibilityPredicate eligibility =
      new DefaultToolExecutionEligibilityPredicate();

  private AlignUnitChatModel(Builder builder) {
    this.run = builder.run;
    this.toolCallingManager = builder.toolCallingManager;
    this.offerScenarioTools = builder.offerScenarioTools;
  }

  /**
   * A chat model serving the run bound to the calling thread (see {@link SpringAiRun#bind()}): the
   * shape of a Spring bean shared by every sample.
   *
   * @return the model
   */
  public static AlignUnitChatModel forBoundRun() {
    return builder().build();
  }

  /**
   * Starts a chat model; by default it serves the bound run, executes tools through a {@link
   * SandboxToolCallingManager} without a resolver, and offers the scenario's tools.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    Objects.requireNonNull(prompt, "prompt");
    return call(run.get(), prompt, null);
  }

  /**
   * One model call, then (as Spring AI's provider models do) the tool round and the next call;
   * usage is cumulative.
   */
  private ChatResponse call(SpringAiRun current, Prompt prompt, ChatResponse previous) {
    ChatOptions options = prompt.getOptions();
    List<ToolCallback> tools = toolCallingManager.offered(current, options, offerScenarioTools);
    List<ToolSpec> specs = tools.stream().map(current::spec).toList();
    dev.alignunit.model.ChatResponse answer =
        current.context().model().chat(SpringAiMessages.request(prompt, specs, current::failed));
    ChatResponse response =
        SpringAiMessages.response(answer, current.context().model().modelId(), previous);
    if (!eligibility.isToolExecutionRequired(
        options == null ? ToolCallingChatOptions.builder().build() : options, response)) {
      return response;
    }
    ToolExecutionResult result = toolCallingManager.execute(current, prompt, response);
    if (result.returnDirect()) {
      return ChatResponse.builder()
          .from(response)
          .generations(ToolExecutionResult.buildGenerations(result))
          .build();
    }
    return call(current, new Prompt(result.conversationHistory(), options), response);
  }

  @Override
  public ChatOptions getDefaultOptions() {
    return ToolCallingChatOptions.builder().build();
  }

  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    throw new AlignUnitException(
        "The AlignUnit chat model does not stream: call the agent's ChatClient with "
            + ".call() in the test (a streamed answer would leave the run's thread and its transcript).");
  }

  @Override
  public String toString() {
    return "AlignUnitChatModel[offerScenarioTools=" + offerScenarioTools + "]";
  }

  /** Builds an {@link AlignUnitChatModel}. */
  public static final class Builder {
    private Supplier<SpringAiRun> run = SpringAiRun::current;
    private SandboxToolCallingManager toolCallingManager;
    private boolean offerScenarioTools = true;

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
     * The manager that executes tool calls (for example one with the Spring context's {@code
     * ToolCallbackResolver} and exception processor).
     *
     * @param value the manager
     * @return this builder
     */
    public Builder toolCallingManager(SandboxToolCallingManager value) {
      this.toolCallingManager = Objects.requireNonNull(value, "toolCallingManager");
      return this;
    }

    /**
     * Whether each request also offers the sandbox's own tools (the scenario's and the fixtures'),
     * except those whose names the application's tools take. On by default: built-in scenarios need
     * their tools to mean anything.
     *
     * @param value whether to offer them
     * @return this builder
     */
    public Builder offerScenarioTools(boolean value) {
      this.offerScenarioTools = value;
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     */
    public AlignUnitChatModel build() {
      if (toolCallingManager == null) {
        toolCallingManager = SandboxToolCallingManager.builder().build();
      }
      return new AlignUnitChatModel(this);
    }
  }
}
