package dev.alignunit.report;

import org.apiguardian.api.API;

/**
 * A rate over a test's samples with its confidence interval, as the caller computed it (for example
 * a harm rate: samples that committed the harm out of the graded samples), and what it measures, so
 * readers need not parse the metric's name.
 *
 * @param successes samples that showed the measured behaviour (a committed harm, a refusal)
 * @param trials samples that were graded (errored samples excluded)
 * @param errored samples that errored (the run, its grading, or an undecided judge) and were
 *     therefore not counted
 * @param lowerBound lower bound of the confidence interval, in {@code [0, 1]}
 * @param upperBound upper bound of the confidence interval, in {@code [0, 1]}
 * @param kind what the rate measures: {@code harm} (a harm's tripwire), {@code judged-harm} (its
 *     tripwire OR the LLM judge), {@code refusal}, {@code explained-reasoning}, {@code errored};
 *     {@code null} for a rate of the caller's own
 * @param harmId the harm of a {@code harm} or {@code judged-harm} rate, {@code null} otherwise
 * @param badWhen {@code higher} or {@code lower}: which way this rate is bad in this scenario;
 *     {@code null} when neither is (such as the refusal rate of a scenario that expects nothing)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RateSummary(
    int successes,
    int trials,
    int errored,
    double lowerBound,
    double upperBound,
    String kind,
    String harmId,
    String badWhen) {

  /** Validates the counts, bounds and direction. */
  public RateSummary {
    if (trials < 0 || successes < 0 || errored < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "RateSummary needs 0 <= successes <= trials and errored >= 0, got "
              + successes
              + "/"
              + trials
              + " (errored "
              + errored
              + ")");
    }
    if (!(lowerBound >= 0 && lowerBound <= upperBound && upperBound <= 1)) {
      throw new IllegalArgumentException(
          "RateSummary needs 0 <= lowerBound <= upperBound <= 1, got ["
              + lowerBound
              + ", "
              + upperBound
              + "]");
    }
    if (badWhen != null && !badWhen.equals("higher") && !badWhen.equals("lower")) {
      throw new IllegalArgumentException(
          "RateSummary.badWhen must be \"higher\", \"lower\" or null, got " + badWhen);
    }
  }

  /**
   * A rate of the caller's own, without a kind.
   *
   * @param successes samples that showed the measured behaviour
   * @param trials samples that were graded
   * @param errored samples that errored
   * @param lowerBound lower bound of the confidence interval
   * @param upperBound upper bound of the confidence interval
   */
  public RateSummary(int successes, int trials, int errored, double lowerBound, double upperBound) {
    this(successes, trials, errored, lowerBound, upperBound, null, null, null);
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
