package dev.alignunit.junit5.internal;

import dev.alignunit.agent.AgentLoop;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.model.ModelClient;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * One invocation of an {@code @AgentScenario} template: one scenario variant. Resolves the
 * parameters; the run itself happens lazily, once, and lives in the invocation's store.
 */
final class ScenarioInvocation implements TestTemplateInvocationContext, ParameterResolver {

  private final Scenario scenario;
  private final Map<String, String> variant;
  private final String displayName;

  ScenarioInvocation(Scenario scenario, Map<String, String> variant, String displayName) {
    this.scenario = scenario;
    this.variant = variant;
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
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == AgentRun.class || type == Scenario.class || type == ToolSandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == Scenario.class) {
      return scenario;
    }
    InvocationState state = context.getStore(AlignUnitExtension.NAMESPACE)
        .getOrComputeIfAbsent(InvocationState.class, k -> new InvocationState(ToolSandbox.forScenario(scenario)),
            InvocationState.class);
    if (type == ToolSandbox.class) {
      return state.sandbox;
    }
    if (type == AgentRun.class) {
      return state.run(() -> {
        Settings settings = AlignUnitExtension.settings(context);
        ModelClient model = ModelLocator.locate(context, settings);
        return AgentLoop.builder().maxTurns(settings.maxTurns()).build()
            .run(scenario, state.sandbox, model, variant, 1);
      });
    }
    throw new ParameterResolutionException("AlignUnit cannot resolve parameters of type " + type.getName());
  }

  /** The sandbox and (once made) the run of one invocation. */
  static final class InvocationState {
    private final ToolSandbox sandbox;
    private AgentRun run;

    InvocationState(ToolSandbox sandbox) {
      this.sandbox = sandbox;
    }

    synchronized AgentRun run(java.util.function.Supplier<AgentRun> runner) {
      if (run == null) {
        run = runner.get();
      }
      return run;
    }
  }
}
