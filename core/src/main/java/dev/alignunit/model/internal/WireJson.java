package dev.alignunit.model.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reading helpers shared by the server side of both wire codecs: typed access to request fields
 * that fails with the field's path, and the splitting of text into stream deltas.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class WireJson {

  /** The longest delta of a streamed text or argument string, in code points. */
  public static final int DELTA_CODE_POINTS = 24;

  private WireJson() {}

  /**
   * Parses a request body that must be a JSON object.
   *
   * @param mapper the mapper
   * @param body the body
   * @return the object
   * @throws WireFormatException when it is not JSON or not an object
   */
  public static JsonNode object(ObjectMapper mapper, String body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new WireFormatException("body", "is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new WireFormatException("body", "must be a JSON object");
    }
    return root;
  }

  /**
   * A required string field.
   *
   * @param node the parent object
   * @param field the field's name
   * @param path the parent's path, empty for the root
   * @return the value
   */
  public static String requiredText(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new WireFormatException(
          join(path, field),
          value.isMissingNode() || value.isNull()
              ? "Field required"
              : "must be a string, got " + kind(value));
    }
    return value.asText();
  }

  /**
   * A required array field.
   *
   * @param node the parent object
   * @param field the field's name
   * @param path the parent's path, empty for the root
   * @return the array
   */
  public static JsonNode requiredArray(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (!value.isArray()) {
      throw new WireFormatException(
          join(path, field),
          value.isMissingNode() || value.isNull()
              ? "Field required"
              : "must be an array, got " + kind(value));
    }
    return value;
  }

  /**
   * An optional array field.
   *
   * @param node the parent object
   * @param field the field's name
   * @return the array, empty when absent or {@code null}
   */
  public static JsonNode optionalArray(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (!value.isArray()) {
      throw new WireFormatException(field, "must be an array, got " + kind(value));
    }
    return value;
  }

  /**
   * An optional number field.
   *
   * @param node the parent object
   * @param field the field's name
   * @return the value, or {@code null} when absent or {@code null}
   */
  public static Double optionalDouble(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new WireFormatException(field, "must be a number, got " + kind(value));
    }
    return value.asDouble();
  }

  /**
   * An optional integer field.
   *
   * @param node the parent object
   * @param field the field's name
   * @param path the parent's path, empty for the root
   * @return the value, or {@code null} when absent or {@code null}
   */
  public static Long optionalLong(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      throw new WireFormatException(join(path, field), "must be an integer, got " + kind(value));
    }
    return value.asLong();
  }

  /**
   * An optional boolean field.
   *
   * @param node the parent object
   * @param field the field's name
   * @return the value, {@code false} when absent or {@code null}
   */
  public static boolean flag(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new WireFormatException(field, "must be a boolean, got " + kind(value));
    }
    return value.asBoolean();
  }

  /**
   * A path below another: {@code messages[2]} + {@code content} = {@code messages[2].content}.
   *
   * @param path the parent's path, empty for the root
   * @param field the field
   * @return the joined path
   */
  public static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /**
   * The JSON type of a node, for messages.
   *
   * @param node the node
   * @return {@code string}, {@code number}, {@code object}, ...
   */
  public static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case OBJECT, POJO -> "an object";
      case ARRAY -> "an array";
      case NULL, MISSING -> "null";
      case BINARY -> "binary data";
    };
  }

  /**
   * Splits a text into stream deltas of at most {@link #DELTA_CODE_POINTS} code points, never
   * inside a surrogate pair, as providers stream tokens; empty text gives no delta.
   *
   * @param text the text
   * @return the pieces, which concatenate to the text
   */
  public static List<String> deltas(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      for (int n = 0; n < DELTA_CODE_POINTS && end < text.length(); n++) {
        end += Character.charCount(text.codePointAt(end));
      }
      pieces.add(text.substring(start, end));
      start = end;
    }
    return pieces;
  }
}
