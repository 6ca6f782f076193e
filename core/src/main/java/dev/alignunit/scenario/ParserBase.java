package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What every part of the scenario parser shares: the tree that keeps the line and column of every
 * node (Jackson's own {@code JsonNode} tree forgets them), the field helpers that check a node's
 * shape, and the errors, which all start with {@code source:line:column: }.
 */
abstract class ParserBase {

  /** The state of one parse: the source name and the declared variables. */
  static final class Context {
    final String source;
    Set<String> variableNames = Set.of();

    Context(String source) {
      this.source = source;
    }
  }

  final Context context;

  ParserBase(Context context) {
    this.context = context;
  }

  // ---------------------------------------------------------------- tree with locations

  /** A node of the located tree. */
  sealed interface Node permits MapNode, ListNode, ScalarNode {
    int line();

    int column();
  }

  /** One field of a mapping: the key's location and the value. */
  record Entry(String key, int line, int column, Node value) {}

  record MapNode(Map<String, Entry> entries, int line, int column) implements Node {
    Node get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }
  }

  record ListNode(List<Node> items, int line, int column) implements Node {}

  /** A scalar: its typed JSON value and its text as written ({@code null} for null). */
  record ScalarNode(JsonNode value, String text, int line, int column) implements Node {
    boolean isNull() {
      return value.isNull();
    }
  }

  // ---------------------------------------------------------------- field helpers

  static boolean isAbsent(Node node) {
    return node == null || node instanceof ScalarNode s && s.isNull();
  }

  void allowOnly(MapNode map, String context, List<String> known) {
    for (Entry e : map.entries().values()) {
      if (!known.contains(e.key())) {
        throw error(
            e.line(),
            e.column(),
            "unknown field '"
                + e.key()
                + "' in "
                + context
                + "; known fields: "
                + String.join(", ", known)
                + "."
                + suffix(Suggestions.didYouMean(Suggestions.closest(e.key(), known, 1))));
      }
    }
  }

  MapNode map(Node node, String path, String expected) {
    if (node instanceof MapNode m) {
      return m;
    }
    throw error(node, path + " must be " + expected + ", got " + kind(node));
  }

  /** A mapping that is an item of a list, and its place, such as {@code tools[2]}. */
  record Item(MapNode map, String path, int index) {}

  /**
   * The items of a list of mappings, checked one by one as the loop reaches them (so errors come in
   * file order): each must be a mapping ({@code <what> with fields a, b, ...}) with only those
   * fields.
   */
  Iterable<Item> mapItems(ListNode list, String path, String what, List<String> fields) {
    return () ->
        IntStream.range(0, list.items().size())
            .mapToObj(
                i -> {
                  String itemPath = path + "[" + i + "]";
                  MapNode map =
                      map(
                          list.items().get(i),
                          itemPath,
                          what + " with fields " + String.join(", ", fields));
                  allowOnly(map, itemPath, fields);
                  return new Item(map, itemPath, i);
                })
            .iterator();
  }

  ListNode list(Node node, String path, String expected) {
    if (node instanceof ListNode l) {
      return l;
    }
    throw error(node, path + " must be " + expected + ", got " + kind(node));
  }

  /** A list of text items; absent gives an empty list, a present list must not be empty. */
  List<String> optionalTexts(Node node, String path) {
    return isAbsent(node) ? List.of() : List.copyOf(texts(node, path, true));
  }

  /**
   * The {@code i}-th item of a list, for an error's location; the node itself when it is no list.
   */
  static Node itemAt(Node list, int i) {
    return list instanceof ListNode l && i < l.items().size() ? l.items().get(i) : list;
  }

  /** Text without placeholder check: for names and IDs, which are never substituted. */
  String plainText(Node node, String path) {
    if (node instanceof ScalarNode s && !s.isNull()) {
      return s.text();
    }
    throw error(node, path + " must be text, got " + kind(node));
  }

  /** Text that may hold placeholders: each must name a declared variable or be args.*. */
  String text(Node node, String path) {
    if (isAbsent(node)) {
      return null;
    }
    String text = plainText(node, path);
    checkPlaceholders(node, path);
    return text;
  }

  /**
   * A list of text. Only matcher lists are substituted per variant, so only they may hold
   * placeholders; tags and tool names are taken as written.
   */
  List<String> texts(Node node, String path, boolean matcher) {
    if (isAbsent(node)) {
      return null;
    }
    ListNode list = list(node, path, "a list of text, such as '[a, b]'");
    if (matcher && list.items().isEmpty()) {
      throw error(list, path + " is empty; give at least one text or remove it");
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String itemPath = path + "[" + i + "]";
      Node item = list.items().get(i);
      if (isAbsent(item)) {
        throw error(
            item,
            itemPath
                + " is empty (null); remove the item or write its text (quote '~' and"
                + " 'null' to mean the words)");
      }
      result.add(matcher ? text(item, itemPath) : plainText(item, itemPath));
    }
    return result;
  }

  Boolean bool(Node node, String path) {
    if (isAbsent(node)) {
      return null;
    }
    if (node instanceof ScalarNode s && s.value().isBoolean()) {
      return s.value().booleanValue();
    }
    throw error(node, path + " must be true or false, got " + kind(node));
  }

  void checkPlaceholders(Node node, String path) {
    if (node instanceof ScalarNode s && s.value().isTextual()) {
      for (String name : Placeholders.variableNames(s.text())) {
        if (!context.variableNames.contains(name)) {
          String declared =
              context.variableNames.isEmpty()
                  ? "the scenario declares no variables"
                  : "declared variables: " + String.join(", ", context.variableNames);
          throw error(
              node,
              "unknown placeholder {{"
                  + name
                  + "}} in "
                  + path
                  + "; "
                  + declared
                  + ". Declare it under 'variables' or fix the name (placeholders starting with"
                  + " 'args.' are tool-result templates)."
                  + suffix(
                      Suggestions.didYouMean(Suggestions.closest(name, context.variableNames, 1))));
        }
      }
    } else if (node instanceof MapNode m) {
      m.entries().values().forEach(e -> checkPlaceholders(e.value(), path + "." + e.key()));
    } else if (node instanceof ListNode l) {
      for (int i = 0; i < l.items().size(); i++) {
        checkPlaceholders(l.items().get(i), path + "[" + i + "]");
      }
    }
  }

  static JsonNode json(Node node) {
    if (node instanceof MapNode m) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      m.entries().values().forEach(e -> object.set(e.key(), json(e.value())));
      return object;
    }
    if (node instanceof ListNode l) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      l.items().forEach(item -> array.add(json(item)));
      return array;
    }
    return ((ScalarNode) node).value();
  }

  static String kind(Node node) {
    if (node instanceof MapNode) {
      return "a mapping";
    }
    if (node instanceof ListNode) {
      return "a list";
    }
    ScalarNode s = (ScalarNode) node;
    if (s.isNull()) {
      return "nothing (null)";
    }
    if (s.value().isBoolean()) {
      return "'" + s.text() + "' (true/false)";
    }
    if (s.value().isNumber()) {
      return "the number " + s.text();
    }
    String text = s.text().length() > 40 ? s.text().substring(0, 40) + "..." : s.text();
    return "the text '" + text.replace("\n", "\\n") + "'";
  }

  static String known(Set<String> names) {
    return names.isEmpty() ? " (it has none)" : " (" + String.join(", ", names) + ")";
  }

  static String suffix(String sentence) {
    return sentence.isEmpty() ? "" : " " + sentence;
  }

  // ---------------------------------------------------------------- errors

  ScenarioException error(Node node, String message) {
    return error(node.line(), node.column(), message);
  }

  ScenarioException error(Node node, String message, Throwable cause) {
    return new ScenarioException(location(node.line(), node.column()) + message, cause);
  }

  ScenarioException error(int line, int column, String message) {
    return new ScenarioException(location(line, column) + message);
  }

  String location(int line, int column) {
    return context.source + ":" + Math.max(line, 1) + ":" + Math.max(column, 1) + ": ";
  }

  /** One address or a list of addresses. */
  List<String> addresses(Node node, String path) {
    if (isAbsent(node)) {
      return null;
    }
    if (node instanceof ScalarNode) {
      return List.of(text(node, path));
    }
    return texts(node, path, true);
  }
}
