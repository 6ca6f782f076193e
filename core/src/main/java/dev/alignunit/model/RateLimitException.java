package dev.alignunit.model;

import org.apiguardian.api.API;

/**
 * The provider kept answering HTTP 429 (too many requests) until the retries ran out. Lower {@code
 * alignunit.concurrency}, raise {@code alignunit.http.max-retries}, or check the account's rate
 * limits.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RateLimitException extends ModelClientException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider, such as {@code openai}
   * @param statusCode the HTTP status, or 0 when there was no HTTP answer
   * @param requestNumber the 1-based request number, or 0 when unknown
   * @param attempts how many HTTP attempts were made
   * @param message the full message, which must not contain an API key
   * @param cause the cause, or {@code null}
   */
  public RateLimitException(
      String provider,
      int statusCode,
      long requestNumber,
      int attempts,
      String message,
      Throwable cause) {
    super(provider, statusCode, requestNumber, attempts, message, cause);
  }
}
