package dev.alignunit.stats;

import dev.alignunit.AlignUnitException;
import org.apiguardian.api.API;

/** A baseline file could not be read or written; the message names the file and the position. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class BaselineException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened, where, and what to do
   * @param cause the underlying cause, or {@code null}
   */
  public BaselineException(String message, Throwable cause) {
    super(message, cause);
  }
}
