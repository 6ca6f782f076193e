package dev.alignunit.model;

import dev.alignunit.AlignUnitException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * How {@link ModelClients} reaches the providers: base URLs, the environment variables that hold
 * the API keys, retries, timeout and concurrency. Immutable; start from {@link #defaults()} and
 * change values with the {@code with...} methods, or parse configuration values with {@link
 * #fromConfiguration(Function, Function)}.
 *
 * <pre>{@code
 * ProviderSettings settings = ProviderSettings.defaults()
 *     .withOpenAiBaseUrl("http://127.0.0.1:8080/v1")
 *     .withMaxRetries(2);
 * }</pre>
 *
 * @param openAiBaseUrl base URL of the OpenAI(-compatible) API; {@code /chat/completions} is
 *     appended (key {@value #OPENAI_BASE_URL}, default {@value #DEFAULT_OPENAI_BASE_URL})
 * @param anthropicBaseUrl base URL of the Anthropic API; {@code /v1/messages} is appended (key
 *     {@value #ANTHROPIC_BASE_URL}, default {@value #DEFAULT_ANTHROPIC_BASE_URL})
 * @param openAiApiKeyEnv environment variable holding the OpenAI key (key {@value
 *     #OPENAI_API_KEY_ENV}, default {@code OPENAI_API_KEY})
 * @param anthropicApiKeyEnv environment variable holding the Anthropic key (key {@value
 *     #ANTHROPIC_API_KEY_ENV}, default {@code ANTHROPIC_API_KEY})
 * @param maxRetries retries after the first attempt (key {@value #MAX_RETRIES}, default 4)
 * @param timeout per-request timeout, all attempts' waiting excluded (key {@value #TIMEOUT},
 *     default 120 s)
 * @param concurrency requests in flight per provider at most (key {@value #CONCURRENCY}, default
 *     4)
 * @param openAiLegacyMaxTokens send {@code max_tokens} instead of {@code max_completion_tokens}
 *     to OpenAI-compatible servers (key {@value #OPENAI_LEGACY_MAX_TOKENS}, default {@code false})
 * @param anthropicMaxTokens the Anthropic {@code max_tokens} when a request sets none (key
 *     {@value #ANTHROPIC_MAX_TOKENS}, default 4096)
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

  /** Configuration key of the model spec ({@code openai:<model>}, {@code anthropic:<model>}). */
  public static final String MODEL = "alignunit.model";
  /** Configuration key of {@link #openAiBaseUrl()}. */
  public static final String OPENAI_BASE_URL = "alignunit.openai.base-url";
  /** Configuration key of {@link #anthropicBaseUrl()}. */
  public static final String ANTHROPIC_BASE_URL = "alignunit.anthropic.base-url";
  /** Configuration key of {@link #openAiApiKeyEnv()}. */
  public static final String OPENAI_API_KEY_ENV = "alignunit.openai.api-key-env";
  /** Configuration key of {@link #anthropicApiKeyEnv()}. */
  public static final String ANTHROPIC_API_KEY_ENV = "alignunit.anthropic.api-key-env";
  /** Configuration key of {@link #maxRetries()}. */
  public static final String MAX_RETRIES = "alignunit.http.max-retries";
  /** Configuration key of {@link #timeout()}. */
  public static final String TIMEOUT = "alignunit.http.timeout";
  /** Configuration key of {@link #concurrency()}. */
  public static final String CONCURRENCY = "alignunit.concurrency";
  /** Configuration key of {@link #openAiLegacyMaxTokens()}. */
  public static final String OPENAI_LEGACY_MAX_TOKENS = "alignunit.openai.legacy-max-tokens";
  /** Configuration key of {@link #anthropicMaxTokens()}. */
  public static final String ANTHROPIC_MAX_TOKENS = "alignunit.anthropic.max-tokens";

  /** Default {@link #openAiBaseUrl()}. */
  public static final String DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";
  /** Default {@link #anthropicBaseUrl()}. */
  public static final String DEFAULT_ANTHROPIC_BASE_URL = "https://api.anthropic.com";
  /** Default {@link #openAiApiKeyEnv()}. */
  public static final String DEFAULT_OPENAI_API_KEY_ENV = "OPENAI_API_KEY";
  /** Default {@link #anthropicApiKeyEnv()}. */
  public static final String DEFAULT_ANTHROPIC_API_KEY_ENV = "ANTHROPIC_API_KEY";
  /** Default {@link #maxRetries()}. */
  public static final int DEFAULT_MAX_RETRIES = 4;
  /** Default {@link #timeout()}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  /** Default {@link #concurrency()}. */
  public static final int DEFAULT_CONCURRENCY = 4;
  /** Default {@link #anthropicMaxTokens()}. */
  public static final int DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

  /** Validates the values; {@code null} strings, timeout and environment become defaults. */
  public ProviderSettings {
    openAiBaseUrl = orDefault(openAiBaseUrl, DEFAULT_OPENAI_BASE_URL);
    anthropicBaseUrl = orDefault(anthropicBaseUrl, DEFAULT_ANTHROPIC_BASE_URL);
    openAiApiKeyEnv = orDefault(openAiApiKeyEnv, DEFAULT_OPENAI_API_KEY_ENV);
    anthropicApiKeyEnv = orDefault(anthropicApiKeyEnv, DEFAULT_ANTHROPIC_API_KEY_ENV);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    environment = environment == null ? System::getenv : environment;
    require(maxRetries >= 0, MAX_RETRIES, String.valueOf(maxRetries), "a whole number >= 0");
    require(concurrency >= 1, CONCURRENCY, String.valueOf(concurrency), "a whole number >= 1");
    require(
        !timeout.isNegative() && !timeout.isZero(),
        TIMEOUT, timeout.toString(), "a positive duration such as 120s, 2m or PT2M");
    require(
        anthropicMaxTokens >= 1, ANTHROPIC_MAX_TOKENS, String.valueOf(anthropicMaxTokens),
        "a whole number >= 1");
  }

  /**
   * The defaults: public OpenAI and Anthropic endpoints, keys from {@code OPENAI_API_KEY} and
   * {@code ANTHROPIC_API_KEY}, 4 retries, 120 s timeout, concurrency 4.
   *
   * @return the default settings
   */
  public static ProviderSettings defaults() {
    return new ProviderSettings(
        null, null, null, null, DEFAULT_MAX_RETRIES, null, DEFAULT_CONCURRENCY, false,
        DEFAULT_ANTHROPIC_MAX_TOKENS, null);
  }

  /**
   * Parses settings from configuration values, for example JUnit configuration parameters.
   * Missing (or blank) keys keep their defaults. Durations accept {@code 500ms}, {@code 120s},
   * {@code 2m}, a plain number of seconds, or ISO-8601 ({@code PT2M}).
   *
   * @param configuration returns the value of a key such as {@value #MAX_RETRIES}, or {@code null}
   * @param environment looks up environment variables (the API keys); {@code null} for {@code
   *     System::getenv}
   * @return the settings
   * @throws AlignUnitException naming the key, the value and what is accepted, for a bad value
   */
  public static ProviderSettings fromConfiguration(
      Function<String, String> configuration, Function<String, String> environment) {
    Objects.requireNonNull(configuration, "configuration");
    Function<String, String> value =
        key -> {
          String raw = configuration.apply(key);
          return raw == null || raw.isBlank() ? null : raw.strip();
        };
    return new ProviderSettings(
        value.apply(OPENAI_BASE_URL),
        value.apply(ANTHROPIC_BASE_URL),
        value.apply(OPENAI_API_KEY_ENV),
        value.apply(ANTHROPIC_API_KEY_ENV),
        integer(MAX_RETRIES, value.apply(MAX_RETRIES), DEFAULT_MAX_RETRIES),
        duration(TIMEOUT, value.apply(TIMEOUT)),
        integer(CONCURRENCY, value.apply(CONCURRENCY), DEFAULT_CONCURRENCY),
        bool(OPENAI_LEGACY_MAX_TOKENS, value.apply(OPENAI_LEGACY_MAX_TOKENS)),
        integer(ANTHROPIC_MAX_TOKENS, value.apply(ANTHROPIC_MAX_TOKENS), DEFAULT_ANTHROPIC_MAX_TOKENS),
        environment);
  }

  /**
   * Returns a copy with another OpenAI base URL.
   *
   * @param value the base URL, such as {@code http://127.0.0.1:8080/v1}
   * @return the copy
   */
  public ProviderSettings withOpenAiBaseUrl(String value) {
    return new ProviderSettings(value, anthropicBaseUrl, openAiApiKeyEnv, anthropicApiKeyEnv,
        maxRetries, timeout, concurrency, openAiLegacyMaxTokens, anthropicMaxTokens, environment);
  }

  /**
   * Returns a copy with another Anthropic base URL.
   *
   * @param value the base URL, such as {@code https://api.anthropic.com}
   * @return the copy
   */
  public ProviderSettings withAnthropicBaseUrl(String value) {
    return new ProviderSettings(openAiBaseUrl, value, openAiApiKeyEnv, anthropicApiKeyEnv,
        maxRetries, timeout, concurrency, openAiLegacyMaxTokens, anthropicMaxTokens, environment);
  }

  /**
   * Returns a copy that reads the OpenAI key from another environment variable.
   *
   * @param value the variable's name
   * @return the copy
   */
  public ProviderSettings withOpenAiApiKeyEnv(String value) {
    return new ProviderSettings(openAiBaseUrl, anthropicBaseUrl, value, anthropicApiKeyEnv,
        maxRetries, timeout, concurrency, openAiLegacyMaxTokens, anthropicMaxTokens, environment);
  }

  /**
   * Returns a copy that reads the Anthropic key from another environment variable.
   *
   * @param value the variable's name
   * @return the copy
   */
  public ProviderSettings withAnthropicApiKeyEnv(String value) {
    return new ProviderSettings(openAiBaseUrl, anthropicBaseUrl, openAiApiKeyEnv, value,
        maxRetries, timeout, concurrency, openAiLegacyMaxTokens, anthropicMaxTokens, environment);
  }

  /**
   * Returns a copy with another retry limit.
   *
   * @param value retries after the first attempt, at least 0
   * @return the copy
   */
  public ProviderSettings withMaxRetries(int value) {
    return new ProviderSettings(openAiBaseUrl, anthropicBaseUrl, openAiApiKeyEnv,
        anthropicApiKeyEnv, value, timeout, concurrency, openAiLegacyMaxTokens, anthropicMaxTokens,
        environment);
  }

  /**
   * Returns a copy with another per-request timeout.
   *
   * @param value the timeout, positive
   * @return the copy
   */
  public ProviderSettings withTimeout(Duration value) {
    return new ProviderSettings(openAiBaseUrl, anthropicBaseUrl, openAiApiKeyEnv,
        anthropicApiKeyEnv, maxRetries, value, concurrency, openAiLegacyMaxTokens,
        anthropicMaxTokens, environment);
  }

  /**
   * Returns a copy with another concurrency limit per provider.
   *
   * @param value requests in flight at most, at least 1
   * @return the copy
   */
  public ProviderSettings withConcurrency(int value) {
    return new ProviderSettings(openAiBaseUrl, anthropicBaseUrl, openAiApiKeyEnv,
        anthropicApiKeyEnv, maxRetries, timeout, value, openAiLegacyMaxTokens, anthropicMaxTokens,
        environment);
  }

  /**
   * Returns a copy that sends {@code max_tokens} instead of {@code max_completion_tokens}.
   *
   * @param value {@code true} for the older field
   * @return the copy
   */
  public ProviderSettings withOpenAiLegacyMaxTokens(boolean value) {
    return new ProviderSettings(openAiBaseUrl, anthropicBaseUrl, openAiApiKeyEnv,
        anthropicApiKeyEnv, maxRetries, timeout, concurrency, value, anthropicMaxTokens,
        environment);
  }

  /**
   * Returns a copy with another default Anthropic {@code max_tokens}.
   *
   * @param value the default, at least 1
   * @return the copy
   */
  public ProviderSettings withAnthropicMaxTokens(int value) {
    return new ProviderSettings(openAiBaseUrl, anthropicBaseUrl, openAiApiKeyEnv,
        anthropicApiKeyEnv, maxRetries, timeout, concurrency, openAiLegacyMaxTokens, value,
        environment);
  }

  /**
   * Returns a copy that looks environment variables up with another function (tests).
   *
   * @param value the lookup, returning {@code null} for an unset variable
   * @return the copy
   */
  public ProviderSettings withEnvironment(Function<String, String> value) {
    return new ProviderSettings(openAiBaseUrl, anthropicBaseUrl, openAiApiKeyEnv,
        anthropicApiKeyEnv, maxRetries, timeout, concurrency, openAiLegacyMaxTokens,
        anthropicMaxTokens, value);
  }

  @Override
  public String toString() {
    return "ProviderSettings[openAiBaseUrl=" + openAiBaseUrl + ", anthropicBaseUrl="
        + anthropicBaseUrl + ", openAiApiKeyEnv=" + openAiApiKeyEnv + ", anthropicApiKeyEnv="
        + anthropicApiKeyEnv + ", maxRetries=" + maxRetries + ", timeout=" + timeout
        + ", concurrency=" + concurrency + ", openAiLegacyMaxTokens=" + openAiLegacyMaxTokens
        + ", anthropicMaxTokens=" + anthropicMaxTokens + "]";
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static void require(boolean ok, String key, String value, String accepted) {
    if (!ok) {
      throw invalid(key, value, accepted);
    }
  }

  private static AlignUnitException invalid(String key, String value, String accepted) {
    return new AlignUnitException(
        "Invalid value `" + value + "` for " + key + ": expected " + accepted + ".");
  }

  private static int integer(String key, String value, int fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(key, value, "a whole number");
    }
  }

  private static boolean bool(String key, String value) {
    if (value == null) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, value, "true or false");
    };
  }

  static Duration duration(String key, String value) {
    if (value == null) {
      return null;
    }
    String text = value.toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("pt") || text.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).strip()));
      }
      if (text.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1).strip()));
      }
      if (text.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1).strip()));
      }
      return Duration.ofSeconds(Long.parseLong(text));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalid(key, value, "a positive duration such as 120s, 2m, 500ms or PT2M");
    }
  }
}
