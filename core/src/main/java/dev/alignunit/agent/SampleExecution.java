package dev.alignunit.agent;

import dev.alignunit.AlignUnitException;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.scenario.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * One call of {@link SampleRunner#run}: the thread pool and progress timer of one sample set, the
 * checks on each sample's run, and the collection of the runs in sample order. Kept apart from
 * {@link SampleRunner}, which is the immutable, shareable configuration, so the concurrency
 * machinery (pool, timer, interruption, callbacks) reads in one place. Used once.
 */
final class SampleExecution {

  /**
   * A runner's configuration, as {@link SampleRunner.Builder} sets it.
   *
   * @param concurrency samples run at once
   * @param budget guards every model
   * @param progress the progress sink
   * @param progressInterval between periodic progress lines, zero for none
   * @param quietWhenShort whether a set finishing within its first interval writes nothing
   * @param scheduler the progress timer, or {@code null} for one per run
   * @param clock times the set
   * @param keepTranscripts the most whole runs a large set keeps
   * @param finished called with each whole run as it finishes
   */
  record Settings(
      int concurrency,
      Budget budget,
      Consumer<String> progress,
      Duration progressInterval,
      boolean quietWhenShort,
      ScheduledExecutorService scheduler,
      Clock clock,
      int keepTranscripts,
      Consumer<AgentRun> finished) {}

  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final Settings settings;
  private final Scenario scenario;
  private final Map<String, String> variant;
  private final int samples;
  private final IntFunction<AgentRun> sample;
  private final SampleProgress state;
  private final AtomicReferenceArray<AgentRun> results;
  private final SampleRetention retention;
  private final AtomicReference<RuntimeException> callbackFailure = new AtomicReference<>();

  SampleExecution(
      Settings settings,
      Scenario scenario,
      Map<String, String> variant,
      int samples,
      IntFunction<AgentRun> sample) {
    this.settings = settings;
    this.scenario = scenario;
    this.variant = variant;
    this.samples = samples;
    this.sample = sample;
    this.state =
        new SampleProgress(
            SampleSet.describe(scenario.id(), SampleSet.ordered(scenario, variant)),
            samples,
            settings.clock().instant(),
            settings.clock());
    this.results = new AtomicReferenceArray<>(samples);
    this.retention = new SampleRetention(settings.keepTranscripts(), samples);
  }

  /** Runs every sample and returns the set; see the guarantees on {@link SampleRunner}. */
  SampleSet run() {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(settings.concurrency(), samples),
            daemonThreads("alignunit-samples-" + POOL_NUMBER.incrementAndGet() + "-"));
    ScheduledExecutorService scheduler = settings.scheduler();
    ScheduledExecutorService timer = null;
    ScheduledFuture<?> ticker = null;
    try {
      Duration interval = settings.progressInterval();
      if (!interval.isZero()) {
        timer =
            scheduler != null
                ? scheduler
                : Executors.newSingleThreadScheduledExecutor(daemonThreads("alignunit-progress-"));
        long millis = interval.toMillis();
        ticker =
            timer.scheduleAtFixedRate(
                () -> {
                  state.periodic = true;
                  emit(state.line(false));
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
      }
      List<Future<?>> futures = new ArrayList<>(samples);
      for (int n = 1; n <= samples; n++) {
        int number = n;
        futures.add(pool.submit(() -> record(runOne(number))));
      }
      await(futures, pool);
    } finally {
      if (ticker != null) {
        ticker.cancel(false);
      }
      if (timer != null && timer != scheduler) {
        timer.shutdownNow();
      }
      pool.shutdownNow();
    }
    List<AgentRun> runs = new ArrayList<>(samples);
    for (int i = 0; i < samples; i++) {
      runs.add(results.get(i));
    }
    if (!settings.quietWhenShort() || state.periodic) {
      emit(state.line(true));
    }
    rethrowCallbackFailure();
    return SampleSet.of(runs);
  }

  private AgentRun runOne(int n) {
    var exceeded = settings.budget().exceeded();
    if (exceeded.isPresent()) {
      return errored(n, exceeded.get());
    }
    try {
      AgentRun run = sample.apply(n);
      if (run == null) {
        return errored(
            n,
            new AlignUnitException(
                "The sample function returned null for sample "
                    + n
                    + " of "
                    + scenario.id()
                    + "; it must return an AgentRun (errored runs included)."));
      }
      if (run.sample() != n) {
        return errored(
            n,
            new AlignUnitException(
                "The sample function returned "
                    + run.describe()
                    + " when asked for sample "
                    + n
                    + "; pass the sample number to the agent loop (AgentLoop.run(..., sample))."));
      }
      if (!run.scenarioId().equals(scenario.id()) || !run.variant().equals(variant)) {
        return errored(
            n,
            new AlignUnitException(
                "The sample function returned a run of "
                    + SampleSet.describe(
                        run.scenarioId(), SampleSet.ordered(run.scenario(), run.variant()))
                    + " when asked for sample "
                    + n
                    + " of "
                    + SampleSet.describe(scenario.id(), SampleSet.ordered(scenario, variant))
                    + "; pass the scenario and variant to the agent loop."));
      }
      return run;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      return errored(n, e);
    }
  }

  private AgentRun errored(int n, Throwable error) {
    return AgentRun.builder(scenario).variant(variant).sample(n).error(error).build();
  }

  /**
   * Stores each sample's run once (the first to finish it wins), after the callback saw it whole.
   */
  private void record(AgentRun run) {
    if (results.compareAndSet(run.sample() - 1, null, run)) {
      try {
        settings.finished().accept(run);
      } catch (RuntimeException e) {
        callbackFailure.compareAndSet(null, e);
      }
      results.set(run.sample() - 1, retention.keep(run));
      state.finished(run);
    }
  }

  /**
   * A failing {@code onFinished} callback fails the run once every sample has finished (none is
   * lost).
   */
  private void rethrowCallbackFailure() {
    RuntimeException failure = callbackFailure.get();
    if (failure != null) {
      throw failure;
    }
  }

  private void await(List<Future<?>> futures, ExecutorService pool) {
    for (int i = 0; i < futures.size(); i++) {
      try {
        futures.get(i).get();
      } catch (InterruptedException e) {
        futures.forEach(f -> f.cancel(true));
        pool.shutdownNow();
        for (int n = 1; n <= futures.size(); n++) {
          record(
              errored(
                  n,
                  new AlignUnitException(
                      "Sample "
                          + n
                          + " of "
                          + state.name
                          + " did not finish: the test thread was interrupted "
                          + "(a timeout or a cancelled run).",
                      e)));
        }
        state.interrupted = true;
        Thread.currentThread().interrupt();
        return;
      } catch (CancellationException e) {
        // only after an interruption, handled above
      } catch (ExecutionException e) {
        if (e.getCause() instanceof VirtualMachineError error) {
          throw error;
        }
        record(errored(i + 1, e.getCause()));
      }
    }
  }

  private void emit(String line) {
    try {
      // Console lines pass the one redactor like every other output (a variant value may hold a
      // secret).
      settings.progress().accept(SecretRedactor.defaults().redact(line));
    } catch (RuntimeException ignored) {
      // a broken progress sink must not lose samples
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
