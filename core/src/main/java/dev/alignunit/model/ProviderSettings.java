package dev.alignunit.model;

import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.config.InvalidConfigurationException;
import java.time.Duration;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * How {@link ModelClients} reaches the providers: base URLs, the environment variables that hold
 * the API keys, retries, timeout and concurrency. Immutable; start from {@link #defaults()} and
 * change values with the {@code with...} methods. The test extension builds it from the
 * configuration keys of {@link ConfigurationKeys} (named below), parsed once per run; values set in
 * code are checked against the same keys, so an invalid one gets the same message.
 *
 * <pre>{@code
 * ProviderSettings settings = ProviderSettings.defaults()
 *     .withOpenAiBaseUrl("http://127.0.0.1:8080/v1")
 *     .withMaxRetries(2);
 * }</pre>
 *
 * @param openAiBaseUrl base URL of the OpenAI(-compatible) API; {@code /chat/completions} is
 *     appended (key {@code alignunit.openai.base-url}, default {@code https://api.openai.com/v1})
 * @param anthropicBaseUrl base URL of the Anthropic API; {@code /v1/messages} is appended (key
 *     {@code alignunit.anthropic.base-url}, default {@code https://api.anthropic.com})
 * @param openAiApiKeyEnv environment variable holding the OpenAI key (key {@code
 *     alignunit.openai.api-key-env}, default {@code OPENAI_API_KEY})
 * @param anthropicApiKeyEnv environment variable holding the Anthropic key (key {@code
 *     alignunit.anthropic.api-key-env}, default {@code ANTHROPIC_API_KEY})
 * @param maxRetries retries after the first attempt (key {@code alignunit.http.max-retries},
 *     default 4)
 * @param timeout per-request timeout, all attempts' waiting excluded (key {@code
 *     alignunit.http.timeout}, default 120 s)
 * @param concurrency requests in flight per provider at most (key {@code alignunit.concurrency},
 *     default 4)
 * @param openAiLegacyMaxTokens send {@code max_tokens} instead of {@code max_completion_tokens} to
 *     OpenAI-compatible servers (key {@code alignunit.openai.legacy-max-tokens}, default {@code
 *     false})
 * @param anthropicMaxTokens the Anthropic {@code max_tokens} when a request sets none (key {@code
 *     alignunit.anthropic.max-tokens}, default 4096)
 * @param environment looks up environment variables (the API keys); {@code System::getenv} by
 *     default, injectable for tests
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ProviderSettings(
    String openAiBaseUrl,
    String anthropicBaseUrl,
    String openAiApiKeyEnv,
    String anthropicApiKeyEnv,
    int maxRetries,
    Duration timeout,
    int concurrency,
    boolean openAiLegacyMaxTokens,
    int anthropicMaxTokens,
    Function<String, String> environment) {

  /**
   * Validates the values against their configuration keys; {@code null} (or blank) strings, timeout
   * and environment become the keys' defaults.
   *
   * @throws InvalidConfigurationException naming the key, the value and what is accepted
   */
  public ProviderSettings {
    openAiBaseUrl = orDefault(openAiBaseUrl, ConfigurationKeys.OPENAI_BASE_URL.defaultValue());
    anthropicBaseUrl =
        orDefault(anthropicBaseUrl, ConfigurationKeys.ANTHROPIC_BASE_URL.defaultValue());
    openAiApiKeyEnv =
        orDefault(openAiApiKeyEnv, ConfigurationKeys.OPENAI_API_KEY_ENV.defaultValue());
    anthropicApiKeyEnv =
        orDefault(anthropicApiKeyEnv, ConfigurationKeys.ANTHROPIC_API_KEY_ENV.defaultValue());
    timeout = timeout == null ? ConfigurationKeys.HTTP_TIMEOUT.defaultValue() : timeout;
    environment = environment == null ? System::getenv : environment;
    ConfigurationKeys.OPENAI_BASE_URL.check(openAiBaseUrl);
    ConfigurationKeys.ANTHROPIC_BASE_URL.check(anthropicBaseUrl);
    ConfigurationKeys.OPENAI_API_KEY_ENV.check(openAiApiKeyEnv);
    ConfigurationKeys.ANTHROPIC_API_KEY_ENV.check(anthropicApiKeyEnv);
    ConfigurationKeys.HTTP_MAX_RETRIES.check(maxRetries);
    ConfigurationKeys.HTTP_TIMEOUT.check(timeout);
    ConfigurationKeys.CONCURRENCY.check(concurrency);
    ConfigurationKeys.ANTHROPIC_MAX_TOKENS.check(anthropicMaxTokens);
  }

  /**
   * The defaults: public OpenAI and Anthropic endpoints, keys from {@code OPENAI_API_KEY} and
   * {@code ANTHROPIC_API_KEY}, 4 retries, 120 s timeout, concurrency 4.
   *
   * @return the default settings
   */
  public static ProviderSettings defaults() {
    return new ProviderSettings(
        null,
        null,
        null,
        null,
        ConfigurationKeys.HTTP_MAX_RETRIES.defaultValue(),
        null,
        ConfigurationKeys.CONCURRENCY.defaultValue(),
        ConfigurationKeys.OPENAI_LEGACY_MAX_TOKENS.defaultValue(),
        ConfigurationKeys.ANTHROPIC_MAX_TOKENS.defaultValue(),
        null);
  }

  /**
   * The environment variable holding the API key of a provider.
   *
   * @param provider a network provider
   * @return {@link #openAiApiKeyEnv()} or {@link #anthropicApiKeyEnv()}
   * @throws IllegalArgumentException for {@link ModelSpec.Provider#SCRIPTED}, which needs no key
   */
  public String apiKeyEnv(ModelSpec.Provider provider) {
    return switch (provider) {
      case OPENAI -> openAiApiKeyEnv;
      case ANTHROPIC -> anthropicApiKeyEnv;
      case SCRIPTED -> throw new IllegalArgumentException("The scripted model needs no API key.");
    };
  }

  /**
   * Returns a copy with another OpenAI base URL.
   *
   * @param value the base URL, such as {@code http://127.0.0.1:8080/v1}
   * @return the copy
   */
  public ProviderSettings withOpenAiBaseUrl(String value) {
    return new ProviderSettings(
        value,
        anthropicBaseUrl,
        openAiApiKeyEnv,
        anthropicApiKeyEnv,
        maxRetries,
        timeout,
        concurrency,
        openAiLegacyMaxTokens,
        anthropicMaxTokens,
        environment);
  }

  /**
   * Returns a copy with another Anthropic base URL.
   *
   * @param value the base URL, such as {@code https://api.anthropic.com}
   * @return the copy
   */
  public ProviderSettings withAnthropicBaseUrl(String value) {
    return new ProviderSettings(
        openAiBaseUrl,
        value,
        openAiApiKeyEnv,
        anthropicApiKeyEnv,
        maxRetries,
        timeout,
        concurrency,
        openAiLegacyMaxTokens,
        anthropicMaxTokens,
        environment);
  }

  /**
   * Returns a copy that reads the OpenAI key from another environment variable.
   *
   * @param value the variable's name
   * @return the copy
   */
  public ProviderSettings withOpenAiApiKeyEnv(String value) {
    return new ProviderSettings(
        openAiBaseUrl,
        anthropicBaseUrl,
        value,
        anthropicApiKeyEnv,
        maxRetries,
        timeout,
        concurrency,
        openAiLegacyMaxTokens,
        anthropicMaxTokens,
        environment);
  }

  /**
   * Returns a copy that reads the Anthropic key from another environment variable.
   *
   * @param value the variable's name
   * @return the copy
   */
  public ProviderSettings withAnthropicApiKeyEnv(String value) {
    return new ProviderSettings(
        openAiBaseUrl,
        anthropicBaseUrl,
        openAiApiKeyEnv,
        value,
        maxRetries,
        timeout,
        concurrency,
        openAiLegacyMaxTokens,
        anthropicMaxTokens,
        environment);
  }

  /**
   * Returns a copy with another retry limit.
   *
   * @param value retries after the first attempt, at least 0
   * @return the copy
   */
  public ProviderSettings withMaxRetries(int value) {
    return new ProviderSettings(
        openAiBaseUrl,
        anthropicBaseUrl,
        openAiApiKeyEnv,
        anthropicApiKeyEnv,
        value,
        timeout,
        concurrency,
        openAiLegacyMaxTokens,
        anthropicMaxTokens,
        environment);
  }

  /**
   * Returns a copy with another per-request timeout.
   *
   * @param value the timeout, positive
   * @return the copy
   */
  public ProviderSettings withTimeout(Duration value) {
    return new ProviderSettings(
        openAiBaseUrl,
        anthropicBaseUrl,
        openAiApiKeyEnv,
        anthropicApiKeyEnv,
        maxRetries,
        value,
        concurrency,
        openAiLegacyMaxTokens,
        anthropicMaxTokens,
        environment);
  }

  /**
   * Returns a copy with another concurrency limit per provider.
   *
   * @param value requests in flight at most, at least 1
   * @return the copy
   */
  public ProviderSettings withConcurrency(int value) {
    return new ProviderSettings(
        openAiBaseUrl,
        anthropicBaseUrl,
        openAiApiKeyEnv,
        anthropicApiKeyEnv,
        maxRetries,
        timeout,
        value,
        openAiLegacyMaxTokens,
        anthropicMaxTokens,
        environment);
  }

  /**
   * Returns a copy that sends {@code max_tokens} instead of {@code max_completion_tokens}.
   *
   * @param value {@code true} for the older field
   * @return the copy
   */
  public ProviderSettings withOpenAiLegacyMaxTokens(boolean value) {
    return new ProviderSettings(
        openAiBaseUrl,
        anthropicBaseUrl,
        openAiApiKeyEnv,
        anthropicApiKeyEnv,
        maxRetries,
        timeout,
        concurrency,
        value,
        anthropicMaxTokens,
        environment);
  }

  /**
   * Returns a copy with another default Anthropic {@code max_tokens}.
   *
   * @param value the default, at least 1
   * @return the copy
   */
  public ProviderSettings withAnthropicMaxTokens(int value) {
    return new ProviderSettings(
        openAiBaseUrl,
        anthropicBaseUrl,
        openAiApiKeyEnv,
        anthropicApiKeyEnv,
        maxRetries,
        timeout,
        concurrency,
        openAiLegacyMaxTokens,
        value,
        environment);
  }

  /**
   * Returns a copy that looks environment variables up with another function (tests).
   *
   * @param value the lookup, returning {@code null} for an unset variable
   * @return the copy
   */
  public ProviderSettings withEnvironment(Function<String, String> value) {
    return new ProviderSettings(
        openAiBaseUrl,
        anthropicBaseUrl,
        openAiApiKeyEnv,
        anthropicApiKeyEnv,
        maxRetries,
        timeout,
        concurrency,
        openAiLegacyMaxTokens,
        anthropicMaxTokens,
        value);
  }

  @Override
  public String toString() {
    return "ProviderSettings[openAiBaseUrl="
        + openAiBaseUrl
        + ", anthropicBaseUrl="
        + anthropicBaseUrl
        + ", openAiApiKeyEnv="
        + openAiApiKeyEnv
        + ", anthropicApiKeyEnv="
        + anthropicApiKeyEnv
        + ", maxRetries="
        + maxRetries
        + ", timeout="
        + timeout
        + ", concurrency="
        + concurrency
        + ", openAiLegacyMaxTokens="
        + openAiLegacyMaxTokens
        + ", anthropicMaxTokens="
        + anthropicMaxTokens
        + "]";
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
