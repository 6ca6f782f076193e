package dev.alignunit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.recording.RecordingDecision.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordingModeTest {

  @Test
  void should_parse_modes_ignoring_case_and_blanks_when_valid() {
    assertThat(RecordingMode.parse("replay")).isEqualTo(RecordingMode.REPLAY);
    assertThat(RecordingMode.parse(" RECORD ")).isEqualTo(RecordingMode.RECORD);
    assertThat(RecordingMode.parse("Live")).isEqualTo(RecordingMode.LIVE);
    assertThat(RecordingMode.parse("auto")).isEqualTo(RecordingMode.AUTO);
  }

  @Test
  void should_default_to_auto_when_mode_is_not_configured() {
    assertThat(RecordingMode.parse(null)).isEqualTo(RecordingMode.AUTO);
    assertThat(RecordingMode.parse("  ")).isEqualTo(RecordingMode.AUTO);
  }

  @Test
  void should_list_accepted_values_when_mode_is_invalid() {
    assertThatThrownBy(() -> RecordingMode.parse("replya"))
        .isInstanceOf(RecordingException.class)
        .hasMessage(
            "Invalid alignunit.mode value 'replya'. Accepted values: replay, record, live, auto.");
  }

  @Test
  void should_list_accepted_values_when_match_mode_is_invalid() {
    assertThat(MatchMode.parse(null)).isEqualTo(MatchMode.STRICT);
    assertThat(MatchMode.parse("Sequence")).isEqualTo(MatchMode.SEQUENCE);
    assertThatThrownBy(() -> MatchMode.parse("loose"))
        .isInstanceOf(RecordingException.class)
        .hasMessage(
            "Invalid alignunit.recordings.match value 'loose'. Accepted values: strict, sequence.");
  }

  @Test
  void should_treat_only_true_as_ci_when_reading_the_ci_variable() {
    assertThat(RecordingMode.isCi("true")).isTrue();
    assertThat(RecordingMode.isCi(" TRUE ")).isTrue();
    assertThat(RecordingMode.isCi("false")).isFalse();
    assertThat(RecordingMode.isCi("1")).isFalse();
    assertThat(RecordingMode.isCi(null)).isFalse();
  }

  @ParameterizedTest(name = "{0} ci={1} exists={2} key={3} -> {4}")
  @CsvSource({
    // mode,  ci,    exists, key,   action
    "REPLAY, false, true,  false, REPLAY",
    "REPLAY, false, false, true,  FAIL",
    "REPLAY, true,  true,  true,  REPLAY",
    "RECORD, false, true,  true,  RECORD",
    "RECORD, false, false, true,  RECORD",
    "RECORD, true,  true,  true,  RECORD",
    "RECORD, false, true,  false, FAIL",
    "LIVE,   false, true,  true,  LIVE",
    "LIVE,   true,  false, true,  LIVE",
    "LIVE,   false, false, false, FAIL",
    "AUTO,   false, true,  true,  REPLAY",
    "AUTO,   false, true,  false, REPLAY",
    "AUTO,   false, false, true,  RECORD",
    "AUTO,   false, false, false, FAIL",
    "AUTO,   true,  true,  true,  REPLAY",
    "AUTO,   true,  false, true,  FAIL",
    "AUTO,   true,  false, false, FAIL",
  })
  void should_decide_per_mode_ci_recording_and_key(
      RecordingMode mode, boolean ci, boolean exists, boolean key, Action expected) {
    assertThat(RecordingMode.decide(mode, ci, exists, key).action()).isEqualTo(expected);
  }

  @Test
  void should_explain_why_auto_fails_on_ci_when_recording_is_missing() {
    assertThat(RecordingMode.AUTO.decide(true, false, true).reason())
        .isEqualTo("alignunit.mode=auto on CI (CI=true) never records, and no recording exists");
  }

  @Test
  void should_explain_why_auto_fails_without_key_when_recording_is_missing() {
    assertThat(RecordingMode.AUTO.decide(false, false, false).reason())
        .isEqualTo(
            "alignunit.mode=auto, no recording exists and the provider's API key is not set, "
                + "so it cannot be recorded");
  }

  @Test
  void should_explain_why_record_fails_without_key() {
    assertThat(RecordingMode.RECORD.decide(false, true, false))
        .isEqualTo(
            new RecordingDecision(
                Action.FAIL,
                "alignunit.mode=record needs the live model, but its provider's API key is not set"));
  }
}
