package dev.alignunit.agent;

import dev.alignunit.model.Message;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.Usage;
import dev.alignunit.sandbox.SandboxEffects;
import dev.alignunit.sandbox.ToolCallRecord;
import dev.alignunit.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The transcript of one agent run in a scenario: every message, every tool call with its result,
 * how the run ended, token usage and duration. This is what assertions and reports read.
 *
 * <pre>{@code
 * assertThat(run).refused().neverCalledTool("run_sql");
 * run.finalText();   // the agent's last words
 * run.toolCalls();   // the sandbox ledger
 * }</pre>
 *
 * <p>An errored run ({@link #status()} {@link RunStatus#ERRORED}) keeps the partial transcript
 * and the error; it is never dropped and never counts as a pass.
 *
 * <p><b>Summaries.</b> A sample set larger than {@code alignunit.samples.keep-transcripts} keeps
 * some of its graded runs as summaries ({@link #transcriptKept()} is {@code false}): status,
 * error, turns, usage, duration, tags (the evaluation, without quoted evidence) and the names of
 * the tools called ({@link #calledTools()}). Asking a summary for its transcript (messages, tool
 * calls, final or reasoning text, system prompt, effects) throws a
 * {@link TranscriptNotKeptException} that says how to keep it: never an empty answer that a check
 * could pass on.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AgentRun {

  private final Scenario scenario;
  private final Map<String, String> variant;
  private final int sample;
  private final String modelId;
  private final String system;
  private final List<Message> messages;
  private final List<ToolCallRecord> toolCalls;
  private final RunStatus status;
  private final Throwable error;
  private final int turns;
  private final Usage usage;
  private final Duration duration;
  private final StopReason lastStopReason;
  private final String providerRefusal;
  private final SandboxEffects effects;
  private final Map<Class<?>, Object> tags;
  /** The tools called, in order, for a summary; {@code null} while the transcript is kept. */
  private final List<String> calledTools;

  private AgentRun(Builder b) {
    this.scenario = Objects.requireNonNull(b.scenario, "scenario");
    this.variant = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b.variant));
    this.sample = b.sample;
    this.modelId = b.modelId == null ? "unknown" : b.modelId;
    this.system = b.system == null ? scenario.system() : b.system;
    this.messages = List.copyOf(b.messages);
    this.toolCalls = List.copyOf(b.toolCalls);
    this.status = Objects.requireNonNull(b.status, "status");
    this.error = b.error;
    this.turns = b.turns;
    this.usage = b.usage == null ? Usage.ZERO : b.usage;
    this.duration = b.duration == null ? Duration.ZERO : b.duration;
    this.lastStopReason = b.lastStopReason;
    this.providerRefusal = b.providerRefusal;
    this.effects = b.effects == null ? SandboxEffects.NONE : b.effects;
    this.tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b.tags));
    this.calledTools = null;
  }

  /** A summary of {@code whole}, or a copy of a summary with other tags. */
  private AgentRun(AgentRun whole, Map<String, String> variant, Throwable error, Map<Class<?>, Object> tags,
      List<String> calledTools) {
    this.scenario = whole.scenario;
    this.variant = variant;
    this.sample = whole.sample;
    this.modelId = whole.modelId;
    this.system = null;
    this.messages = List.of();
    this.toolCalls = List.of();
    this.status = whole.status;
    this.error = error;
    this.turns = whole.turns;
    this.usage = whole.usage;
    this.duration = whole.duration;
    this.lastStopReason = whole.lastStopReason;
    this.providerRefusal = whole.providerRefusal;
    this.effects = SandboxEffects.NONE;
    this.tags = tags;
    this.calledTools = calledTools;
  }

  /**
   * The summary a large sample set keeps of this run: everything but the transcript, with each
   * {@link RunTag} replaced by its {@linkplain RunTag#summarized() summary}. Called by
   * {@link SampleRunner}; shared values (variant, tool names, error) come from the set so that
   * thousands of summaries hold one copy of each.
   *
   * @param sharedVariant this run's variant, as an instance the set shares
   * @param sharedCalledTools the names of the tools this run called, as an instance the set shares
   * @param summarizedError the error to keep, {@code null} for none
   * @return the summary
   */
  AgentRun summary(Map<String, String> sharedVariant, List<String> sharedCalledTools, Throwable summarizedError) {
    Map<Class<?>, Object> summarized = new java.util.LinkedHashMap<>();
    tags.forEach((type, value) -> summarized.put(type, value instanceof RunTag tag ? tag.summarized() : value));
    return new AgentRun(this, sharedVariant, summarizedError, Map.copyOf(summarized), sharedCalledTools);
  }

  /**
   * Whether this run still has its transcript; {@code false} for a summary kept by a large
   * sample set (see the class comment).
   *
   * @return whether messages, tool calls and texts can be read
   */
  public boolean transcriptKept() {
    return calledTools == null;
  }

  /**
   * The names of the tools the agent called, in order, one per call in the ledger (attempts with
   * invalid arguments included); kept for summaries too.
   *
   * @return the names
   */
  public List<String> calledTools() {
    return calledTools != null ? calledTools : toolCalls.stream().map(ToolCallRecord::name).toList();
  }

  /** Whether a tag can stand for the transcript (a graded run); only then may a set summarize the run. */
  boolean summarizable() {
    return tags.values().stream().anyMatch(RunTag.class::isInstance);
  }

  /** Whether a bounded set should keep this run whole: errored, or notable by one of its tags. */
  boolean notable() {
    return errored() || tags.values().stream().anyMatch(t -> t instanceof RunTag tag && tag.notable(this));
  }

  private void requireTranscript(String what) {
    if (calledTools != null) {
      throw new TranscriptNotKeptException(this, what);
    }
  }

  /**
   * Starts a run description, for agents and tests that build runs themselves.
   *
   * @param scenario the scenario the run belongs to
   * @return a builder
   */
  public static Builder builder(Scenario scenario) {
    return new Builder(scenario);
  }

  /** @return the scenario the run was made in */
  public Scenario scenario() {
    return scenario;
  }

  /** @return the scenario's ID */
  public String scenarioId() {
    return scenario.id();
  }

  /** @return the variable values of this variant in declaration order, empty for a scenario without variables */
  public Map<String, String> variant() {
    return variant;
  }

  /** @return the sample number, from 1 */
  public int sample() {
    return sample;
  }

  /** @return the model that answered, such as {@code openai:gpt-4.1-mini} or {@code scripted} */
  public String modelId() {
    return modelId;
  }

  /** @return the system prompt sent to the model */
  public String system() {
    requireTranscript("the system prompt");
    return system;
  }

  /** @return the whole conversation: opening turns, assistant messages and tool results */
  public List<Message> messages() {
    requireTranscript("the messages");
    return messages;
  }

  /** @return the assistant messages only, in order */
  public List<Message.Assistant> assistantMessages() {
    requireTranscript("the assistant messages");
    return messages.stream()
        .filter(Message.Assistant.class::isInstance)
        .map(Message.Assistant.class::cast)
        .toList();
  }

  /** @return every tool call the agent made, in order (the sandbox ledger) */
  public List<ToolCallRecord> toolCalls() {
    requireTranscript("the tool calls");
    return toolCalls;
  }

  /**
   * The calls of one tool.
   *
   * @param toolName the tool's name
   * @return the calls, in order
   */
  public List<ToolCallRecord> toolCalls(String toolName) {
    requireTranscript("the calls of tool '" + toolName + "'");
    return toolCalls.stream().filter(c -> c.name().equals(toolName)).toList();
  }

  /**
   * The text of the agent's last assistant message that has text; empty when it never wrote any.
   *
   * @return the final text
   */
  public String finalText() {
    requireTranscript("the final text");
    List<Message.Assistant> assistant = assistantMessages();
    for (int i = assistant.size() - 1; i >= 0; i--) {
      if (!assistant.get(i).text().isBlank()) {
        return assistant.get(i).text();
      }
    }
    return "";
  }

  /**
   * All reasoning ("thinking") text the model returned, joined by blank lines.
   *
   * @return the reasoning text, empty when the model returned none
   */
  public String reasoningText() {
    requireTranscript("the reasoning text");
    return assistantMessages().stream()
        .map(Message.Assistant::reasoningText)
        .filter(t -> !t.isBlank())
        .collect(Collectors.joining("\n\n"));
  }

  /** @return how the run ended */
  public RunStatus status() {
    return status;
  }

  /** @return whether the run failed; its transcript is partial */
  public boolean errored() {
    return status == RunStatus.ERRORED;
  }

  /** @return the error of an errored run */
  public Optional<Throwable> error() {
    return Optional.ofNullable(error);
  }

  /** @return the number of model calls made */
  public int turns() {
    return turns;
  }

  /** @return the summed token usage */
  public Usage usage() {
    return usage;
  }

  /** @return how long the run took */
  public Duration duration() {
    return duration;
  }

  /** @return why the model stopped on its last call, empty if no call answered */
  public Optional<StopReason> lastStopReason() {
    return Optional.ofNullable(lastStopReason);
  }

  /** @return the provider's explicit refusal text (OpenAI {@code refusal}), if any */
  public Optional<String> providerRefusal() {
    return Optional.ofNullable(providerRefusal);
  }

  /**
   * What the run left in the sandbox's fixtures: emails sent, files written, rejected paths.
   *
   * @return the effects, empty when the sandbox had no fixtures
   */
  public SandboxEffects effects() {
    requireTranscript("the sandbox effects");
    return effects;
  }

  /**
   * A value attached to this run under its type, like OkHttp's {@code Request.tag(Class)}: the
   * JUnit extension attaches each run's evaluation ({@code dev.alignunit.evaluation.RunEvaluation})
   * so that assertions and the report read the same verdicts. Tags are data, never services.
   *
   * <pre>{@code
   * Optional<RunEvaluation> graded = run.tag(RunEvaluation.class);
   * }</pre>
   *
   * @param type the tag's type
   * @param <T> the tag's type
   * @return the tag, or empty when none of that type is attached
   */
  public <T> Optional<T> tag(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return Optional.ofNullable(type.cast(tags.get(type)));
  }

  /**
   * A copy of this run with a tag attached (replacing any tag of the same type).
   *
   * @param type the tag's type
   * @param value the tag
   * @param <T> the tag's type
   * @return the copy
   */
  public <T> AgentRun withTag(Class<T> type, T value) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (calledTools != null) {
      Map<Class<?>, Object> retagged = new java.util.LinkedHashMap<>(tags);
      retagged.put(type, type.cast(value));
      return new AgentRun(this, variant, error, Map.copyOf(retagged), calledTools);
    }
    Builder b = new Builder(scenario).variant(variant).sample(sample).modelId(modelId).system(system)
        .messages(messages).toolCalls(toolCalls).status(status).turns(turns).usage(usage).duration(duration)
        .lastStopReason(lastStopReason).providerRefusal(providerRefusal).effects(effects);
    b.error = error;
    b.tags.putAll(tags);
    b.tags.put(type, type.cast(value));
    return new AgentRun(b);
  }

  /**
   * A short name for messages: {@code refusal/drop-table [goal=explicit] sample 3}.
   *
   * @return the description
   */
  public String describe() {
    StringBuilder sb = new StringBuilder(scenario.id());
    if (!variant.isEmpty()) {
      sb.append(' ').append(variant.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", ", "[", "]")));
    }
    return sb.append(" sample ").append(sample).toString();
  }

  @Override
  public String toString() {
    return "AgentRun{" + describe() + ", status=" + status + ", turns=" + turns
        + ", toolCalls=" + calledTools().size() + (transcriptKept() ? "" : ", summary") + "}";
  }

  /** Builds an {@link AgentRun}. */
  public static final class Builder {
    private final Scenario scenario;
    private Map<String, String> variant = Map.of();
    private int sample = 1;
    private String modelId;
    private String system;
    private final List<Message> messages = new ArrayList<>();
    private final List<ToolCallRecord> toolCalls = new ArrayList<>();
    private RunStatus status = RunStatus.COMPLETED;
    private Throwable error;
    private int turns;
    private Usage usage = Usage.ZERO;
    private Duration duration;
    private StopReason lastStopReason;
    private String providerRefusal;
    private SandboxEffects effects;
    private final Map<Class<?>, Object> tags = new java.util.LinkedHashMap<>();

    private Builder(Scenario scenario) {
      this.scenario = scenario;
    }

    /** Sets the variant's variable values; returns this builder. */
    public Builder variant(Map<String, String> value) {
      this.variant = value == null ? Map.of() : value;
      return this;
    }

    /** Sets the sample number, from 1; returns this builder. */
    public Builder sample(int value) {
      this.sample = value;
      return this;
    }

    /** Sets the model's id; returns this builder. */
    public Builder modelId(String value) {
      this.modelId = value;
      return this;
    }

    /** Sets the system prompt sent; returns this builder. */
    public Builder system(String value) {
      this.system = value;
      return this;
    }

    /** Sets the conversation; returns this builder. */
    public Builder messages(List<Message> value) {
      messages.clear();
      messages.addAll(value);
      return this;
    }

    /** Sets the tool-call ledger; returns this builder. */
    public Builder toolCalls(List<ToolCallRecord> value) {
      toolCalls.clear();
      toolCalls.addAll(value);
      return this;
    }

    /** Sets how the run ended; returns this builder. */
    public Builder status(RunStatus value) {
      this.status = value;
      return this;
    }

    /** Sets the error of an errored run; also sets the status to ERRORED; returns this builder. */
    public Builder error(Throwable value) {
      this.error = value;
      if (value != null) {
        this.status = RunStatus.ERRORED;
      }
      return this;
    }

    /** Sets the number of model calls; returns this builder. */
    public Builder turns(int value) {
      this.turns = value;
      return this;
    }

    /** Sets the summed usage; returns this builder. */
    public Builder usage(Usage value) {
      this.usage = value;
      return this;
    }

    /** Sets how long the run took; returns this builder. */
    public Builder duration(Duration value) {
      this.duration = value;
      return this;
    }

    /** Sets the last stop reason; returns this builder. */
    public Builder lastStopReason(StopReason value) {
      this.lastStopReason = value;
      return this;
    }

    /** Sets the provider's refusal text; returns this builder. */
    public Builder providerRefusal(String value) {
      this.providerRefusal = value;
      return this;
    }

    /** Sets the fixture effects, from {@code ToolSandbox.effects()}; returns this builder. */
    public Builder effects(SandboxEffects value) {
      this.effects = value;
      return this;
    }

    /** @return the run */
    public AgentRun build() {
      return new AgentRun(this);
    }
  }
}
