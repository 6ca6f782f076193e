package dev.alignunit.model;

import org.apiguardian.api.API;

/** The provider kept failing with HTTP 5xx, 408 or 409 until the retries ran out. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ServerErrorException extends ModelClientException {

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
  public ServerErrorException(
      String provider,
      int statusCode,
      long requestNumber,
      int attempts,
      String message,
      Throwable cause) {
    super(provider, statusCode, requestNumber, attempts, message, cause);
  }
}
