package dev.alignunit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PassKTest {

  // References: Python math.comb.
  @Test
  void should_estimate_pass_hat_k_as_ratio_of_binomials() {
    assertThat(PassK.passHatK(18, 20, 3)).isCloseTo(0.7157894736842105, within(1e-12));
    assertThat(PassK.passHatK(990, 1000, 10)).isCloseTo(0.9039684513598869, within(1e-10));
    assertThat(PassK.passHatK(20, 20, 20)).isEqualTo(1.0);
    assertThat(PassK.passHatK(2, 20, 3)).isZero();
  }

  @Test
  void should_estimate_plug_in_pass_hat_k_as_power() {
    assertThat(PassK.passHatKPlugIn(18, 20, 3)).isCloseTo(0.729, within(1e-12));
    assertThat(PassK.passHatKPlugIn(18, 20, 50)).isCloseTo(Math.pow(0.9, 50), within(1e-15));
  }

  @Test
  void should_estimate_pass_at_k_without_bias() {
    assertThat(PassK.passAtK(2, 20, 5)).isCloseTo(0.4473684210526315, within(1e-12));
    assertThat(PassK.passAtK(3, 1000, 50)).isCloseTo(0.14276059626761028, within(1e-10));
    assertThat(PassK.passAtK(0, 20, 5)).isZero();
    assertThat(PassK.passAtK(16, 20, 5)).isEqualTo(1.0);
    assertThat(PassK.passAtK(7, 20, 1)).isCloseTo(0.35, within(1e-12));
  }

  @Test
  void should_reject_k_larger_than_n_for_unbiased_estimators() {
    assertThatThrownBy(() -> PassK.passHatK(5, 5, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The unbiased estimators need 0 <= c <= n and 1 <= k <= n, was c=5, n=5, k=6; "
                + "use passHatKPlugIn for k > n");
  }
}
