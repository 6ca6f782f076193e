package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.path.NodePath;
import dev.alignunit.internal.OfflineSchemas;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a tool's parameter schema when the scenario is loaded, the way the sandbox will compile it
 * (networknt json-schema-validator, draft 2020-12, nothing fetched): a schema that is not valid
 * against the draft 2020-12 meta-schema, or that does not compile (a bad {@code pattern}, a {@code
 * $ref} that resolves nowhere), fails loading at the offending node, not the test run.
 */
final class ToolSchemaCheck {

  /** Never fetches anything: only the built-in meta-schemas (classpath) are loaded. */
  private static final SchemaRegistry REGISTRY = OfflineSchemas.classpathOnly();

  /**
   * Loads the draft 2020-12 meta-schema, which the validator ships in its jar (mapped from its
   * json-schema.org IRI to the classpath; remote fetching stays off).
   */
  private static final SchemaRegistry META_REGISTRY = OfflineSchemas.withMetaSchema();

  private static volatile Schema metaSchema;

  private ToolSchemaCheck() {}

  /** A problem with a schema: what, and the path of the node inside the schema it is about. */
  record Problem(String message, NodePath at) {}

  /** The first problem of a schema, or {@code null} when the sandbox will accept it. */
  static Problem check(JsonNode schema) {
    // The meta-schema is loaded only for schemas the shortcut cannot vouch for.
    List<Error> errors =
        PlainToolSchema.certainlyValid(schema) ? List.of() : metaSchemaErrors(schema);
    if (!errors.isEmpty()) {
      Error first =
          errors.stream()
              .min(
                  Comparator.comparing((Error m) -> m.getInstanceLocation().toString())
                      .thenComparing(Error::getMessage))
              .orElseThrow();
      return new Problem(first.getMessage(), first.getInstanceLocation());
    }
    try {
      REGISTRY.getSchema(schema).initializeValidators();
      return null;
    } catch (RuntimeException e) {
      String message =
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
      int newline = message.indexOf('\n');
      message =
          (newline < 0 ? message : message.substring(0, newline))
              .replaceFirst("^([\\w.]+(Exception|Error): )+", "")
              .replaceFirst("^[:\\s]+", "");
      return new Problem(message, null);
    }
  }

  /** The schema's errors against the draft 2020-12 meta-schema (loaded on first use). */
  static List<Error> metaSchemaErrors(JsonNode schema) {
    return meta().validate(schema);
  }

  private static Schema meta() {
    Schema schema = metaSchema;
    if (schema == null) {
      // Loaded on first use, not in a static initialiser: class loading does no I/O.
      schema =
          META_REGISTRY.getSchema(
              SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
      metaSchema = schema;
    }
    return schema;
  }
}
