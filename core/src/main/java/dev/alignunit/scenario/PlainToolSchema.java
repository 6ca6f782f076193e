package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Vouches, without loading the draft 2020-12 meta-schema, that a tool's parameter schema is valid
 * against it: the schema uses only the common keywords below, each with a value of the type the
 * meta-schema asks for. Loading and compiling the meta-schema costs a run's start-up about 60 ms of
 * CPU, and almost every tool schema is of this kind. One direction only: {@code true} means the
 * meta-schema accepts the schema; {@code false} means "not sure", and {@link ToolSchemaCheck} then
 * validates against the meta-schema as before, so an invalid schema gets the same message.
 *
 * <p>The rules follow the meta-schema's vocabularies (applicator, validation, meta-data,
 * format-annotation, core): {@code type} is one of the seven simple types or a non-empty array of
 * distinct ones; {@code properties} an object of schemas; {@code items}, {@code
 * additionalProperties} and {@code not} a schema; {@code allOf}, {@code anyOf}, {@code oneOf} a
 * non-empty array of schemas; {@code required} an array of distinct strings; {@code enum} and
 * {@code examples} arrays; {@code const} and {@code default} anything; {@code title}, {@code
 * description}, {@code $comment}, {@code pattern} and {@code format} strings (the meta-schema only
 * annotates {@code format: regex}; the compile step checks patterns); numeric bounds numbers,
 * {@code multipleOf} above zero; length, item and property counts non-negative integers; {@code
 * uniqueItems}, {@code deprecated}, {@code readOnly}, {@code writeOnly} booleans. A schema is an
 * object or a boolean. Any other keyword ({@code $ref}, {@code $schema}, {@code $defs}, extensions)
 * means "not sure".
 */
final class PlainToolSchema {

  private static final Set<String> SIMPLE_TYPES =
      Set.of("array", "boolean", "integer", "null", "number", "object", "string");

  private static final Set<String> STRINGS =
      Set.of("title", "description", "$comment", "pattern", "format");
  private static final Set<String> NUMBERS =
      Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");
  private static final Set<String> COUNTS =
      Set.of(
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "minProperties",
          "maxProperties",
          "minContains",
          "maxContains");
  private static final Set<String> BOOLEANS =
      Set.of("uniqueItems", "deprecated", "readOnly", "writeOnly");
  private static final Set<String> SUBSCHEMAS = Set.of("items", "additionalProperties", "not");
  private static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf");
  private static final Set<String> ANY = Set.of("const", "default");
  private static final Set<String> ARRAYS = Set.of("enum", "examples");

  /** Deeper than this is "not sure" (keeps the walk bounded). */
  private static final int MAX_DEPTH = 32;

  private PlainToolSchema() {}

  /**
   * @return {@code true} when the draft 2020-12 meta-schema certainly accepts the schema
   */
  static boolean certainlyValid(JsonNode schema) {
    return schema(schema, 0);
  }

  private static boolean schema(JsonNode node, int depth) {
    if (node.isBoolean()) {
      return true;
    }
    if (!node.isObject() || depth > MAX_DEPTH) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!keyword(field.getKey(), field.getValue(), depth)) {
        return false;
      }
    }
    return true;
  }

  private static boolean keyword(String name, JsonNode value, int depth) {
    if (STRINGS.contains(name)) {
      return value.isTextual();
    }
    if (NUMBERS.contains(name)) {
      return finiteNumber(value);
    }
    if (COUNTS.contains(name)) {
      return value.isIntegralNumber() && value.bigIntegerValue().signum() >= 0;
    }
    if (BOOLEANS.contains(name)) {
      return value.isBoolean();
    }
    if (ANY.contains(name)) {
      return true;
    }
    if (ARRAYS.contains(name)) {
      return value.isArray();
    }
    if (SUBSCHEMAS.contains(name)) {
      return schema(value, depth + 1);
    }
    if (SCHEMA_ARRAYS.contains(name)) {
      if (!value.isArray() || value.isEmpty()) {
        return false;
      }
      for (JsonNode item : value) {
        if (!schema(item, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return switch (name) {
      case "type" -> value.isTextual() ? SIMPLE_TYPES.contains(value.asText()) : typeArray(value);
      case "properties" -> properties(value, depth);
      case "required" -> distinctStrings(value, null);
      case "multipleOf" -> finiteNumber(value) && value.decimalValue().signum() > 0;
      default -> false;
    };
  }

  /** A number; a YAML {@code .inf} or {@code .nan} is "not sure". */
  private static boolean finiteNumber(JsonNode value) {
    return value.isNumber()
        && (!value.isFloatingPointNumber() || Double.isFinite(value.doubleValue()));
  }

  private static boolean typeArray(JsonNode value) {
    return value.isArray() && !value.isEmpty() && distinctStrings(value, SIMPLE_TYPES);
  }

  private static boolean distinctStrings(JsonNode value, Set<String> allowed) {
    if (!value.isArray()) {
      return false;
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode item : value) {
      if (!item.isTextual()
          || (allowed != null && !allowed.contains(item.asText()))
          || !seen.add(item.asText())) {
        return false;
      }
    }
    return true;
  }

  private static boolean properties(JsonNode value, int depth) {
    if (!value.isObject()) {
      return false;
    }
    for (JsonNode property : value) {
      if (!schema(property, depth + 1)) {
        return false;
      }
    }
    return true;
  }
}
