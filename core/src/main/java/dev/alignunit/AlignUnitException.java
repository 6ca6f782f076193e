package dev.alignunit;

import org.apiguardian.api.API;

/**
 * Root of every exception AlignUnit throws. Unchecked, so test code stays free of {@code throws}
 * clauses; subclasses say which part failed ({@link dev.alignunit.scenario.ScenarioException},
 * {@link dev.alignunit.model.ModelClientException}, ...).
 *
 * <p>Messages follow one rule: say what happened, where (file:line, scenario, sample), and what to
 * do about it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class AlignUnitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what happened, where and what to do.
   *
   * @param message the full message
   */
  public AlignUnitException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message the full message
   * @param cause the underlying cause
   */
  public AlignUnitException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception without a stack trace (for values kept in bulk, such as the errors of
   * summarized runs) or without suppression.
   *
   * @param message the full message
   * @param cause the underlying cause, may be {@code null}
   * @param enableSuppression whether suppressed exceptions can be added
   * @param writableStackTrace whether the stack trace is filled in and can be set
   */
  protected AlignUnitException(
      String message, Throwable cause, boolean enableSuppression, boolean writableStackTrace) {
    super(message, cause, enableSuppression, writableStackTrace);
  }
}
