package dev.alignunit.junit5.internal;

import dev.alignunit.junit5.AgentModel;
import dev.alignunit.junit5.AgentUnderTest;
import dev.alignunit.junit5.SandboxTool;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The annotated members of one test class, found once per class (an annotation scan walks the class
 * hierarchy and is the most expensive reflective step of an invocation), not per sample:
 * {@code @AgentModel}, {@code @AgentUnderTest} and {@code @SandboxTool}. Values are still read from
 * the instance each time, so an assignment in {@code @BeforeEach} is seen. Immutable reflection
 * data, cached per class like JUnit's own.
 *
 * @param modelFields {@code @AgentModel} fields
 * @param modelMethods {@code @AgentModel} methods
 * @param agentFields {@code @AgentUnderTest} fields
 * @param agentMethods {@code @AgentUnderTest} methods
 * @param sandboxToolFields {@code @SandboxTool} fields
 */
record TestMembers(
    List<Field> modelFields,
    List<Method> modelMethods,
    List<Field> agentFields,
    List<Method> agentMethods,
    List<Field> sandboxToolFields) {

  private static final ClassValue<TestMembers> CACHE =
      new ClassValue<>() {
        @Override
        protected TestMembers computeValue(Class<?> type) {
          return new TestMembers(
              List.copyOf(AnnotationSupport.findAnnotatedFields(type, AgentModel.class)),
              List.copyOf(
                  AnnotationSupport.findAnnotatedMethods(
                      type, AgentModel.class, HierarchyTraversalMode.TOP_DOWN)),
              List.copyOf(AnnotationSupport.findAnnotatedFields(type, AgentUnderTest.class)),
              List.copyOf(
                  AnnotationSupport.findAnnotatedMethods(
                      type, AgentUnderTest.class, HierarchyTraversalMode.TOP_DOWN)),
              List.copyOf(AnnotationSupport.findAnnotatedFields(type, SandboxTool.class)));
        }
      };

  /**
   * Whether a class's objects offer {@code @Tool} methods; asked for every {@code @SandboxTool}
   * value.
   */
  private static final ClassValue<Boolean> TOOL_METHODS =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return !AnnotationSupport.findAnnotatedMethods(
                  type,
                  dev.alignunit.sandbox.annotation.Tool.class,
                  HierarchyTraversalMode.TOP_DOWN)
              .isEmpty();
        }
      };

  /**
   * @param type a test class
   * @return its annotated members
   */
  static TestMembers of(Class<?> type) {
    return CACHE.get(type);
  }

  /**
   * @param type any class
   * @return whether it (or a superclass) declares {@code @Tool} methods
   */
  static boolean hasToolMethods(Class<?> type) {
    return TOOL_METHODS.get(type);
  }

  /**
   * @return whether the class declares an {@code @AgentModel} member
   */
  boolean hasAgentModel() {
    return !modelFields.isEmpty() || !modelMethods.isEmpty();
  }
}
