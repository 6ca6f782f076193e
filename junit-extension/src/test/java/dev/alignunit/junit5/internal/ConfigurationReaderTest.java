package dev.alignunit.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class ConfigurationReaderTest {

  private static ConfigurationReader reader(Map<String, String> parameters, Map<String, String> env) {
    return new ConfigurationReader(k -> Optional.ofNullable(parameters.get(k)), env::get);
  }

  @Test
  void should_prefer_junit_parameter_over_environment() {
    ConfigurationReader reader = reader(Map.of("alignunit.max-turns", "5"), Map.of("ALIGNUNIT_MAX_TURNS", "7"));

    assertThat(reader.integer("alignunit.max-turns", 10, 1, 100)).isEqualTo(5);
  }

  @Test
  void should_fall_back_to_upper_snake_environment_variable() {
    ConfigurationReader reader = reader(Map.of(), Map.of("ALIGNUNIT_OPENAI_BASE_URL", "http://127.0.0.1:9/v1"));

    assertThat(reader.get("alignunit.openai.base-url")).get()
        .satisfies(v -> {
          assertThat(v.value()).isEqualTo("http://127.0.0.1:9/v1");
          assertThat(v.source()).isEqualTo("environment variable ALIGNUNIT_OPENAI_BASE_URL");
        });
  }

  @Test
  void should_use_default_when_key_is_absent_or_blank() {
    assertThat(reader(Map.of("alignunit.max-turns", " "), Map.of()).integer("alignunit.max-turns", 10, 1, 100))
        .isEqualTo(10);
  }

  @Test
  void should_name_key_value_source_and_accepted_values_when_invalid() {
    ConfigurationReader reader = reader(Map.of(), Map.of("ALIGNUNIT_MAX_TURNS", "lots"));

    assertThatThrownBy(() -> reader.integer("alignunit.max-turns", 10, 1, 1000))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("Invalid value 'lots' for alignunit.max-turns (from environment variable ALIGNUNIT_MAX_TURNS): "
            + "expected a whole number from 1 to 1000.");
  }
}
