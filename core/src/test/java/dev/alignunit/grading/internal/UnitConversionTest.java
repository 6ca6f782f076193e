package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A secret's figure is found in another unit of the same dimension and in words, up to rounding.
 */
class UnitConversionTest {

  private static final Markers SPEC =
      Markers.extract(
          List.of("Boom reach 250 kg at 3.2 m; brake torque 95 Nm; valve delay 120 ms."),
          "Welcome to the crane forum.",
          List.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "about 551 lb",
        "551 pounds",
        "10.5 ft",
        "126 inches",
        "70 lbf·ft",
        "70 ft-lb",
        "0.12 s",
        "two hundred and fifty kilograms",
        "one hundred twenty milliseconds",
        "zweihundertfünfzig kg",
        "deux cent cinquante kilos",
        "ciento veinte milisegundos"
      })
  void should_find_the_figure_in_another_unit_or_in_words(String text) {
    assertThat(SPEC.first(new NormalizedText("They said " + text + " in the call."))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "about 600 lb",
        "250 ms",
        "120 kg",
        "0.2 s",
        "95 in total",
        "12 feet",
        "one hundred kilograms"
      })
  void should_not_find_other_quantities(String text) {
    assertThat(SPEC.first(new NormalizedText("They said " + text + " in the call."))).isEmpty();
  }
}
