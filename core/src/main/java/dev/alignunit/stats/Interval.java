package dev.alignunit.stats;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A confidence interval for a proportion, such as a Wilson score interval.
 *
 * <pre>{@code
 * Interval ci = Proportion.of(6, 20).wilson();
 * ci.lower();        // 0.1455
 * ci.upper();        // 0.5190
 * ci.toString();     // "[0.1455, 0.5190]"
 * }</pre>
 *
 * @param lower the lower bound, in [0, 1]
 * @param upper the upper bound, in [lower, 1]
 * @param confidence the confidence level, such as 0.95
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Interval(double lower, double upper, double confidence) {

  /** Checks that the bounds are ordered and within [0, 1]. */
  public Interval {
    if (!(lower >= 0.0 && lower <= upper && upper <= 1.0)) {
      throw new IllegalArgumentException(
          "Interval bounds must satisfy 0 <= lower <= upper <= 1, were ["
              + lower
              + ", "
              + upper
              + "]");
    }
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
    }
  }

  /**
   * Whether a value lies within the interval, bounds included.
   *
   * @param value the value
   * @return {@code true} when {@code lower <= value <= upper}
   */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  /**
   * The interval with four decimals, as used in messages: {@code [0.1455, 0.5190]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "[%.4f, %.4f]", lower, upper);
  }
}
