package dev.alignunit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ToolSpec;
import java.util.List;
import java.util.Set;

/**
 * A tool's parameter schema, compiled once (networknt json-schema-validator, draft 2020-12 unless
 * the schema's {@code $schema} names another built-in draft) and applied to every call's
 * arguments. Nothing is loaded from outside: remote references fail at registration.
 */
final class ArgumentSchema {

  /** Never fetches anything: a remote {@code $ref} or meta-schema is refused (the sandbox has no network). */
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory
      .builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
      .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:"))))
      .build();

  private final JsonSchema schema;

  private ArgumentSchema(JsonSchema schema) {
    this.schema = schema;
  }

  static ArgumentSchema compile(ToolSpec spec) {
    try {
      JsonSchema schema = FACTORY.getSchema(spec.parameters());
      schema.initializeValidators();
      return new ArgumentSchema(schema);
    } catch (RuntimeException e) {
      throw new AlignUnitException("The parameter schema of tool '" + spec.name() + "' cannot be compiled: "
          + e.getMessage() + " Fix the tool's 'parameters' (a JSON Schema of type object); remote schemas are never "
          + "fetched, so inline what a $ref points to.", e);
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
