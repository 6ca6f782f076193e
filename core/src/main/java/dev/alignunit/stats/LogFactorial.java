package dev.alignunit.stats;

import java.util.Arrays;

/**
 * Natural logarithms of factorials and binomial coefficients, from a table of exact sums of
 * logarithms that grows on demand. Working in log space keeps hypergeometric and pass@k terms
 * finite for n in the thousands, where the factorials themselves overflow a double.
 */
final class LogFactorial {

  private static double[] table = {0.0, 0.0};

  private LogFactorial() {}

  /**
   * ln(n!).
   *
   * @param n at least 0
   * @return the logarithm
   */
  static double of(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be at least 0, was " + n);
    }
    double[] current = table;
    if (n < current.length) {
      return current[n];
    }
    return grow(n)[n];
  }

  private static synchronized double[] grow(int n) {
    if (n < table.length) {
      return table;
    }
    int size = Math.max(n + 1, table.length * 2);
    double[] bigger = Arrays.copyOf(table, size);
    for (int i = table.length; i < size; i++) {
      bigger[i] = bigger[i - 1] + Math.log(i);
    }
    table = bigger;
    return bigger;
  }

  /**
   * ln(C(n, k)).
   *
   * @param n at least 0
   * @param k between 0 and n
   * @return the logarithm of the binomial coefficient
   */
  static double choose(int n, int k) {
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("C(n, k) needs 0 <= k <= n, was C(" + n + ", " + k + ")");
    }
    return of(n) - of(k) - of(n - k);
  }
}
