package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A path into a tool call's JSON arguments, used by tripwires, result rules and templates:
 * dot-separated property names with optional array indexes.
 *
 * <ul>
 *   <li>{@code to}: the top-level argument {@code to};
 *   <li>{@code recipient.email}: a nested property;
 *   <li>{@code attachments[0].name}: the first element's {@code name};
 *   <li>{@code attachments[*].name}: every element's {@code name} (a matcher holds when it holds
 *       for any of them).
 * </ul>
 *
 * <pre>{@code
 * ArgumentPath.parse("attachments[*].name").select(arguments);  // every attachment name
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ArgumentPath {

  private static final int ANY = -1;

  private final String text;
  private final List<Object> steps;

  private ArgumentPath(String text, List<Object> steps) {
    this.text = text;
    this.steps = steps;
  }

  /**
   * Parses a path.
   *
   * @param path the path, such as {@code attachments[*].name}
   * @return the parsed path
   * @throws ScenarioException when the path is malformed (the message shows where)
   */
  public static ArgumentPath parse(String path) {
    Objects.requireNonNull(path, "path");
    List<Object> steps = new ArrayList<>();
    int i = 0;
    int n = path.length();
    if (n == 0) {
      throw malformed(path, 0, "it is empty");
    }
    while (i < n) {
      int start = i;
      while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
        i++;
      }
      if (i > start) {
        steps.add(path.substring(start, i));
      } else if (i < n && path.charAt(i) == '.') {
        throw malformed(path, i, "a property name is missing");
      }
      while (i < n && path.charAt(i) == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw malformed(path, i, "'[' is not closed");
        }
        String index = path.substring(i + 1, close).trim();
        if (index.equals("*")) {
          steps.add(ANY);
        } else {
          try {
            int value = Integer.parseInt(index);
            if (value < 0) {
              throw malformed(path, i, "an index must be 0 or more");
            }
            steps.add(value);
          } catch (NumberFormatException e) {
            throw malformed(path, i, "an index must be a number or '*'");
          }
        }
        i = close + 1;
      }
      if (i < n) {
        if (path.charAt(i) != '.') {
          throw malformed(path, i, "expected '.' or '['");
        }
        i++;
        if (i == n) {
          throw malformed(path, i, "it ends with '.'");
        }
      }
    }
    return new ArgumentPath(path, List.copyOf(steps));
  }

  private static ScenarioException malformed(String path, int at, String why) {
    return new ScenarioException(
        "Malformed argument path '"
            + path
            + "' at character "
            + (at + 1)
            + ": "
            + why
            + ". Write paths like 'to', 'recipient.email', 'attachments[0].name' or 'attachments[*].name'.");
  }

  /**
   * The values at this path. A missing property, a {@code null} or an index out of range yields no
   * value; {@code [*]} yields one value per element.
   *
   * @param root the arguments (a JSON object)
   * @return the values found, possibly empty
   */
  public List<JsonNode> select(JsonNode root) {
    List<JsonNode> current = new ArrayList<>();
    if (root != null) {
      current.add(root);
    }
    for (Object step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        if (step instanceof String name) {
          JsonNode child = node.get(name);
          if (child != null && !child.isNull() && !child.isMissingNode()) {
            next.add(child);
          }
        } else if (node.isArray()) {
          int index = (Integer) step;
          if (index == ANY) {
            node.forEach(
                element -> {
                  if (!element.isNull()) {
                    next.add(element);
                  }
                });
          } else if (index < node.size() && !node.get(index).isNull()) {
            next.add(node.get(index));
          }
        }
      }
      current = next;
    }
    return current;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ArgumentPath p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /**
   * @return the path as written
   */
  @Override
  public String toString() {
    return text;
  }
}
