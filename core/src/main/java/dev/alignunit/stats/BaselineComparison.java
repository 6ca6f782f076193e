package dev.alignunit.stats;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The verdict of comparing a current rate with its baseline by a one-sided Fisher exact test: is
 * the current rate worse than the baseline one beyond what chance explains?
 *
 * <pre>{@code
 * BaselineComparison c = BaselineComparison.compare(
 *     "harm:blackmail", Proportion.of(0, 20), Proportion.of(6, 20), Direction.BAD_WHEN_HIGHER,
 *     BaselineComparison.DEFAULT_ALPHA);
 * c.regression();   // true: p = 0.0101 < 0.05
 * c.message();      // both rates, both Wilson intervals, the p-value
 *
 * BaselineComparison.against(baselineFile, key, "harm:blackmail", current, Direction.BAD_WHEN_HIGHER, 0.05)
 *     .status();    // NO_BASELINE when the file has no entry, never a silent pass
 * }</pre>
 *
 * <p>For {@link Direction#BAD_WHEN_HIGHER} the p-value is {@link FisherExact#greater} (current
 * greater than baseline), for {@link Direction#BAD_WHEN_LOWER} it is {@link FisherExact#less}. A
 * regression is {@code p < alpha}. An improvement is never a regression; a rate without completed
 * samples is compared as 0 trials, which gives p = 1.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BaselineComparison {

  /** The default significance level ({@code alignunit.baseline.alpha}), {@value}. */
  public static final double DEFAULT_ALPHA = 0.05;

  /** The outcome of a comparison. */
  public enum Status {
    /** The current rate is not significantly worse than the baseline. */
    NO_REGRESSION,
    /** The current rate is significantly worse than the baseline ({@code p < alpha}). */
    REGRESSION,
    /** The baseline has no entry to compare with. This is not a pass. */
    NO_BASELINE
  }

  private final Status status;
  private final String metric;
  private final String subject;
  private final Proportion baseline;
  private final Proportion current;
  private final Direction direction;
  private final double alpha;
  private final double pValue;

  private BaselineComparison(
      Status status,
      String metric,
      String subject,
      Proportion baseline,
      Proportion current,
      Direction direction,
      double alpha,
      double pValue) {
    this.status = status;
    this.metric = metric;
    this.subject = subject;
    this.baseline = baseline;
    this.current = current;
    this.direction = direction;
    this.alpha = alpha;
    this.pValue = pValue;
  }

  /**
   * Compares current counts with baseline counts.
   *
   * @param metric the metric name, such as {@code harm:blackmail}, for the message
   * @param baseline the baseline counts
   * @param current the current counts
   * @param direction which way is worse
   * @param alpha the significance level, in (0, 1)
   * @return the comparison
   */
  public static BaselineComparison compare(
      String metric, Proportion baseline, Proportion current, Direction direction, double alpha) {
    return compare(metric, null, baseline, current, direction, alpha);
  }

  private static BaselineComparison compare(
      String metric,
      String subject,
      Proportion baseline,
      Proportion current,
      Direction direction,
      double alpha) {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(direction, "direction");
    checkAlpha(alpha);
    double p =
        direction == Direction.BAD_WHEN_HIGHER
            ? FisherExact.greater(current, baseline)
            : FisherExact.less(current, baseline);
    Status status = p < alpha ? Status.REGRESSION : Status.NO_REGRESSION;
    return new BaselineComparison(status, metric, subject, baseline, current, direction, alpha, p);
  }

  /**
   * Compares current counts with the baseline file's entry, or reports that there is none.
   *
   * @param file the baseline
   * @param key the test, variant and model
   * @param metric the metric name
   * @param current the current counts
   * @param direction which way is worse
   * @param alpha the significance level, in (0, 1)
   * @return the comparison; status {@link Status#NO_BASELINE} when the file has no entry
   */
  public static BaselineComparison against(
      BaselineFile file,
      BaselineKey key,
      String metric,
      Proportion current,
      Direction direction,
      double alpha) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    return against(file.entry(key), metric, current, direction, alpha);
  }

  /**
   * Compares current counts with a baseline entry, or reports that it holds none for the metric.
   *
   * @param entry the stored counts of the test, variant and model
   * @param metric the metric name
   * @param current the current counts
   * @param direction which way is worse
   * @param alpha the significance level, in (0, 1)
   * @return the comparison; status {@link Status#NO_BASELINE} when the entry has no such metric
   */
  public static BaselineComparison against(
      BaselineEntry entry, String metric, Proportion current, Direction direction, double alpha) {
    Objects.requireNonNull(entry, "entry");
    Optional<Proportion> stored = entry.get(metric);
    if (stored.isPresent()) {
      return compare(metric, entry.toString(), stored.get(), current, direction, alpha);
    }
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(direction, "direction");
    checkAlpha(alpha);
    return new BaselineComparison(
        Status.NO_BASELINE, metric, entry.toString(), null, current, direction, alpha, Double.NaN);
  }

  private static void checkAlpha(double alpha) {
    if (!(alpha > 0.0 && alpha < 1.0)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
    }
  }

  /**
   * @return the outcome
   */
  public Status status() {
    return status;
  }

  /**
   * @return whether the current rate is significantly worse than the baseline
   */
  public boolean regression() {
    return status == Status.REGRESSION;
  }

  /**
   * @return whether there was no baseline entry to compare with
   */
  public boolean missingBaseline() {
    return status == Status.NO_BASELINE;
  }

  /**
   * @return the metric name
   */
  public String metric() {
    return metric;
  }

  /**
   * @return the baseline counts, empty when there was no entry
   */
  public Optional<Proportion> baseline() {
    return Optional.ofNullable(baseline);
  }

  /**
   * @return the current counts
   */
  public Proportion current() {
    return current;
  }

  /**
   * @return the baseline's 95 % Wilson interval, empty when there was no entry
   */
  public Optional<Interval> baselineInterval() {
    return baseline().map(Proportion::wilson);
  }

  /**
   * @return the current rate's 95 % Wilson interval
   */
  public Interval currentInterval() {
    return current.wilson();
  }

  /**
   * @return the one-sided Fisher exact p-value, empty when there was no entry
   */
  public OptionalDouble pValue() {
    return status == Status.NO_BASELINE ? OptionalDouble.empty() : OptionalDouble.of(pValue);
  }

  /**
   * @return the significance level
   */
  public double alpha() {
    return alpha;
  }

  /**
   * @return which way is worse
   */
  public Direction direction() {
    return direction;
  }

  /**
   * A readable verdict, for example:
   *
   * <pre>
   * harm:blackmail regressed: now 6/20 = 0.3000 (95% CI [0.1455, 0.5190]), baseline 0/20 = 0.0000
   * (95% CI [0.0000, 0.1611]); one-sided Fisher exact p = 0.0101 &lt; alpha 0.05 (higher is worse)
   * </pre>
   *
   * @return the message
   */
  public String message() {
    String what = metric + (subject == null ? "" : " of " + subject);
    if (status == Status.NO_BASELINE) {
      return "No baseline entry for "
          + what
          + "; run with -Dalignunit.baseline.update=true to write it"
          + " (now "
          + Rate.describeCounts(current)
          + ").";
    }
    String verdict = status == Status.REGRESSION ? " regressed: " : " did not regress: ";
    return what
        + verdict
        + "now "
        + Rate.describeCounts(current)
        + ", baseline "
        + Rate.describeCounts(baseline)
        + "; one-sided Fisher exact p = "
        + String.format(Locale.ROOT, "%.4f", pValue)
        + (status == Status.REGRESSION ? " < " : " >= ")
        + "alpha "
        + alphaText()
        + " ("
        + direction.describe()
        + ").";
  }

  private String alphaText() {
    return java.math.BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    return message();
  }
}
