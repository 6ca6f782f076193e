package dev.alignunit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.alignunit.AlignUnitException;
import dev.alignunit.config.InvalidConfigurationException;
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
      Map.of(
          "OPENAI_API_KEY",
          "sk-one-1234567890",
          "ANTHROPIC_API_KEY",
          "sk-ant-1234567890",
          "MY_KEY",
          "local");

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

      assertThat(client.endpoint().toString())
          .isEqualTo("http://127.0.0.1:8080/v1/chat/completions");
    }
  }

  @Test
  void should_list_accepted_forms_when_the_spec_is_invalid() {
    try (ModelClients clients = clients()) {
      for (String spec : List.of("gpt-4", "openai:", "azure:gpt-4", "")) {
        assertThatThrownBy(() -> clients.create(spec))
            .isExactlyInstanceOf(AlignUnitException.class)
            .hasMessage(
                "Invalid model spec `"
                    + spec
                    + "`. Accepted forms:"
                    + " `openai:<model>` (OpenAI or any OpenAI-compatible server at"
                    + " alignunit.openai.base-url), `anthropic:<model>` and `scripted` (a script the test"
                    + " supplies with @AgentModel), such as `openai:gpt-4.1-mini` or"
                    + " `anthropic:claude-sonnet-4-5`.");
      }
    }
  }

  @Test
  void should_explain_that_scripted_is_not_a_network_model() {
    try (ModelClients clients = clients()) {
      assertThatThrownBy(() -> clients.create("scripted"))
          .isExactlyInstanceOf(AlignUnitException.class)
          .hasMessage(
              "Model spec `scripted` is not a network model: ModelClients only creates"
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
        new ModelClients(
            ProviderSettings.defaults()
                .withEnvironment(env::get)
                .withAnthropicApiKeyEnv("CLAUDE_KEY"))) {
      assertThatThrownBy(() -> clients.create("openai:gpt-4.1-mini"))
          .isExactlyInstanceOf(AlignUnitException.class)
          .hasMessage(
              "No API key for `openai:gpt-4.1-mini`: environment variable OPENAI_API_KEY is"
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
      server.enqueue(
          ClientTestSupport.json(200, "{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}"));

      assertThat(
              clients
                  .create("openai:m")
                  .chat(new ChatRequest("", List.of(Message.user("x")), null, null))
                  .text())
          .isEqualTo("ok");
      assertThat(ClientTestSupport.take(server).getHeaders().get("Authorization"))
          .isEqualTo("Bearer local");
    }
  }

  @Test
  void should_refuse_new_clients_and_requests_after_close_and_close_twice_quietly()
      throws Exception {
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
          .hasMessage(
              "ModelClients is closed (the test run has ended); cannot create a openai client"
                  + " after close().");
      ModelIoException failure =
          catchThrowableOfType(
              ModelIoException.class,
              () -> client.chat(new ChatRequest("", List.of(Message.user("x")), null, null)));
      assertThat(failure.getMessage()).contains("was not sent: the model clients were closed");
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void should_use_the_configuration_keys_defaults() {
    ProviderSettings settings = ProviderSettings.defaults();

    assertThat(settings.openAiBaseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(settings.anthropicBaseUrl()).isEqualTo("https://api.anthropic.com");
    assertThat(settings.openAiApiKeyEnv()).isEqualTo("OPENAI_API_KEY");
    assertThat(settings.anthropicApiKeyEnv()).isEqualTo("ANTHROPIC_API_KEY");
    assertThat(settings.maxRetries()).isEqualTo(4);
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(settings.concurrency()).isEqualTo(4);
    assertThat(settings.openAiLegacyMaxTokens()).isFalse();
    assertThat(settings.anthropicMaxTokens()).isEqualTo(4096);
  }

  @Test
  void should_check_values_set_in_code_against_their_configuration_keys() {
    ProviderSettings defaults = ProviderSettings.defaults();

    assertThatThrownBy(() -> defaults.withConcurrency(0))
        .isExactlyInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "Invalid value '0' for alignunit.concurrency: expected a whole number from 1 to 1024.");
    assertThatThrownBy(() -> defaults.withMaxRetries(-1))
        .hasMessage(
            "Invalid value '-1' for alignunit.http.max-retries: expected a whole number from 0 to 100.");
    assertThatThrownBy(() -> defaults.withTimeout(Duration.ofSeconds(-5)))
        .hasMessage(
            "Invalid value '-5s' for alignunit.http.timeout: expected a positive duration such as 120s, 2m,"
                + " 500ms or PT2M.");
    assertThatThrownBy(() -> defaults.withOpenAiBaseUrl("api.openai.com/v1"))
        .hasMessage(
            "Invalid value 'api.openai.com/v1' for alignunit.openai.base-url: expected an http:// or"
                + " https:// URL such as http://127.0.0.1:8080/v1.");
    assertThatThrownBy(() -> defaults.withAnthropicApiKeyEnv("sk-ant-api03-secret"))
        .hasMessage(
            "Invalid value for alignunit.anthropic.api-key-env: expected the name of an environment"
                + " variable (letters, digits and _), such as ANTHROPIC_API_KEY; the value is not shown because it"
                + " may be an API key.");
  }

  @Test
  void should_name_the_key_variable_of_each_network_provider() {
    ProviderSettings settings = ProviderSettings.defaults().withOpenAiApiKeyEnv("MY_KEY");

    assertThat(settings.apiKeyEnv(ModelSpec.Provider.OPENAI)).isEqualTo("MY_KEY");
    assertThat(settings.apiKeyEnv(ModelSpec.Provider.ANTHROPIC)).isEqualTo("ANTHROPIC_API_KEY");
    assertThatThrownBy(() -> settings.apiKeyEnv(ModelSpec.Provider.SCRIPTED))
        .hasMessage("The scripted model needs no API key.");
  }
}
