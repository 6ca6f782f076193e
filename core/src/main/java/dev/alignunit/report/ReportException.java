package dev.alignunit.report;

import dev.alignunit.AlignUnitException;
import org.apiguardian.api.API;

/** A report could not be written or read: the message names the file and what to do. */
@API(status = API.Status.INTERNAL, since = "0.1")
public class ReportException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened, where and what to do
   * @param cause the underlying cause, may be {@code null}
   */
  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
