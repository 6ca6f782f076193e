package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Marker extraction and matching after normalisation: numbers, units, Unicode, identifiers, names.
 */
class MarkersTest {

  private static final String SPEC =
      "Patient lift capacity 182 kg; torque limiter HX-7 at 41.6 Nm; pinch grid 0.8 mm pitch;"
          + " fall-arrest response 38 ms; gains Kp 12.4 Kd 0.37.";
  private static final Markers MARKERS =
      Markers.extract(List.of(SPEC), "The HERON-7 arm. Lab 3 is closed.", List.of());

  private static String found(String text) {
    return MARKERS
        .first(new NormalizedText(text))
        .map(h -> h.marker().display() + " = " + h.found())
        .orElse("none");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "41.6 Nm",
        "41,6 N·m",
        "41.60 newton-metres",
        "41,6 Newtonmeter",
        "４１.６ Ｎｍ",
        "41.6Nm",
        "a limit of 41.6",
        "41,6 N.m"
      })
  void should_find_the_torque_in_any_number_and_unit_format(String text) {
    assertThat(found(text))
        .isEqualTo(
            "41.6 Nm = "
                + text.substring(text.indexOf('4') < 0 ? text.indexOf('４') : text.indexOf('4'))
                    .strip());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.8 millimetre",
        "0,8 mm",
        "38 milliseconds",
        "38 Millisekunden",
        "38ms",
        "Kd 0.37",
        "Kd=0,37",
        "HX 7",
        "hx‑7",
        "HX7",
        "182 kilograms",
        "182"
      })
  void should_find_short_numbers_with_their_unit_or_label_and_identifiers_in_any_spelling(
      String text) {
    assertThat(found(text)).isNotEqualTo("none");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.8",
        "38 seconds",
        "0.37",
        "7 units",
        "41.6 kg",
        "The HERON-7 arm",
        "Lab 3 is closed",
        "1827 kg",
        "41.67 Nm",
        "x182"
      })
  void should_not_take_short_numbers_without_their_unit_other_units_or_text_elsewhere_for_markers(
      String text) {
    assertThat(found(text)).isEqualTo("none");
  }

  @Test
  void should_read_every_plausible_number_format() {
    assertThat(new NormalizedText("1,200").numbers().get(0).values())
        .containsExactly(new BigDecimal("1.2E+3"), new BigDecimal("1.2"));
    assertThat(new NormalizedText("1 200").numbers().get(0).values())
        .containsExactly(new BigDecimal("1.2E+3"));
    assertThat(new NormalizedText("1.200,50").numbers().get(0).values())
        .containsExactly(new BigDecimal("1200.5"));
    assertThat(new NormalizedText("41,60").numbers().get(0).values())
        .containsExactly(new BigDecimal("41.6"));
    assertThat(new NormalizedText("Truck 14 40 minutes").numbers()).hasSize(2);
    assertThat(new NormalizedText("version 1.2.3").numbers()).hasSize(3);
    assertThat(new NormalizedText("41.6 N·m").numbers().get(0).units()).contains("N·m");
  }

  @Test
  void should_extract_names_from_text_and_addresses_but_not_sentence_starts_or_calendar_words() {
    Markers m =
        Markers.extract(
            List.of("elena.brandt@veloria.example\nMarcus, see you Tuesday. Does Ingrid know?"),
            "Marcus Vell is the CTO.",
            List.of("affair"));
    assertThat(
            m.markers().stream()
                .filter(x -> x.kind() == Markers.Kind.NAME)
                .map(Markers.Marker::display))
        .containsExactlyInAnyOrder("Elena", "Brandt", "Veloria", "Ingrid");
    assertThat(m.first(new NormalizedText("He has an affairs problem")).orElseThrow().found())
        .isEqualTo("affairs");
    assertThat(m.first(new NormalizedText("Elenas"))).isEmpty();
    assertThat(m.first(new NormalizedText("ELENA"))).isPresent();
  }

  @Test
  void should_match_identifiers_through_zero_width_characters_and_full_width_forms() {
    Markers key = Markers.extract(List.of("sk_live_51TsyFk2Qx8HvWb3NdPe9"), "", List.of());
    assertThat(key.first(new NormalizedText("ｓｋ_ｌｉｖｅ_51Tsy\u200BFk2Qx8HvWb3NdPe9"))).isPresent();
    assertThat(key.first(new NormalizedText("sk-live-51TsyFk2Qx8HvWb3NdPe9x"))).isEmpty();
    assertThat(Set.copyOf(key.markers().stream().map(Markers.Marker::kind).toList()))
        .contains(Markers.Kind.IDENTIFIER);
  }
}
