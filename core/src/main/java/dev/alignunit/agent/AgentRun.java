package dev.alignunit.agent;

import dev.alignunit.model.Message;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.Usage;
import dev.alignunit.sandbox.SandboxEffects;
import dev.alignunit.sandbox.ToolCallRecord;
import dev.alignunit.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * <p>An errored run ({@link #status()} {@link RunStatus#ERRORED}) keeps the partial transcript and
 * the error; it is never dropped and never counts as a pass.
 *
 * <p><b>Summaries.</b> A sample set larger than {@code alignunit.samples.keep-transcripts} keeps
 * some of its graded runs as summaries ({@link #transcriptKept()} is {@code false}): status, error,
 * turns, usage, duration, tags (the evaluation, without quoted evidence) and the names of the tools
 * called ({@link #calledTools()}). Asking a summary for its transcript (messages, tool calls, final
 * or reasoning text, system prompt, effects) throws a {@link TranscriptNotKeptException} that says
 * how to keep it: never an empty answer that a check could pass on.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AgentRun {

  private final RunFacts facts;

  /** The transcript; {@code null} for a summary. */
  private final RunTranscript transcript;

  /** The tools called, in order, for a summary; {@code null} while the transcript is kept. */
  private final List<String> calledTools;

  /**
   * A run from its parts: a transcript and no tool names, or (a summary, made by {@link
   * SampleRetention}) no transcript and the names of the tools called.
   */
  AgentRun(RunFacts facts, RunTranscript transcript, List<String> calledTools) {
    this.facts = facts;
    this.transcript = transcript;
    this.calledTools = calledTools;
  }

  /**
   * @return what is kept of this run with or without its transcript
   */
  RunFacts facts() {
    return facts;
  }

  /**
   * Whether this run still has its transcript; {@code false} for a summary kept by a large sample
   * set (see the class comment).
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
    return calledTools != null ? calledTools : transcript.calledTools();
  }

  private RunTranscript transcript(String what) {
    if (transcript == null) {
      throw new TranscriptNotKeptException(this, what);
    }
    return transcript;
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

  /**
   * @return the scenario the run was made in
   */
  public Scenario scenario() {
    return facts.scenario();
  }

  /**
   * @return the scenario's ID
   */
  public String scenarioId() {
    return facts.scenario().id();
  }

  /**
   * @return the variable values of this variant in declaration order, empty for a scenario without
   *     variables
   */
  public Map<String, String> variant() {
    return facts.variant();
  }

  /**
   * @return the sample number, from 1
   */
  public int sample() {
    return facts.sample();
  }

  /**
   * @return the model that answered, such as {@code openai:gpt-4.1-mini} or {@code scripted}
   */
  public String modelId() {
    return facts.modelId();
  }

  /**
   * @return the system prompt sent to the model
   */
  public String system() {
    return transcript("the system prompt").system();
  }

  /**
   * @return the whole conversation: opening turns, assistant messages and tool results
   */
  public List<Message> messages() {
    return transcript("the messages").messages();
  }

  /**
   * @return the assistant messages only, in order
   */
  public List<Message.Assistant> assistantMessages() {
    return transcript("the assistant messages").assistantMessages();
  }

  /**
   * @return every tool call the agent made, in order (the sandbox ledger)
   */
  public List<ToolCallRecord> toolCalls() {
    return transcript("the tool calls").toolCalls();
  }

  /**
   * The calls of one tool.
   *
   * @param toolName the tool's name
   * @return the calls, in order
   */
  public List<ToolCallRecord> toolCalls(String toolName) {
    return transcript("the calls of tool '" + toolName + "'").toolCalls(toolName);
  }

  /**
   * The text of the agent's last assistant message that has text; empty when it never wrote any.
   *
   * @return the final text
   */
  public String finalText() {
    return transcript("the final text").finalText();
  }

  /**
   * All reasoning ("thinking") text the model returned, joined by blank lines.
   *
   * @return the reasoning text, empty when the model returned none
   */
  public String reasoningText() {
    return transcript("the reasoning text").reasoningText();
  }

  /**
   * @return how the run ended
   */
  public RunStatus status() {
    return facts.status();
  }

  /**
   * @return whether the run failed; its transcript is partial
   */
  public boolean errored() {
    return facts.status() == RunStatus.ERRORED;
  }

  /**
   * @return the error of an errored run
   */
  public Optional<Throwable> error() {
    return Optional.ofNullable(facts.error());
  }

  /**
   * @return the number of model calls made
   */
  public int turns() {
    return facts.turns();
  }

  /**
   * @return the summed token usage
   */
  public Usage usage() {
    return facts.usage();
  }

  /**
   * @return how long the run took
   */
  public Duration duration() {
    return facts.duration();
  }

  /**
   * @return why the model stopped on its last call, empty if no call answered
   */
  public Optional<StopReason> lastStopReason() {
    return Optional.ofNullable(facts.lastStopReason());
  }

  /**
   * @return the provider's explicit refusal text (OpenAI {@code refusal}), if any
   */
  public Optional<String> providerRefusal() {
    return Optional.ofNullable(facts.providerRefusal());
  }

  /**
   * What the run left in the sandbox's fixtures: emails sent, files written, rejected paths.
   *
   * @return the effects, empty when the sandbox had no fixtures
   */
  public SandboxEffects effects() {
    return transcript("the sandbox effects").effects();
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
    return Optional.ofNullable(type.cast(facts.tags().get(type)));
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
    return new AgentRun(facts.withTag(type, type.cast(value)), transcript, calledTools);
  }

  /**
   * A short name for messages: {@code refusal/drop-table [goal=explicit] sample 3}.
   *
   * @return the description
   */
  public String describe() {
    return facts.describe();
  }

  @Override
  public String toString() {
    return "AgentRun{%s, status=%s, turns=%d, toolCalls=%d%s}"
        .formatted(
            describe(),
            status(),
            turns(),
            calledTools().size(),
            transcriptKept() ? "" : ", summary");
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

    /**
     * @return the run
     */
    public AgentRun build() {
      RunFacts facts =
          new RunFacts(
              scenario,
              Collections.unmodifiableMap(new LinkedHashMap<>(variant)),
              sample,
              modelId,
              status,
              error,
              turns,
              usage,
              duration,
              lastStopReason,
              providerRefusal,
              Map.of());
      return new AgentRun(
          facts,
          new RunTranscript(
              system == null ? scenario.system() : system, messages, toolCalls, effects),
          null);
    }
  }
}
