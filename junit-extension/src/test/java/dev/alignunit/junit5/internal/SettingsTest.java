package dev.alignunit.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.config.ConfigurationKey;
import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.model.ModelSpec;
import dev.alignunit.model.ProviderSettings;
import dev.alignunit.recording.MatchMode;
import dev.alignunit.recording.RecordingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The one parse of the configuration: precedence, sources, every key, and every message to the
 * letter.
 */
class SettingsTest {

  private static final String PARAMETER =
      "from a JUnit configuration parameter: -D, junit-platform.properties or the launcher";

  private final List<String> console = new ArrayList<>();

  private Settings read(Map<String, String> parameters, Map<String, String> environment) {
    return Settings.read(reader(parameters, environment), console::add);
  }

  /** Every given parameter is also listable (as a system property would be). */
  private static ConfigurationReader reader(
      Map<String, String> parameters, Map<String, String> environment) {
    return new ConfigurationReader(
        k -> Optional.ofNullable(parameters.get(k)), environment, parameters.keySet());
  }

  @Test
  void should_prefer_a_junit_parameter_over_the_environment_and_ignore_blank_values() {
    assertThat(
            read(Map.of("alignunit.max-turns", "5"), Map.of("ALIGNUNIT_MAX_TURNS", "7")).maxTurns())
        .isEqualTo(5);
    assertThat(
            read(Map.of("alignunit.max-turns", " "), Map.of("ALIGNUNIT_MAX_TURNS", "7")).maxTurns())
        .isEqualTo(7);
    assertThat(read(Map.of(), Map.of("ALIGNUNIT_MAX_TURNS", " ")).maxTurns()).isEqualTo(10);
  }

  @Test
  void should_remember_where_a_value_came_from() {
    ConfigurationReader reader =
        reader(
            Map.of("alignunit.model", "openai:gpt-4.1-mini"),
            Map.of("ALIGNUNIT_OPENAI_BASE_URL", "http://127.0.0.1:9/v1"));

    assertThat(reader.get(ConfigurationKeys.OPENAI_BASE_URL))
        .get()
        .extracting(ConfigurationReader.Sourced::source)
        .isEqualTo("environment variable ALIGNUNIT_OPENAI_BASE_URL");
    assertThat(reader.get(ConfigurationKeys.MODEL))
        .get()
        .extracting(ConfigurationReader.Sourced::source)
        .isEqualTo(
            "a JUnit configuration parameter: -D, junit-platform.properties or the launcher");
  }

  @Test
  void should_read_every_key_into_the_settings() {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("alignunit.model", "openai:llama3.1:8b");
    parameters.put("alignunit.mode", "REPLAY");
    parameters.put("alignunit.recordings.dir", "rec");
    parameters.put("alignunit.recordings.match", "sequence");
    parameters.put("alignunit.samples", "20");
    parameters.put("alignunit.concurrency", "16");
    parameters.put("alignunit.samples.keep-transcripts", "50");
    parameters.put("alignunit.judge.model", "anthropic:claude-sonnet-4-5");
    parameters.put("alignunit.report.dir", "out");
    parameters.put("alignunit.report.run-id", "ci-build-42");
    parameters.put("alignunit.max-turns", "3");
    parameters.put("alignunit.errors.tolerance", "0.1");
    parameters.put("alignunit.baseline.file", "base.json");
    parameters.put("alignunit.baseline.alpha", "0.01");
    parameters.put("alignunit.baseline.update", "true");
    parameters.put("alignunit.budget.max-requests", "500");
    parameters.put("alignunit.budget.max-tokens", "2000000");
    parameters.put("alignunit.openai.base-url", "http://127.0.0.1:9/v1");
    parameters.put("alignunit.anthropic.base-url", "http://127.0.0.1:10");
    parameters.put("alignunit.openai.api-key-env", "LOCAL_KEY");
    parameters.put("alignunit.anthropic.api-key-env", "CLAUDE");
    parameters.put("alignunit.http.max-retries", "2");
    parameters.put("alignunit.http.timeout", "30s");
    parameters.put("alignunit.openai.legacy-max-tokens", "true");
    parameters.put("alignunit.anthropic.max-tokens", "1000");
    parameters.put("alignunit.config.strict", "true");
    assertThat(parameters.keySet())
        .as("the test sets every key")
        .containsExactlyInAnyOrderElementsOf(
            ConfigurationKeys.all().stream().map(ConfigurationKey::name).toList());

    Settings settings = read(parameters, Map.of("LOCAL_KEY", "local"));

    assertThat(settings.model())
        .get()
        .extracting(ConfigurationReader.Sourced::value)
        .isEqualTo(new ModelSpec(ModelSpec.Provider.OPENAI, "llama3.1:8b"));
    assertThat(settings.mode()).isEqualTo(RecordingMode.REPLAY);
    assertThat(settings.recordingsDir()).isEqualTo(Path.of("rec"));
    assertThat(settings.match()).isEqualTo(MatchMode.SEQUENCE);
    assertThat(settings.samples()).isEqualTo(20);
    assertThat(settings.concurrency()).isEqualTo(16);
    assertThat(settings.keepTranscripts()).isEqualTo(50);
    assertThat(settings.judgeModel())
        .get()
        .extracting(ConfigurationReader.Sourced::value)
        .isEqualTo(new ModelSpec(ModelSpec.Provider.ANTHROPIC, "claude-sonnet-4-5"));
    assertThat(settings.reportDir()).isEqualTo(Path.of("out"));
    assertThat(settings.maxTurns()).isEqualTo(3);
    assertThat(settings.errorsTolerance()).isEqualTo(0.1);
    assertThat(settings.baselineFile()).isEqualTo(Path.of("base.json"));
    assertThat(settings.baselineAlpha()).isEqualTo(0.01);
    assertThat(settings.baselineUpdate()).isTrue();
    assertThat(settings.maxRequests()).isEqualTo(500);
    assertThat(settings.maxTokens()).isEqualTo(2_000_000);
    ProviderSettings providers = settings.providers();
    assertThat(providers.openAiBaseUrl()).isEqualTo("http://127.0.0.1:9/v1");
    assertThat(providers.anthropicBaseUrl()).isEqualTo("http://127.0.0.1:10");
    assertThat(providers.openAiApiKeyEnv()).isEqualTo("LOCAL_KEY");
    assertThat(providers.anthropicApiKeyEnv()).isEqualTo("CLAUDE");
    assertThat(providers.maxRetries()).isEqualTo(2);
    assertThat(providers.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(providers.concurrency()).isEqualTo(16);
    assertThat(providers.openAiLegacyMaxTokens()).isTrue();
    assertThat(providers.anthropicMaxTokens()).isEqualTo(1000);
    assertThat(providers.environment().apply("LOCAL_KEY")).isEqualTo("local");
    assertThat(settings.snapshot()).containsAllEntriesOf(parameters).hasSize(parameters.size());
    assertThat(console).isEmpty();
  }

  @Test
  void should_use_the_defaults_of_the_key_list_when_nothing_is_configured() {
    Settings settings = read(Map.of(), Map.of());

    assertThat(settings.model()).isEmpty();
    assertThat(settings.judgeModel()).isEmpty();
    assertThat(settings.mode()).isEqualTo(RecordingMode.AUTO);
    assertThat(settings.match()).isEqualTo(MatchMode.STRICT);
    assertThat(settings.samples()).isEqualTo(1);
    assertThat(settings.concurrency()).isEqualTo(4);
    assertThat(settings.maxTurns()).isEqualTo(10);
    assertThat(settings.maxRequests()).isEqualTo(Long.MAX_VALUE);
    assertThat(settings.recordingsDir())
        .isEqualTo(Path.of("src/test/resources/alignunit/recordings"));
    assertThat(settings.reportDir()).isEqualTo(Path.of("target/alignunit"));
    assertThat(settings.providers())
        .usingRecursiveComparison()
        .ignoringFields("environment")
        .isEqualTo(ProviderSettings.defaults());
    assertThat(settings.snapshot()).isEmpty();
  }

  @Test
  void should_give_one_message_shape_for_every_invalid_concurrency_from_any_source() {
    for (String value : List.of("0", "-1", "abc", "2000", "1.5")) {
      assertThatThrownBy(() -> read(Map.of("alignunit.concurrency", value), Map.of()))
          .isExactlyInstanceOf(ExtensionConfigurationException.class)
          .hasMessage(
              "Invalid value '"
                  + value
                  + "' for alignunit.concurrency ("
                  + PARAMETER
                  + "): expected a whole"
                  + " number from 1 to 1024.");
      assertThatThrownBy(() -> read(Map.of(), Map.of("ALIGNUNIT_CONCURRENCY", value)))
          .hasMessage(
              "Invalid value '"
                  + value
                  + "' for alignunit.concurrency (from environment variable"
                  + " ALIGNUNIT_CONCURRENCY): expected a whole number from 1 to 1024.");
    }
  }

  @Test
  void should_reject_a_misspelled_mode_as_docs_recordings_shows() {
    assertThatThrownBy(() -> read(Map.of("alignunit.mode", "replya"), Map.of()))
        .hasMessage(
            "Invalid value 'replya' for alignunit.mode (from a JUnit configuration parameter: -D,"
                + " junit-platform.properties or the launcher): expected auto, replay, record or live.");
  }

  @Test
  void should_reject_model_specs_in_the_same_shape() {
    assertThatThrownBy(() -> read(Map.of("alignunit.model", "gpt-4"), Map.of()))
        .isExactlyInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "Invalid value 'gpt-4' for alignunit.model ("
                + PARAMETER
                + "): expected openai:<model>,"
                + " anthropic:<model> or scripted, such as openai:gpt-4.1-mini.");
    assertThatThrownBy(() -> read(Map.of(), Map.of("ALIGNUNIT_JUDGE_MODEL", "scripted")))
        .hasMessage(
            "Invalid value 'scripted' for alignunit.judge.model (from environment variable"
                + " ALIGNUNIT_JUDGE_MODEL): expected openai:<model> or anthropic:<model>, such as openai:gpt-4.1-mini.");
    assertThat(read(Map.of("alignunit.model", "scripted"), Map.of()).model())
        .get()
        .extracting(ConfigurationReader.Sourced::value)
        .isEqualTo(ModelSpec.SCRIPTED);
  }

  @Test
  void should_not_repeat_an_api_key_given_where_its_variable_belongs() {
    assertThatThrownBy(
            () ->
                read(Map.of(), Map.of("ALIGNUNIT_OPENAI_API_KEY_ENV", "sk-proj-0123456789abcdef")))
        .hasMessage(
            "Invalid value for alignunit.openai.api-key-env (from environment variable"
                + " ALIGNUNIT_OPENAI_API_KEY_ENV): expected the name of an environment variable (letters, digits and _),"
                + " such as OPENAI_API_KEY; the value is not shown because it may be an API key.")
        .message()
        .doesNotContain("sk-proj");
  }

  @Test
  void should_name_the_annotation_as_the_source_of_an_annotation_value() {
    assertThatThrownBy(
            () ->
                ConfigurationReader.fromAnnotation(
                    ConfigurationKeys.SAMPLES, "0", "annotation @Samples on com.acme.T#m"))
        .isExactlyInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "Invalid value '0' for alignunit.samples (from annotation @Samples on com.acme.T#m): expected a"
                + " whole number from 1 to 100000.");
  }

  @Test
  void should_warn_about_unknown_keys_and_variables_with_the_closest_key() {
    read(
        Map.of(
            "alignunit.modle",
            "openai:gpt-4.1-mini",
            "alignunit.concurency",
            "2",
            "alignunit.colour",
            "red",
            "junit.jupiter.execution.parallel.enabled",
            "true"),
        Map.of(
            "ALIGNUNIT_MAX_TURN",
            "3",
            "ALIGNUNIT_MAX_TURNS",
            "4",
            "OPENAI_API_KEY",
            "sk-x",
            "ALIGNUNIT_SAMPELS",
            "2"));

    assertThat(console)
        .containsExactly(
            "Ignoring unknown configuration key alignunit.colour (JUnit configuration parameter). The keys AlignUnit"
                + " reads are listed in its README (Configuration).",
            "Ignoring unknown configuration key alignunit.concurency (JUnit configuration parameter). Did you mean"
                + " 'alignunit.concurrency'?",
            "Ignoring unknown configuration key alignunit.modle (JUnit configuration parameter). Did you mean"
                + " 'alignunit.model'?",
            "Ignoring unknown environment variable ALIGNUNIT_MAX_TURN. Did you mean 'ALIGNUNIT_MAX_TURNS'?",
            "Ignoring unknown environment variable ALIGNUNIT_SAMPELS. Did you mean 'ALIGNUNIT_SAMPLES'?");
  }

  @Test
  void should_only_check_names_junit_hands_over() {
    ConfigurationReader reader =
        new ConfigurationReader(k -> Optional.empty(), Map.of(), Set.of("alignunit.modle"));

    Settings.read(reader, console::add);

    assertThat(console).isEmpty();
  }

  @Test
  void should_fail_on_unknown_keys_in_strict_mode() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of("alignunit.modle", "openai:m", "alignunit.config.strict", "true"),
                    Map.of("ALIGNUNIT_SAMPELS", "2")))
        .isExactlyInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            """
            Unknown configuration key alignunit.modle (JUnit configuration parameter). Did you mean 'alignunit.model'?
            Unknown environment variable ALIGNUNIT_SAMPELS. Did you mean 'ALIGNUNIT_SAMPLES'?
            (alignunit.config.strict=true makes unknown alignunit.* keys and ALIGNUNIT_* variables errors.)""");
    assertThat(console).isEmpty();
  }
}
