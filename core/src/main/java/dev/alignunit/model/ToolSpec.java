package dev.alignunit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A tool as offered to the model: name, description and a JSON Schema for its arguments.
 *
 * @param name the tool's name, as the model must call it
 * @param description what the tool does, as the model reads it
 * @param parameters a JSON Schema of type {@code object} for the arguments
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToolSpec(String name, String description, JsonNode parameters) {

  /** Validates the fields; missing parameters become an empty object schema. */
  public ToolSpec {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    if (parameters == null || parameters.isNull() || parameters.isMissingNode()) {
      parameters = JsonNodeFactory.instance.objectNode().put("type", "object");
    }
  }
}
