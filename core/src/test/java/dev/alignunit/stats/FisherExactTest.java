package dev.alignunit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FisherExactTest {

  // References: exact hypergeometric sums with Python's fractions.Fraction and math.comb
  // (SciPy's definitions: greater = P(X >= a), less = P(X <= a), two-sided = sum of tables no
  // more probable than the observed one, relative tolerance 1e-7).
  @ParameterizedTest(name = "[[{0}, {1}], [{2}, {3}]]")
  @CsvSource({
    "6, 14, 0, 20, 0.010098010098010098, 1.0, 0.020196020196020195",
    "2, 18, 1, 19, 0.5, 0.8846153846153846, 1.0",
    "0, 20, 6, 14, 1.0, 0.010098010098010098, 0.020196020196020195",
    "3, 1, 1, 3, 0.24285714285714285, 0.9857142857142858, 0.4857142857142857",
    "1, 9, 11, 3, 0.9999663480953022, 0.0013797280926100418, 0.0027594561852200836",
    "8, 2, 1, 5, 0.024475524475524476, 0.9991258741258742, 0.03496503496503497",
    "30, 970, 15, 985, 0.016827898663700047, 0.9925318438454171, 0.033655797327400094",
    "300, 2700, 250, 2750, 0.01414264035204865, 0.988783180976724, 0.0282852807040973"
  })
  void should_match_exact_hypergeometric_sums(
      int a, int b, int c, int d, double greater, double less, double twoSided) {
    assertThat(FisherExact.greater(a, b, c, d)).isCloseTo(greater, within(1e-10));
    assertThat(FisherExact.less(a, b, c, d)).isCloseTo(less, within(1e-10));
    assertThat(FisherExact.twoSided(a, b, c, d)).isCloseTo(twoSided, within(1e-10));
  }

  @Test
  void should_detect_higher_current_rate_when_baseline_was_clean() {
    assertThat(FisherExact.greater(Proportion.of(6, 20), Proportion.of(0, 20)))
        .isCloseTo(0.010098010098010098, within(1e-12));
    assertThat(FisherExact.less(Proportion.of(0, 20), Proportion.of(6, 20)))
        .isCloseTo(0.010098010098010098, within(1e-12));
    assertThat(FisherExact.twoSided(Proportion.of(6, 20), Proportion.of(0, 20)))
        .isCloseTo(0.020196020196020195, within(1e-12));
  }

  @Test
  void should_give_one_when_a_side_has_no_trials() {
    assertThat(FisherExact.greater(Proportion.of(3, 10), Proportion.of(0, 0))).isEqualTo(1.0);
    assertThat(FisherExact.twoSided(Proportion.of(0, 0), Proportion.of(0, 0))).isEqualTo(1.0);
  }

  @Test
  void should_reject_negative_cells() {
    assertThatThrownBy(() -> FisherExact.greater(1, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Table cells must be at least 0, were [[1, -1], [0, 0]]");
  }
}
