package dev.alignunit.model;

import dev.alignunit.AlignUnitException;
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
 * <p>Accepted specs: {@code openai:<model>} (OpenAI, or any OpenAI-compatible server at {@link
 * ProviderSettings#openAiBaseUrl()}) and {@code anthropic:<model>}. The model name is everything
 * after the first colon, so {@code openai:llama3.1:8b} names {@code llama3.1:8b}. {@code
 * scripted} is not a network model and is rejected here: the test extension builds {@link
 * ScriptedModel}s itself.
 *
 * <p>The API key is read from the environment variable named in the settings when a client is
 * created; a missing or empty key fails {@link #create(String)} at once. The key (and the
 * credentials of a base URL such as {@code https://user:password@gateway.example}) is {@linkplain
 * SecretRedactor#register(java.util.Collection) registered} with the redactor, so it is never part
 * of a message, {@code toString()}, log line, recording or report. Retries, timeouts and concurrency are described on
 * {@link ProviderSettings} and in {@code docs/providers.md}. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelClients implements AutoCloseable {

  /** Provider name and spec prefix of OpenAI-compatible models. */
  public static final String OPENAI = "openai";

  /** Provider name and spec prefix of Anthropic models. */
  public static final String ANTHROPIC = "anthropic";

  private final ProviderSettings settings;
  private final RetryTiming timing;
  private final Map<String, HttpTransport> transports = new ConcurrentHashMap<>();
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
   * @param modelSpec the spec
   * @return the client, sharing this factory's HTTP resources
   * @throws AlignUnitException for an invalid spec (listing the accepted forms), a missing API
   *     key (naming the variable), or when this factory is closed
   */
  public ModelClient create(String modelSpec) {
    String spec = modelSpec == null ? "" : modelSpec.strip();
    int colon = spec.indexOf(':');
    String provider = colon < 0 ? spec : spec.substring(0, colon);
    String model = colon < 0 ? "" : spec.substring(colon + 1).strip();
    if (spec.equals("scripted")) {
      throw new AlignUnitException(
          "Model spec `scripted` is not a network model: ModelClients only creates `openai:<model>`"
              + " and `anthropic:<model>` clients. Scripted models are built by the test (with"
              + " @AgentModel or ScriptedModel.builder()); set " + ProviderSettings.MODEL
              + " to a network model for live runs.");
    }
    if (!(provider.equals(OPENAI) || provider.equals(ANTHROPIC)) || model.isEmpty()) {
      throw new AlignUnitException(
          "Invalid model spec `" + (modelSpec == null ? "" : modelSpec) + "` (" + ProviderSettings.MODEL
              + "). Accepted forms: `openai:<model>` (OpenAI or any OpenAI-compatible server at "
              + ProviderSettings.OPENAI_BASE_URL + "), `anthropic:<model>`, such as"
              + " `openai:gpt-4.1-mini` or `anthropic:claude-sonnet-4-5`.");
    }
    boolean openAi = provider.equals(OPENAI);
    String keyEnv = openAi ? settings.openAiApiKeyEnv() : settings.anthropicApiKeyEnv();
    String key = settings.environment().apply(keyEnv);
    if (key == null || key.isBlank()) {
      throw new AlignUnitException(
          "No API key for `" + spec + "`: environment variable " + keyEnv + " is not set or empty."
              + " Set it (for an OpenAI-compatible local server any value works, such as "
              + keyEnv + "=x), or name another variable with "
              + (openAi ? ProviderSettings.OPENAI_API_KEY_ENV : ProviderSettings.ANTHROPIC_API_KEY_ENV)
              + ". Keys are read only from the environment.");
    }
    key = key.strip();
    // Every output of the run redacts the key, whatever its shape.
    SecretRedactor.register(java.util.List.of(key));
    HttpTransport transport = transport(provider, keyEnv, key);
    if (openAi) {
      return new OpenAiChatClient(
          model, settings.openAiBaseUrl(), key, settings.openAiLegacyMaxTokens(), transport);
    }
    return new AnthropicChatClient(
        model, settings.anthropicBaseUrl(), key, settings.anthropicMaxTokens(), transport);
  }

  private synchronized HttpTransport transport(String provider, String keyEnv, String key) {
    if (closed) {
      throw new AlignUnitException(
          "ModelClients is closed (the test run has ended); cannot create a " + provider
              + " client after close().");
    }
    return transports.computeIfAbsent(
        provider,
        p ->
            new HttpTransport(
                p,
                HttpClients.create(settings.timeout(), settings.concurrency(), null),
                settings.maxRetries(),
                settings.concurrency(),
                timing,
                key,
                "Check the API key in environment variable " + keyEnv + " (or name another"
                    + " variable with alignunit." + p + ".api-key-env): it is wrong, expired,"
                    + " or lacks access to this model."));
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
   * Shuts down every provider's dispatcher and connection pool. Idempotent; clients created
   * before fail with a {@link ModelIoException} on their next request.
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
