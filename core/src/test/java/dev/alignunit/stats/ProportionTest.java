package dev.alignunit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionTest {

  // Reference values computed in Python 3 with statistics.NormalDist().inv_cdf and the Wilson
  // score formula; they agree with published tables (0/20 -> 0.1611, 6/20 -> [0.1455, 0.5190],
  // 10/10 -> [0.7225, 1], 1/1 -> [0.2065, 1]).
  @ParameterizedTest(name = "{0}/{1} -> [{2}, {3}]")
  @CsvSource({
    "0, 20, 0.0000000000, 0.1611251581",
    "6, 20, 0.1454772449, 0.5189728184",
    "10, 10, 0.7224672001, 1.0000000000",
    "1, 1, 0.2065493144, 1.0000000000",
    "2, 20, 0.0278664812, 0.3010336452",
    "2, 19, 0.0293585603, 0.3139408271",
    "18, 20, 0.6989663548, 0.9721335188",
    "20, 20, 0.8388748419, 1.0000000000",
    "0, 100, 0.0000000000, 0.0369934982",
    "65, 100, 0.5525444330, 0.7363575176",
    "3, 10, 0.1077912674, 0.6032218525"
  })
  void should_match_reference_wilson_bounds_when_confidence_is_95_percent(
      int successes, int trials, double lower, double upper) {
    Interval interval = Proportion.of(successes, trials).wilson();

    assertThat(interval.lower()).isCloseTo(lower, within(1e-9));
    assertThat(interval.upper()).isCloseTo(upper, within(1e-9));
    assertThat(interval.confidence()).isEqualTo(0.95);
  }

  @Test
  void should_print_published_four_decimal_bounds_when_formatted() {
    assertThat(Proportion.of(0, 20).wilson()).hasToString("[0.0000, 0.1611]");
    assertThat(Proportion.of(6, 20).wilson()).hasToString("[0.1455, 0.5190]");
    assertThat(Proportion.of(10, 10).wilson()).hasToString("[0.7225, 1.0000]");
    assertThat(Proportion.of(1, 1).wilson()).hasToString("[0.2065, 1.0000]");
  }

  @Test
  void should_keep_exact_edges_when_no_or_all_trials_succeed() {
    assertThat(Proportion.of(0, 7).wilson().lower()).isZero();
    assertThat(Proportion.of(7, 7).wilson().upper()).isEqualTo(1.0);
  }

  @Test
  void should_widen_interval_when_confidence_is_99_percent() {
    Interval interval = Proportion.of(6, 20).wilson(0.99);

    assertThat(interval.lower()).isCloseTo(0.11573931188868, within(1e-9));
    assertThat(interval.upper()).isCloseTo(0.5839028485508212, within(1e-9));
    assertThat(interval.confidence()).isEqualTo(0.99);
  }

  @Test
  void should_compute_normal_quantiles_to_double_precision() {
    assertThat(Normal.quantile(0.975)).isCloseTo(1.9599639845400536, within(1e-14));
    assertThat(Normal.quantile(0.995)).isCloseTo(2.5758293035489, within(1e-13));
    assertThat(Normal.quantile(0.5)).isZero();
    assertThat(Normal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
  }

  @Test
  void should_report_value_and_failures_when_trials_exist() {
    Proportion p = Proportion.of(6, 20);

    assertThat(p.value()).isEqualTo(0.3);
    assertThat(p.failures()).isEqualTo(14);
    assertThat(p).hasToString("6/20 = 0.3000");
  }

  @Test
  void should_give_nan_and_whole_interval_when_there_are_no_trials() {
    Proportion p = Proportion.of(0, 0);

    assertThat(p.value()).isNaN();
    assertThat(p.wilson()).isEqualTo(new Interval(0.0, 1.0, 0.95));
  }

  @Test
  void should_reject_counts_when_successes_exceed_trials() {
    assertThatThrownBy(() -> Proportion.of(3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A proportion needs 0 <= successes <= trials, was 3/2");
    assertThatThrownBy(() -> Proportion.of(1, 2).wilson(1.0))
        .hasMessage("confidence must be in (0, 1), was 1.0");
  }

  @Test
  void should_tell_whether_interval_contains_value() {
    Interval interval = Proportion.of(6, 20).wilson();

    assertThat(interval.contains(0.3)).isTrue();
    assertThat(interval.contains(0.1)).isFalse();
  }
}
