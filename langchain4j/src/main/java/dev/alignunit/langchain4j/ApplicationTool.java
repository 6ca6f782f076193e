package dev.alignunit.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.Tool;
import dev.alignunit.sandbox.ToolResult;
import dev.langchain4j.agent.tool.ReturnBehavior;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code @Tool} method of an application object, as a sandbox tool: the sandbox validates,
 * records and trips on its calls, then LangChain4j's own {@link DefaultToolExecutor} converts the
 * arguments and invokes the method (configured as {@code AiServices} configures it), so the method
 * sees exactly what it would see in production, and a Mockito mock records the invocation.
 */
final class ApplicationTool implements Tool {

  /** The LangChain4j request and invocation context of the call in flight on this thread. */
  static final class Invocation {
    final ToolExecutionRequest request;
    final InvocationContext context;
    RuntimeException failure;

    Invocation(ToolExecutionRequest request, InvocationContext context) {
      this.request = request;
      this.context = context;
    }
  }

  static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

  private final ToolSpecification specification;
  private final ToolSpec spec;
  private final DefaultToolExecutor executor;
  private final ReturnBehavior returnBehavior;

  private ApplicationTool(Object target, Method method) {
    this.specification = ToolSpecifications.toolSpecificationFrom(method);
    this.spec = LangChain4jSchemas.toolSpec(specification);
    this.executor =
        DefaultToolExecutor.builder()
            .object(target)
            .originalMethod(method)
            .methodToInvoke(method)
            .wrapToolArgumentsExceptions(true)
            .propagateToolExecutionExceptions(true)
            .build();
    this.returnBehavior =
        method.getAnnotation(dev.langchain4j.agent.tool.Tool.class).returnBehavior();
  }

  /**
   * The {@code @Tool} methods of an object, found on its class and its superclasses and interfaces
   * (so Mockito mocks and proxies of an annotated class work).
   */
  static List<ApplicationTool> of(Object target) {
    if (target instanceof Class<?> || target instanceof Iterable<?>) {
      throw new AlignUnitException(
          "Pass the application's tool objects themselves (instances with @Tool methods), "
              + "not "
              + (target instanceof Class<?> c ? "the class " + c.getName() : "a collection")
              + ".");
    }
    List<ApplicationTool> tools = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (Class<?> type = target.getClass();
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.isBridge()
            || method.isSynthetic()
            || Modifier.isStatic(method.getModifiers())
            || !seen.add(signature(method))) {
          continue;
        }
        Method annotated = annotated(target.getClass(), method);
        if (annotated != null) {
          annotated.setAccessible(true);
          ApplicationTool tool = new ApplicationTool(target, annotated);
          if (!names.add(tool.spec.name())) {
            throw new AlignUnitException(
                "Tool names must be unique: "
                    + target.getClass().getName()
                    + " has two @Tool methods named '"
                    + tool.spec.name()
                    + "'.");
          }
          tools.add(tool);
        }
      }
    }
    // Sorted by name: reflection order is not fixed by the JVM, and a request must be the same in
    // every run for its recording to replay.
    tools.sort(java.util.Comparator.comparing(tool -> tool.spec.name()));
    if (tools.isEmpty()) {
      throw new AlignUnitException(
          target.getClass().getName()
              + " has no method annotated with LangChain4j's "
              + "@dev.langchain4j.agent.tool.Tool; pass the objects the agent gives to AiServices.tools(...).");
    }
    return tools;
  }

  private static String signature(Method method) {
    return method.getName() + java.util.Arrays.toString(method.getParameterTypes());
  }

  /** The method or an overridden declaration of it that carries {@code @Tool}, or {@code null}. */
  private static Method annotated(Class<?> type, Method method) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Method found = declared(c, method);
      if (found != null && found.isAnnotationPresent(dev.langchain4j.agent.tool.Tool.class)) {
        return found;
      }
      for (Class<?> i : c.getInterfaces()) {
        Method declared = declared(i, method);
        if (declared != null
            && declared.isAnnotationPresent(dev.langchain4j.agent.tool.Tool.class)) {
          return declared;
        }
      }
    }
    return null;
  }

  private static Method declared(Class<?> type, Method method) {
    try {
      return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  ToolSpecification specification() {
    return specification;
  }

  ReturnBehavior returnBehavior() {
    return returnBehavior;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public ToolResult call(JsonNode arguments) {
    Invocation invocation = CURRENT.get();
    ToolExecutionRequest request =
        invocation != null
            ? invocation.request
            : ToolExecutionRequest.builder()
                .id("")
                .name(spec.name())
                .arguments(arguments.toString())
                .build();
    InvocationContext context =
        invocation != null && invocation.context != null
            ? invocation.context
            : InvocationContext.builder().build();
    try {
      ToolExecutionResult result = executor.executeWithContext(request, context);
      return new ToolResult(result.resultText(), result.isError());
    } catch (ToolExecutionException | ToolArgumentsException e) {
      // Kept for the provider's executor, which rethrows it so the agent's own error handlers
      // decide
      // what the model reads; the ledger gets the text LangChain4j's default handler would send.
      if (invocation != null) {
        invocation.failure = e;
      }
      return ToolResult.error(errorMessage(e.getCause() != null ? e.getCause() : e));
    }
  }

  private static String errorMessage(Throwable error) {
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getName() : message;
  }
}
