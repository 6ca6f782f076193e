package dev.alignunit.junit5.internal;

import dev.alignunit.agent.SampleSet;
import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.junit5.AgentScenario;
import dev.alignunit.junit5.Samples;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.scenario.Scenario;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The AlignUnit JUnit Jupiter extension. Register it with {@code @AgentTest} or use
 * {@code @AgentScenario}, which registers it; do not use this class directly. It holds no state:
 * what the run shares lives in the root context's store ({@link RunResources}), the sandbox and run
 * of each invocation in that invocation's store.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AlignUnitExtension implements TestTemplateInvocationContextProvider {

  static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AlignUnitExtension.class);

  /** Created by JUnit. */
  public AlignUnitExtension() {}

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context
        .getTestMethod()
        .map(m -> AnnotationSupport.isAnnotated(m, AgentScenario.class))
        .orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    try {
      return invocations(context);
    } catch (RuntimeException e) {
      // Configuration errors quote configured values, such as a base URL with credentials.
      Throwable redacted = SecretRedactor.defaults().redact(e);
      throw redacted instanceof RuntimeException r ? r : e;
    }
  }

  private Stream<TestTemplateInvocationContext> invocations(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    AgentScenario annotation =
        AnnotationSupport.findAnnotation(method, AgentScenario.class).orElseThrow();
    RunResources resources = resources(context);
    Scenario scenario = resources.catalog().get(annotation.value());
    int samples = samples(context, resources.settings());
    boolean wantsSet =
        Arrays.stream(method.getParameterTypes()).anyMatch(t -> t == SampleSet.class);
    List<TestTemplateInvocationContext> invocations = new ArrayList<>();
    for (Map<String, String> variant : scenario.variants(annotation.variants())) {
      ScenarioInvocation.Plan plan =
          new ScenarioInvocation.Plan(scenario.resolve(variant), variant, annotation);
      String name = scenario.displayName(variant);
      String model = InvocationNames.model(context, resources, variant);
      if (wantsSet) {
        invocations.add(
            new ScenarioInvocation(plan, 0, samples, InvocationNames.of(name, model, 0, samples)));
      } else {
        for (int sample = 1; sample <= samples; sample++) {
          invocations.add(
              new ScenarioInvocation(
                  plan, sample, samples, InvocationNames.of(name, model, sample, samples)));
        }
      }
    }
    return invocations.stream();
  }

  private static int samples(ExtensionContext context, Settings settings) {
    Optional<Samples> annotation =
        AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), Samples.class);
    Optional<ExtensionContext> current = Optional.of(context);
    while (annotation.isEmpty() && current.isPresent()) {
      annotation =
          current
              .get()
              .getTestClass()
              .flatMap(c -> AnnotationSupport.findAnnotation(c, Samples.class));
      current = current.get().getParent();
    }
    if (annotation.isPresent()) {
      return ConfigurationReader.fromAnnotation(
          ConfigurationKeys.SAMPLES,
          String.valueOf(annotation.get().value()),
          "annotation @Samples on " + ScenarioInvocation.testId(context));
    }
    return settings.samples();
  }

  /**
   * The resources of the module of the context's test class (one set per module in a run), created
   * by the first template of that module: the configuration is parsed (and unknown keys reported)
   * once; a failure is kept and fails every later template the same way.
   */
  static RunResources resources(ExtensionContext context) {
    java.nio.file.Path module =
        context
            .getTestClass()
            .map(ModulePaths::moduleOf)
            .orElseGet(() -> java.nio.file.Path.of("").toAbsolutePath());
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            List.of(RunResources.class, module),
            k -> {
              Console console = Console.forThisRun();
              return new RunResources(
                      Settings.read(
                          new ConfigurationReader(
                              context::getConfigurationParameter,
                              System.getenv(),
                              ConfigurationReader.listableParameterNames()),
                          console),
                      module,
                      console)
                  .joinReport();
            },
            RunResources.class);
  }
}
