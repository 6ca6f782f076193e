package dev.alignunit.model.internal;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Removes API keys from text that ends up in exception messages: the exact key value, and
 * anything that looks like a key or a bearer token (providers echo parts of a wrong key in their
 * 401 messages).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Secrets {

  /** What a removed secret is replaced with. */
  public static final String REDACTED = "[REDACTED]";

  private static final Pattern KEY_LIKE =
      Pattern.compile(
          "(?i)(bearer\\s+)\\S+"
              + "|\\b(sk|pk|rk)-[A-Za-z0-9_\\-*.]{6,}"
              + "|\\b(api[_-]?key|x-api-key|authorization)(\"?\\s*[:=]\\s*\"?)[^\\s\",}]+");

  private Secrets() {}

  /**
   * Redacts the key and key-looking strings from a text.
   *
   * @param text the text, may be {@code null}
   * @param key the exact key value, may be {@code null} or empty
   * @return the text without secrets, {@code ""} for {@code null}
   */
  public static String redact(String text, String key) {
    if (text == null) {
      return "";
    }
    String result = text;
    if (key != null && key.length() >= 4) {
      result = result.replace(key, REDACTED);
    }
    return KEY_LIKE
        .matcher(result)
        .replaceAll(
            match -> {
              if (match.group(1) != null) {
                return java.util.regex.Matcher.quoteReplacement(match.group(1) + REDACTED);
              }
              if (match.group(3) != null) {
                return java.util.regex.Matcher.quoteReplacement(
                    match.group(3) + match.group(4) + REDACTED);
              }
              return REDACTED;
            });
  }
}
