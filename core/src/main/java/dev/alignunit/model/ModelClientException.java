package dev.alignunit.model;

import dev.alignunit.AlignUnitException;
import org.apiguardian.api.API;

/**
 * A model call failed: the provider answered with an error, the connection broke, or the answer
 * could not be understood. The message names the provider, the HTTP status (0 when there was none),
 * the request number and the provider's own message; it never contains an API key.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ModelClientException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  private final String provider;
  private final int statusCode;
  private final long requestNumber;
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param provider the provider, such as {@code openai}
   * @param statusCode the HTTP status, or 0 when there was no HTTP answer
   * @param message the full message
   * @param cause the cause, or {@code null}
   */
  public ModelClientException(String provider, int statusCode, String message, Throwable cause) {
    this(provider, statusCode, 0, 0, message, cause);
  }

  /**
   * Creates the exception with the request number and the number of attempts made.
   *
   * @param provider the provider, such as {@code openai}
   * @param statusCode the HTTP status, or 0 when there was no HTTP answer
   * @param requestNumber the client's 1-based number of the failed request, or 0 when unknown
   * @param attempts how many HTTP attempts were made (1 + retries), or 0 when unknown
   * @param message the full message, which must not contain an API key
   * @param cause the cause, or {@code null}
   */
  public ModelClientException(
      String provider,
      int statusCode,
      long requestNumber,
      int attempts,
      String message,
      Throwable cause) {
    super(message, cause);
    this.provider = provider;
    this.statusCode = statusCode;
    this.requestNumber = requestNumber;
    this.attempts = attempts;
  }

  /**
   * The provider that failed, such as {@code openai}, {@code anthropic} or {@code scripted}.
   *
   * @return the provider
   */
  public String provider() {
    return provider;
  }

  /**
   * The HTTP status code, or 0 when the failure happened without an HTTP answer.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The 1-based number of the failed request among all requests this provider's clients sent in
   * this run, or 0 when unknown.
   *
   * @return the request number
   */
  public long requestNumber() {
    return requestNumber;
  }

  /**
   * How many HTTP attempts were made for the request (the first try plus retries), or 0 when
   * unknown.
   *
   * @return the number of attempts
   */
  public int attempts() {
    return attempts;
  }
}
