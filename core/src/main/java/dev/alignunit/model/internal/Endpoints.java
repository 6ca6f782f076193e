package dev.alignunit.model.internal;

import dev.alignunit.model.SecretRedactor;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.apiguardian.api.API;

/** The URL a provider client posts to, made the same way for every protocol. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Endpoints {

  private Endpoints() {}

  /**
   * The base URL without trailing slashes, followed by the protocol's path.
   *
   * @param baseUrl the configured base URL, such as {@code https://api.openai.com/v1/}
   * @param path the protocol's path, such as {@code /chat/completions}
   * @param example a base URL to show when this one is not an http(s) URL
   * @return the URL
   * @throws IllegalArgumentException naming the (redacted) base URL and the example
   */
  public static HttpUrl of(String baseUrl, String path, String example) {
    String base = Objects.requireNonNull(baseUrl, "baseUrl").strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    HttpUrl url = HttpUrl.parse(base + path);
    if (url == null) {
      throw new IllegalArgumentException(
          "Not an http(s) URL: `"
              + SecretRedactor.defaults().redact(baseUrl)
              + "`; expected something like "
              + example);
    }
    return url;
  }
}
