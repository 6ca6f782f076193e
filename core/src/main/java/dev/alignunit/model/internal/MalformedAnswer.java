package dev.alignunit.model.internal;

import org.apiguardian.api.API;

/**
 * A 2xx answer that is not the protocol's: not JSON, or JSON without the content the protocol
 * requires. Thrown by a {@link HttpTransport.Decoder}; the transport retries the request and, when
 * the retries are used up, turns it into a {@link dev.alignunit.model.MalformedResponseException}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MalformedAnswer extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the answer, as a clause such as {@code the body is not
   *     JSON (...)}
   * @param cause the cause, or {@code null}
   */
  public MalformedAnswer(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message what is wrong with the answer
   */
  public MalformedAnswer(String message) {
    super(message);
  }
}
