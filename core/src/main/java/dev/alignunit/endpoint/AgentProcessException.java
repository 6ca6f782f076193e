package dev.alignunit.endpoint;

import dev.alignunit.AlignUnitException;
import org.apiguardian.api.API;

/**
 * An {@link AgentProcess} that crashed, exited with a non-zero code, timed out or wrote too much:
 * the run is errored with this exception (never graded). The message reports the exit code and the
 * end of the process's standard error.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AgentProcessException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final boolean timedOut;

  AgentProcessException(String message, int exitCode, boolean timedOut) {
    super(message);
    this.exitCode = exitCode;
    this.timedOut = timedOut;
  }

  /**
   * The process's exit code.
   *
   * @return the code; {@code -1} when it was killed after the timeout
   */
  public int exitCode() {
    return exitCode;
  }

  /**
   * Whether the process was killed because it did not finish in time.
   *
   * @return {@code true} for a timeout
   */
  public boolean timedOut() {
    return timedOut;
  }
}
