package dev.alignunit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.alignunit.AlignUnitException;
import dev.alignunit.model.anthropic.AnthropicChatClient;
import dev.alignunit.model.internal.ClientTestSupport;
import dev.alignunit.model.openai.OpenAiChatClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class ModelClientsTest {

  private static final Map<String, String> ENV =
      Map.of("OPENAI_API_KEY", "sk-one-1234567890", "ANTHROPIC_API_KEY", "sk-ant-1234567890",
          "MY_KEY", "local");

  private static ModelClients clients() {
    return new ModelClients(ProviderSettings.defaults().withEnvironment(ENV::get));
  }

  @Test
  void should_create_clients_whose_model_id_is_the_spec() {
    try (ModelClients clients = clients()) {
      ModelClient openAi = clients.create("openai:gpt-4.1-mini");
      ModelClient anthropic = clients.create(" anthropic:claude-sonnet-4-5 ");
      ModelClient ollama = clients.create("openai:llama3.1:8b");

      assertThat(openAi).isInstanceOf(OpenAiChatClient.class);
      assertThat(openAi.modelId()).isEqualTo("openai:gpt-4.1-mini");
      assertThat(((OpenAiChatClient) openAi).endpoint().toString())
          .isEqualTo("https://api.openai.com/v1/chat/completions");
      assertThat(anthropic).isInstanceOf(AnthropicChatClient.class);
      assertThat(anthropic.modelId()).isEqualTo("anthropic:claude-sonnet-4-5");
      assertThat(((AnthropicChatClient) anthropic).endpoint().toString())
          .isEqualTo("https://api.anthropic.com/v1/messages");
      assertThat(ollama.modelId()).isEqualTo("openai:llama3.1:8b");
    }
  }

  @Test
  void should_append_the_path_to_a_local_base_url_with_a_trailing_slash() {
    try (ModelClients clients =
        new ModelClients(
            ProviderSettings.defaults()
                .withEnvironment(ENV::get)
                .withOpenAiBaseUrl("http://127.0.0.1:8080/v1/"))) {
      OpenAiChatClient client = (OpenAiChatClient) clients.create("openai:test-model");

      assertThat(client.endpoint().toString()).isEqualTo("http://127.0.0.1:8080/v1/chat/completions");
    }
  }

  @Test
  void should_list_accepted_forms_when_the_spec_is_invalid() {
    try (ModelClients clients = clients()) {
      for (String spec : List.of("gpt-4", "openai:", "azure:gpt-4", "")) {
        assertThatThrownBy(() -> clients.create(spec))
            .isExactlyInstanceOf(AlignUnitException.class)
            .hasMessage("Invalid model spec `" + spec + "` (alignunit.model). Accepted forms:"
                + " `openai:<model>` (OpenAI or any OpenAI-compatible server at"
                + " alignunit.openai.base-url), `anthropic:<model>`, such as `openai:gpt-4.1-mini`"
                + " or `anthropic:claude-sonnet-4-5`.");
      }
    }
  }

  @Test
  void should_explain_that_scripted_is_not_a_network_model() {
    try (ModelClients clients = clients()) {
      assertThatThrownBy(() -> clients.create("scripted"))
          .isExactlyInstanceOf(AlignUnitException.class)
          .hasMessage("Model spec `scripted` is not a network model: ModelClients only creates"
              + " `openai:<model>` and `anthropic:<model>` clients. Scripted models are built by the"
              + " test (with @AgentModel or ScriptedModel.builder()); set alignunit.model to a network"
              + " model for live runs.");
    }
  }

  @Test
  void should_name_the_variable_when_the_key_is_missing() {
    Map<String, String> env = new HashMap<>();
    env.put("OPENAI_API_KEY", "  ");
    try (ModelClients clients =
        new ModelClients(ProviderSettings.defaults().withEnvironment(env::get).withAnthropicApiKeyEnv("CLAUDE_KEY"))) {
      assertThatThrownBy(() -> clients.create("openai:gpt-4.1-mini"))
          .isExactlyInstanceOf(AlignUnitException.class)
          .hasMessage("No API key for `openai:gpt-4.1-mini`: environment variable OPENAI_API_KEY is"
              + " not set or empty. Set it (for an OpenAI-compatible local server any value works,"
              + " such as OPENAI_API_KEY=x), or name another variable with"
              + " alignunit.openai.api-key-env. Keys are read only from the environment.");
      assertThatThrownBy(() -> clients.create("anthropic:claude-sonnet-4-5"))
          .hasMessageContaining("environment variable CLAUDE_KEY is not set or empty")
          .hasMessageContaining("alignunit.anthropic.api-key-env");
    }
  }

  @Test
  void should_read_the_key_from_the_configured_variable() throws Exception {
    try (MockWebServer server = ClientTestSupport.loopbackServer();
        ModelClients clients =
            new ModelClients(
                ProviderSettings.defaults()
                    .withEnvironment(ENV::get)
                    .withOpenAiApiKeyEnv("MY_KEY")
                    .withOpenAiBaseUrl("http://127.0.0.1:" + server.getPort() + "/v1"))) {
      server.enqueue(ClientTestSupport.json(200, "{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}"));

      assertThat(clients.create("openai:m").chat(new ChatRequest("", List.of(Message.user("x")), null, null)).text())
          .isEqualTo("ok");
      assertThat(ClientTestSupport.take(server).getHeaders().get("Authorization")).isEqualTo("Bearer local");
    }
  }

  @Test
  void should_refuse_new_clients_and_requests_after_close_and_close_twice_quietly() throws Exception {
    try (MockWebServer server = ClientTestSupport.loopbackServer()) {
      ModelClients clients =
          new ModelClients(
              ProviderSettings.defaults()
                  .withEnvironment(ENV::get)
                  .withOpenAiBaseUrl("http://127.0.0.1:" + server.getPort() + "/v1"));
      ModelClient client = clients.create("openai:m");

      clients.close();
      clients.close();

      assertThatThrownBy(() -> clients.create("openai:m"))
          .hasMessage("ModelClients is closed (the test run has ended); cannot create a openai client"
              + " after close().");
      ModelIoException failure =
          catchThrowableOfType(ModelIoException.class,
              () -> client.chat(new ChatRequest("", List.of(Message.user("x")), null, null)));
      assertThat(failure.getMessage()).contains("was not sent: the model clients were closed");
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void should_parse_configuration_values() {
    Map<String, String> config =
        Map.of(
            "alignunit.openai.base-url", "http://127.0.0.1:9/v1",
            "alignunit.anthropic.base-url", "http://127.0.0.1:10",
            "alignunit.openai.api-key-env", "LOCAL_KEY",
            "alignunit.anthropic.api-key-env", "CLAUDE",
            "alignunit.http.max-retries", "2",
            "alignunit.http.timeout", "30s",
            "alignunit.concurrency", "16",
            "alignunit.openai.legacy-max-tokens", "true",
            "alignunit.anthropic.max-tokens", "1000");

    ProviderSettings settings = ProviderSettings.fromConfiguration(config::get, ENV::get);

    assertThat(settings.openAiBaseUrl()).isEqualTo("http://127.0.0.1:9/v1");
    assertThat(settings.anthropicBaseUrl()).isEqualTo("http://127.0.0.1:10");
    assertThat(settings.openAiApiKeyEnv()).isEqualTo("LOCAL_KEY");
    assertThat(settings.anthropicApiKeyEnv()).isEqualTo("CLAUDE");
    assertThat(settings.maxRetries()).isEqualTo(2);
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.concurrency()).isEqualTo(16);
    assertThat(settings.openAiLegacyMaxTokens()).isTrue();
    assertThat(settings.anthropicMaxTokens()).isEqualTo(1000);
    assertThat(settings.environment().apply("MY_KEY")).isEqualTo("local");
  }

  @Test
  void should_use_defaults_when_configuration_is_empty() {
    ProviderSettings settings = ProviderSettings.fromConfiguration(key -> null, null);

    assertThat(settings)
        .usingRecursiveComparison()
        .ignoringFields("environment")
        .isEqualTo(ProviderSettings.defaults());
    assertThat(settings.openAiBaseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(settings.anthropicBaseUrl()).isEqualTo("https://api.anthropic.com");
    assertThat(settings.maxRetries()).isEqualTo(4);
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(settings.concurrency()).isEqualTo(4);
    assertThat(settings.anthropicMaxTokens()).isEqualTo(4096);
  }

  @Test
  void should_accept_duration_forms() {
    assertThat(ProviderSettings.duration("k", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(ProviderSettings.duration("k", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(ProviderSettings.duration("k", "90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(ProviderSettings.duration("k", "PT1M30S")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void should_name_key_value_and_accepted_values_when_configuration_is_invalid() {
    assertThatThrownBy(() -> ProviderSettings.fromConfiguration(Map.of("alignunit.http.max-retries", "many")::get, null))
        .isExactlyInstanceOf(AlignUnitException.class)
        .hasMessage("Invalid value `many` for alignunit.http.max-retries: expected a whole number.");
    assertThatThrownBy(() -> ProviderSettings.fromConfiguration(Map.of("alignunit.concurrency", "0")::get, null))
        .hasMessage("Invalid value `0` for alignunit.concurrency: expected a whole number >= 1.");
    assertThatThrownBy(() -> ProviderSettings.fromConfiguration(Map.of("alignunit.http.timeout", "soon")::get, null))
        .hasMessage("Invalid value `soon` for alignunit.http.timeout: expected a positive duration such"
            + " as 120s, 2m, 500ms or PT2M.");
    assertThatThrownBy(() -> ProviderSettings.fromConfiguration(Map.of("alignunit.openai.legacy-max-tokens", "yes")::get, null))
        .hasMessage("Invalid value `yes` for alignunit.openai.legacy-max-tokens: expected true or false.");
  }
}
