package dev.alignunit.junit5.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.junit5.SandboxTool;
import dev.alignunit.sandbox.SimulatedTool;
import dev.alignunit.sandbox.Tool;
import dev.alignunit.sandbox.ToolResult;
import dev.alignunit.sandbox.ToolSandbox;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

/**
 * Handles {@link SandboxTool} fields in two steps, because stubbing in {@code @BeforeEach} needs
 * the mocks before the sandbox exists:
 *
 * <ol>
 *   <li>{@link #injectMocks(Object)}, from a {@code TestInstancePostProcessor}: assigns a Mockito
 *       mock to every empty interface-typed field of the instance;
 *   <li>{@link #register(List, ToolSandbox)}, when an invocation's sandbox is created and before
 *       the agent runs: registers every field's object (mock, fake or {@code @Tool} object) as
 *       tools, and points the extension-made mocks at the scenario's tools of the same name for
 *       unstubbed answers.
 * </ol>
 *
 * <p>Mockito is an optional dependency: it is only loaded when a mock is needed or a value is
 * checked for being one.
 */
final class SandboxToolInjector {

  private static final String MOCKITO = "org.mockito.Mockito";

  private SandboxToolInjector() {}

  /**
   * Assigns a Mockito mock to every {@code @SandboxTool} field of the instance that is empty and
   * interface-typed. Idempotent: filled fields are left alone.
   *
   * @param testInstance the test instance (call once per instance, outer and nested)
   * @throws ExtensionConfigurationException for a static field, an empty field of a class type,
   *     or a needed mock without Mockito on the class path
   */
  static void injectMocks(Object testInstance) {
    injectMocks(testInstance, mockitoPresent());
  }

  static void injectMocks(Object testInstance, boolean mockitoPresent) {
    for (Field field : fields(testInstance)) {
      if (read(field, testInstance) != null) {
        continue;
      }
      Class<?> type = field.getType();
      if (!type.isInterface()) {
        throw new ExtensionConfigurationException("@SandboxTool field " + describe(field) + " is null. Only "
            + "interface-typed fields get a Mockito mock; assign an object with @Tool methods, or declare the field "
            + "with an interface type.");
      }
      if (!mockitoPresent) {
        throw new ExtensionConfigurationException("@SandboxTool field " + describe(field) + " needs a Mockito mock of "
            + type.getName() + ", but Mockito is not on the test class path. Add the test dependency "
            + "org.mockito:mockito-core, or assign the field an implementation yourself.");
      }
      Object mock = MockitoSupport.mock(type, field.getName());
      try {
        field.setAccessible(true);
        field.set(testInstance, mock);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new ExtensionConfigurationException("Cannot assign a mock to @SandboxTool field " + describe(field)
            + ": " + e.getMessage() + ". Make the field non-final.", e);
      }
    }
  }

  /**
   * Registers the objects of every {@code @SandboxTool} field of the instances as tools.
   *
   * @param testInstances the test instances, outermost first (JUnit's
   *     {@code getRequiredTestInstances().getAllInstances()})
   * @param sandbox the invocation's sandbox
   * @throws ExtensionConfigurationException for an empty field or an object that offers no tool
   */
  static void register(List<Object> testInstances, ToolSandbox sandbox) {
    boolean mockito = mockitoPresent();
    for (Object instance : testInstances) {
      for (Field field : fields(instance)) {
        Object value = read(field, instance);
        if (value == null) {
          throw new ExtensionConfigurationException("@SandboxTool field " + describe(field) + " is null when the "
              + "sandbox is built. Assign it, or let the extension mock it (interface-typed fields only).");
        }
        Class<?> type = field.getType();
        boolean mock = mockito && MockitoSupport.isMock(value);
        try {
          if (type.isInterface() && (mock || !hasToolMethods(value.getClass()))) {
            java.util.Optional<ScenarioFallback> fallback =
                mock ? MockitoSupport.fallbacks(value) : java.util.Optional.empty();
            fallback.ifPresent(f -> f.scenarioTools(type, sandbox));
            registerInterface(sandbox, type, value);
            fallback.ifPresent(f -> f.markSandboxCalls(type, sandbox));
          } else {
            sandbox.registerObject(value);
          }
        } catch (RuntimeException e) {
          throw new ExtensionConfigurationException("@SandboxTool field " + describe(field) + ": " + e.getMessage(), e);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void registerInterface(ToolSandbox sandbox, Class<T> type, Object value) {
    sandbox.registerInterface(type, (T) value);
  }

  private static boolean hasToolMethods(Class<?> type) {
    return !AnnotationSupport.findAnnotatedMethods(type, dev.alignunit.sandbox.annotation.Tool.class,
        org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN).isEmpty();
  }

  private static List<Field> fields(Object instance) {
    List<Field> fields = AnnotationSupport.findAnnotatedFields(instance.getClass(), SandboxTool.class);
    for (Field field : fields) {
      if (Modifier.isStatic(field.getModifiers())) {
        throw new ExtensionConfigurationException("@SandboxTool field " + describe(field) + " must not be static: its "
            + "tools and mock belong to one test instance.");
      }
    }
    return fields;
  }

  private static Object read(Field field, Object instance) {
    return ReflectionSupport.tryToReadFieldValue(field, instance)
        .getOrThrow(e -> new ExtensionConfigurationException("Cannot read @SandboxTool field " + describe(field), e));
  }

  private static String describe(Field field) {
    return field.getDeclaringClass().getName() + "." + field.getName();
  }

  static boolean mockitoPresent() {
    try {
      Class.forName(MOCKITO, false, SandboxToolInjector.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The tool name of an interface method, as {@code ToolSandbox.registerInterface} names it. */
  static String toolName(Method method) {
    dev.alignunit.sandbox.annotation.Tool annotation = method.getAnnotation(dev.alignunit.sandbox.annotation.Tool.class);
    if (annotation != null && !annotation.name().isEmpty()) {
      return annotation.name();
    }
    return method.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
  }

  /** Everything that touches Mockito; loaded only when Mockito is present. */
  private static final class MockitoSupport {

    private MockitoSupport() {}

    static Object mock(Class<?> type, String name) {
      return Mockito.mock(type, Mockito.withSettings().name(name).defaultAnswer(new ScenarioFallback()));
    }

    static boolean isMock(Object value) {
      return Mockito.mockingDetails(value).isMock();
    }

    static java.util.Optional<ScenarioFallback> fallbacks(Object mock) {
      Answer<?> answer = Mockito.mockingDetails(mock).getMockCreationSettings().getDefaultAnswer();
      return answer instanceof ScenarioFallback fallback ? java.util.Optional.of(fallback) : java.util.Optional.empty();
    }
  }

  /**
   * The default answer of extension-made mocks: an unstubbed method that returns text answers
   * with the scenario's simulated tool of the same name (an error result is thrown, so the
   * sandbox records a tool error); everything else gets Mockito's defaults.
   */
  static final class ScenarioFallback implements Answer<Object> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Set while the sandbox calls the mock, so stubbing ({@code when(mock.m(any()))}) never reaches the scenario. */
    private static final ThreadLocal<Boolean> IN_SANDBOX_CALL = ThreadLocal.withInitial(() -> false);
    private final Map<String, Tool> scenarioTools = new ConcurrentHashMap<>();

    /** Re-registers the mock's tools wrapped so the fallback knows the sandbox is calling. */
    void markSandboxCalls(Class<?> type, ToolSandbox sandbox) {
      for (Method method : type.getMethods()) {
        sandbox.tool(toolName(method)).ifPresent(tool -> sandbox.register(new Tool() {
          @Override
          public dev.alignunit.model.ToolSpec spec() {
            return tool.spec();
          }

          @Override
          public ToolResult call(com.fasterxml.jackson.databind.JsonNode arguments) {
            IN_SANDBOX_CALL.set(true);
            try {
              return tool.call(arguments);
            } finally {
              IN_SANDBOX_CALL.set(false);
            }
          }
        }));
      }
    }

    void scenarioTools(Class<?> type, ToolSandbox sandbox) {
      scenarioTools.clear();
      for (Method method : type.getMethods()) {
        String name = toolName(method);
        // Only the scenario's simulated tools: another test-supplied tool of that name is not a fallback.
        sandbox.tool(name).filter(SimulatedTool.class::isInstance).ifPresent(tool -> scenarioTools.put(name, tool));
      }
    }

    @Override
    public Object answer(InvocationOnMock invocation) throws Throwable {
      Method method = invocation.getMethod();
      Tool tool = scenarioTools.get(toolName(method));
      Class<?> returns = method.getReturnType();
      if (tool == null || !IN_SANDBOX_CALL.get() || !(returns == String.class || returns == CharSequence.class || returns == Object.class
          || returns == void.class)) {
        return Mockito.RETURNS_DEFAULTS.answer(invocation);
      }
      ObjectNode arguments = JSON.createObjectNode();
      Parameter[] parameters = method.getParameters();
      for (int i = 0; i < parameters.length; i++) {
        arguments.set(parameters[i].getName(), JSON.valueToTree(invocation.getArgument(i)));
      }
      ToolResult result = tool.call(arguments);
      if (result.error()) {
        throw new IllegalStateException(result.content());
      }
      return returns == void.class ? null : result.content();
    }
  }
}
