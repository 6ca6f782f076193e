package dev.alignunit.model.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.internal.JsonTrees;
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
   * @param body the body
   * @return the object
   * @throws MalformedAnswer when the body is not JSON, or JSON but not an object
   */
  public static JsonNode jsonObject(String body) throws MalformedAnswer {
    JsonNode root;
    try {
      root = JsonTrees.read(body); // as an ObjectMapper's readTree, without its set-up
    } catch (JsonProcessingException e) {
      throw new MalformedAnswer("the body is not JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedAnswer("the body is not a JSON object");
    }
    return root;
  }

  /**
   * Parses an answer's body like {@link #jsonObject(String)}, keeping only the named top-level
   * fields: the others (ids, timestamps, fingerprints) are read past without building nodes for
   * them. A decoder that reads only these fields of the root decodes exactly as from the whole
   * tree; a body that is not an object is parsed whole, so its message is the same.
   *
   * @param body the body
   * @param fields the top-level fields the decoder reads
   * @return an object with those of the fields the body has, in the body's order
   * @throws MalformedAnswer when the body is not JSON, or JSON but not an object
   */
  public static JsonNode jsonObject(String body, java.util.Set<String> fields)
      throws MalformedAnswer {
    try (JsonParser parser = JsonTrees.factory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return jsonObject(body);
      }
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (fields.contains(name)) {
          root.set(name, JsonTrees.read(parser));
        } else {
          parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT) {
        throw new JsonParseException(parser, "Unexpected end-of-input");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new MalformedAnswer("the body is not JSON (" + e.getOriginalMessage() + ")");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // a string cannot fail to be read
    }
  }
}
