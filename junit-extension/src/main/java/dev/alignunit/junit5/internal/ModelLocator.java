package dev.alignunit.junit5.internal;

import dev.alignunit.AlignUnitException;
import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ModelSpec;
import dev.alignunit.model.ScriptedModel;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the model of a test: an {@link AgentModel} member first (innermost {@code @Nested} class
 * first), then the configuration key {@code alignunit.model}.
 */
final class ModelLocator {

  private ModelLocator() {}

  /**
   * The model for one sample: an {@code @AgentModel} method is called per sample; a field holding a
   * ScriptedModel is used as is for sample 1 and copied for later samples, so each sample replays
   * the script from the start.
   */
  static ModelClient locate(ExtensionContext context, RunResources resources, int sample) {
    List<Object> instances = context.getRequiredTestInstances().getAllInstances();
    for (int i = instances.size() - 1; i >= 0; i--) {
      ModelClient model = fromMembers(instances.get(i), sample);
      if (model != null) {
        return model;
      }
    }
    return fromConfiguration(context, resources);
  }

  /** Whether the test supplies its own model (then recordings do not apply). */
  static boolean hasAgentModelMember(ExtensionContext context) {
    return context.getRequiredTestInstances().getAllInstances().stream()
        .anyMatch(instance -> TestMembers.of(instance.getClass()).hasAgentModel());
  }

  private static ModelClient fromMembers(Object instance, int sample) {
    Class<?> type = instance.getClass();
    TestMembers found = TestMembers.of(type);
    List<Field> fields = found.modelFields();
    List<Method> methods = found.modelMethods();
    List<String> members = new ArrayList<>();
    fields.forEach(f -> members.add("field " + f.getName()));
    methods.forEach(m -> members.add("method " + m.getName() + "()"));
    if (members.size() > 1) {
      throw new ExtensionConfigurationException(
          type.getName()
              + " has "
              + members.size()
              + " @AgentModel members ("
              + String.join(", ", members)
              + "); keep exactly one.");
    }
    if (!fields.isEmpty()) {
      Field field = fields.get(0);
      Object value =
          ReflectionSupport.tryToReadFieldValue(
                  field, Modifier.isStatic(field.getModifiers()) ? null : instance)
              .getOrThrow(
                  e ->
                      new ExtensionConfigurationException(
                          "Cannot read @AgentModel field " + describe(field), e));
      ModelClient model = checked(value, "field " + describe(field));
      return sample > 1 && model instanceof ScriptedModel scripted ? scripted.copy() : model;
    }
    if (!methods.isEmpty()) {
      Method method = methods.get(0);
      Object target = Modifier.isStatic(method.getModifiers()) ? null : instance;
      Object value;
      if (method.getParameterCount() == 0) {
        value = ReflectionSupport.invokeMethod(method, target);
      } else if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == int.class) {
        value = ReflectionSupport.invokeMethod(method, target, sample);
      } else {
        throw new ExtensionConfigurationException(
            "@AgentModel method "
                + describe(method)
                + " must take no parameters, or one int parameter (the sample number, from 1).");
      }
      return checked(value, "method " + describe(method));
    }
    return null;
  }

  private static ModelClient checked(Object value, String member) {
    if (value == null) {
      throw new ExtensionConfigurationException(
          "@AgentModel "
              + member
              + " is null; assign a ModelClient "
              + "(for example ScriptedModel.builder()...build()).");
    }
    if (!(value instanceof ModelClient client)) {
      throw new ExtensionConfigurationException(
          "@AgentModel "
              + member
              + " holds a "
              + value.getClass().getName()
              + ", not a dev.alignunit.model.ModelClient.");
    }
    return client;
  }

  private static ModelClient fromConfiguration(ExtensionContext context, RunResources resources) {
    String test =
        context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName();
    Settings settings = resources.settings();
    if (settings.model().isEmpty()) {
      throw new ExtensionConfigurationException(
          "No model for "
              + test
              + ": declare an @AgentModel field or "
              + "method returning a ModelClient (for example a ScriptedModel), or set "
              + ConfigurationKeys.MODEL
              + " (for example -D"
              + ConfigurationKeys.MODEL
              + "=openai:gpt-4.1-mini).");
    }
    ConfigurationReader.Sourced<ModelSpec> model = settings.model().get();
    if (!model.value().isNetwork()) {
      throw new ExtensionConfigurationException(
          ConfigurationKeys.MODEL
              + "="
              + model.value()
              + " (from "
              + model.source()
              + ") needs the script: declare an @AgentModel field or method returning a ScriptedModel in "
              + test
              + ".");
    }
    try {
      return resources.clients().create(model.value());
    } catch (AlignUnitException e) {
      throw Failures.once(
          e.getMessage() + " (" + ConfigurationKeys.MODEL + " from " + model.source() + ")", e);
    }
  }

  private static String describe(Field field) {
    return field.getDeclaringClass().getSimpleName() + "." + field.getName();
  }

  private static String describe(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
  }
}
