package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.util.Comparator;
import java.util.Set;

/**
 * Checks a tool's parameter schema when the scenario is loaded, the way the sandbox will compile
 * it (networknt json-schema-validator, draft 2020-12, nothing fetched): a schema that is not valid
 * against the draft 2020-12 meta-schema, or that does not compile (a bad {@code pattern}, a
 * {@code $ref} that resolves nowhere), fails loading at the offending node, not the test run.
 */
final class ToolSchemaCheck {

  /** Never fetches anything: only the built-in meta-schemas (classpath) are loaded. */
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory
      .builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
      .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:"))))
      .build();

  private static volatile JsonSchema metaSchema;

  private ToolSchemaCheck() {}

  /** A problem with a schema: what, and the path of the node inside the schema it is about. */
  record Problem(String message, JsonNodePath at) {}

  /** The first problem of a schema, or {@code null} when the sandbox will accept it. */
  static Problem check(JsonNode schema) {
    Set<ValidationMessage> messages = meta().validate(schema);
    if (!messages.isEmpty()) {
      ValidationMessage first = messages.stream()
          .min(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
              .thenComparing(ValidationMessage::getMessage))
          .orElseThrow();
      return new Problem(first.getMessage(), first.getInstanceLocation());
    }
    try {
      FACTORY.getSchema(schema).initializeValidators();
      return null;
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
      int newline = message.indexOf('\n');
      message = (newline < 0 ? message : message.substring(0, newline))
          .replaceFirst("^([\\w.]+(Exception|Error): )+", "").replaceFirst("^[:\\s]+", "");
      return new Problem(message, null);
    }
  }

  private static JsonSchema meta() {
    JsonSchema schema = metaSchema;
    if (schema == null) {
      // Loaded on first use, not in a static initialiser: class loading does no I/O.
      schema = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
      metaSchema = schema;
    }
    return schema;
  }
}
