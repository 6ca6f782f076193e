package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationSanitizerTest {

  @Test
  void should_mask_values_of_secret_keys_and_sort_keys() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("alignunit.samples", "20");
    config.put("alignunit.openai.api-key-env", "MY_OPENAI_KEY");
    config.put("ALIGNUNIT_GITHUB_TOKEN", "ghp_x");
    config.put("db.Password", "hunter2");
    config.put("client.secret", "s");
    config.put("alignunit.model", "openai:gpt-4.1-mini");

    assertThat(ConfigurationSanitizer.sanitize(config))
        .containsExactly(
            Map.entry("ALIGNUNIT_GITHUB_TOKEN", "***"),
            Map.entry("alignunit.model", "openai:gpt-4.1-mini"),
            Map.entry("alignunit.openai.api-key-env", "***"),
            Map.entry("alignunit.samples", "20"),
            Map.entry("client.secret", "***"),
            Map.entry("db.Password", "***"));
  }

  @Test
  void should_redact_api_keys_bearer_tokens_and_url_credentials_in_values() {
    assertThat(
            ConfigurationSanitizer.redact("header Authorization: Bearer abc.DEF-123_x/y+z= rest"))
        .isEqualTo("header Authorization: Bearer [REDACTED] rest");
    assertThat(
            ConfigurationSanitizer.redact(
                "keys sk-proj-AbC123xyz and sk-ant-api03-Zz9_-q, not skate"))
        .isEqualTo("keys [REDACTED] and [REDACTED], not skate");
    assertThat(
            ConfigurationSanitizer.sanitize(
                Map.of("alignunit.openai.base-url", "http://x/?k=sk-abcdef")))
        .containsEntry("alignunit.openai.base-url", "http://x/?k=[REDACTED]");
    assertThat(
            ConfigurationSanitizer.sanitize(
                Map.of("alignunit.openai.base-url", "https://me:pa55word@gw.example/v1")))
        .containsEntry("alignunit.openai.base-url", "https://[REDACTED]@gw.example/v1");
  }

  @Test
  void should_keep_texts_without_secrets_unchanged() {
    assertThat(ConfigurationSanitizer.redact("task-list sk- skill bearer"))
        .isEqualTo("task-list sk- skill bearer");
    assertThat(ConfigurationSanitizer.redact(null)).isNull();
  }
}
