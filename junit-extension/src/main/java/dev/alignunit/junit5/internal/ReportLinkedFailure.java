package dev.alignunit.junit5.internal;

import dev.alignunit.model.SecretRedactor;
import java.util.List;
import org.assertj.core.api.SoftAssertionError;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

/**
 * Rebuilds a test's assertion failure so that its message ends with {@code "\nReport: <link>"},
 * keeping what IDEs and build tools read from it: the expected and actual values of an {@link
 * AssertionFailedError}, the failure list of a {@link MultipleFailuresError} (JUnit's {@code
 * assertAll}, AssertJ's soft assertions, which stay a {@code MultipleFailuresError} with AssertJ's
 * message) or of AssertJ's {@link SoftAssertionError}, the cause, the stack trace and the
 * suppressed exceptions. Every message, value and nested failure passes the run's {@link
 * SecretRedactor}: an echoed key never reaches a failure message.
 */
final class ReportLinkedFailure {

  private ReportLinkedFailure() {}

  static AssertionError withReportLink(AssertionError failure, String link) {
    SecretRedactor redactor = SecretRedactor.defaults();
    String message =
        redactor.redact(
            (failure.getMessage() == null ? "" : failure.getMessage()) + "\nReport: " + link);
    Throwable cause = failure.getCause() == null ? null : redactor.redact(failure.getCause());
    AssertionError linked;
    if (failure instanceof MultipleFailuresError multiple) {
      linked =
          new LinkedMultipleFailures(
              message, multiple.getFailures().stream().map(redactor::redact).toList());
    } else if (failure instanceof SoftAssertionError soft) {
      linked =
          new LinkedSoftAssertionError(
              message, soft.getErrors().stream().map(redactor::redact).toList());
    } else if (failure instanceof AssertionFailedError afe) {
      linked =
          afe.isExpectedDefined() && afe.isActualDefined()
              ? new AssertionFailedError(
                  message,
                  redacted(afe.getExpected().getValue(), redactor),
                  redacted(afe.getActual().getValue(), redactor),
                  cause)
              : new AssertionFailedError(message, cause);
    } else {
      linked = new AssertionError(message, cause);
    }
    if (linked.getCause() == null && cause != null) {
      linked.initCause(cause);
    }
    linked.setStackTrace(failure.getStackTrace());
    for (Throwable suppressed : failure.getSuppressed()) {
      linked.addSuppressed(redactor.redact(suppressed));
    }
    return linked;
  }

  /**
   * An expected or actual value without secrets: text is redacted, other values kept when clean.
   */
  private static Object redacted(Object value, SecretRedactor redactor) {
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value);
    String clean = redactor.redact(text);
    return clean.equals(text) ? value : clean;
  }

  /** A {@link MultipleFailuresError} with the same failures and the linked message. */
  static final class LinkedMultipleFailures extends MultipleFailuresError {
    private static final long serialVersionUID = 1L;
    private final String message;

    LinkedMultipleFailures(String message, List<? extends Throwable> failures) {
      super(null, failures);
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }

  /**
   * AssertJ's {@link SoftAssertionError} (without opentest4j) with the same errors and the linked
   * message.
   */
  static final class LinkedSoftAssertionError extends SoftAssertionError {
    private static final long serialVersionUID = 1L;
    private final String message;

    LinkedSoftAssertionError(String message, List<String> errors) {
      super(errors);
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }
}
