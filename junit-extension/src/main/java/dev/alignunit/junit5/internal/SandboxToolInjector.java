package dev.alignunit.junit5.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.junit5.SandboxTool;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.SimulatedTool;
import dev.alignunit.sandbox.Tool;
import dev.alignunit.sandbox.ToolResult;
import dev.alignunit.sandbox.ToolSandbox;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.ReflectionSupport;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

/**
 * Handles {@link SandboxTool} fields in two steps, because stubbing in {@code @BeforeEach} needs
 * the mocks before the sandbox exists:
 *
 * <ol>
 *   <li>{@link #injectMocks(Object)}, before each invocation's {@code @BeforeEach} methods: assigns
 *       a fresh Mockito mock to every empty interface-typed field of the instance, and replaces the
 *       mock an earlier invocation got (a per-class test instance), so {@code verify} in one
 *       invocation never counts another's calls;
 *   <li>{@link #register(List, ToolSandbox)}, when a sample's sandbox is created and before the
 *       agent runs: registers every field's object (mock, fake or {@code @Tool} object) as tools.
 * </ol>
 *
 * <p>An extension-made mock answers an unstubbed text method with the scenario's simulated tool of
 * the same name <em>in the sandbox that is calling it</em>: each sample's sandbox wraps the mock's
 * tools so that, for the duration of the call, the fallback sees that sandbox's own simulated tools
 * (their counters, sequences and rules). The mock itself holds no per-sample state, so samples of
 * one sample set can share it concurrently, and Mockito's {@code verify} on the field sees the
 * calls of every sample of the invocation.
 *
 * <p>Mockito is an optional dependency: it is only loaded when a mock is needed or a value is
 * checked for being one, and its presence is looked up once.
 */
final class SandboxToolInjector {

  private SandboxToolInjector() {}

  /**
   * Assigns a fresh Mockito mock to every {@code @SandboxTool} field of the instance that is empty
   * and interface-typed, or that holds a mock this extension made for an earlier invocation. Fields
   * the test assigned itself are left alone.
   *
   * @param testInstance the test instance (call once per instance, outer and nested)
   * @throws ExtensionConfigurationException for a static field, an empty field of a class type, or
   *     a needed mock without Mockito on the class path
   */
  static void injectMocks(Object testInstance) {
    injectMocks(testInstance, mockitoPresent());
  }

  static void injectMocks(Object testInstance, boolean mockitoPresent) {
    for (Field field : fields(testInstance)) {
      Object current = read(field, testInstance);
      if (current != null && !(mockitoPresent && MockitoSupport.madeByExtension(current))) {
        continue;
      }
      Class<?> type = field.getType();
      if (!type.isInterface()) {
        throw new ExtensionConfigurationException(
            "@SandboxTool field "
                + describe(field)
                + " is null. Only "
                + "interface-typed fields get a Mockito mock; assign an object with @Tool methods, or declare the field "
                + "with an interface type.");
      }
      if (!mockitoPresent) {
        throw new ExtensionConfigurationException(
            "@SandboxTool field "
                + describe(field)
                + " needs a Mockito mock of "
                + type.getName()
                + ", but Mockito is not on the test class path. Add the test dependency "
                + "org.mockito:mockito-core, or assign the field an implementation yourself.");
      }
      Object mock = MockitoSupport.mock(type, field.getName());
      try {
        field.setAccessible(true);
        field.set(testInstance, mock);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw Failures.once(
            "Cannot assign a mock to @SandboxTool field "
                + describe(field)
                + ": "
                + e.getMessage()
                + ". Make the field non-final.",
            e);
      }
    }
  }

  /**
   * Registers the objects of every {@code @SandboxTool} field of the instances as tools.
   *
   * @param testInstances the test instances, outermost first (JUnit's {@code
   *     getRequiredTestInstances().getAllInstances()})
   * @param sandbox the invocation's sandbox
   * @throws ExtensionConfigurationException for an empty field or an object that offers no tool
   */
  static void register(List<Object> testInstances, ToolSandbox sandbox) {
    for (Object instance : testInstances) {
      for (Field field : fields(instance)) {
        Object value = read(field, instance);
        if (value == null) {
          throw new ExtensionConfigurationException(
              "@SandboxTool field "
                  + describe(field)
                  + " is null when the "
                  + "sandbox is built. Assign it, or let the extension mock it (interface-typed fields only).");
        }
        Class<?> type = field.getType();
        boolean mock = mockitoPresent() && MockitoSupport.isMock(value);
        try {
          if (type.isInterface() && (mock || !hasToolMethods(value.getClass()))) {
            boolean fallsBack = mock && MockitoSupport.madeByExtension(value);
            // The scenario's tools are looked up before the mock's tools replace them.
            Map<String, Tool> scenarioTools =
                fallsBack ? ScenarioFallback.scenarioTools(type, sandbox) : Map.of();
            registerInterface(sandbox, type, value);
            if (fallsBack) {
              ScenarioFallback.answerFrom(scenarioTools, type, sandbox);
            }
          } else {
            sandbox.registerObject(value);
          }
        } catch (RuntimeException e) {
          throw Failures.once("@SandboxTool field " + describe(field) + ": " + e.getMessage(), e);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void registerInterface(ToolSandbox sandbox, Class<T> type, Object value) {
    sandbox.registerInterface(type, (T) value);
  }

  private static boolean hasToolMethods(Class<?> type) {
    return TestMembers.hasToolMethods(type);
  }

  private static List<Field> fields(Object instance) {
    List<Field> fields = TestMembers.of(instance.getClass()).sandboxToolFields();
    for (Field field : fields) {
      if (Modifier.isStatic(field.getModifiers())) {
        throw new ExtensionConfigurationException(
            "@SandboxTool field "
                + describe(field)
                + " must not be static: its "
                + "tools and mock belong to one test instance.");
      }
    }
    return fields;
  }

  private static Object read(Field field, Object instance) {
    return ReflectionSupport.tryToReadFieldValue(field, instance)
        .getOrThrow(
            e ->
                new ExtensionConfigurationException(
                    "Cannot read @SandboxTool field " + describe(field), e));
  }

  private static String describe(Field field) {
    return field.getDeclaringClass().getName() + "." + field.getName();
  }

  static boolean mockitoPresent() {
    return MockitoPresence.PRESENT;
  }

  /** Looks Mockito up once, when first asked (a holder class: no work before a mock is needed). */
  private static final class MockitoPresence {
    static final boolean PRESENT = present();

    private MockitoPresence() {}

    private static boolean present() {
      try {
        Class.forName("org.mockito.Mockito", false, SandboxToolInjector.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }

  /** The tool name of an interface method, as {@code ToolSandbox.registerInterface} names it. */
  static String toolName(Method method) {
    dev.alignunit.sandbox.annotation.Tool annotation =
        method.getAnnotation(dev.alignunit.sandbox.annotation.Tool.class);
    if (annotation != null && !annotation.name().isEmpty()) {
      return annotation.name();
    }
    return method
        .getName()
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
  }

  /** Everything that touches Mockito; loaded only when Mockito is present. */
  private static final class MockitoSupport {

    private MockitoSupport() {}

    static Object mock(Class<?> type, String name) {
      return Mockito.mock(
          type, Mockito.withSettings().name(name).defaultAnswer(new ScenarioFallback()));
    }

    static boolean isMock(Object value) {
      return Mockito.mockingDetails(value).isMock();
    }

    /**
     * Whether the value is a mock this extension made (its default answer is the scenario
     * fallback).
     */
    static boolean madeByExtension(Object value) {
      return Mockito.mockingDetails(value).isMock()
          && Mockito.mockingDetails(value).getMockCreationSettings().getDefaultAnswer()
              instanceof ScenarioFallback;
    }
  }

  /**
   * The default answer of extension-made mocks: an unstubbed method that returns text answers with
   * the scenario's simulated tool of the same name from the sandbox whose call is in progress on
   * this thread (an error result is thrown, so the sandbox records a tool error); everything else,
   * and every call from outside a sandbox (stubbing, the test calling the mock itself), gets
   * Mockito's defaults. Stateless: one instance can serve many sandboxes at once.
   */
  static final class ScenarioFallback implements Answer<Object> {
    private static final ObjectMapper JSON = dev.alignunit.internal.Json.mapper();

    /**
     * The scenario tools of the sandbox calling the mock on this thread; {@code null} outside a
     * sandbox call.
     */
    private static final ThreadLocal<Map<String, Tool>> CALLING_SANDBOX = new ThreadLocal<>();

    /**
     * The sandbox's simulated scenario tools named like the interface's methods, before the mock
     * replaces them.
     */
    static Map<String, Tool> scenarioTools(Class<?> type, ToolSandbox sandbox) {
      Map<String, Tool> tools = new HashMap<>();
      for (Method method : type.getMethods()) {
        String name = toolName(method);
        // Only the scenario's simulated tools: another test-supplied tool of that name is not a
        // fallback.
        sandbox
            .tool(name)
            .filter(SimulatedTool.class::isInstance)
            .ifPresent(tool -> tools.put(name, tool));
      }
      return Map.copyOf(tools);
    }

    /**
     * Re-registers the mock's tools in this sandbox, wrapped so that during each call the fallback
     * answers from {@code scenarioTools}, this sandbox's own.
     */
    static void answerFrom(Map<String, Tool> scenarioTools, Class<?> type, ToolSandbox sandbox) {
      for (Method method : type.getMethods()) {
        sandbox
            .tool(toolName(method))
            .ifPresent(
                tool ->
                    sandbox.register(
                        new Tool() {
                          @Override
                          public ToolSpec spec() {
                            return tool.spec();
                          }

                          @Override
                          public ToolResult call(JsonNode arguments) {
                            Map<String, Tool> outer = CALLING_SANDBOX.get();
                            CALLING_SANDBOX.set(scenarioTools);
                            try {
                              return tool.call(arguments);
                            } finally {
                              if (outer == null) {
                                CALLING_SANDBOX.remove();
                              } else {
                                CALLING_SANDBOX.set(outer);
                              }
                            }
                          }
                        }));
      }
    }

    @Override
    public Object answer(InvocationOnMock invocation) throws Throwable {
      Method method = invocation.getMethod();
      Map<String, Tool> scenarioTools = CALLING_SANDBOX.get();
      Tool tool = scenarioTools == null ? null : scenarioTools.get(toolName(method));
      Class<?> returns = method.getReturnType();
      if (tool == null
          || !(returns == String.class
              || returns == CharSequence.class
              || returns == Object.class
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
