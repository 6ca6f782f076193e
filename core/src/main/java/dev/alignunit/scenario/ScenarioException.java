package dev.alignunit.scenario;

import dev.alignunit.AlignUnitException;
import org.apiguardian.api.API;

/**
 * A scenario could not be loaded or found: a malformed or invalid file (the message starts with
 * {@code file:line:column}), two files with the same ID, or an unknown ID (the message suggests the
 * closest IDs).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ScenarioException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, where, and what to do
   */
  public ScenarioException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong, where, and what to do
   * @param cause the cause
   */
  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
