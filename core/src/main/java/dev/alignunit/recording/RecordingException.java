package dev.alignunit.recording;

import dev.alignunit.AlignUnitException;
import org.apiguardian.api.API;

/**
 * A recording could not be used: it is missing, corrupt, or no longer matches what the agent sends;
 * or the configured mode cannot run (for example {@code record} without an API key). Subclasses
 * name the specific case.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RecordingException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened, where, and what to do
   */
  public RecordingException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened, where, and what to do
   * @param cause the underlying cause
   */
  public RecordingException(String message, Throwable cause) {
    super(message, cause);
  }
}
