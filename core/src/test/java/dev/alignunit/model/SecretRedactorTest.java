package dev.alignunit.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.AlignUnitException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

  private static final String KEY = "sk-test-Zq8xSECRETvalue4242";

  @Test
  void should_redact_the_exact_key_and_key_like_strings() {
    String text =
        "key sk-proj-abcdefgh12345 and Bearer xyz.abc123 and api_key=\"hunter2hunter2\" and "
            + KEY
            + " and x-api-key: sk-ant-api03-zzzzzzzz";

    String redacted = SecretRedactor.withSecrets(List.of(KEY)).redact(text);

    assertThat(redacted)
        .isEqualTo(
            "key [REDACTED] and Bearer [REDACTED] and api_key=\"[REDACTED]\" and [REDACTED] and"
                + " x-api-key: [REDACTED]");
    assertThat(SecretRedactor.defaults().redact("Incorrect API key provided"))
        .isEqualTo("Incorrect API key provided");
  }

  @Test
  void should_redact_a_configured_key_of_any_shape_and_its_bearer_header() {
    String gateway = "gw_live.Q2FuYXJ5IGtleQ==";
    SecretRedactor redactor = SecretRedactor.withSecrets(List.of(gateway));

    assertThat(
            redactor.redact(
                "header was Authorization: BEARER " + gateway + "; echo " + gateway + "!"))
        .isEqualTo("header was Authorization: BEARER [REDACTED]; echo [REDACTED]!");
  }

  @Test
  void should_redact_fragments_of_a_configured_key_that_a_cut_text_shows() {
    String key = "canary-0f3a9c2e7b41d86e55aa";
    SecretRedactor redactor = SecretRedactor.withSecrets(List.of(key));

    assertThat(redactor.redact("cut here: canary-0f3a9c2e7b..."))
        .isEqualTo("cut here: [REDACTED]...");
    assertThat(redactor.redact("...a9c2e7b41d86e55aa is the end"))
        .isEqualTo("...[REDACTED] is the end");
    assertThat(redactor.redact("canary-0 is short")).isEqualTo("[REDACTED] is short");
    assertThat(redactor.redact("canary- is too short to be a fragment"))
        .isEqualTo("canary- is too short to be a fragment");
  }

  @Test
  void should_redact_url_credentials_but_not_email_addresses_in_urls() {
    SecretRedactor redactor = SecretRedactor.defaults();

    assertThat(
            redactor.redact("POST https://alice:s3cr3t-Pa55@gw.example/v1/chat/completions failed"))
        .isEqualTo("POST https://[REDACTED]@gw.example/v1/chat/completions failed");
    assertThat(redactor.redact("see https://gw.example/u?mail=dana@northwind.example"))
        .isEqualTo("see https://gw.example/u?mail=dana@northwind.example");
  }

  @Test
  void should_register_url_passwords_for_every_redactor() {
    SecretRedactor.registerUrlCredentials("https://svc-user:Pa55word-from-url@gw.example/v1");

    assertThat(
            SecretRedactor.defaults().redact("upstream said: password Pa55word-from-url is wrong"))
        .isEqualTo("upstream said: password [REDACTED] is wrong");
  }

  @Test
  void should_leave_prose_that_only_resembles_a_secret_alone() {
    String prose =
        "task-list sk- skill, the bearer of bad news, basic instructions, Authorization: pending";

    assertThat(SecretRedactor.defaults().redact(prose)).isSameAs(prose);
    assertThat(SecretRedactor.withSecrets(List.of("short", " ")).redact("short stays"))
        .isEqualTo("short stays");
  }

  @Test
  void should_scan_long_texts_in_linear_time() {
    String hostile =
        "a".repeat(200_000) + "://" + "b".repeat(200_000) + " Bearer " + "c".repeat(200_000);

    // A backtracking pattern would take minutes here; the redactor's patterns never backtrack.
    assertThat(SecretRedactor.defaults().redact(hostile)).endsWith("Bearer [REDACTED]");
  }

  @Test
  void should_redact_every_message_of_a_throwable_chain_and_keep_clean_ones() {
    SecretRedactor redactor = SecretRedactor.withSecrets(List.of(KEY));
    IllegalStateException cause = new IllegalStateException("server echoed " + KEY);
    RuntimeException failure = new RuntimeException("call failed", cause);
    failure.addSuppressed(new AssertionError("Final text: " + KEY));

    Throwable redacted = redactor.redact(failure);

    assertThat(redacted)
        .isInstanceOf(AlignUnitException.class)
        .hasMessage("java.lang.RuntimeException: call failed (secrets redacted)");
    assertThat(redacted.getCause())
        .hasMessage("java.lang.IllegalStateException: server echoed [REDACTED] (secrets redacted)");
    assertThat(redacted.getSuppressed()[0])
        .isInstanceOf(AssertionError.class)
        .hasMessage("Final text: [REDACTED]");
    assertThat(redacted.getStackTrace()).isEqualTo(failure.getStackTrace());
    RuntimeException clean = new RuntimeException("nothing secret");
    assertThat(redactor.redact(clean)).isSameAs(clean);
  }
}
