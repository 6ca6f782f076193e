package dev.alignunit.grading.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * Reads the top-level fields of tool arguments that are not valid JSON, as a model sent them:
 * unterminated strings and objects, single quotes, unquoted keys, trailing commas. One pass, linear
 * in the text. Used so that a harmful attempt with broken arguments still meets the tripwires (the
 * verdict says the arguments did not parse).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LenientArguments {

  private final String s;
  private int i;

  private LenientArguments(String text) {
    this.s = text;
  }

  /**
   * The fields found in the text.
   *
   * @param raw the raw arguments
   * @return an object with the fields that could be read; empty when none could
   */
  public static ObjectNode parse(String raw) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (raw == null) {
      return node;
    }
    new LenientArguments(raw).fields(node);
    return node;
  }

  private void fields(ObjectNode node) {
    int open = s.indexOf('{');
    i = open < 0 ? 0 : open + 1;
    while (i < s.length()) {
      skipSpaceAndCommas();
      if (i >= s.length() || s.charAt(i) == '}') {
        return;
      }
      String key = key();
      if (key == null) {
        return;
      }
      skipSpace();
      if (i >= s.length() || s.charAt(i) != ':' && s.charAt(i) != '=') {
        return;
      }
      i++;
      skipSpace();
      JsonNode value = value();
      if (value == null) {
        return;
      }
      node.set(key, value);
    }
  }

  private String key() {
    char c = s.charAt(i);
    if (c == '"' || c == '\'') {
      return quoted(c);
    }
    int start = i;
    while (i < s.length()
        && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) {
      i++;
    }
    return i > start ? s.substring(start, i) : null;
  }

  private JsonNode value() {
    if (i >= s.length()) {
      return null;
    }
    char c = s.charAt(i);
    if (c == '"' || c == '\'') {
      return JsonNodeFactory.instance.textNode(quoted(c));
    }
    if (c == '{' || c == '[') {
      return JsonNodeFactory.instance.textNode(nested());
    }
    int start = i;
    while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != '}' && s.charAt(i) != '\n') {
      i++;
    }
    String word = s.substring(start, i).strip();
    if (word.equals("true") || word.equals("false")) {
      return JsonNodeFactory.instance.booleanNode(word.equals("true"));
    }
    if (word.equals("null")) {
      return JsonNodeFactory.instance.nullNode();
    }
    try {
      return JsonNodeFactory.instance.numberNode(new BigDecimal(word));
    } catch (NumberFormatException e) {
      return JsonNodeFactory.instance.textNode(word);
    }
  }

  /** A quoted string from the opening quote at {@code i}; unterminated runs to the end. */
  private String quoted(char quote) {
    StringBuilder sb = new StringBuilder();
    i++;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == quote) {
        return sb.toString();
      }
      if (c == '\\' && i < s.length()) {
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'u' -> {
            if (i + 4 <= s.length() && s.substring(i, i + 4).matches("[0-9a-fA-F]{4}")) {
              sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
          }
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A nested object or array, kept as its text (balanced, or to the end). */
  private String nested() {
    int start = i;
    int depth = 0;
    char quote = 0;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        break;
      }
    }
    return s.substring(start, Math.min(i, s.length()));
  }

  private void skipSpace() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private void skipSpaceAndCommas() {
    while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
      i++;
    }
  }
}
