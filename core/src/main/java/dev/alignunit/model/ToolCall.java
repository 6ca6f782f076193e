package dev.alignunit.model;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A tool call made by the model. The arguments are kept as the raw JSON text the model produced:
 * models do emit invalid JSON, and the sandbox reports that back instead of losing it.
 *
 * @param id the provider's call id, used to match the result to the call
 * @param name the tool's name
 * @param arguments the arguments as raw JSON text, ideally a JSON object
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToolCall(String id, String name, String arguments) {

  /** Validates the fields; {@code null} arguments become {@code "{}"}. */
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    arguments = arguments == null ? "{}" : arguments;
  }

  @Override
  public String toString() {
    return name + "(" + arguments + ")";
  }
}
