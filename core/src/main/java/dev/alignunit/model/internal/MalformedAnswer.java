package dev.alignunit.model.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
   * @param message what is wrong with the answer, as a clause such as {@code the body is not JSON
   *     (...)}
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

  /**
   * Parses an answer's body, which both protocols require to be a JSON object.
   *
   * @param mapper the codec's mapper
   * @param body the body
   * @return the object
   * @throws MalformedAnswer when the body is not JSON, or JSON but not an object
   */
  public static JsonNode jsonObject(ObjectMapper mapper, String body) throws MalformedAnswer {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedAnswer("the body is not JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedAnswer("the body is not a JSON object");
    }
    return root;
  }
}
