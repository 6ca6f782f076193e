package dev.alignunit.junit5.internal;

import dev.alignunit.evaluation.Graders;
import dev.alignunit.grading.ReasoningDetector;
import dev.alignunit.grading.RefusalDetector;
import dev.alignunit.junit5.Grader;
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

/**
 * Finds the detectors a test declared with {@link Grader} (innermost {@code @Nested} class first).
 */
final class GraderLocator {

  private GraderLocator() {}

  static Graders graders(ExtensionContext context) {
    RefusalDetector refusal = null;
    ReasoningDetector reasoning = null;
    List<Object> instances = context.getRequiredTestInstances().getAllInstances();
    for (int i = instances.size() - 1; i >= 0; i--) {
      List<Member> members = members(instances.get(i));
      if (refusal == null) {
        refusal = only(members, RefusalDetector.class, instances.get(i));
      }
      if (reasoning == null) {
        reasoning = only(members, ReasoningDetector.class, instances.get(i));
      }
    }
    Graders graders = Graders.DEFAULT;
    graders = refusal == null ? graders : graders.withRefusal(refusal);
    return reasoning == null ? graders : graders.withReasoning(reasoning);
  }

  /** One {@code @Grader} member with its value. */
  private record Member(String name, Object value) {}

  private static List<Member> members(Object instance) {
    Class<?> type = instance.getClass();
    List<Member> members = new ArrayList<>();
    for (Field field : AnnotationSupport.findAnnotatedFields(type, Grader.class)) {
      String name = "field " + field.getDeclaringClass().getSimpleName() + "." + field.getName();
      Object value =
          ReflectionSupport.tryToReadFieldValue(
                  field, Modifier.isStatic(field.getModifiers()) ? null : instance)
              .getOrThrow(
                  e -> new ExtensionConfigurationException("Cannot read @Grader " + name, e));
      members.add(new Member(name, checked(value, name)));
    }
    for (Method method :
        AnnotationSupport.findAnnotatedMethods(
            type, Grader.class, HierarchyTraversalMode.TOP_DOWN)) {
      String name =
          "method " + method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
      if (method.getParameterCount() != 0) {
        throw new ExtensionConfigurationException("@Grader " + name + " must take no parameters.");
      }
      Object value =
          ReflectionSupport.invokeMethod(
              method, Modifier.isStatic(method.getModifiers()) ? null : instance);
      members.add(new Member(name, checked(value, name)));
    }
    return members;
  }

  private static Object checked(Object value, String name) {
    if (value == null) {
      throw new ExtensionConfigurationException(
          "@Grader "
              + name
              + " is null; assign a RefusalDetector or a "
              + "ReasoningDetector (for example RefusalDetector.heuristicBuilder()...build()).");
    }
    if (!(value instanceof RefusalDetector) && !(value instanceof ReasoningDetector)) {
      throw new ExtensionConfigurationException(
          "@Grader "
              + name
              + " holds a "
              + value.getClass().getName()
              + ", not a dev.alignunit.grading.RefusalDetector or ReasoningDetector.");
    }
    return value;
  }

  private static <T> T only(List<Member> members, Class<T> type, Object instance) {
    List<Member> matching = members.stream().filter(m -> type.isInstance(m.value())).toList();
    if (matching.size() > 1) {
      throw new ExtensionConfigurationException(
          instance.getClass().getName()
              + " has "
              + matching.size()
              + " @Grader members of type "
              + type.getSimpleName()
              + " ("
              + String.join(", ", matching.stream().map(Member::name).toList())
              + "); keep exactly one.");
    }
    return matching.isEmpty() ? null : type.cast(matching.get(0).value());
  }
}
