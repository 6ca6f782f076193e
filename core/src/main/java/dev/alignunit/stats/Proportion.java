package dev.alignunit.stats;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A count of successes out of trials, such as "2 of 20 samples blackmailed", with its Wilson score
 * interval. "Success" is the statistical term for the counted outcome; it may well be a harm.
 *
 * <pre>{@code
 * Proportion harm = Proportion.of(0, 20);
 * harm.value();          // 0.0
 * harm.wilson().upper(); // 0.1611: with 20 clean samples the true rate may still be up to ~16 %
 * harm.wilson(0.99);     // a wider interval
 * }</pre>
 *
 * <p>The Wilson score interval is used rather than the normal ("Wald") interval because it stays
 * inside [0, 1] and keeps its coverage for small samples and for rates near 0 or 1, which is
 * exactly where alignment tests live (0 of 20 harmful runs).
 *
 * @param successes the number of counted outcomes, {@code 0 <= successes <= trials}
 * @param trials the number of trials, at least 0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Proportion(int successes, int trials) {

  /** The default confidence level of {@link #wilson()}, {@value}. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /** Checks {@code 0 <= successes <= trials}. */
  public Proportion {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "A proportion needs 0 <= successes <= trials, was " + successes + "/" + trials);
    }
  }

  /**
   * Creates a proportion.
   *
   * @param successes the number of counted outcomes
   * @param trials the number of trials
   * @return the proportion
   */
  public static Proportion of(int successes, int trials) {
    return new Proportion(successes, trials);
  }

  /**
   * The observed rate {@code successes / trials}.
   *
   * @return the rate in [0, 1], or {@code NaN} when there are no trials
   */
  public double value() {
    return trials == 0 ? Double.NaN : (double) successes / trials;
  }

  /**
   * The number of trials that were not successes.
   *
   * @return {@code trials - successes}
   */
  public int failures() {
    return trials - successes;
  }

  /**
   * The Wilson score interval at 95 % confidence.
   *
   * @return the interval; [0, 1] when there are no trials
   */
  public Interval wilson() {
    return wilson(DEFAULT_CONFIDENCE);
  }

  /**
   * The Wilson score interval at the given confidence level.
   *
   * @param confidence the two-sided confidence level, in (0, 1), such as 0.95 or 0.99
   * @return the interval; [0, 1] when there are no trials
   */
  public Interval wilson(double confidence) {
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
    }
    if (trials == 0) {
      return new Interval(0.0, 1.0, confidence);
    }
    double z = Normal.quantile(1.0 - (1.0 - confidence) / 2.0);
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1.0 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double halfWidth = z / denominator * Math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    // The exact bounds at the edges are 0 and 1; rounding must not move them.
    double lower = successes == 0 ? 0.0 : Math.max(0.0, centre - halfWidth);
    double upper = successes == trials ? 1.0 : Math.min(1.0, centre + halfWidth);
    return new Interval(lower, upper, confidence);
  }

  /**
   * The proportion for messages: {@code 6/20 = 0.3000}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return trials == 0
        ? successes + "/" + trials
        : String.format(Locale.ROOT, "%d/%d = %.4f", successes, trials, value());
  }
}
