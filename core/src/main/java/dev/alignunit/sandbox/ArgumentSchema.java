package dev.alignunit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ToolSpec;
import java.util.List;
import java.util.Set;

/**
 * A tool's parameter schema, compiled once (networknt json-schema-validator, draft 2020-12 unless
 * the schema's {@code $schema} says otherwise) and applied to every call's arguments.
 */
final class ArgumentSchema {

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private final JsonSchema schema;

  private ArgumentSchema(JsonSchema schema) {
    this.schema = schema;
  }

  static ArgumentSchema compile(ToolSpec spec) {
    try {
      return new ArgumentSchema(FACTORY.getSchema(spec.parameters()));
    } catch (RuntimeException e) {
      throw new AlignUnitException("The parameter schema of tool '" + spec.name() + "' cannot be compiled: "
          + e.getMessage() + ". Fix the tool's 'parameters' (a JSON Schema of type object).", e);
    }
  }

  /**
   * The violations, one line each, naming the field: {@code $.to: is missing but it is required}.
   * Empty when the arguments are valid.
   */
  List<String> violations(JsonNode arguments) {
    Set<ValidationMessage> messages = schema.validate(arguments);
    return messages.stream().map(ArgumentSchema::describe).toList();
  }

  private static String describe(ValidationMessage message) {
    if ("required".equals(message.getType()) && message.getProperty() != null) {
      String parent = message.getInstanceLocation().toString();
      return parent + "." + message.getProperty() + ": is missing but it is required";
    }
    return message.getMessage();
  }
}
