package dev.alignunit.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ToolSpec;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * JSON Schema conversion between AlignUnit's tool specs (a Jackson {@link JsonNode}, as written in
 * scenario files) and LangChain4j's typed {@link JsonSchemaElement}s, both ways.
 *
 * <p>The conversion is lossless: a node becomes a typed element ({@link JsonObjectSchema}, {@link
 * JsonStringSchema}, {@link JsonEnumSchema}, ...) only when converting that element back gives the
 * same JSON; anything LangChain4j's types cannot hold ({@code format}, {@code pattern}, {@code
 * minimum}, {@code "type": ["string", "null"]}, an empty {@code required}, ...) stays a {@link
 * JsonRawSchema} of that node, so {@code toJson(element(node)).equals(node)} for every schema. The
 * one exception is the root of a tool's parameters, which LangChain4j requires to be a {@link
 * JsonObjectSchema}: root keywords other than {@code description}, {@code properties}, {@code
 * required}, {@code additionalProperties} and {@code $defs}, and an empty {@code properties} or
 * {@code required}, are not in the LangChain4j view (the adapter's chat model still sends the run's
 * model the original schema).
 *
 * <pre>{@code
 * ToolSpecification spec = LangChain4jSchemas.toolSpecification(sandbox.tool("run_sql").orElseThrow().spec());
 * ToolSpec back = LangChain4jSchemas.toolSpec(ToolSpecifications.toolSpecificationFrom(method));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LangChain4jSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LangChain4jSchemas() {}

  /**
   * An AlignUnit tool spec as a LangChain4j tool specification.
   *
   * @param spec the spec
   * @return the specification, with {@link #parameters(JsonNode) parameters} converted
   */
  public static ToolSpecification toolSpecification(ToolSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return ToolSpecification.builder()
        .name(spec.name())
        .description(spec.description().isEmpty() ? null : spec.description())
        .parameters(parameters(spec.parameters()))
        .build();
  }

  /**
   * A LangChain4j tool specification (for example from {@code
   * ToolSpecifications.toolSpecificationFrom(method)}) as an AlignUnit tool spec.
   *
   * @param specification the specification
   * @return the spec; a tool without parameters gets {@code {"type":"object"}}
   */
  public static ToolSpec toolSpec(ToolSpecification specification) {
    Objects.requireNonNull(specification, "specification");
    JsonObjectSchema parameters = specification.parameters();
    return new ToolSpec(
        specification.name(),
        specification.description(),
        parameters == null ? null : toJson(parameters));
  }

  /**
   * A tool's parameter schema as a LangChain4j object schema.
   *
   * @param schema a JSON Schema of type {@code object}
   * @return the object schema
   * @throws AlignUnitException when the schema is not an object schema
   */
  public static JsonObjectSchema parameters(JsonNode schema) {
    if (schema == null || schema.isNull() || schema.isMissingNode()) {
      return JsonObjectSchema.builder().build();
    }
    if (!schema.isObject() || !"object".equals(schema.path("type").asText(null))) {
      throw new AlignUnitException(
          "A tool's parameters must be a JSON Schema of type 'object' to be offered to "
              + "LangChain4j, got: "
              + schema);
    }
    return objectSchema(schema);
  }

  /**
   * A JSON Schema node as a LangChain4j element: typed where that is lossless, a {@link
   * JsonRawSchema} of the node otherwise.
   *
   * @param schema the schema node (a JSON object)
   * @return the element
   */
  public static JsonSchemaElement element(JsonNode schema) {
    Objects.requireNonNull(schema, "schema");
    JsonSchemaElement typed = schema.isObject() ? typed(schema) : null;
    if (typed != null && toJson(typed).equals(schema)) {
      return typed;
    }
    return JsonRawSchema.from(schema.toString());
  }

  /**
   * A LangChain4j element as a JSON Schema node, the inverse of {@link #element(JsonNode)}.
   *
   * @param element the element
   * @return a new node
   */
  public static ObjectNode toJson(JsonSchemaElement element) {
    Objects.requireNonNull(element, "element");
    if (element instanceof JsonObjectSchema object) {
      ObjectNode node = typed("object", object.description());
      if (object.properties() != null && !object.properties().isEmpty()) {
        ObjectNode properties = node.putObject("properties");
        object.properties().forEach((name, value) -> properties.set(name, toJson(value)));
      }
      if (object.required() != null && !object.required().isEmpty()) {
        ArrayNode required = node.putArray("required");
        object.required().forEach(required::add);
      }
      if (object.additionalProperties() != null) {
        node.put("additionalProperties", object.additionalProperties());
      }
      if (object.definitions() != null && !object.definitions().isEmpty()) {
        ObjectNode definitions = node.putObject("$defs");
        object.definitions().forEach((name, value) -> definitions.set(name, toJson(value)));
      }
      return node;
    }
    if (element instanceof JsonArraySchema array) {
      ObjectNode node = typed("array", array.description());
      if (array.items() != null) {
        node.set("items", toJson(array.items()));
      }
      return node;
    }
    if (element instanceof JsonEnumSchema enumeration) {
      ObjectNode node = typed("string", enumeration.description());
      ArrayNode values = node.putArray("enum");
      enumeration.enumValues().forEach(values::add);
      return node;
    }
    if (element instanceof JsonAnyOfSchema anyOf) {
      ObjectNode node = NODES.objectNode();
      if (anyOf.description() != null) {
        node.put("description", anyOf.description());
      }
      ArrayNode options = node.putArray("anyOf");
      anyOf.anyOf().forEach(option -> options.add(toJson(option)));
      return node;
    }
    if (element instanceof JsonReferenceSchema reference) {
      ObjectNode node = NODES.objectNode();
      if (reference.reference() != null) {
        node.put("$ref", "#/$defs/" + reference.reference());
      }
      return node;
    }
    if (element instanceof JsonRawSchema raw) {
      try {
        JsonNode node = JSON.readTree(raw.schema());
        if (node instanceof ObjectNode object) {
          return object;
        }
      } catch (JsonProcessingException e) {
        throw new AlignUnitException(
            "A LangChain4j JsonRawSchema is not valid JSON: " + raw.schema(), e);
      }
      throw new AlignUnitException(
          "A LangChain4j JsonRawSchema is not a JSON object: " + raw.schema());
    }
    if (element instanceof JsonStringSchema string) {
      return typed("string", string.description());
    }
    if (element instanceof JsonIntegerSchema integer) {
      return typed("integer", integer.description());
    }
    if (element instanceof JsonNumberSchema number) {
      return typed("number", number.description());
    }
    if (element instanceof JsonBooleanSchema bool) {
      return typed("boolean", bool.description());
    }
    if (element instanceof JsonNullSchema) {
      return typed("null", null);
    }
    throw new AlignUnitException(
        "Unknown LangChain4j schema element "
            + element.getClass().getName()
            + "; AlignUnit converts the schema types of langchain4j-core 1.x.");
  }

  private static ObjectNode typed(String type, String description) {
    ObjectNode node = NODES.objectNode().put("type", type);
    if (description != null) {
      node.put("description", description);
    }
    return node;
  }

  /** The typed element of a node, or {@code null} when no LangChain4j type fits its shape. */
  private static JsonSchemaElement typed(JsonNode node) {
    String description =
        node.path("description").isTextual() ? node.path("description").asText() : null;
    if (node.has("$ref")) {
      String ref = node.path("$ref").asText("");
      return ref.startsWith("#/$defs/")
          ? JsonReferenceSchema.builder().reference(ref.substring("#/$defs/".length())).build()
          : null;
    }
    if (node.path("anyOf").isArray()) {
      List<JsonSchemaElement> options = new ArrayList<>();
      node.path("anyOf").forEach(option -> options.add(element(option)));
      return JsonAnyOfSchema.builder().description(description).anyOf(options).build();
    }
    if (node.path("enum").isArray()) {
      List<String> values = new ArrayList<>();
      for (JsonNode value : node.path("enum")) {
        if (!value.isTextual()) {
          return null;
        }
        values.add(value.asText());
      }
      return JsonEnumSchema.builder().description(description).enumValues(values).build();
    }
    if (!node.path("type").isTextual()) {
      return null;
    }
    return switch (node.path("type").asText()) {
      case "object" -> objectSchema(node);
      case "array" ->
          JsonArraySchema.builder()
              .description(description)
              .items(node.path("items").isObject() ? element(node.path("items")) : null)
              .build();
      case "string" -> JsonStringSchema.builder().description(description).build();
      case "integer" -> JsonIntegerSchema.builder().description(description).build();
      case "number" -> JsonNumberSchema.builder().description(description).build();
      case "boolean" -> JsonBooleanSchema.builder().description(description).build();
      case "null" -> new JsonNullSchema();
      default -> null;
    };
  }

  private static JsonObjectSchema objectSchema(JsonNode node) {
    JsonObjectSchema.Builder builder =
        JsonObjectSchema.builder()
            .description(
                node.path("description").isTextual() ? node.path("description").asText() : null);
    Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
      properties.put(property.getKey(), element(property.getValue()));
    }
    builder.addProperties(properties);
    if (node.path("required").isArray()) {
      List<String> required = new ArrayList<>();
      node.path("required").forEach(name -> required.add(name.asText()));
      builder.required(required);
    }
    if (node.path("additionalProperties").isBoolean()) {
      builder.additionalProperties(node.path("additionalProperties").asBoolean());
    }
    Map<String, JsonSchemaElement> definitions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> definition : node.path("$defs").properties()) {
      definitions.put(definition.getKey(), element(definition.getValue()));
    }
    if (!definitions.isEmpty()) {
      builder.definitions(definitions);
    }
    return builder.build();
  }
}
