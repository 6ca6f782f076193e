package dev.alignunit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.agent.AgentLoop;
import dev.alignunit.agent.SampleRunner;
import dev.alignunit.model.ModelSpec;
import dev.alignunit.recording.MatchMode;
import dev.alignunit.recording.RecordingMode;
import dev.alignunit.recording.RecordingPaths;
import dev.alignunit.stats.BaselineComparison;
import dev.alignunit.stats.BaselineFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConfigurationKeysTest {

  @Test
  void should_list_every_key_once_under_the_prefix_with_distinct_environment_variables() {
    List<String> names = ConfigurationKeys.all().stream().map(ConfigurationKey::name).toList();

    assertThat(names)
        .doesNotHaveDuplicates()
        .allMatch(n -> n.startsWith("alignunit."))
        .contains("alignunit.openai.legacy-max-tokens", "alignunit.anthropic.max-tokens");
    assertThat(ConfigurationKeys.all())
        .extracting(ConfigurationKey::environmentVariable)
        .doesNotHaveDuplicates();
    assertThat(ConfigurationKeys.MAX_TURNS.environmentVariable()).isEqualTo("ALIGNUNIT_MAX_TURNS");
    assertThat(ConfigurationKeys.find("alignunit.model")).containsSame(ConfigurationKeys.MODEL);
    assertThat(ConfigurationKeys.find("alignunit.modle")).isEmpty();
  }

  @Test
  void should_read_as_its_name_in_commands() {
    assertThat("-D" + ConfigurationKeys.MODE + "=record").isEqualTo("-Dalignunit.mode=record");
  }

  @Test
  void should_give_one_message_shape_for_every_invalid_concurrency() {
    String source = "environment variable ALIGNUNIT_CONCURRENCY";
    for (String value : List.of("0", "-1", "abc", "5000", "1.5", "4 threads")) {
      assertThatThrownBy(() -> ConfigurationKeys.CONCURRENCY.parse(value, source))
          .isExactlyInstanceOf(InvalidConfigurationException.class)
          .hasMessage(
              "Invalid value '"
                  + value
                  + "' for alignunit.concurrency (from environment variable"
                  + " ALIGNUNIT_CONCURRENCY): expected a whole number from 1 to 1024.");
    }
    assertThatThrownBy(() -> ConfigurationKeys.CONCURRENCY.parse("  ", null))
        .hasMessage(
            "Invalid value '' for alignunit.concurrency: expected a whole number from 1 to 1024.");
  }

  @Test
  void should_parse_each_type_and_say_what_it_accepts() {
    assertThat(ConfigurationKeys.CONCURRENCY.parse(" 16 ", null)).isEqualTo(16);
    assertThat(ConfigurationKeys.BUDGET_MAX_TOKENS.parse("2000000", null)).isEqualTo(2_000_000L);
    assertThat(ConfigurationKeys.ERRORS_TOLERANCE.parse("1", null)).isEqualTo(1.0);
    assertThat(ConfigurationKeys.BASELINE_UPDATE.parse("TRUE", null)).isTrue();
    assertThat(ConfigurationKeys.MODE.parse("Replay", null)).isEqualTo("replay");
    assertThat(ConfigurationKeys.REPORT_DIR.parse("build/alignunit", null))
        .isEqualTo(Path.of("build/alignunit"));
    assertThat(ConfigurationKeys.OPENAI_BASE_URL.parse("http://127.0.0.1:9/v1", null))
        .isEqualTo("http://127.0.0.1:9/v1");
    assertThat(ConfigurationKeys.HTTP_TIMEOUT.parse("500ms", null))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(ConfigurationKeys.HTTP_TIMEOUT.parse("2m", null)).isEqualTo(Duration.ofMinutes(2));
    assertThat(ConfigurationKeys.HTTP_TIMEOUT.parse("90", null)).isEqualTo(Duration.ofSeconds(90));
    assertThat(ConfigurationKeys.HTTP_TIMEOUT.parse("PT1M30S", null))
        .isEqualTo(Duration.ofSeconds(90));

    assertThat(
            List.of(
                message(ConfigurationKeys.BUDGET_MAX_REQUESTS, "0"),
                message(ConfigurationKeys.ERRORS_TOLERANCE, "1.5"),
                message(ConfigurationKeys.BASELINE_ALPHA, "0"),
                message(ConfigurationKeys.BASELINE_UPDATE, "yes"),
                message(ConfigurationKeys.MODE, "replya"),
                message(ConfigurationKeys.RECORDINGS_MATCH, "loose"),
                message(ConfigurationKeys.HTTP_TIMEOUT, "soon"),
                message(ConfigurationKeys.HTTP_TIMEOUT, "0s"),
                message(ConfigurationKeys.ANTHROPIC_BASE_URL, "ftp://example.com"),
                message(ConfigurationKeys.ANTHROPIC_MAX_TOKENS, "0"),
                message(ConfigurationKeys.OPENAI_API_KEY_ENV, "sk-proj-abcdef123456")))
        .containsExactly(
            "Invalid value '0' for alignunit.budget.max-requests (from S): expected a whole number of at least 1.",
            "Invalid value '1.5' for alignunit.errors.tolerance (from S): expected a number from 0 to 1.",
            "Invalid value '0' for alignunit.baseline.alpha (from S): expected a number above 0 and below 1.",
            "Invalid value 'yes' for alignunit.baseline.update (from S): expected true or false.",
            "Invalid value 'replya' for alignunit.mode (from S): expected auto, replay, record or live.",
            "Invalid value 'loose' for alignunit.recordings.match (from S): expected strict or sequence.",
            "Invalid value 'soon' for alignunit.http.timeout (from S): expected a positive duration such as 120s, 2m,"
                + " 500ms or PT2M.",
            "Invalid value '0s' for alignunit.http.timeout (from S): expected a positive duration such as 120s, 2m,"
                + " 500ms or PT2M.",
            "Invalid value 'ftp://example.com' for alignunit.anthropic.base-url (from S): expected an http:// or"
                + " https:// URL such as http://127.0.0.1:8080/v1.",
            "Invalid value '0' for alignunit.anthropic.max-tokens (from S): expected a whole number of at least 1.",
            "Invalid value for alignunit.openai.api-key-env (from S): expected the name of an environment variable"
                + " (letters, digits and _), such as OPENAI_API_KEY; the value is not shown because it may be an"
                + " API key.");
  }

  private static String message(ConfigurationKey<?> key, String value) {
    try {
      key.parse(value, "S");
      throw new AssertionError(key + " accepted " + value);
    } catch (InvalidConfigurationException e) {
      return e.getMessage();
    }
  }

  @Test
  void should_attribute_a_value_checked_in_code_to_its_source_later() {
    InvalidConfigurationException invalid = catchInvalid(() -> ConfigurationKeys.SAMPLES.check(0));

    assertThat(invalid)
        .hasMessage(
            "Invalid value '0' for alignunit.samples: expected a whole number from 1 to 100000.");
    assertThat(invalid.from("annotation @Samples(0) on T#m"))
        .hasMessage(
            "Invalid value '0' for alignunit.samples (from annotation @Samples(0) on T#m): expected a whole"
                + " number from 1 to 100000.");
  }

  private static InvalidConfigurationException catchInvalid(Runnable action) {
    try {
      action.run();
    } catch (InvalidConfigurationException e) {
      return e;
    }
    throw new AssertionError("no InvalidConfigurationException");
  }

  @Test
  void should_write_defaults_as_a_user_would_configure_them() {
    assertThat(ConfigurationKeys.HTTP_TIMEOUT.defaultText()).isEqualTo("120s");
    assertThat(ConfigurationKeys.ERRORS_TOLERANCE.defaultText()).isEqualTo("0");
    assertThat(ConfigurationKeys.BASELINE_ALPHA.defaultText()).isEqualTo("0.05");
    assertThat(ConfigurationKeys.BUDGET_MAX_TOKENS.defaultText()).isEqualTo("unlimited");
    assertThat(ConfigurationKeys.MODEL.defaultText()).isEqualTo("none");
    for (ConfigurationKey<?> key : ConfigurationKeys.all()) {
      key.defaultIfAny()
          .ifPresent(value -> assertThat(reparse(key)).as(key.name()).isEqualTo(value));
    }
  }

  private static <T> T reparse(ConfigurationKey<T> key) {
    return key.parse(key.defaultText(), null);
  }

  /** The defaults that code outside a JUnit run uses are the keys' defaults. */
  @Test
  void should_agree_with_the_defaults_of_the_classes_the_keys_configure() {
    assertThat(ConfigurationKeys.MAX_TURNS.defaultValue()).isEqualTo(AgentLoop.DEFAULT_MAX_TURNS);
    assertThat(ConfigurationKeys.CONCURRENCY.defaultValue())
        .isEqualTo(SampleRunner.DEFAULT_CONCURRENCY);
    assertThat(ConfigurationKeys.BASELINE_ALPHA.defaultValue())
        .isEqualTo(BaselineComparison.DEFAULT_ALPHA);
    assertThat(ConfigurationKeys.BASELINE_FILE.defaultValue())
        .isEqualTo(Path.of(BaselineFile.DEFAULT_PATH));
    assertThat(ConfigurationKeys.RECORDINGS_DIR.defaultValue())
        .isEqualTo(Path.of(RecordingPaths.DEFAULT_DIR));
    assertThat(RecordingMode.parse(ConfigurationKeys.MODE.defaultValue()))
        .isEqualTo(RecordingMode.DEFAULT);
    assertThat(MatchMode.parse(ConfigurationKeys.RECORDINGS_MATCH.defaultValue()))
        .isEqualTo(MatchMode.STRICT);
  }

  /** Every word a choice key accepts is one its enum parses, and the other way round. */
  @Test
  void should_accept_exactly_the_modes_the_recording_layer_knows() {
    assertThat(words(ConfigurationKeys.MODE))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(RecordingMode.values())
                .map(m -> m.name().toLowerCase(Locale.ROOT))
                .toList());
    assertThat(words(ConfigurationKeys.RECORDINGS_MATCH))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(MatchMode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList());
  }

  private static List<String> words(ConfigurationKey<String> key) {
    return Arrays.stream(key.type().accepted().split(", | or ")).toList();
  }

  /** The model keys describe exactly the forms ModelSpec parses. */
  @Test
  void should_describe_the_model_spec_forms_model_spec_parses() {
    for (ModelSpec.Provider provider : ModelSpec.Provider.values()) {
      String form =
          provider == ModelSpec.Provider.SCRIPTED ? "scripted" : provider.prefix() + ":<model>";
      assertThat(ConfigurationKeys.MODEL.type().accepted()).contains(form);
    }
    assertThat(ModelSpec.parse("openai:gpt-4.1-mini").toString()).isEqualTo("openai:gpt-4.1-mini");
    assertThat(ConfigurationKeys.JUDGE_MODEL.type().accepted()).doesNotContain("scripted");
  }
}
