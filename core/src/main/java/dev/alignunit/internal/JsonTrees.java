package dev.alignunit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * Jackson trees read from and written to JSON text without an {@code ObjectMapper}: the same nodes
 * as {@link Json#mapper()}'s {@code readTree} and the same text as its {@code writeValueAsString},
 * built with the streaming parser and generator only. The first {@code ObjectMapper} of a JVM costs
 * about 0.14 s of CPU (some 300 data-binding classes, the JDK's locale and calendar set-up for its
 * date format), which a run that only moves trees over the wire (tool arguments, answers, tool
 * schemas) never needs. Thread-safe and stateless.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonTrees {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /**
   * @return a plain JSON factory with Jackson's defaults (those of the mapper's own factory), for
   *     parsers and generators that need no data binding
   */
  public static JsonFactory factory() {
    return Holder.FACTORY;
  }

  /** Created on first use. */
  private static final class Holder {
    static final JsonFactory FACTORY = new JsonFactory();

    private Holder() {}
  }

  /**
   * Reads a JSON text as {@code new ObjectMapper().readTree(text)} does: the first value (later
   * content is not read), {@link MissingNode} for empty or blank text, ints, longs and big integers
   * as such, other numbers as doubles, a repeated field keeping its first position and its last
   * value.
   *
   * @param text the JSON text
   * @return the tree
   * @throws JsonProcessingException when the text is not JSON, with the mapper's message
   */
  public static JsonNode read(String text) throws JsonProcessingException {
    if (text == null) {
      throw new IllegalArgumentException("argument \"content\" is null");
    }
    try (JsonParser parser = factory().createParser(text)) {
      JsonToken token = parser.nextToken();
      return token == null ? MissingNode.getInstance() : value(parser, token);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw JsonMappingException.fromUnexpectedIOE(e);
    }
  }

  /**
   * Reads the value the parser is at (or the next one) as {@code ObjectMapper.readTree(parser)}
   * does, leaving the parser after it with no current token.
   *
   * @param parser the parser
   * @return the tree, or {@code null} at the end of the input
   * @throws IOException when the input is not JSON
   */
  public static JsonNode read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      token = parser.nextToken();
      if (token == null) {
        return null;
      }
    }
    JsonNode node = value(parser, token);
    parser.clearCurrentToken();
    return node;
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        // nextFieldName, as the mapper's node deserializer reads: a malformed object then fails
        // with the mapper's message
        ObjectNode object = NODES.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          object.replace(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT ->
          switch (parser.getNumberTypeFP()) {
            case BIG_DECIMAL -> NODES.numberNode(parser.getDecimalValue());
            case FLOAT32 -> NODES.numberNode(parser.getFloatValue());
            default -> NODES.numberNode(parser.getDoubleValue());
          };
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      // Tokens JSON text does not produce where a value starts (embedded objects, a field name
      // handed in by a caller): the mapper's own rules.
      default -> Json.mapper().readTree(parser);
    };
  }

  /**
   * Writes a tree as {@code new ObjectMapper().writeValueAsString(node)} (and {@code toString()})
   * do: compact, fields in order.
   *
   * @param node the tree
   * @return its JSON text
   */
  public static String write(JsonNode node) {
    try {
      if (!plain(node)) {
        return Json.mapper().writeValueAsString(node); // POJO nodes need data binding
      }
      StringWriter out = new StringWriter();
      try (JsonGenerator g = factory().createGenerator(out)) {
        write(node, g);
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
  }

  private static void write(JsonNode node, JsonGenerator g) throws IOException {
    if (node.isObject()) {
      g.writeStartObject();
      for (var fields = node.fields(); fields.hasNext(); ) {
        var field = fields.next();
        g.writeFieldName(field.getKey());
        write(field.getValue(), g);
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode element : node) {
        write(element, g);
      }
      g.writeEndArray();
    } else if (node.isNull()) {
      g.writeNull();
    } else {
      node.serialize(g, null); // text, numbers and booleans need no provider
    }
  }

  /**
   * Whether the tree holds only nodes {@link #write(JsonNode, JsonGenerator)} writes as the mapper
   * does: not Java objects or binary values (their serialisation depends on the mapper's
   * configuration) and no node class of a caller's own.
   */
  private static boolean plain(JsonNode node) {
    JsonNodeType type = node.getNodeType();
    if (type == JsonNodeType.POJO
        || type == JsonNodeType.BINARY
        || !node.getClass().getName().startsWith("com.fasterxml.jackson.databind.node.")) {
      return false;
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (!plain(child)) {
          return false;
        }
      }
    }
    return true;
  }
}
