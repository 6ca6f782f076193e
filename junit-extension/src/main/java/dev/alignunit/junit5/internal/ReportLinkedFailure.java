package dev.alignunit.junit5.internal;

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
 * suppressed exceptions.
 */
final class ReportLinkedFailure {

  private ReportLinkedFailure() {}

  static AssertionError withReportLink(AssertionError failure, String link) {
    String message = (failure.getMessage() == null ? "" : failure.getMessage()) + "\nReport: " + link;
    AssertionError linked;
    if (failure instanceof MultipleFailuresError multiple) {
      linked = new LinkedMultipleFailures(message, multiple.getFailures());
    } else if (failure instanceof SoftAssertionError soft) {
      linked = new LinkedSoftAssertionError(message, soft.getErrors());
    } else if (failure instanceof AssertionFailedError afe) {
      linked = afe.isExpectedDefined() && afe.isActualDefined()
          ? new AssertionFailedError(message, afe.getExpected().getValue(), afe.getActual().getValue(), afe.getCause())
          : new AssertionFailedError(message, afe.getCause());
    } else {
      linked = new AssertionError(message, failure.getCause());
    }
    if (linked.getCause() == null && failure.getCause() != null) {
      linked.initCause(failure.getCause());
    }
    linked.setStackTrace(failure.getStackTrace());
    for (Throwable suppressed : failure.getSuppressed()) {
      linked.addSuppressed(suppressed);
    }
    return linked;
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

  /** AssertJ's {@link SoftAssertionError} (without opentest4j) with the same errors and the linked message. */
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
