package dev.alignunit.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The comparison of several current rates with their baseline entries, each by a one-sided Fisher
 * exact test ({@link BaselineComparison}): what {@code hasNoRegression()} judges and what the
 * report shows, computed in one place.
 *
 * <pre>{@code
 * BaselineReview review = BaselineReview.of(entry, List.of(
 *     new BaselineReview.Observed("harm:blackmail", Proportion.of(6, 20), Direction.BAD_WHEN_HIGHER)), 0.05);
 * review.problems();   // regressions and missing entries; a missing entry is never a pass
 * review.worst();      // the most telling comparison with an entry, for the report
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BaselineReview {

  /**
   * One current rate to compare.
   *
   * @param metric the metric name, such as {@code harm:blackmail}
   * @param current the current counts
   * @param badDirection which way is worse
   */
  public record Observed(String metric, Proportion current, Direction badDirection) {

    /** Validates the fields. */
    public Observed {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(badDirection, "badDirection");
    }
  }

  private final BaselineEntry entry;
  private final List<BaselineComparison> comparisons;

  private BaselineReview(BaselineEntry entry, List<BaselineComparison> comparisons) {
    this.entry = entry;
    this.comparisons = comparisons;
  }

  /**
   * Compares every observed rate with the entry.
   *
   * @param entry the stored counts of the test, variant and model
   * @param observed the current rates, in the order they are to be reported
   * @param alpha the significance level, in (0, 1)
   * @return the review
   */
  public static BaselineReview of(BaselineEntry entry, List<Observed> observed, double alpha) {
    Objects.requireNonNull(entry, "entry");
    List<BaselineComparison> comparisons =
        observed.stream()
            .map(
                o ->
                    BaselineComparison.against(
                        entry, o.metric(), o.current(), o.badDirection(), alpha))
            .toList();
    return new BaselineReview(entry, comparisons);
  }

  /**
   * @return the entry compared with
   */
  public BaselineEntry entry() {
    return entry;
  }

  /**
   * @return one comparison per observed rate, in the given order
   */
  public List<BaselineComparison> comparisons() {
    return comparisons;
  }

  /**
   * @return the regressions and the rates without a baseline entry, in the given order
   */
  public List<BaselineComparison> problems() {
    return comparisons.stream().filter(c -> c.regression() || c.missingBaseline()).toList();
  }

  /**
   * @return whether no rate regressed and every rate had an entry
   */
  public boolean passed() {
    return problems().isEmpty();
  }

  /**
   * The most telling comparison for a report: a regression if there is one, else the smallest
   * p-value; rates without an entry or without completed samples are left out.
   *
   * @return the comparison, empty when none qualifies
   */
  public Optional<BaselineComparison> worst() {
    return comparisons.stream()
        .filter(c -> !c.missingBaseline() && c.current().trials() > 0)
        .min(
            Comparator.comparing((BaselineComparison c) -> !c.regression())
                .thenComparingDouble(c -> c.pValue().orElse(1)));
  }
}
