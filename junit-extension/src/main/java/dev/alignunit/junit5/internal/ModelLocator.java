package dev.alignunit.junit5.internal;

import dev.alignunit.junit5.AgentModel;
import dev.alignunit.junit5.ConfigurationKeys;
import dev.alignunit.model.ModelClient;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Finds the model of a test: an {@link AgentModel} member first, then configuration. */
final class ModelLocator {

  private ModelLocator() {}

  static ModelClient locate(ExtensionContext context, Settings settings) {
    List<Object> instances = context.getRequiredTestInstances().getAllInstances();
    // Innermost first, so a @Nested class can override its enclosing class's model.
    for (int i = instances.size() - 1; i >= 0; i--) {
      Object instance = instances.get(i);
      ModelClient model = fromMembers(instance);
      if (model != null) {
        return model;
      }
    }
    return fromConfiguration(context, settings);
  }

  private static ModelClient fromMembers(Object instance) {
    Class<?> type = instance.getClass();
    List<Field> fields = AnnotationSupport.findAnnotatedFields(type, AgentModel.class);
    List<Method> methods = AnnotationSupport.findAnnotatedMethods(type, AgentModel.class, HierarchyTraversalMode.TOP_DOWN);
    List<String> members = new ArrayList<>();
    fields.forEach(f -> members.add("field " + f.getName()));
    methods.forEach(m -> members.add("method " + m.getName() + "()"));
    if (members.size() > 1) {
      throw new ExtensionConfigurationException(type.getName() + " has " + members.size()
          + " @AgentModel members (" + String.join(", ", members) + "); keep exactly one.");
    }
    if (!fields.isEmpty()) {
      Field field = fields.get(0);
      Object value = ReflectionSupport.tryToReadFieldValue(field, Modifier.isStatic(field.getModifiers()) ? null : instance)
          .getOrThrow(e -> new ExtensionConfigurationException("Cannot read @AgentModel field " + describe(field), e));
      return checked(value, "field " + describe(field));
    }
    if (!methods.isEmpty()) {
      Method method = methods.get(0);
      if (method.getParameterCount() != 0) {
        throw new ExtensionConfigurationException("@AgentModel method " + describe(method)
            + " must take no parameters.");
      }
      Object value = ReflectionSupport.invokeMethod(method, Modifier.isStatic(method.getModifiers()) ? null : instance);
      return checked(value, "method " + describe(method));
    }
    return null;
  }

  private static ModelClient checked(Object value, String member) {
    if (value == null) {
      throw new ExtensionConfigurationException("@AgentModel " + member + " is null; assign a ModelClient "
          + "(for example ScriptedModel.builder()...build()).");
    }
    if (!(value instanceof ModelClient client)) {
      throw new ExtensionConfigurationException("@AgentModel " + member + " holds a "
          + value.getClass().getName() + ", not a dev.alignunit.model.ModelClient.");
    }
    return client;
  }

  private static ModelClient fromConfiguration(ExtensionContext context, Settings settings) {
    String test = context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName();
    if (settings.model().isEmpty()) {
      throw new ExtensionConfigurationException("No model for " + test + ": declare an @AgentModel field or "
          + "method returning a ModelClient (for example a ScriptedModel), or set " + ConfigurationKeys.MODEL
          + " (for example -D" + ConfigurationKeys.MODEL + "=openai:gpt-4.1-mini).");
    }
    ConfigurationReader.Value model = settings.model().get();
    if (model.value().equals("scripted")) {
      throw new ExtensionConfigurationException(ConfigurationKeys.MODEL + "=scripted (from " + model.source()
          + ") needs the script: declare an @AgentModel field or method returning a ScriptedModel in " + test + ".");
    }
    throw ConfigurationReader.invalid(model, "scripted (with an @AgentModel script)");
  }

  private static String describe(Field field) {
    return field.getDeclaringClass().getSimpleName() + "." + field.getName();
  }

  private static String describe(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
  }
}
