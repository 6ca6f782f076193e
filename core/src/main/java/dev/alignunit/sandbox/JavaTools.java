package dev.alignunit.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.annotation.ToolParam;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Turns Java methods into tools: schema from the signature, arguments converted with Jackson. */
final class JavaTools {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private JavaTools() {}

  /** The {@code @Tool} methods of an object. */
  static List<Tool> annotated(Object target) {
    Class<?> type = target.getClass();
    Map<String, Tool> tools = new LinkedHashMap<>();
    for (Method method : candidateMethods(type)) {
      dev.alignunit.sandbox.annotation.Tool annotation = findAnnotation(method, type);
      if (annotation == null) {
        continue;
      }
      Tool tool = of(target, method, annotation.name(), annotation.description());
      if (tools.putIfAbsent(tool.spec().name(), tool) != null) {
        throw new AlignUnitException(
            "Class "
                + type.getName()
                + " has two @Tool methods named '"
                + tool.spec().name()
                + "'. Give one of them another name with @Tool(name = \"...\").");
      }
    }
    if (tools.isEmpty()) {
      throw new AlignUnitException(
          "Object of class "
              + type.getName()
              + " has no method annotated @Tool"
              + " (dev.alignunit.sandbox.annotation.Tool), so it offers no tool. Annotate the methods the agent may call.");
    }
    return List.copyOf(tools.values());
  }

  /** Every abstract method of an interface, implemented by {@code target} (a fake or a mock). */
  static List<Tool> ofInterface(Class<?> type, Object target) {
    if (!type.isInterface()) {
      throw new AlignUnitException(
          type.getName() + " is not an interface; register an object with @Tool methods instead.");
    }
    if (!type.isInstance(target)) {
      throw new AlignUnitException(
          "Object of class "
              + target.getClass().getName()
              + " does not implement "
              + type.getName()
              + ".");
    }
    Map<String, Tool> tools = new LinkedHashMap<>();
    // Sorted: getMethods() has no stable order, and the tool order is part of every recorded
    // request.
    List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
    methods.sort(
        java.util.Comparator.comparing(Method::getName)
            .thenComparing(Method::getParameterCount)
            .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
    for (Method method : methods) {
      if (!Modifier.isAbstract(method.getModifiers())
          || method.getDeclaringClass() == Object.class) {
        continue;
      }
      dev.alignunit.sandbox.annotation.Tool annotation =
          method.getAnnotation(dev.alignunit.sandbox.annotation.Tool.class);
      Tool tool =
          of(
              target,
              method,
              annotation == null ? "" : annotation.name(),
              annotation == null ? "" : annotation.description());
      if (tools.putIfAbsent(tool.spec().name(), tool) != null) {
        throw new AlignUnitException(
            "Interface "
                + type.getName()
                + " has two methods that become tool '"
                + tool.spec().name()
                + "' (overloads?). Name one with @Tool(name = \"...\").");
      }
    }
    return List.copyOf(tools.values());
  }

  static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
        .toLowerCase(java.util.Locale.ROOT);
  }

  private static List<Method> candidateMethods(Class<?> type) {
    List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
    Set<String> seen = new HashSet<>();
    methods.forEach(m -> seen.add(m.getName() + Arrays.toString(m.getParameterTypes())));
    // Subclass first, so an override hides the method it overrides.
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers())
            && !m.isSynthetic()
            && !Modifier.isStatic(m.getModifiers())
            && seen.add(m.getName() + Arrays.toString(m.getParameterTypes()))) {
          methods.add(m);
        }
      }
    }
    methods.sort(
        java.util.Comparator.comparing(Method::getName)
            .thenComparing(Method::getParameterCount)
            .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
    return methods;
  }

  private static dev.alignunit.sandbox.annotation.Tool findAnnotation(
      Method method, Class<?> type) {
    dev.alignunit.sandbox.annotation.Tool direct =
        method.getAnnotation(dev.alignunit.sandbox.annotation.Tool.class);
    if (direct != null) {
      return direct;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        try {
          Method declared = i.getMethod(method.getName(), method.getParameterTypes());
          var annotation = declared.getAnnotation(dev.alignunit.sandbox.annotation.Tool.class);
          if (annotation != null) {
            return annotation;
          }
        } catch (NoSuchMethodException e) {
          // not declared by this interface
        }
      }
    }
    return null;
  }

  private static Tool of(Object target, Method method, String name, String description) {
    String toolName = name.isEmpty() ? snakeCase(method.getName()) : name;
    List<Param> params = new ArrayList<>();
    ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = JsonNodeFactory.instance.arrayNode();
    for (Parameter parameter : method.getParameters()) {
      ToolParam annotation = parameter.getAnnotation(ToolParam.class);
      String paramName =
          annotation != null && !annotation.name().isEmpty()
              ? annotation.name()
              : parameter.getName();
      if (!parameter.isNamePresent() && (annotation == null || annotation.name().isEmpty())) {
        throw new AlignUnitException(
            "Tool '"
                + toolName
                + "' ("
                + method
                + "): parameter names are not available. "
                + "Compile with -parameters (maven-compiler-plugin <parameters>true</parameters>) or name each parameter "
                + "with @ToolParam(name = \"...\").");
      }
      boolean optional = parameter.getType() == Optional.class;
      Type valueType =
          optional
              ? typeArgument(parameter.getParameterizedType(), 0)
              : parameter.getParameterizedType();
      ObjectNode property = schemaOf(valueType, new HashSet<>());
      if (annotation != null && !annotation.value().isEmpty()) {
        property.put("description", annotation.value());
      }
      properties.set(paramName, property);
      if (!optional) {
        required.add(paramName);
      }
      params.add(
          new Param(
              paramName,
              optional,
              JSON.getTypeFactory().constructType(valueType),
              parameter.getType()));
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    method.setAccessible(true);
    ToolSpec spec = new ToolSpec(toolName, description, schema);
    return new MethodTool(spec, target, method, List.copyOf(params));
  }

  private static Type typeArgument(Type type, int index) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
  }

  static ObjectNode schemaOf(Type type, Set<Type> seen) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    Class<?> raw =
        type instanceof Class<?> c
            ? c
            : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    if (raw == String.class
        || raw == char.class
        || raw == Character.class
        || raw == CharSequence.class
        || raw == UUID.class
        || raw.getName().startsWith("java.time.")
        || raw == java.net.URI.class) {
      return node.put("type", "string");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return node.put("type", "boolean");
    }
    if (raw == int.class
        || raw == long.class
        || raw == short.class
        || raw == byte.class
        || raw == Integer.class
        || raw == Long.class
        || raw == Short.class
        || raw == Byte.class
        || raw == BigInteger.class) {
      return node.put("type", "integer");
    }
    if (raw == double.class
        || raw == float.class
        || raw == Double.class
        || raw == Float.class
        || raw == BigDecimal.class
        || raw == Number.class) {
      return node.put("type", "number");
    }
    if (raw.isEnum()) {
      node.put("type", "string");
      ArrayNode values = node.putArray("enum");
      for (Object constant : raw.getEnumConstants()) {
        values.add(JSON.convertValue(constant, String.class));
      }
      return node;
    }
    if (raw.isArray()) {
      node.put("type", "array");
      node.set("items", schemaOf(raw.getComponentType(), seen));
      return node;
    }
    if (Collection.class.isAssignableFrom(raw) || raw == Iterable.class) {
      node.put("type", "array");
      node.set("items", schemaOf(typeArgument(type, 0), seen));
      return node;
    }
    if (raw == Optional.class) {
      return schemaOf(typeArgument(type, 0), seen);
    }
    if (Map.class.isAssignableFrom(raw)) {
      node.put("type", "object");
      if (type instanceof ParameterizedType) {
        node.set("additionalProperties", schemaOf(typeArgument(type, 1), seen));
      }
      return node;
    }
    if (raw == Object.class || raw == JsonNode.class || raw.isInterface() || !seen.add(raw)) {
      return node;
    }
    node.put("type", "object");
    ObjectNode properties = node.putObject("properties");
    ArrayNode required = node.putArray("required");
    if (raw.isRecord()) {
      for (RecordComponent component : raw.getRecordComponents()) {
        properties.set(component.getName(), schemaOf(component.getGenericType(), seen));
        if (component.getType() != Optional.class) {
          required.add(component.getName());
        }
      }
    } else {
      BeanDescription bean = JSON.getDeserializationConfig().introspect(JSON.constructType(type));
      for (BeanPropertyDefinition property : bean.findProperties()) {
        if (property.couldDeserialize()) {
          properties.set(property.getName(), schemaOf(property.getPrimaryType(), seen));
        }
      }
      node.remove("required");
    }
    if (required.isEmpty()) {
      node.remove("required");
    }
    seen.remove(raw);
    return node;
  }

  private record Param(String name, boolean optional, JavaType type, Class<?> rawType) {}

  /** A tool that invokes a method. */
  private record MethodTool(ToolSpec spec, Object target, Method method, List<Param> params)
      implements Tool {
    @Override
    public ToolResult call(JsonNode arguments) {
      Object[] values = new Object[params.size()];
      for (int i = 0; i < values.length; i++) {
        Param param = params.get(i);
        JsonNode node = arguments.get(param.name());
        Object value;
        if (node == null || node.isNull()) {
          value =
              param.rawType().isPrimitive()
                  ? JSON.convertValue(param.rawType() == boolean.class ? false : 0, param.type())
                  : null;
        } else {
          try {
            value = JSON.convertValue(node, param.type());
          } catch (IllegalArgumentException e) {
            return ToolResult.error(
                "Invalid arguments for tool '"
                    + spec.name()
                    + "': $."
                    + param.name()
                    + ": cannot be read as "
                    + param.type().getRawClass().getSimpleName()
                    + ".");
          }
        }
        values[i] = param.optional() ? Optional.ofNullable(value) : value;
      }
      Object result;
      try {
        result = method.invoke(target, values);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(
            cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
      } catch (IllegalAccessException e) {
        throw new AlignUnitException(
            "Cannot call " + method + " for tool '" + spec.name() + "': " + e.getMessage(), e);
      }
      if (method.getReturnType() == void.class) {
        return ToolResult.ok("ok");
      }
      if (result instanceof ToolResult toolResult) {
        return toolResult;
      }
      if (result instanceof CharSequence text) {
        return ToolResult.ok(text.toString());
      }
      try {
        return ToolResult.ok(JSON.writeValueAsString(result));
      } catch (JsonProcessingException e) {
        return ToolResult.ok(String.valueOf(result));
      }
    }
  }
}
