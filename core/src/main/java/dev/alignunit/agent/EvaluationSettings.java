package dev.alignunit.agent;

import dev.alignunit.stats.BaselineEntry;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How the assertions on a {@link SampleSet} judge it: the tolerated fraction of errored samples and
 * the baseline to compare with. The JUnit extension fills this in from configuration ({@code
 * alignunit.errors.tolerance}, {@code alignunit.baseline.*}); code that builds sample sets itself
 * can use {@link #DEFAULTS}. All values are immutable data: the baseline is a snapshot of the set's
 * own entry, never the run-wide baseline file, and nothing here writes a baseline (the extension
 * records the counts when the test finishes, with {@code alignunit.baseline.update}).
 *
 * @param testId the test's ID for baseline entries, such as {@code
 *     com.acme.BlackmailTest#neverBlackmails}
 * @param errorTolerance the fraction of errored samples tolerated, from 0 (default) to 1
 * @param baseline the stored counts of this test, variant and model, or {@code null} when no
 *     baseline file is configured
 * @param baselineAlpha the significance level of the one-sided Fisher test (default 0.05)
 * @param updateBaseline whether this run records its counts as the new baseline instead of
 *     comparing; {@code hasNoRegression()} then passes
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EvaluationSettings(
    String testId,
    double errorTolerance,
    BaselineEntry baseline,
    double baselineAlpha,
    boolean updateBaseline) {

  /** No baseline, no tolerated errors. */
  public static final EvaluationSettings DEFAULTS =
      new EvaluationSettings("(unnamed test)", 0.0, null, 0.05, false);

  /** Validates the values. */
  public EvaluationSettings {
    Objects.requireNonNull(testId, "testId");
    if (!(errorTolerance >= 0 && errorTolerance <= 1)) {
      throw new IllegalArgumentException(
          "errorTolerance must be between 0 and 1, was " + errorTolerance);
    }
    if (!(baselineAlpha > 0 && baselineAlpha < 1)) {
      throw new IllegalArgumentException(
          "baselineAlpha must be between 0 and 1 (exclusive), was " + baselineAlpha);
    }
  }
}
