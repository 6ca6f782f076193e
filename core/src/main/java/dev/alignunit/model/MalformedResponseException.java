package dev.alignunit.model;

import org.apiguardian.api.API;

/**
 * The provider answered, but the body could not be understood: not JSON, or JSON without the fields
 * the protocol requires (such as {@code choices} or {@code content}). Not retried.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class MalformedResponseException extends ModelClientException {

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
  public MalformedResponseException(
      String provider,
      int statusCode,
      long requestNumber,
      int attempts,
      String message,
      Throwable cause) {
    super(provider, statusCode, requestNumber, attempts, message, cause);
  }
}
