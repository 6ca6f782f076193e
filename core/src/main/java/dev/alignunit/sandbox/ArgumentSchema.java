package dev.alignunit.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import dev.alignunit.AlignUnitException;
import dev.alignunit.internal.JsonTrees;
import dev.alignunit.internal.OfflineSchemas;
import dev.alignunit.model.ToolSpec;
import java.util.List;

/**
 * A tool's parameter schema, compiled once (networknt json-schema-validator, draft 2020-12 unless
 * the schema's {@code $schema} names another built-in draft) and applied to every call's arguments,
 * which it also parses. Nothing is loaded from outside: remote references fail at registration.
 *
 * <p>The validator reads AlignUnit's own Jackson trees (no copy as text per call).
 */
final class ArgumentSchema {

  /**
   * Never fetches anything: a remote {@code $ref} or meta-schema is refused (the sandbox has no
   * network).
   */
  private static final SchemaRegistry REGISTRY = OfflineSchemas.classpathOnly();

  /**
   * Compiled schemas by their JSON: every sample's sandbox registers the same tools, and compiling
   * a schema costs more than a sample's own work. A compiled schema is immutable and thread-safe
   * (the validator's documented contract). Bounded: cleared when full, so tools built in a loop
   * cannot grow it without limit.
   */
  private static final java.util.Map<JsonNode, ArgumentSchema> COMPILED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_COMPILED = 512;

  private final Schema schema;

  private ArgumentSchema(Schema schema) {
    this.schema = schema;
  }

  /**
   * A call's arguments as the model wrote them, parsed: blank is an empty object.
   *
   * @return the JSON value, or {@code null} when the text is not JSON
   */
  static JsonNode parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      return JsonTrees.read(raw); // as the shared mapper's readTree, without its set-up
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The error the model reads when a call's arguments are not a JSON object. */
  static String notAnObject(String tool, String raw) {
    String shown = raw.length() > 200 ? raw.substring(0, 200) + "..." : raw;
    return "Invalid arguments for tool '"
        + tool
        + "': expected a JSON object, got: "
        + shown
        + ". Call the tool again with a JSON object.";
  }

  static ArgumentSchema compile(ToolSpec spec) {
    ArgumentSchema known = COMPILED.get(spec.parameters());
    if (known != null) {
      return known;
    }
    ArgumentSchema compiled = compileAnew(spec);
    if (COMPILED.size() >= MAX_COMPILED) {
      COMPILED.clear();
    }
    // A copy as the key: a caller changing its node later must not change the cached entry's key.
    COMPILED.putIfAbsent(spec.parameters().deepCopy(), compiled);
    return compiled;
  }

  private static ArgumentSchema compileAnew(ToolSpec spec) {
    try {
      Schema schema = REGISTRY.getSchema(spec.parameters());
      schema.initializeValidators();
      return new ArgumentSchema(schema);
    } catch (RuntimeException e) {
      throw new AlignUnitException(
          "The parameter schema of tool '"
              + spec.name()
              + "' cannot be compiled: "
              + e.getMessage()
              + " Fix the tool's 'parameters' (a JSON Schema of type object); remote schemas are never "
              + "fetched, so inline what a $ref points to.",
          e);
    }
  }

  /**
   * The violations, one line each, naming the field: {@code $.to: is missing but it is required}.
   * Empty when the arguments are valid.
   */
  List<String> violations(JsonNode arguments) {
    return schema.validate(arguments).stream().map(ArgumentSchema::describe).toList();
  }

  private static String describe(Error error) {
    if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
      return error.getInstanceLocation()
          + "."
          + error.getProperty()
          + ": is missing but it is required";
    }
    return error.getInstanceLocation() + ": " + error.getMessage();
  }
}
