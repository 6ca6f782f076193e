package dev.alignunit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The URL a client posts to: base URL without trailing slashes, then the protocol's path. */
class EndpointsTest {

  @Test
  void should_append_the_protocol_path_to_the_base_url_without_its_trailing_slashes() {
    assertThat(
            Endpoints.of(
                " http://127.0.0.1:8080/v1// ", "/chat/completions", "https://api.openai.com/v1"))
        .hasToString("http://127.0.0.1:8080/v1/chat/completions");
    assertThat(
            Endpoints.of("https://api.anthropic.com", "/v1/messages", "https://api.anthropic.com"))
        .hasToString("https://api.anthropic.com/v1/messages");
  }

  @Test
  void should_name_the_redacted_base_url_and_an_example_when_it_is_not_http() {
    assertThatThrownBy(
            () ->
                Endpoints.of(
                    "ftp://user:hunter2@gateway.example",
                    "/v1/messages",
                    "https://api.anthropic.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Not an http(s) URL: `ftp://[REDACTED]@gateway.example`; expected something like"
                + " https://api.anthropic.com");
  }
}
