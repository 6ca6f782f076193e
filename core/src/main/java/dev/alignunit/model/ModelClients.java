package dev.alignunit.model;

import dev.alignunit.AlignUnitException;
import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.model.anthropic.AnthropicChatClient;
import dev.alignunit.model.internal.HttpClients;
import dev.alignunit.model.internal.HttpTransport;
import dev.alignunit.model.internal.RetryTiming;
import dev.alignunit.model.openai.OpenAiChatClient;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Creates {@link ModelClient}s for network models from a model spec, and owns the HTTP resources
 * they share: one OkHttp client (one connection pool, one concurrency limit, one request counter)
 * per provider, created on first use and shared by every client of that provider. Create one per
 * test run and {@link #close()} it when the run ends.
 *
 * <pre>{@code
 * try (ModelClients clients = new ModelClients(ProviderSettings.defaults())) {
 *   ModelClient model = clients.create("openai:gpt-4.1-mini");
 *   ChatResponse answer = model.chat(new ChatRequest("Be brief.", List.of(Message.user("Hi")), List.of(), null));
 * }
 * }</pre>
 *
 * <p>Accepted specs ({@link ModelSpec}): {@code openai:<model>} (OpenAI, or any OpenAI-compatible
 * server at {@link ProviderSettings#openAiBaseUrl()}) and {@code anthropic:<model>}. The model name
 * is everything after the first colon, so {@code openai:llama3.1:8b} names {@code llama3.1:8b}.
 * {@code scripted} is not a network model and is rejected here: the test extension builds {@link
 * ScriptedModel}s itself.
 *
 * <p>The API key is read from the environment variable named in the settings when a client is
 * created; a missing or empty key fails {@link #create(String)} at once. The key (and the
 * credentials of a base URL such as {@code https://user:password@gateway.example}) is {@linkplain
 * SecretRedactor#register(java.util.Collection) registered} with the redactor, so it is never part
 * of a message, {@code toString()}, log line, recording or report. Retries, timeouts and
 * concurrency are described on {@link ProviderSettings} and in {@code docs/providers.md}.
 * Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelClients implements AutoCloseable {

  private final ProviderSettings settings;
  private final RetryTiming timing;
  private final Map<ModelSpec.Provider, HttpTransport> transports = new ConcurrentHashMap<>();
  private boolean closed;

  /**
   * Creates the factory; no connection is opened until a client sends a request.
   *
   * @param settings base URLs, key variables, retries, timeout and concurrency
   */
  public ModelClients(ProviderSettings settings) {
    this(settings, RetryTiming.system());
  }

  /**
   * Creates the factory with injected retry timing, so tests never really wait. Not API: {@link
   * RetryTiming} is internal.
   *
   * @param settings base URLs, key variables, retries, timeout and concurrency
   * @param timing sleeper, clock and jitter of the retry policy
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public ModelClients(ProviderSettings settings, RetryTiming timing) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.timing = Objects.requireNonNull(timing, "timing");
    // Credentials in a base URL must never reach a message or a report.
    SecretRedactor.registerUrlCredentials(settings.openAiBaseUrl());
    SecretRedactor.registerUrlCredentials(settings.anthropicBaseUrl());
  }

  /**
   * Creates a client for a model spec such as {@code openai:gpt-4.1-mini} or {@code
   * anthropic:claude-sonnet-4-5}. Its {@link ModelClient#modelId()} is the spec.
   *
   * @param modelSpec the spec, parsed with {@link ModelSpec#parse(String)}
   * @return the client, sharing this factory's HTTP resources
   * @throws AlignUnitException for an invalid spec (listing the accepted forms), {@code scripted},
   *     a missing API key (naming the variable), or when this factory is closed
   */
  public ModelClient create(String modelSpec) {
    return create(ModelSpec.parse(modelSpec));
  }

  /**
   * Creates a client for a network model. Its {@link ModelClient#modelId()} is {@code
   * spec.toString()}.
   *
   * @param spec the model
   * @return the client, sharing this factory's HTTP resources
   * @throws AlignUnitException for the scripted model (not a network model), a missing API key
   *     (naming the variable), or when this factory is closed
   */
  public ModelClient create(ModelSpec spec) {
    Objects.requireNonNull(spec, "spec");
    if (!spec.isNetwork()) {
      throw new AlignUnitException(
          "Model spec `scripted` is not a network model: ModelClients only creates `openai:<model>`"
              + " and `anthropic:<model>` clients. Scripted models are built by the test (with"
              + " @AgentModel or ScriptedModel.builder()); set "
              + ConfigurationKeys.MODEL
              + " to a network model for live runs.");
    }
    boolean openAi = spec.provider() == ModelSpec.Provider.OPENAI;
    String keyEnv = settings.apiKeyEnv(spec.provider());
    String key = settings.environment().apply(keyEnv);
    if (key == null || key.isBlank()) {
      throw new AlignUnitException(
          "No API key for `"
              + spec
              + "`: environment variable "
              + keyEnv
              + " is not set or empty."
              + " Set it (for an OpenAI-compatible local server any value works, such as "
              + keyEnv
              + "=x), or name another variable with "
              + (openAi
                  ? ConfigurationKeys.OPENAI_API_KEY_ENV
                  : ConfigurationKeys.ANTHROPIC_API_KEY_ENV)
              + ". Keys are read only from the environment.");
    }
    key = key.strip();
    // Every output of the run redacts the key, whatever its shape.
    SecretRedactor.register(java.util.List.of(key));
    HttpTransport transport = transport(spec.provider(), keyEnv, key);
    if (openAi) {
      return new OpenAiChatClient(
          spec.name(), settings.openAiBaseUrl(), key, settings.openAiLegacyMaxTokens(), transport);
    }
    return new AnthropicChatClient(
        spec.name(), settings.anthropicBaseUrl(), key, settings.anthropicMaxTokens(), transport);
  }

  private synchronized HttpTransport transport(
      ModelSpec.Provider provider, String keyEnv, String key) {
    if (closed) {
      throw new AlignUnitException(
          "ModelClients is closed (the test run has ended); cannot create a "
              + provider.prefix()
              + " client after close().");
    }
    return transports.computeIfAbsent(
        provider,
        p ->
            new HttpTransport(
                p.prefix(),
                () ->
                    HttpClients.create(
                        settings.timeout(),
                        settings.concurrency(),
                        null,
                        !baseUrl(p).regionMatches(true, 0, "http:", 0, 5)),
                settings.maxRetries(),
                settings.concurrency(),
                timing,
                key,
                "Check the API key in environment variable "
                    + keyEnv
                    + " (or name another"
                    + " variable with "
                    + (p == ModelSpec.Provider.OPENAI
                        ? ConfigurationKeys.OPENAI_API_KEY_ENV
                        : ConfigurationKeys.ANTHROPIC_API_KEY_ENV)
                    + "): it is wrong, expired,"
                    + " or lacks access to this model."));
  }

  private String baseUrl(ModelSpec.Provider provider) {
    return (provider == ModelSpec.Provider.OPENAI
            ? settings.openAiBaseUrl()
            : settings.anthropicBaseUrl())
        .strip();
  }

  /**
   * The settings this factory was created with.
   *
   * @return the settings
   */
  public ProviderSettings settings() {
    return settings;
  }

  /**
   * Shuts down every provider's dispatcher and connection pool. Idempotent; clients created before
   * fail with a {@link ModelIoException} on their next request.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    transports.values().forEach(HttpTransport::close);
  }
}
