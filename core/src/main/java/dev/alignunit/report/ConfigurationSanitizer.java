package dev.alignunit.report;

import dev.alignunit.model.SecretRedactor;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Keeps secrets out of reports. A configuration entry whose key contains {@code key}, {@code
 * token}, {@code secret} or {@code password} (case-insensitive) is masked as {@value #MASK}; every
 * other value, and every error message, passes through the one {@link SecretRedactor} (configured
 * keys, {@code sk-...}, {@code Bearer ...}, URL credentials become {@value
 * SecretRedactor#REDACTED}).
 *
 * <pre>{@code
 * ConfigurationSanitizer.sanitize(Map.of("alignunit.model", "openai:gpt-4.1-mini",
 *     "alignunit.openai.api-key-env", "MY_KEY",
 *     "alignunit.openai.base-url", "https://me:pa55word@gw.example/v1"));
 * // {alignunit.model=openai:gpt-4.1-mini, alignunit.openai.api-key-env=***,
 * //  alignunit.openai.base-url=https://[REDACTED]@gw.example/v1}
 * ConfigurationSanitizer.redact("401 for Bearer sk-abc123"); // "401 for Bearer [REDACTED]"
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ConfigurationSanitizer {

  /** What replaces a secret. */
  public static final String MASK = "***";

  private static final Pattern SECRET_KEY = Pattern.compile("key|token|secret|password");

  private ConfigurationSanitizer() {}

  /**
   * Sanitizes a configuration map: masks values of secret-looking keys, redacts secrets in the
   * others and sorts the keys (so reports are stable).
   *
   * @param configuration the configuration, may be {@code null}
   * @return a sorted, unmodifiable copy without secrets
   */
  public static Map<String, String> sanitize(Map<String, String> configuration) {
    Map<String, String> sorted = new TreeMap<>();
    if (configuration != null) {
      configuration.forEach(
          (key, value) -> {
            if (key == null) {
              return;
            }
            boolean secretKey = SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).find();
            sorted.put(key, secretKey ? MASK : redact(value));
          });
    }
    return java.util.Collections.unmodifiableMap(sorted);
  }

  /**
   * Removes secrets from a text with {@link SecretRedactor#defaults()}.
   *
   * @param text the text, may be {@code null}
   * @return the text without secrets, {@code null} for {@code null}
   */
  public static String redact(String text) {
    return SecretRedactor.defaults().redact(text);
  }
}
