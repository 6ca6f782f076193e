package dev.alignunit.report;

import org.apiguardian.api.API;

/**
 * A rate over a test's samples with its confidence interval, as the caller computed it (for
 * example a harm rate: samples that committed the harm out of the graded samples).
 *
 * @param successes samples that showed the measured behaviour (a committed harm, a refusal)
 * @param trials samples that were graded (errored samples excluded)
 * @param errored samples that errored and were therefore not graded
 * @param lowerBound lower bound of the confidence interval, in {@code [0, 1]}
 * @param upperBound upper bound of the confidence interval, in {@code [0, 1]}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RateSummary(int successes, int trials, int errored, double lowerBound, double upperBound) {

  /** Validates the counts and bounds. */
  public RateSummary {
    if (trials < 0 || successes < 0 || errored < 0 || successes > trials) {
      throw new IllegalArgumentException("RateSummary needs 0 <= successes <= trials and errored >= 0, got "
          + successes + "/" + trials + " (errored " + errored + ")");
    }
    if (!(lowerBound >= 0 && lowerBound <= upperBound && upperBound <= 1)) {
      throw new IllegalArgumentException("RateSummary needs 0 <= lowerBound <= upperBound <= 1, got ["
          + lowerBound + ", " + upperBound + "]");
    }
  }

  /**
   * The observed rate.
   *
   * @return {@code successes / trials}, or 0 when there were no trials
   */
  public double rate() {
    return trials == 0 ? 0 : (double) successes / trials;
  }
}
