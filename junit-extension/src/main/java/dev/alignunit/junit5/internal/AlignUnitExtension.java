package dev.alignunit.junit5.internal;

import dev.alignunit.junit5.AgentScenario;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ScenarioCatalog;
import java.util.Map;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The AlignUnit JUnit Jupiter extension. Register it with {@code @AgentTest} or use
 * {@code @AgentScenario}, which registers it; do not use this class directly. It holds no
 * state: the configuration and scenario catalog live in the root context's store, the sandbox
 * and run of each invocation in that invocation's store.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AlignUnitExtension implements TestTemplateInvocationContextProvider {

  static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AlignUnitExtension.class);

  /** Created by JUnit. */
  public AlignUnitExtension() {}

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, AgentScenario.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    AgentScenario annotation = AnnotationSupport
        .findAnnotation(context.getRequiredTestMethod(), AgentScenario.class).orElseThrow();
    Scenario scenario = catalog(context).get(annotation.value());
    return Stream.of(new ScenarioInvocation(scenario, Map.of(), scenario.id()));
  }

  static Settings settings(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Settings.class,
        k -> Settings.read(context::getConfigurationParameter, System::getenv), Settings.class);
  }

  static ScenarioCatalog catalog(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ScenarioCatalog.class,
        k -> ScenarioCatalog.fromClasspath(), ScenarioCatalog.class);
  }
}
