package dev.alignunit.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML or JSON document into the located tree, and turns syntax errors into located ones.
 */
final class LocatedTreeReader extends ParserBase {

  /** The deepest nesting of lists and mappings a scenario file may have: {@value}. */
  static final int MAX_DEPTH = 100;

  LocatedTreeReader(Context context) {
    super(context);
  }

  Node readDocument(JsonParser p) throws IOException {
    if (p.nextToken() == null) {
      throw error(
          1,
          1,
          "the file is empty; a scenario needs at least 'id: <id>', for example"
              + " 'id: refusal/drop-production-table'");
    }
    Node root = read(p, 0);
    if (p.nextToken() != null) {
      JsonLocation l = p.currentTokenLocation();
      throw error(
          l.getLineNr(),
          l.getColumnNr(),
          "a second document starts here; a scenario"
              + " file holds exactly one scenario, so move this one to its own file");
    }
    return root;
  }

  Node read(JsonParser p, int depth) throws IOException {
    JsonLocation l = p.currentTokenLocation();
    int line = l.getLineNr();
    int column = l.getColumnNr();
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw error(
          line,
          column,
          "YAML aliases ('*"
              + p.getText()
              + "') are not supported;"
              + " write the value out in full");
    }
    JsonToken token = p.currentToken();
    if (depth > MAX_DEPTH && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
      throw error(
          line,
          column,
          "the document nests lists and mappings more than "
              + MAX_DEPTH
              + " levels deep; a scenario never needs that many, so look for unclosed '[' or '{'");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String key = p.currentName();
          JsonLocation k = p.currentTokenLocation();
          p.nextToken();
          Node value = read(p, depth + 1);
          Entry first = entries.get(key);
          if (first != null) {
            throw error(
                k.getLineNr(),
                k.getColumnNr(),
                "duplicate field '"
                    + key
                    + "' (first at line "
                    + first.line()
                    + "); remove one of them");
          }
          entries.put(key, new Entry(key, k.getLineNr(), k.getColumnNr(), value));
        }
        return new MapNode(entries, line, column);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, depth + 1));
        }
        return new ListNode(items, line, column);
      }
      case VALUE_STRING -> {
        return new ScalarNode(TextNode.valueOf(p.getText()), p.getText(), line, column);
      }
      case VALUE_NUMBER_INT -> {
        JsonNode value =
            switch (p.getNumberType()) {
              case INT -> JsonNodeFactory.instance.numberNode(p.getIntValue());
              case LONG -> JsonNodeFactory.instance.numberNode(p.getLongValue());
              default -> JsonNodeFactory.instance.numberNode(p.getBigIntegerValue());
            };
        return new ScalarNode(value, p.getText(), line, column);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new ScalarNode(
            JsonNodeFactory.instance.numberNode(p.getDoubleValue()), p.getText(), line, column);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new ScalarNode(
            BooleanNode.valueOf(token == JsonToken.VALUE_TRUE), p.getText(), line, column);
      }
      case VALUE_NULL -> {
        return new ScalarNode(NullNode.getInstance(), null, line, column);
      }
      default ->
          throw error(
              line,
              column,
              "unsupported value ("
                  + token
                  + "); use text, a"
                  + " number, true/false, a list or a mapping");
    }
  }

  ScenarioException syntaxError(JsonProcessingException e, boolean json) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      String problem = yaml.getProblem() == null ? "malformed YAML" : yaml.getProblem();
      return new ScenarioException(
          location(yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1)
              + "invalid YAML: "
              + firstLine(problem)
              + contextOf(yaml)
              + "; fix the syntax (indent with spaces, and quote text that"
              + " contains ': ' or ' #' or starts with one of * & ! { [ | > ' \" % @ `)",
          e);
    }
    JsonLocation l = e.getLocation();
    int line = l == null ? 1 : l.getLineNr();
    int column = l == null ? 1 : l.getColumnNr();
    return new ScenarioException(
        location(line, column)
            + "invalid "
            + (json ? "JSON" : "YAML")
            + ": "
            + firstLine(e.getOriginalMessage())
            + "; fix the syntax",
        e);
  }

  static String contextOf(MarkedYAMLException yaml) {
    if (yaml.getContext() == null || yaml.getContextMark() == null) {
      return "";
    }
    return " ("
        + firstLine(yaml.getContext())
        + " at line "
        + (yaml.getContextMark().getLine() + 1)
        + ")";
  }

  static String firstLine(String text) {
    if (text == null) {
      return "malformed input";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
