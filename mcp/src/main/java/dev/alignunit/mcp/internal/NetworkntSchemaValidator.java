package dev.alignunit.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.JsonSchemaValidatorSupplier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The MCP SDK's schema validation (structured tool output against an output schema) on
 * json-schema-validator (draft 2020-12, never loading a remote schema). Tool <em>inputs</em> of the
 * sandbox's MCP server are not validated here but by the sandbox itself, so an invalid call lands
 * in the ledger like any other.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NetworkntSchemaValidator implements JsonSchemaValidator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaLoader(
                  loader ->
                      loader
                          .fetchRemoteResources(false)
                          .allow(iri -> iri.toString().startsWith("classpath:"))));

  private final Map<JsonNode, Schema> compiled = new ConcurrentHashMap<>();

  /** Created by the service loader or the sandbox's MCP server. */
  public NetworkntSchemaValidator() {}

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    if (schema == null) {
      return ValidationResponse.asInvalid("No schema to validate against");
    }
    try {
      Schema compiledSchema =
          compiled.computeIfAbsent(JSON.valueToTree(schema), REGISTRY::getSchema);
      JsonNode content =
          structuredContent instanceof String text
              ? JSON.readTree(text)
              : JSON.valueToTree(structuredContent);
      List<Error> errors = compiledSchema.validate(content);
      if (errors.isEmpty()) {
        return ValidationResponse.asValid(JSON.writeValueAsString(content));
      }
      return ValidationResponse.asInvalid(
          "Validation failed: structuredContent does not match tool outputSchema. "
              + errors.stream().map(Error::getMessage).sorted().collect(Collectors.joining("; ")));
    } catch (Exception e) {
      return ValidationResponse.asInvalid("Error validating structuredContent: " + e.getMessage());
    }
  }

  /** Makes the validator for the SDK's service loader. */
  public static final class Supplier implements JsonSchemaValidatorSupplier {
    /** Created by the service loader. */
    public Supplier() {}

    @Override
    public JsonSchemaValidator get() {
      return new NetworkntSchemaValidator();
    }
  }
}
