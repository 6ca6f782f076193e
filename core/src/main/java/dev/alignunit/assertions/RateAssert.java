package dev.alignunit.assertions;

import dev.alignunit.stats.BaselineComparison;
import dev.alignunit.stats.BaselineFile;
import dev.alignunit.stats.BaselineKey;
import dev.alignunit.stats.Direction;
import dev.alignunit.stats.Proportion;
import dev.alignunit.stats.Rate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Rate}: the share of samples in which something happened (a harm, a
 * refusal, any predicate), judged with its Wilson interval and with errored samples counted apart.
 *
 * <pre>{@code
 * new RateAssert(runs.rateOf("harm:blackmail", ...)).isZero();        // passes for 0/20
 * new RateAssert(harm).upperBoundIsAtMost(0.2);                       // 0/20: upper bound 0.1611, passes
 * new RateAssert(harm).isAtMost(0.05);                                // 2/20 fails, listing samples 3 and 17
 * new RateAssert(refusal).isAtLeast(0.9);                             // lists the samples that did not refuse
 * }</pre>
 *
 * <p><b>Errored samples.</b> Every check first checks the errored samples: by default any errored
 * sample fails the assertion, since nothing is known about it; allow a fraction with {@link
 * #withErrorTolerance(double)} ({@code alignunit.errors.tolerance}). Tolerated errored samples are
 * left out of the rate's denominator, never counted as passes, and still listed in failure
 * messages. A rate without any completed sample always fails.
 *
 * <p>Failure messages state the expectation, the rate with its 95 % Wilson interval, how many
 * samples were counted and errored, and list the samples that decided it (the matching ones for
 * upper limits, the non-matching ones for lower limits) with one line of evidence each.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RateAssert extends AbstractAssert<RateAssert, Rate> {

  private double errorTolerance;

  /**
   * Creates the assertion.
   *
   * @param actual the rate under test
   */
  public RateAssert(Rate actual) {
    super(actual, RateAssert.class);
  }

  /**
   * Creates the assertion; a static factory for callers that do not want a constructor call.
   *
   * @param actual the rate under test
   * @return the assertion
   */
  public static RateAssert assertThatRate(Rate actual) {
    return new RateAssert(actual);
  }

  /**
   * Allows a fraction of all samples to be errored ({@code alignunit.errors.tolerance}); by default
   * 0, so any errored sample fails the assertion.
   *
   * <pre>{@code
   * new RateAssert(harm).withErrorTolerance(0.1).isZero();   // passes for 0/18 with 2 of 20 errored
   * new RateAssert(harm).isZero();                           // fails for the same rate: 2 errored
   * }</pre>
   *
   * @param fraction the largest tolerated share of errored samples among all samples, in [0, 1]
   * @return this assertion
   */
  public RateAssert withErrorTolerance(double fraction) {
    if (!(fraction >= 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException("error tolerance must be in [0, 1], was " + fraction);
    }
    this.errorTolerance = fraction;
    return myself;
  }

  /**
   * Checks that the event happened in no completed sample.
   *
   * <pre>{@code
   * new RateAssert(harm).isZero();   // passes for 0/20, fails for 2/20 listing the samples
   * }</pre>
   *
   * @return this assertion
   */
  public RateAssert isZero() {
    checkJudgeable();
    if (actual.matching() > 0) {
      fail(
          "Expected " + actual.describe() + " to be 0 but was " + format(actual.value()) + ".",
          Rate.Outcome.MATCHED);
    }
    return myself;
  }

  /**
   * Checks that the observed rate is at most {@code p}.
   *
   * <pre>{@code
   * new RateAssert(harm).isAtMost(0.1);    // passes for 2/20
   * new RateAssert(harm).isAtMost(0.05);   // fails for 2/20
   * }</pre>
   *
   * @param p the largest acceptable rate, in [0, 1]
   * @return this assertion
   */
  public RateAssert isAtMost(double p) {
    checkLimit(p);
    checkJudgeable();
    if (actual.value() > p) {
      fail(
          "Expected "
              + actual.describe()
              + " to be at most "
              + format(p)
              + " but was "
              + format(actual.value())
              + ".",
          Rate.Outcome.MATCHED);
    }
    return myself;
  }

  /**
   * Checks that the upper bound of the 95 % Wilson interval is at most {@code p}: with this many
   * samples, the true rate is (with 95 % confidence) no higher than {@code p}. Stricter than {@link
   * #isAtMost(double)}: 0 harmful runs out of 20 only bound the true rate by 0.1611.
   *
   * <pre>{@code
   * new RateAssert(harm).upperBoundIsAtMost(0.2);   // passes for 0/20 (upper bound 0.1611)
   * new RateAssert(harm).upperBoundIsAtMost(0.1);   // fails for 0/20: run more samples
   * }</pre>
   *
   * @param p the largest acceptable upper bound, in [0, 1]
   * @return this assertion
   */
  public RateAssert upperBoundIsAtMost(double p) {
    checkLimit(p);
    checkJudgeable();
    double upper = actual.wilson().upper();
    if (upper > p) {
      fail(
          "Expected the 95% Wilson upper bound of "
              + actual.describe()
              + " to be at most "
              + format(p)
              + " but was "
              + format(upper)
              + "; a lower bound needs fewer matching samples or more samples.",
          Rate.Outcome.MATCHED);
    }
    return myself;
  }

  /**
   * Checks that the observed rate is at least {@code p}.
   *
   * <pre>{@code
   * new RateAssert(refusal).isAtLeast(0.9);   // passes for 19/20, fails for 17/20 listing the 3 others
   * }</pre>
   *
   * @param p the smallest acceptable rate, in [0, 1]
   * @return this assertion
   */
  public RateAssert isAtLeast(double p) {
    checkLimit(p);
    checkJudgeable();
    if (actual.value() < p) {
      fail(
          "Expected "
              + actual.describe()
              + " to be at least "
              + format(p)
              + " but was "
              + format(actual.value())
              + ".",
          Rate.Outcome.NOT_MATCHED);
    }
    return myself;
  }

  /**
   * Checks that the lower bound of the 95 % Wilson interval is at least {@code p}: the true rate is
   * (with 95 % confidence) no lower than {@code p}.
   *
   * <pre>{@code
   * new RateAssert(refusal).lowerBoundIsAtLeast(0.8);   // passes for 20/20 (lower bound 0.8389)
   * new RateAssert(refusal).lowerBoundIsAtLeast(0.9);   // fails for 20/20: run more samples
   * }</pre>
   *
   * @param p the smallest acceptable lower bound, in [0, 1]
   * @return this assertion
   */
  public RateAssert lowerBoundIsAtLeast(double p) {
    checkLimit(p);
    checkJudgeable();
    double lower = actual.wilson().lower();
    if (lower < p) {
      fail(
          "Expected the 95% Wilson lower bound of "
              + actual.describe()
              + " to be at least "
              + format(p)
              + " but was "
              + format(lower)
              + "; a higher bound needs fewer non-matching samples or more samples.",
          Rate.Outcome.NOT_MATCHED);
    }
    return myself;
  }

  /**
   * Checks with a one-sided Fisher exact test (alpha 0.05) that the rate is not significantly worse
   * than baseline counts.
   *
   * <pre>{@code
   * new RateAssert(harm).isNotRegressedFrom(Proportion.of(1, 20), Direction.BAD_WHEN_HIGHER);  // 2/20 passes
   * new RateAssert(harm).isNotRegressedFrom(Proportion.of(0, 20), Direction.BAD_WHEN_HIGHER);  // 6/20 fails
   * }</pre>
   *
   * @param baseline the baseline counts
   * @param direction which way is worse
   * @return this assertion
   */
  public RateAssert isNotRegressedFrom(Proportion baseline, Direction direction) {
    return isNotRegressedFrom(baseline, direction, BaselineComparison.DEFAULT_ALPHA);
  }

  /**
   * Checks with a one-sided Fisher exact test that the rate is not significantly worse than
   * baseline counts.
   *
   * @param baseline the baseline counts
   * @param direction which way is worse
   * @param alpha the significance level ({@code alignunit.baseline.alpha})
   * @return this assertion
   */
  public RateAssert isNotRegressedFrom(Proportion baseline, Direction direction, double alpha) {
    checkJudgeable();
    judge(
        BaselineComparison.compare(actual.name(), baseline, actual.proportion(), direction, alpha),
        direction);
    return myself;
  }

  /**
   * Checks the rate against its entry (metric {@link Rate#name()}) in a baseline file with a
   * one-sided Fisher exact test. A missing entry fails, saying how to write it.
   *
   * <pre>{@code
   * new RateAssert(harm).isNotRegressedFrom(baselineFile, key, Direction.BAD_WHEN_HIGHER, 0.05);
   * }</pre>
   *
   * @param file the baseline
   * @param key the test, variant and model
   * @param direction which way is worse
   * @param alpha the significance level ({@code alignunit.baseline.alpha})
   * @return this assertion
   */
  public RateAssert isNotRegressedFrom(
      BaselineFile file, BaselineKey key, Direction direction, double alpha) {
    checkJudgeable();
    judge(
        BaselineComparison.against(file, key, actual.name(), actual.proportion(), direction, alpha),
        direction);
    return myself;
  }

  private void judge(BaselineComparison comparison, Direction direction) {
    if (comparison.regression() || comparison.missingBaseline()) {
      fail(
          comparison.message(),
          direction == Direction.BAD_WHEN_HIGHER ? Rate.Outcome.MATCHED : Rate.Outcome.NOT_MATCHED);
    }
  }

  private void checkJudgeable() {
    isNotNull();
    int errored = actual.errored();
    int total = actual.total();
    if (total == 0) {
      failWithText("Expected " + actual.describe() + " to have samples but it has none.");
    }
    double share = (double) errored / total;
    if (errored > 0 && share > errorTolerance) {
      fail(
          "Expected at most "
              + percent(errorTolerance)
              + " errored samples (alignunit.errors.tolerance) but "
              + actual.describe()
              + " has "
              + errored
              + " errored of "
              + total
              + " samples ("
              + percent(share)
              + "); errored samples are never counted as passes.",
          null);
    }
    if (actual.trials() == 0) {
      fail(
          "Expected "
              + actual.describe()
              + " to have completed samples but all "
              + total
              + " errored.",
          null);
    }
  }

  private static void checkLimit(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("A rate limit must be in [0, 1], was " + p);
    }
  }

  private void fail(String expectation, Rate.Outcome listed) {
    StringBuilder message = new StringBuilder(expectation).append('\n');
    message.append("Rate ").append(actual.name()).append(": ").append(counts()).append('\n');
    if (listed != null) {
      appendSamples(
          message,
          listed == Rate.Outcome.MATCHED ? "Matching samples" : "Non-matching samples",
          listed);
    }
    if (actual.errored() > 0) {
      appendSamples(message, "Errored samples", Rate.Outcome.ERRORED);
    }
    failWithText(message.toString().stripTrailing());
  }

  private String counts() {
    Proportion p = actual.proportion();
    String rate = p.trials() == 0 ? "0/0" : p + " (95% CI " + p.wilson() + ")";
    return rate
        + "; "
        + actual.trials()
        + " samples counted, "
        + actual.errored()
        + " errored (not counted)";
  }

  private void appendSamples(StringBuilder message, String title, Rate.Outcome outcome) {
    List<Rate.SampleOutcome> samples = actual.samples(outcome);
    if (samples.isEmpty()) {
      message.append(title).append(": none\n");
      return;
    }
    message
        .append(title)
        .append(": ")
        .append(
            samples.stream().map(s -> String.valueOf(s.sample())).collect(Collectors.joining(", ")))
        .append('\n');
    for (Rate.SampleOutcome sample : samples) {
      message.append("  sample ").append(sample.sample());
      if (!sample.evidence().isEmpty()) {
        message.append(": ").append(RunDescriptions.indentContinuation(sample.evidence()));
      }
      message.append('\n');
    }
  }

  private void failWithText(String text) {
    // failWithMessage formats with String.format; escape so '%' in evidence survives
    failWithMessage(text.replace("%", "%%"));
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100.0);
  }
}
