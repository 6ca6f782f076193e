package dev.alignunit.agent;

import dev.alignunit.model.ModelClient;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * Runs the samples of one scenario variant concurrently and collects them into a {@link SampleSet},
 * in sample order whatever order they finish in.
 *
 * <pre>{@code
 * SampleRunner runner = SampleRunner.builder()
 *     .concurrency(4)                        // alignunit.concurrency
 *     .budget(budget)                        // shared by the whole test run
 *     .progress(System.out::println)
 *     .build();
 * SampleSet runs = runner.run(scenario, Map.of("goal", "explicit"), 20,
 *     sample -> ToolSandbox.forScenario(scenario),      // a fresh sandbox per sample
 *     sample -> modelFor(sample),                       // a model (or recording) per sample
 *     AgentLoop.builder().build());
 * }</pre>
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li><b>No sample is lost.</b> An exception escaping a sample, a {@code null} run, or a run with
 *       the wrong sample number becomes an errored run of that sample holding the cause.
 *   <li><b>Budget.</b> Every model is wrapped by {@link Budget#guard}; once the budget is used up,
 *       samples not yet started are not started but recorded as errored with the {@link
 *       BudgetExceededException} that names the limit and how to raise it, and samples in flight
 *       error on their next request.
 *   <li><b>Interruption.</b> If the calling thread is interrupted while waiting, running samples
 *       are interrupted, unfinished samples become errored runs saying so, the interrupt flag is
 *       restored, and the (complete) set is returned.
 *   <li><b>Flat memory.</b> A set of more samples than {@link Builder#keepTranscripts} keeps whole
 *       runs of its first samples (a tenth of the bound) and of the first runs that errored or that
 *       their evaluation calls notable (a harm, an unmet expectation), up to the bound; every other
 *       graded run is kept as its summary ({@link AgentRun#transcriptKept()}): its verdicts count
 *       in every rate, and reading its transcript throws a {@link TranscriptNotKeptException}
 *       saying how to keep it. Runs nobody graded are kept whole, so grade each run as it finishes
 *       ({@code sample -> evaluator.graded(loop.run(...))}). To keep every transcript somewhere
 *       else, stream each run as it finishes with {@link Builder#onFinished} (the JUnit extension
 *       writes it to the report).
 *   <li><b>Progress</b> goes to the progress sink: one line when the set finishes ({@code
 *       misalignment/blackmail [goal=explicit] 20/20 samples: 18 completed, 2 errored in 12.3 s})
 *       and, for long runs, one line per progress interval; never a line per request. With {@link
 *       Builder#quietWhenShort(boolean)}, a set that finishes within its first interval writes
 *       nothing (the JUnit extension's console).
 * </ul>
 *
 * <p>Each call of {@code run} uses its own pool of at most {@link Builder#concurrency} daemon
 * threads, shut down when it returns. A runner is immutable and may be shared.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SampleRunner {

  /** The default number of samples run at once ({@code alignunit.concurrency}), {@value}. */
  public static final int DEFAULT_CONCURRENCY = 4;

  /**
   * The default of {@link Builder#keepTranscripts} ({@code alignunit.samples.keep-transcripts}),
   * {@value}.
   */
  public static final int DEFAULT_KEEP_TRANSCRIPTS = 1000;

  /** The default interval of progress lines while a set is running: 30 seconds. */
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(30);

  private final SampleExecution.Settings settings;

  private SampleRunner(Builder b) {
    this.settings =
        new SampleExecution.Settings(
            b.concurrency,
            b.budget,
            b.progress,
            b.progressInterval,
            b.quietWhenShort,
            b.scheduler,
            b.clock,
            b.keepTranscripts,
            b.finished);
  }

  /**
   * Starts configuring a runner.
   *
   * @return a builder with the defaults: concurrency 4, unlimited budget, progress discarded,
   *     progress interval 30 s
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the number of samples run at once
   */
  public int concurrency() {
    return settings.concurrency();
  }

  /**
   * @return the budget the models are guarded by
   */
  public Budget budget() {
    return settings.budget();
  }

  /**
   * Runs samples 1 to {@code samples} with the reference agent loop, each with its own sandbox and
   * model; every model is guarded by the runner's {@link Budget}.
   *
   * @param scenario the scenario (templates already resolved for the variant)
   * @param variant the variant's variable values, empty for none
   * @param samples the number of samples, at least 1
   * @param sandboxes makes the sandbox of a sample (called with the sample number)
   * @param models makes the model of a sample (called with the sample number)
   * @param loop the agent loop
   * @return the samples, in sample order
   */
  public SampleSet run(
      Scenario scenario,
      Map<String, String> variant,
      int samples,
      IntFunction<ToolSandbox> sandboxes,
      IntFunction<ModelClient> models,
      AgentLoop loop) {
    Objects.requireNonNull(sandboxes, "sandboxes");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(loop, "loop");
    Map<String, String> values = variant == null ? Map.of() : variant;
    return run(
        scenario,
        values,
        samples,
        n -> {
          ToolSandbox sandbox =
              Objects.requireNonNull(sandboxes.apply(n), "sandbox factory returned null");
          ModelClient model =
              Objects.requireNonNull(models.apply(n), "model factory returned null");
          return loop.run(scenario, sandbox, settings.budget().guard(model), values, n);
        });
  }

  /**
   * Runs samples 1 to {@code samples} with a function that makes one sample's run, such as an
   * application's own agent. The function must create its own sandbox and model per sample and
   * should guard its model with {@link #budget()}.
   *
   * @param scenario the scenario, for errored runs
   * @param variant the variant's variable values, empty for none
   * @param samples the number of samples, at least 1
   * @param sample makes the run of a sample (called with the sample number, from any thread)
   * @return the samples, in sample order
   */
  public SampleSet run(
      Scenario scenario, Map<String, String> variant, int samples, IntFunction<AgentRun> sample) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(sample, "sample");
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1, was " + samples);
    }
    Map<String, String> values = variant == null ? Map.of() : Map.copyOf(variant);
    return new SampleExecution(settings, scenario, values, samples, sample).run();
  }

  /** Configures a {@link SampleRunner}. */
  public static final class Builder {
    private int concurrency = DEFAULT_CONCURRENCY;
    private Budget budget = Budget.unlimited();
    private Consumer<String> progress = line -> {};
    private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;
    private boolean quietWhenShort;
    private ScheduledExecutorService scheduler;
    private Clock clock = Clock.systemUTC();
    private int keepTranscripts = DEFAULT_KEEP_TRANSCRIPTS;
    private Consumer<AgentRun> finished = run -> {};

    private Builder() {}

    /**
     * The most whole runs a set of more samples keeps in memory ({@code
     * alignunit.samples.keep-transcripts}); see "Flat memory" on the class. A set of at most this
     * many samples keeps every run whole.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder keepTranscripts(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("keepTranscripts must be at least 1, was " + value);
      }
      this.keepTranscripts = value;
      return this;
    }

    /**
     * Called once per sample with its whole run as soon as it finished (from the thread that
     * finished it, so it must be thread-safe), before the set may keep only its summary: the place
     * to stream transcripts to a report or a file. Errored runs the runner makes itself (budget,
     * interruption, an exception from the sample function) are passed too. An exception it throws
     * is rethrown by {@code run} once every sample has finished.
     *
     * @param value the callback
     * @return this builder
     */
    public Builder onFinished(Consumer<AgentRun> value) {
      this.finished = Objects.requireNonNull(value, "onFinished");
      return this;
    }

    /**
     * How many samples run at once ({@code alignunit.concurrency}).
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder concurrency(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1, was " + value);
      }
      this.concurrency = value;
      return this;
    }

    /**
     * The budget shared by the whole test run; models are guarded by it.
     *
     * @param value the budget
     * @return this builder
     */
    public Builder budget(Budget value) {
      this.budget = Objects.requireNonNull(value, "budget");
      return this;
    }

    /**
     * Where progress lines go, such as {@code System.out::println} or a logger; called from the
     * calling thread and from the progress timer.
     *
     * @param value the sink
     * @return this builder
     */
    public Builder progress(Consumer<String> value) {
      this.progress = Objects.requireNonNull(value, "progress");
      return this;
    }

    /**
     * How often a running set reports its counts; {@link Duration#ZERO} for only the final line.
     *
     * @param value the interval, zero or at least one millisecond
     * @return this builder
     */
    public Builder progressInterval(Duration value) {
      Objects.requireNonNull(value, "progressInterval");
      if (value.isNegative() || (!value.isZero() && value.toMillis() < 1)) {
        throw new IllegalArgumentException(
            "progressInterval must be zero or at least 1 ms, was " + value);
      }
      this.progressInterval = value;
      return this;
    }

    /**
     * Whether a set that finishes before its first periodic line writes nothing at all (default
     * {@code false}: every set writes its final line). Sets that run longer than the progress
     * interval still write a line each interval and one when they finish, so a long run shows it is
     * alive while a quick one stays silent.
     *
     * @param value {@code true} to write only for sets that run longer than the interval
     * @return this builder
     */
    public Builder quietWhenShort(boolean value) {
      this.quietWhenShort = value;
      return this;
    }

    /**
     * The scheduler of periodic progress lines (tests inject one they control); by default each run
     * makes its own daemon timer thread. An injected scheduler is not shut down.
     *
     * @param value the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService value) {
      this.scheduler = Objects.requireNonNull(value, "scheduler");
      return this;
    }

    /**
     * The clock that times sets for progress lines (tests inject one they control).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * @return the runner
     */
    public SampleRunner build() {
      return new SampleRunner(this);
    }
  }
}
