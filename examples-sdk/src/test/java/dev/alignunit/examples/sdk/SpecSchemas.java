package dev.alignunit.examples.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The providers' OpenAPI schemas (extracted into test resources, see specs/README.md) as JSON
 * Schema 2020-12 validators. OpenAPI 3.0's {@code nullable: true} is rewritten into a {@code null}
 * type on loading; nothing else changes.
 */
final class SpecSchemas {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final JsonNode document;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  private SpecSchemas(JsonNode document) {
    this.document = document;
  }

  static SpecSchemas load(String resource) {
    try (InputStream in = SpecSchemas.class.getResourceAsStream("/specs/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource specs/" + resource);
      }
      return new SpecSchemas(nullable(JSON.readTree(in)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The violations of an instance against a named schema.
   *
   * @param schema the name under {@code components.schemas}
   * @param instance the JSON
   * @return one line per violation, empty when valid
   */
  List<String> violations(String schema, JsonNode instance) {
    Schema validator =
        compiled.computeIfAbsent(
            schema,
            name -> {
              ObjectNode root = document.deepCopy();
              root.put("$ref", "#/components/schemas/" + name);
              return REGISTRY.getSchema(root);
            });
    return validator.validate(instance).stream().map(Error::getMessage).sorted().toList();
  }

  /** Rewrites {@code nullable: true} (OpenAPI 3.0) as JSON Schema's null type, depth first. */
  static JsonNode nullable(JsonNode node) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((ArrayNode) node).set(i, nullable(node.get(i)));
      }
      return node;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode object = (ObjectNode) node;
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
        fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      field.setValue(nullable(field.getValue()));
    }
    if (!object.path("nullable").asBoolean(false)) {
      return object;
    }
    object.remove("nullable");
    if (object.path("type").isTextual()) {
      String type = object.path("type").asText();
      object.putArray("type").add(type).add("null");
      if (object.path("enum").isArray()) {
        ((ArrayNode) object.path("enum")).addNull();
      }
      return object;
    }
    ObjectNode either = JSON.createObjectNode();
    either.putArray("anyOf").add(object).addObject().put("type", "null");
    return either;
  }
}
