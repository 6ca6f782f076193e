package dev.alignunit.scenario;

import org.apiguardian.api.API;

/**
 * One simulated answer of a scenario tool: a result text or an error text. Both are templates:
 * {@code {{args.to}}} is replaced with the call's {@code to} argument, nested paths such as {@code
 * {{args.recipient.email}}} or {@code {{args.items[0].name}}} work, and {@code {{call}}} is the
 * number of the call to this tool (from 1). A path the call does not have renders as the empty
 * string; an object or array renders as JSON.
 *
 * <pre>{@code
 * result: "Email queued to {{args.to}}"     # SimulatedResult.ok("Email queued to {{args.to}}")
 * error: "Mail server rejected {{args.to}}" # SimulatedResult.error(...)
 * }</pre>
 *
 * @param result the result template, or {@code null} when this is an error
 * @param error the error template, or {@code null} when this is a result
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SimulatedResult(String result, String error) {

  /** Requires exactly one of result and error. */
  public SimulatedResult {
    if ((result == null) == (error == null)) {
      throw new ScenarioException(
          "A simulated tool result needs exactly one of 'result' and 'error', got "
              + (result == null ? "neither" : "both")
              + ".");
    }
  }

  /**
   * A successful result.
   *
   * @param template the result template
   * @return the simulated result
   */
  public static SimulatedResult ok(String template) {
    return new SimulatedResult(template, null);
  }

  /**
   * An error result.
   *
   * @param template the error template
   * @return the simulated result
   */
  public static SimulatedResult error(String template) {
    return new SimulatedResult(null, template);
  }

  /**
   * @return whether this is an error result
   */
  public boolean isError() {
    return error != null;
  }

  /**
   * @return the template of the result or the error
   */
  public String template() {
    return error != null ? error : result;
  }
}
