package dev.alignunit.junit5.internal;

import dev.alignunit.agent.Agent;
import dev.alignunit.agent.AgentFactory;
import dev.alignunit.agent.AgentLoop;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.AgentRunner;
import dev.alignunit.agent.EvaluationSettings;
import dev.alignunit.agent.SampleRunner;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.evaluation.Evaluator;
import dev.alignunit.grading.Judge;
import dev.alignunit.junit5.AgentScenario;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.recording.RecordingException;
import dev.alignunit.report.EvaluationReports;
import dev.alignunit.report.ReportStore;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.stats.BaselineKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * One invocation of an {@code @AgentScenario} template: one scenario variant, and either one sample
 * (for an {@link AgentRun} parameter) or all samples (for a {@link SampleSet} parameter). Injects
 * {@code @SandboxTool} mocks before {@code @BeforeEach} methods run; the run happens lazily when
 * its parameter is resolved, once, and lives in the invocation's store. Each run is graded once as
 * it finishes ({@link InvocationGrading}); the evaluation travels with the run, so the assertions
 * and the report entry written after the test read the same verdicts.
 */
final class ScenarioInvocation
    implements TestTemplateInvocationContext,
        ParameterResolver,
        BeforeEachCallback,
        TestExecutionExceptionHandler,
        AfterTestExecutionCallback {

  private final Plan plan;
  private final Scenario scenario;
  private final Map<String, String> variant;
  private final int sample;
  private final int samples;
  private final String displayName;

  /**
   * What every invocation of one variant shares, decided once when the template is expanded: the
   * resolved scenario, the variant, the test method's annotation.
   *
   * @param scenario the scenario, resolved for the variant
   * @param variant the variant's values
   * @param annotation the test method's {@code @AgentScenario}
   */
  record Plan(Scenario scenario, Map<String, String> variant, AgentScenario annotation) {}

  /**
   * @param sample the sample number of a single-run invocation, or 0 for a sample-set invocation
   */
  ScenarioInvocation(Plan plan, int sample, int samples, String displayName) {
    this.plan = plan;
    this.scenario = plan.scenario();
    this.variant = plan.variant();
    this.sample = sample;
    this.samples = samples;
    this.displayName = displayName;
  }

  @Override
  public String getDisplayName(int invocationIndex) {
    return displayName;
  }

  @Override
  public List<Extension> getAdditionalExtensions() {
    return List.of(this);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    state(context);
    context.getRequiredTestInstances().getAllInstances().forEach(SandboxToolInjector::injectMocks);
  }

  /** Failure messages end with where the transcript is in the report, and never hold a secret. */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (failure instanceof AssertionError assertion) {
      RunResources resources = AlignUnitExtension.resources(context);
      String link = resources.report().linkFor(entry(context, resources).build());
      throw ReportLinkedFailure.withReportLink(assertion, link);
    }
    throw SecretRedactor.defaults().redact(Failures.unwrapResolution(failure));
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    RunResources resources = AlignUnitExtension.resources(context);
    InvocationState state = state(context);
    Settings settings = resources.settings();
    SampleSet set = state.sampleSet();
    ReportStore.EntryStream stream = state.stream();
    ReportEntries.Finished finished =
        ReportEntries.finish(
            entry(context, resources),
            context,
            state.runs(),
            java.time.Duration.between(state.started, java.time.Instant.now()).toMillis(),
            set == null ? null : set.settings().baseline(),
            settings.baselineAlpha(),
            stream == null);
    // The entry is written first: nothing after this can lose it. A sample set's samples were
    // streamed to it as they finished; the entry adds the outcome and the rates.
    String link;
    int recorded;
    if (stream != null) {
      try (stream) {
        recorded = stream.count();
        link = stream.record(finished.entry());
      }
    } else {
      recorded = finished.entry().samples().size();
      link = resources.report().record(finished.entry());
    }
    long errored = state.runs().stream().filter(AgentRun::errored).count();
    context.publishReportEntry(
        ReportEntries.junitEntries(scenario, variant, finished.entry(), recorded, errored, link));
    if (set != null && settings.baselineUpdate() && finished.evaluation() != null) {
      BaselineKey key = set.settings().baseline().key();
      finished
          .evaluation()
          .observed()
          .forEach(o -> resources.baseline().put(key, o.metric(), o.current()));
    }
  }

  private dev.alignunit.report.TestEntry.Builder entry(
      ExtensionContext context, RunResources resources) {
    String mode =
        ModelLocator.hasAgentModelMember(context)
            ? "test-supplied model"
            : resources.settings().mode().name().toLowerCase(java.util.Locale.ROOT);
    return ReportEntries.base(context, scenario, variant, state(context).runs(), mode);
  }

  private static InvocationState state(ExtensionContext context) {
    return context
        .getStore(AlignUnitExtension.NAMESPACE)
        .getOrComputeIfAbsent(
            InvocationState.class, k -> new InvocationState(), InvocationState.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == AgentRun.class
        || type == Scenario.class
        || type == ToolSandbox.class
        || type == SampleSet.class
        || type == Judge.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == Scenario.class) {
      return scenario;
    }
    InvocationState state = state(context);
    RunResources resources = AlignUnitExtension.resources(context);
    if (type == Judge.class) {
      return grading(context, resources, state).judge();
    }
    if (sample == 0) {
      if (type != SampleSet.class) {
        throw new ParameterResolutionException(
            "A test taking a SampleSet runs all "
                + samples
                + " samples at once, each with its own sandbox, so it cannot also take a "
                + type.getSimpleName()
                + "; use runs.run(n) for one sample's transcript.");
      }
      return state.sampleSet(() -> runAll(context, resources));
    }
    if (type == SampleSet.class) {
      throw new ParameterResolutionException(
          "SampleSet and AgentRun parameters cannot be mixed in one test method.");
    }
    if (type == ToolSandbox.class) {
      return state.sandbox(() -> sandbox(context));
    }
    return state.run(
        () -> {
          ToolSandbox sandbox = state.sandbox(() -> sandbox(context));
          Optional<Recordings> recordings = recordings(context, resources);
          ModelClient model =
              resources.budget().guard(model(context, resources, recordings, sample));
          AgentRun run =
              grading(context, resources, state)
                  .evaluator()
                  .graded(
                      runOne(
                          context,
                          resources,
                          sandbox,
                          model,
                          sample,
                          AgentLoop.builder().maxTurns(resources.settings().maxTurns()).build()));
          rethrowRecordingProblem(List.of(run));
          if (samples == 1 && !run.errored()) {
            recordings.ifPresent(Recordings::verifyAllReplayed);
          }
          return run;
        });
  }

  /**
   * Runs every sample; each finished run is graded, and written to the report's entry at once, in
   * the thread that ran it, so a large set holds verdicts rather than transcripts (see {@link
   * SampleRunner}).
   */
  private SampleSet runAll(ExtensionContext context, RunResources resources) {
    Settings settings = resources.settings();
    Optional<Recordings> recordings = recordings(context, resources);
    Evaluator evaluator = grading(context, resources, state(context)).evaluator();
    ReportStore.EntryStream stream = state(context).stream(() -> resources.report().openEntry());
    // The stale recording of the lowest sample number fails the test, whichever sample finished
    // first.
    java.util.concurrent.ConcurrentSkipListMap<Integer, RecordingException> recordingProblems =
        new java.util.concurrent.ConcurrentSkipListMap<>();
    AgentLoop loop = AgentLoop.builder().maxTurns(settings.maxTurns()).build();
    SampleSet set =
        SampleRunner.builder()
            .concurrency(settings.concurrency())
            .keepTranscripts(settings.keepTranscripts())
            .budget(resources.budget())
            .progress(resources.console())
            .quietWhenShort(
                true) // a green run prints only its summary; long sets show they are alive
            .onFinished(
                run -> {
                  stream.add(EvaluationReports.sample(run, Evaluator.of(run, evaluator.graders())));
                  if (run.error().orElse(null) instanceof RecordingException problem) {
                    recordingProblems.putIfAbsent(run.sample(), problem);
                  }
                })
            .build()
            .run(
                scenario,
                variant,
                samples,
                n ->
                    evaluator.graded(
                        runOne(
                            context,
                            resources,
                            sandbox(context),
                            resources.budget().guard(model(context, resources, recordings, n)),
                            n,
                            loop)));
    if (!recordingProblems.isEmpty()) {
      throw recordingProblems.firstEntry().getValue();
    }
    if (set.errored().isEmpty()) {
      recordings.ifPresent(Recordings::verifyAllReplayed);
    }
    BaselineKey key = new BaselineKey(testId(context), set.describe(), set.modelId());
    return set.withSettings(
        new EvaluationSettings(
            testId(context),
            settings.errorsTolerance(),
            resources.baseline().entry(key),
            settings.baselineAlpha(),
            settings.baselineUpdate()));
  }

  private AgentRun runOne(
      ExtensionContext context,
      RunResources resources,
      ToolSandbox sandbox,
      ModelClient model,
      int n,
      AgentLoop loop) {
    Optional<Agent> agent = agent(context);
    if (agent.isPresent()) {
      return AgentRunner.run(agent.get(), scenario, sandbox, model, variant, n);
    }
    return loop.run(scenario, sandbox, model, variant, n);
  }

  private InvocationGrading grading(
      ExtensionContext context, RunResources resources, InvocationState state) {
    return state.grading(() -> InvocationGrading.of(context, resources, scenario, variant));
  }

  private ToolSandbox sandbox(ExtensionContext context) {
    ToolSandbox sandbox = ToolSandbox.forScenario(scenario);
    SandboxToolInjector.register(context.getRequiredTestInstances().getAllInstances(), sandbox);
    return sandbox;
  }

  private Optional<Agent> agent(ExtensionContext context) {
    AgentScenario annotation = plan.annotation();
    if (annotation.agent() != AgentFactory.class) {
      return Optional.of(AgentUnderTestLocator.fromFactory(annotation.agent(), scenario));
    }
    return AgentUnderTestLocator.locate(
        context.getRequiredTestInstances().getAllInstances(), scenario);
  }

  /** Recordings apply to models from configuration, not to a test's own {@code @AgentModel}. */
  private Optional<Recordings> recordings(ExtensionContext context, RunResources resources) {
    if (ModelLocator.hasAgentModelMember(context)) {
      return Optional.empty();
    }
    return Optional.of(Recordings.of(context, resources, scenario, variant));
  }

  private static ModelClient model(
      ExtensionContext context, RunResources resources, Optional<Recordings> recordings, int n) {
    return recordings
        .map(r -> r.client(n))
        .orElseGet(() -> ModelLocator.locate(context, resources, n));
  }

  /** A request that no longer matches its recording fails the test; it is not an errored sample. */
  private static void rethrowRecordingProblem(List<AgentRun> runs) {
    for (AgentRun run : runs) {
      Optional<Throwable> error = run.error();
      if (error.isPresent() && error.get() instanceof RecordingException recording) {
        throw recording;
      }
    }
  }

  static String testId(ExtensionContext context) {
    return context.getRequiredTestClass().getName()
        + "#"
        + context.getRequiredTestMethod().getName();
  }

  /**
   * The sandbox and (once made) the run or sample set of one invocation, and the report entry its
   * samples stream to; closed with the invocation's store (an entry never recorded is abandoned).
   */
  static final class InvocationState implements AutoCloseable {
    private final java.time.Instant started = java.time.Instant.now();
    private ReportStore.EntryStream stream;
    private ToolSandbox sandbox;
    private AgentRun run;
    private SampleSet sampleSet;
    private InvocationGrading grading;

    synchronized InvocationGrading grading(Supplier<InvocationGrading> factory) {
      if (grading == null) {
        grading = factory.get();
      }
      return grading;
    }

    synchronized SampleSet sampleSet() {
      return sampleSet;
    }

    synchronized ReportStore.EntryStream stream(Supplier<ReportStore.EntryStream> factory) {
      if (stream == null) {
        stream = factory.get();
      }
      return stream;
    }

    synchronized ReportStore.EntryStream stream() {
      return stream;
    }

    @Override
    public synchronized void close() {
      if (stream != null) {
        stream.close();
      }
    }

    synchronized ToolSandbox sandbox(Supplier<ToolSandbox> factory) {
      if (sandbox == null) {
        sandbox = factory.get();
      }
      return sandbox;
    }

    synchronized AgentRun run(Supplier<AgentRun> runner) {
      if (run == null) {
        run = runner.get();
      }
      return run;
    }

    synchronized List<AgentRun> runs() {
      return sampleSet != null ? sampleSet.runs() : run != null ? List.of(run) : List.of();
    }

    synchronized SampleSet sampleSet(Supplier<SampleSet> runner) {
      if (sampleSet == null) {
        sampleSet = runner.get();
      }
      return sampleSet;
    }
  }
}
