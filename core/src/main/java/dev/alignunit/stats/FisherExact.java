package dev.alignunit.stats;

import org.apiguardian.api.API;

/**
 * Fisher's exact test for 2x2 tables: are two proportions different beyond what chance explains?
 * Used to tell a real regression (0 of 20 harmful runs before, 6 of 20 now) from noise (1 of 20
 * before, 2 of 20 now).
 *
 * <pre>{@code
 * double p = FisherExact.greater(Proportion.of(6, 20), Proportion.of(0, 20)); // 0.0101
 * boolean regressed = p < 0.05;
 * }</pre>
 *
 * <p>For a table
 *
 * <pre>
 *              counted   not counted
 *   current       a           b
 *   baseline      c           d
 * </pre>
 *
 * the count {@code a} follows, given the margins, a hypergeometric distribution; the p-values are
 * sums of its probabilities, computed with logarithms of factorials so they stay exact for tables
 * with thousands of trials. The one-sided p-values equal those of SciPy's {@code
 * fisher_exact(table, alternative="greater"/"less")}; the two-sided p-value sums every table no
 * more probable than the observed one (SciPy's and R's definition, with the same relative tolerance
 * of 1e-7 for ties).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FisherExact {

  private static final double TIE_TOLERANCE = 1.0 + 1e-7;

  private FisherExact() {}

  /**
   * One-sided p-value that the current proportion is greater than the baseline one: the
   * probability, if both came from the same rate, of a current count at least as high as observed.
   *
   * @param current the current counts
   * @param baseline the baseline counts
   * @return the p-value in [0, 1]; 1 when either has no trials
   */
  public static double greater(Proportion current, Proportion baseline) {
    return greater(
        current.successes(), current.failures(), baseline.successes(), baseline.failures());
  }

  /**
   * One-sided p-value that the current proportion is less than the baseline one.
   *
   * @param current the current counts
   * @param baseline the baseline counts
   * @return the p-value in [0, 1]; 1 when either has no trials
   */
  public static double less(Proportion current, Proportion baseline) {
    return less(current.successes(), current.failures(), baseline.successes(), baseline.failures());
  }

  /**
   * Two-sided p-value that the two proportions differ.
   *
   * @param current the current counts
   * @param baseline the baseline counts
   * @return the p-value in [0, 1]; 1 when either has no trials
   */
  public static double twoSided(Proportion current, Proportion baseline) {
    return twoSided(
        current.successes(), current.failures(), baseline.successes(), baseline.failures());
  }

  /**
   * One-sided p-value {@code P(X >= a)} for the table {@code [[a, b], [c, d]]}.
   *
   * @param a current, counted
   * @param b current, not counted
   * @param c baseline, counted
   * @param d baseline, not counted
   * @return the p-value in [0, 1]
   */
  public static double greater(int a, int b, int c, int d) {
    Table t = new Table(a, b, c, d);
    return t.sum(a, t.max);
  }

  /**
   * One-sided p-value {@code P(X <= a)} for the table {@code [[a, b], [c, d]]}.
   *
   * @param a current, counted
   * @param b current, not counted
   * @param c baseline, counted
   * @param d baseline, not counted
   * @return the p-value in [0, 1]
   */
  public static double less(int a, int b, int c, int d) {
    Table t = new Table(a, b, c, d);
    return t.sum(t.min, a);
  }

  /**
   * Two-sided p-value for the table {@code [[a, b], [c, d]]}: the total probability of the tables
   * with the same margins that are no more probable than the observed one.
   *
   * @param a current, counted
   * @param b current, not counted
   * @param c baseline, counted
   * @param d baseline, not counted
   * @return the p-value in [0, 1]
   */
  public static double twoSided(int a, int b, int c, int d) {
    Table t = new Table(a, b, c, d);
    double observed = t.logProbability(a);
    double limit = observed + Math.log(TIE_TOLERANCE);
    double sum = 0.0;
    for (int x = t.min; x <= t.max; x++) {
      double logP = t.logProbability(x);
      if (logP <= limit) {
        sum += Math.exp(logP);
      }
    }
    return Math.min(1.0, sum);
  }

  /** The margins of a 2x2 table and the hypergeometric distribution of its top-left cell. */
  private static final class Table {
    final int rowTotal;
    final int counted;
    final int total;
    final int min;
    final int max;
    final double logDenominator;

    Table(int a, int b, int c, int d) {
      if (a < 0 || b < 0 || c < 0 || d < 0) {
        throw new IllegalArgumentException(
            "Table cells must be at least 0, were [["
                + a
                + ", "
                + b
                + "], ["
                + c
                + ", "
                + d
                + "]]");
      }
      rowTotal = a + b;
      counted = a + c;
      total = a + b + c + d;
      min = Math.max(0, rowTotal - (total - counted));
      max = Math.min(rowTotal, counted);
      logDenominator = LogFactorial.choose(total, rowTotal);
    }

    double logProbability(int x) {
      return LogFactorial.choose(counted, x)
          + LogFactorial.choose(total - counted, rowTotal - x)
          - logDenominator;
    }

    double sum(int from, int to) {
      double sum = 0.0;
      for (int x = Math.max(from, min); x <= Math.min(to, max); x++) {
        sum += Math.exp(logProbability(x));
      }
      return Math.min(1.0, sum);
    }
  }
}
