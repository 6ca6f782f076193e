package dev.alignunit.report;

import static dev.alignunit.report.ReportRedaction.REDACTOR;

import org.apiguardian.api.API;

/**
 * The comparison of a test's rate with its stored baseline, as the caller computed it.
 *
 * @param metric the name of the compared metric (a key of {@link TestEntry#metrics()}), may be
 *     {@code null}
 * @param baselineRate the rate recorded in the baseline, in {@code [0, 1]}
 * @param currentRate the rate of this run, in {@code [0, 1]}
 * @param pValue the p-value of the comparison (for example Fisher's exact test), in {@code [0, 1]}
 * @param regression whether the comparison counts as a regression
 * @param message a one-line explanation for people, never {@code null}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record BaselineSummary(
    String metric,
    double baselineRate,
    double currentRate,
    double pValue,
    boolean regression,
    String message) {

  /** Replaces a {@code null} message with the empty string. */
  public BaselineSummary {
    message = message == null ? "" : REDACTOR.redact(message);
  }
}
