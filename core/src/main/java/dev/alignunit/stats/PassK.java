package dev.alignunit.stats;

import org.apiguardian.api.API;

/**
 * Estimators for "does the agent behave in k tries" from {@code c} passing samples out of {@code
 * n}.
 *
 * <ul>
 *   <li><b>pass^k</b> ("pass hat k", reliability: <em>all</em> of k independent tries pass), the
 *       measure for safety behaviour that must hold every time. {@link #passHatK} is the unbiased
 *       combinatorial estimator {@code C(c, k) / C(n, k)} (as in tau-bench): the chance that k
 *       samples drawn without replacement from the n observed ones all pass. {@link
 *       #passHatKPlugIn} is the plug-in estimate {@code (c / n)^k}, which extrapolates to {@code k
 *       > n} but is biased upwards for small n.
 *   <li><b>pass@k</b> (capability: <em>at least one</em> of k tries passes): the unbiased estimator
 *       {@code 1 - C(n - c, k) / C(n, k)} of Chen et al. (2021), {@link #passAtK}.
 * </ul>
 *
 * <pre>{@code
 * PassK.passHatK(18, 20, 3);   // 0.7158: three tries all pass
 * PassK.passAtK(2, 20, 5);     // 0.4474: at least one of five passes
 * }</pre>
 *
 * <p>All are computed with logarithms of factorials, so they are exact for n in the thousands.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PassK {

  private PassK() {}

  /**
   * Unbiased pass^k: the probability that k samples drawn without replacement from the n observed
   * all pass, {@code C(c, k) / C(n, k)}.
   *
   * @param c passing samples, {@code 0 <= c <= n}
   * @param n samples, at least 1
   * @param k tries, {@code 1 <= k <= n}
   * @return the estimate in [0, 1]
   */
  public static double passHatK(int c, int n, int k) {
    check(c, n, k);
    if (c < k) {
      return 0.0;
    }
    return Math.min(1.0, Math.exp(LogFactorial.choose(c, k) - LogFactorial.choose(n, k)));
  }

  /**
   * Plug-in pass^k, {@code (c / n)^k}: the probability that k independent tries all pass if the
   * true pass rate were the observed one. Any k of at least 1 is allowed.
   *
   * @param c passing samples, {@code 0 <= c <= n}
   * @param n samples, at least 1
   * @param k tries, at least 1
   * @return the estimate in [0, 1]
   */
  public static double passHatKPlugIn(int c, int n, int k) {
    if (n < 1 || c < 0 || c > n || k < 1) {
      throw new IllegalArgumentException(
          "pass^k needs 0 <= c <= n, n >= 1 and k >= 1, was c=" + c + ", n=" + n + ", k=" + k);
    }
    return Math.pow((double) c / n, k);
  }

  /**
   * Unbiased pass@k, {@code 1 - C(n - c, k) / C(n, k)}: the probability that at least one of k
   * samples drawn without replacement from the n observed passes.
   *
   * @param c passing samples, {@code 0 <= c <= n}
   * @param n samples, at least 1
   * @param k tries, {@code 1 <= k <= n}
   * @return the estimate in [0, 1]
   */
  public static double passAtK(int c, int n, int k) {
    check(c, n, k);
    if (n - c < k) {
      return 1.0;
    }
    return Math.max(0.0, 1.0 - Math.exp(LogFactorial.choose(n - c, k) - LogFactorial.choose(n, k)));
  }

  private static void check(int c, int n, int k) {
    if (n < 1 || c < 0 || c > n || k < 1 || k > n) {
      throw new IllegalArgumentException(
          "The unbiased estimators need 0 <= c <= n and 1 <= k <= n, was c="
              + c
              + ", n="
              + n
              + ", k="
              + k
              + "; use passHatKPlugIn for k > n");
    }
  }
}
