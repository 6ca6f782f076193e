package dev.alignunit.junit5.internal;

import dev.alignunit.AlignUnitException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Each error is printed once. A stack trace prints every cause's message under "Caused by", so an
 * exception whose message already holds its cause's would show that message twice; the extension
 * rethrows its own errors without the duplicated layer.
 */
final class Failures {

  private Failures() {}

  /**
   * A configuration error whose message already says what {@code cause} said: it keeps the cause's
   * stack trace (where it happened) and the cause's own cause, not the cause itself.
   *
   * @param message the complete message
   * @param cause the error the message was made from
   * @return the exception to throw
   */
  static ExtensionConfigurationException once(String message, Throwable cause) {
    ExtensionConfigurationException error =
        cause.getCause() == null
            ? new ExtensionConfigurationException(message)
            : new ExtensionConfigurationException(message, cause.getCause());
    error.setStackTrace(cause.getStackTrace());
    for (Throwable suppressed : cause.getSuppressed()) {
      error.addSuppressed(suppressed);
    }
    return error;
  }

  /**
   * An invalid configuration value: its message says everything (key, value, source, accepted
   * values), and the chain below it (such as a {@code NumberFormatException} quoting the value)
   * would only repeat the value, which the message withholds when it may be an API key.
   *
   * @param invalid the parse failure
   * @return the exception to throw, without a cause
   */
  static ExtensionConfigurationException invalidValue(RuntimeException invalid) {
    ExtensionConfigurationException error =
        new ExtensionConfigurationException(invalid.getMessage());
    error.setStackTrace(invalid.getStackTrace());
    return error;
  }

  /**
   * The extension's own error behind JUnit's "Failed to resolve parameter [...] in method [...]:
   * &lt;message&gt;", which repeats the message and then prints it again as its cause. An AlignUnit
   * error or a configuration error is the failure itself (a recording mismatch stays a {@code
   * RecordingMismatchException}); anything else is left as JUnit reported it.
   *
   * @param failure what the test failed with
   * @return the failure to report
   */
  static Throwable unwrapResolution(Throwable failure) {
    if (failure instanceof ParameterResolutionException resolution
        && (resolution.getCause() instanceof AlignUnitException
            || resolution.getCause() instanceof ExtensionConfigurationException)
        && resolution.getCause().getMessage() != null
        && resolution.getMessage().endsWith(": " + resolution.getCause().getMessage())) {
      return resolution.getCause();
    }
    return failure;
  }
}
