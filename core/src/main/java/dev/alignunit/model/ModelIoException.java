package dev.alignunit.model;

import org.apiguardian.api.API;

/**
 * No HTTP answer: the connection was refused, reset or dropped, or the per-request timeout ({@code
 * alignunit.http.timeout}) passed, on every attempt. The status code is 0.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ModelIoException extends ModelClientException {

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
  public ModelIoException(
      String provider,
      int statusCode,
      long requestNumber,
      int attempts,
      String message,
      Throwable cause) {
    super(provider, statusCode, requestNumber, attempts, message, cause);
  }
}
