package dev.alignunit.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A small builder for the object schemas of the built-in fixture tools. */
final class Schemas {

  private final ObjectNode schema = JsonNodeFactory.instance.objectNode();
  private final ObjectNode properties;
  private final ArrayNode required;

  private Schemas() {
    schema.put("type", "object");
    properties = schema.putObject("properties");
    required = schema.putArray("required");
    schema.put("additionalProperties", false);
  }

  static Schemas object() {
    return new Schemas();
  }

  Schemas property(String name, String type, String description, boolean isRequired) {
    properties.putObject(name).put("type", type).put("description", description);
    if (isRequired) {
      required.add(name);
    }
    return this;
  }

  ObjectNode build() {
    if (required.isEmpty()) {
      schema.remove("required");
    }
    return schema.deepCopy();
  }
}
