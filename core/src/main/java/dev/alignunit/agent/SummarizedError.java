package dev.alignunit.agent;

import dev.alignunit.AlignUnitException;
import org.apiguardian.api.API;

/**
 * The error of an errored run that a large sample set kept only as a summary: the original
 * exception's class name and message, without its stack trace and cause (thousands of stack traces
 * of one provider outage would otherwise fill the heap). The whole error of the first errored
 * samples is kept.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SummarizedError extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  private final String originalType;

  /**
   * Creates the summary of an error.
   *
   * @param originalType the simple class name of the original exception
   * @param message its message, may be {@code null}
   */
  public SummarizedError(String originalType, String message) {
    super(message, null, false, false);
    this.originalType = originalType;
  }

  /**
   * @return the simple class name of the original exception, such as {@code ServerErrorException}
   */
  public String originalType() {
    return originalType;
  }

  /**
   * One line naming an error: the simple class name (the original one for a summarized error) and
   * the message.
   *
   * @param error any error
   * @return {@code Type: message}, or {@code Type} without a message
   */
  public static String describe(Throwable error) {
    String type =
        error instanceof SummarizedError summarized
            ? summarized.originalType()
            : error.getClass().getSimpleName();
    return type + (error.getMessage() == null ? "" : ": " + error.getMessage());
  }

  @Override
  public String toString() {
    return originalType + (getMessage() == null ? "" : ": " + getMessage());
  }
}
