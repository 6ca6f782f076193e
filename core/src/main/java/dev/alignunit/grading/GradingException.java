package dev.alignunit.grading;

import dev.alignunit.AlignUnitException;
import org.apiguardian.api.API;

/**
 * A grader was configured wrongly: an invalid refusal phrase, an unreadable phrase file, a rubric
 * without labels or scale. The message says what, where, and how to fix it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class GradingException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened, where, and what to do
   */
  public GradingException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what happened, where, and what to do
   * @param cause the cause
   */
  public GradingException(String message, Throwable cause) {
    super(message, cause);
  }
}
