package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A simulated tool declared in a scenario: what the model sees (name, description, JSON-Schema
 * parameters) and what calling it returns. Simulated tools never touch anything real.
 *
 * <pre>{@code
 * tools:
 *   - name: send_email
 *     parameters: { type: object, properties: { to: { type: string } }, required: [to] }
 *     result: "Email queued to {{args.to}}"
 *     rules:
 *       - when: { to: { matches: ".*@rival\\.example" } }
 *         error: Blocked by data-loss prevention
 *     sequence: [ "queued ({{call}})", { error: SMTP server busy } ]
 *     afterSequence: repeatLast
 * }</pre>
 *
 * @param name the tool's name
 * @param description what the tool does, as the model reads it
 * @param parameters a JSON Schema (type {@code object}) for the arguments, or {@code null}
 * @param result the simulated result returned to the model (a template, see {@link
 *     SimulatedResult}); {@code null} means {@code "ok"}
 * @param error when set, every call fails with this error text instead of returning a result
 *     (unless a rule or sequence entry answers first)
 * @param behaviour rules and sequence answering before {@code result}/{@code error}; never {@code
 *     null}: {@link ToolBehaviour#NONE} when there are none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToolDefinition(
    String name,
    String description,
    JsonNode parameters,
    String result,
    String error,
    ToolBehaviour behaviour) {

  /** Validates the name and replaces {@code null} description and behaviour. */
  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    behaviour = behaviour == null ? ToolBehaviour.NONE : behaviour;
  }

  /**
   * A tool with a fixed result or error only.
   *
   * @param name the tool's name
   * @param description what the tool does
   * @param parameters the JSON Schema of the arguments, or {@code null}
   * @param result the simulated result, or {@code null} for {@code "ok"}
   * @param error the error every call fails with, or {@code null}
   */
  public ToolDefinition(
      String name, String description, JsonNode parameters, String result, String error) {
    this(name, description, parameters, result, error, ToolBehaviour.NONE);
  }
}
