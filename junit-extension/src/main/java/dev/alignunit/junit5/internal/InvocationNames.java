package dev.alignunit.junit5.internal;

import dev.alignunit.junit5.AgentModel;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.recording.RecordingPaths;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Display names of invocations, so IDEs, Surefire (with phrased names) and CI dashboards say which
 * scenario, variant, model and sample an invocation ran: {@code misalignment/blackmail
 * [goal=explicit, urgency=none] · openai:gpt-4.1-mini · sample 3/20}.
 */
final class InvocationNames {

  private InvocationNames() {}

  /**
   * @param variantName the scenario and variant, {@code id [name=value, ...]}
   * @param model the model's label ({@link #model})
   * @param sample the sample of a single-run invocation, 0 for a sample set
   * @param samples samples per variant
   */
  static String of(String variantName, String model, int sample, int samples) {
    String name = variantName + " · " + model;
    if (sample == 0) {
      return samples == 1 ? name : name + " · " + samples + " samples";
    }
    return samples == 1 ? name : name + " · sample " + sample + "/" + samples;
  }

  /**
   * The model as far as it is known before the test instance exists: {@code scripted} for an
   * {@code @AgentModel} member of type {@link ScriptedModel}, {@code @AgentModel} for another test
   * model, the configured {@code alignunit.model}, else the model the variant's recording names
   * ({@code replay of openai:gpt-4.1-mini}), else {@code no model}.
   */
  static String model(
      ExtensionContext context, RunResources resources, Map<String, String> variant) {
    Optional<Class<?>> declared = agentModelType(context);
    if (declared.isPresent()) {
      return ScriptedModel.class.isAssignableFrom(declared.get()) ? "scripted" : "@AgentModel";
    }
    Optional<String> configured = resources.settings().model().map(v -> v.value().toString());
    if (configured.isPresent()) {
      return configured.get();
    }
    Class<?> testClass = context.getRequiredTestClass();
    String method = context.getRequiredTestMethod().getName();
    Path recording =
        RecordingPaths.file(resources.recordingsDir(), testClass.getName(), method, variant);
    if (!Files.exists(recording)) {
      recording =
          RecordingPaths.file(
              resources.recordingsDir(), testClass.getSimpleName(), method, variant);
    }
    return RerecordCommand.recordedModel(recording).map(m -> "replay of " + m).orElse("no model");
  }

  /**
   * The declared type of the innermost {@code @AgentModel} member of the test class and its
   * enclosing classes.
   */
  private static Optional<Class<?>> agentModelType(ExtensionContext context) {
    for (Class<?> type = context.getRequiredTestClass();
        type != null;
        type = type.getEnclosingClass()) {
      List<Field> fields = AnnotationSupport.findAnnotatedFields(type, AgentModel.class);
      if (!fields.isEmpty()) {
        return Optional.of(fields.get(0).getType());
      }
      List<Method> methods =
          AnnotationSupport.findAnnotatedMethods(
              type, AgentModel.class, HierarchyTraversalMode.TOP_DOWN);
      if (!methods.isEmpty()) {
        return Optional.of(methods.get(0).getReturnType());
      }
    }
    return Optional.empty();
  }
}
