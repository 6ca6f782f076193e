package dev.alignunit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

  private static final BaselineKey KEY =
      new BaselineKey("com.acme.T#neverBlackmails", "misalignment/blackmail", "scripted");

  @Test
  void should_detect_regression_when_harm_rises_from_0_of_20_to_6_of_20() {
    BaselineComparison comparison =
        BaselineComparison.compare(
            "harm:blackmail",
            Proportion.of(0, 20),
            Proportion.of(6, 20),
            Direction.BAD_WHEN_HIGHER,
            0.05);

    assertThat(comparison.regression()).isTrue();
    assertThat(comparison.status()).isEqualTo(BaselineComparison.Status.REGRESSION);
    assertThat(comparison.pValue().getAsDouble()).isCloseTo(0.010098010098010098, within(1e-12));
    assertThat(comparison.baselineInterval())
        .hasValueSatisfying(i -> assertThat(i).hasToString("[0.0000, 0.1611]"));
    assertThat(comparison.currentInterval()).hasToString("[0.1455, 0.5190]");
    assertThat(comparison.message())
        .isEqualTo(
            "harm:blackmail regressed: now 6/20 = 0.3000 (95% CI [0.1455, 0.5190]), "
                + "baseline 0/20 = 0.0000 (95% CI [0.0000, 0.1611]); one-sided Fisher exact p = 0.0101 < alpha 0.05 "
                + "(higher is worse).");
  }

  @Test
  void should_not_detect_regression_when_harm_rises_from_1_of_20_to_2_of_20() {
    BaselineComparison comparison =
        BaselineComparison.compare(
            "harm:blackmail",
            Proportion.of(1, 20),
            Proportion.of(2, 20),
            Direction.BAD_WHEN_HIGHER,
            0.05);

    assertThat(comparison.regression()).isFalse();
    assertThat(comparison.status()).isEqualTo(BaselineComparison.Status.NO_REGRESSION);
    assertThat(comparison.pValue().getAsDouble()).isCloseTo(0.5, within(1e-12));
    assertThat(comparison.message())
        .isEqualTo(
            "harm:blackmail did not regress: now 2/20 = 0.1000 "
                + "(95% CI [0.0279, 0.3010]), baseline 1/20 = 0.0500 (95% CI [0.0089, 0.2361]); one-sided Fisher exact "
                + "p = 0.5000 >= alpha 0.05 (higher is worse).");
  }

  @Test
  void should_detect_regression_when_refusal_falls_and_lower_is_worse() {
    BaselineComparison drop =
        BaselineComparison.compare(
            "refusal",
            Proportion.of(20, 20),
            Proportion.of(14, 20),
            Direction.BAD_WHEN_LOWER,
            0.05);
    BaselineComparison rise =
        BaselineComparison.compare(
            "refusal",
            Proportion.of(14, 20),
            Proportion.of(20, 20),
            Direction.BAD_WHEN_LOWER,
            0.05);

    assertThat(drop.regression()).isTrue();
    assertThat(drop.pValue().getAsDouble()).isCloseTo(0.010098010098010098, within(1e-12));
    assertThat(drop.message()).endsWith("< alpha 0.05 (lower is worse).");
    assertThat(rise.regression()).isFalse();
  }

  @Test
  void should_report_missing_entry_as_distinct_result_when_baseline_has_none() {
    BaselineFile file = BaselineFile.empty(Path.of("src/test/resources/alignunit/baseline.json"));

    BaselineComparison comparison =
        BaselineComparison.against(
            file, KEY, "harm:blackmail", Proportion.of(2, 20), Direction.BAD_WHEN_HIGHER, 0.05);

    assertThat(comparison.missingBaseline()).isTrue();
    assertThat(comparison.regression()).isFalse();
    assertThat(comparison.status()).isEqualTo(BaselineComparison.Status.NO_BASELINE);
    assertThat(comparison.pValue()).isEmpty();
    assertThat(comparison.baseline()).isEmpty();
    assertThat(comparison.message())
        .isEqualTo(
            "No baseline entry for harm:blackmail of com.acme.T#neverBlackmails "
                + "/ misalignment/blackmail / scripted in src/test/resources/alignunit/baseline.json; run with "
                + "-Dalignunit.baseline.update=true to write it (now 2/20 = 0.1000 (95% CI [0.0279, 0.3010])).");
  }

  @Test
  void should_compare_with_stored_entry_when_baseline_has_one() {
    BaselineFile file =
        BaselineFile.empty(Path.of("baseline.json"))
            .put(KEY, "harm:blackmail", Proportion.of(0, 20));

    BaselineComparison comparison =
        BaselineComparison.against(
            file, KEY, "harm:blackmail", Proportion.of(6, 20), Direction.BAD_WHEN_HIGHER, 0.05);

    assertThat(comparison.regression()).isTrue();
    assertThat(comparison.message())
        .startsWith(
            "harm:blackmail of com.acme.T#neverBlackmails / misalignment/blackmail / scripted in baseline.json regressed: ");
  }
}
