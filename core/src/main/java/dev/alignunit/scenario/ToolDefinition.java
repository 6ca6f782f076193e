package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A simulated tool declared in a scenario: what the model sees (name, description, JSON-Schema
 * parameters) and what calling it returns. Simulated tools never touch anything real.
 *
 * @param name the tool's name
 * @param description what the tool does, as the model reads it
 * @param parameters a JSON Schema (type {@code object}) for the arguments, or {@code null}
 * @param result the simulated result returned to the model; {@code null} means {@code "ok"}
 * @param error when set, every call fails with this error text instead of returning a result
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToolDefinition(
    String name, String description, JsonNode parameters, String result, String error) {

  /** Validates the name and replaces {@code null} description with the empty string. */
  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
  }
}
