package dev.alignunit.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one scenario document. Jackson's streaming parser builds a small tree that keeps the line
 * and column of every node ({@link LocatedTreeReader}), and the tree is then validated field by
 * field so that every error can say {@code source:line:column: what is wrong; how to fix it}. This
 * class reads the top level, the variables, the opening conversation and {@code expect}; {@link
 * EnvironmentParser}, {@link ToolsParser} and {@link HarmsParser} read their sections.
 */
final class ScenarioParser extends ParserBase {

  static final Pattern ID = Pattern.compile("[a-z0-9._-]+(/[a-z0-9._-]+)*");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Pattern VALUE_FORBIDDEN = Pattern.compile("[,;|=\\[\\]]");
  static final List<String> SCENARIO_FIELDS =
      List.of(
          "id",
          "title",
          "description",
          "tags",
          "variables",
          "system",
          "input",
          "tools",
          "environment",
          "secrets",
          "channels",
          "harms",
          "expect");
  private static final List<String> TURN_FIELDS = List.of("user", "assistant");
  private static final List<String> EXPECT_FIELDS =
      List.of("refusal", "explainsReasoning", "neverCalls", "emptyAnswer");

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  private ScenarioParser(Context context) {
    super(context);
  }

  /**
   * Parses a scenario; JSON when the source name ends with {@code .json}, YAML otherwise.
   *
   * @throws ScenarioException with a {@code source:line:column: } message prefix
   */
  static Scenario parse(String content, String source) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
    Context context = new Context(source);
    LocatedTreeReader reader = new LocatedTreeReader(context);
    Node root;
    try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
      root = reader.readDocument(p);
    } catch (JsonProcessingException e) {
      throw reader.syntaxError(e, json);
    } catch (IOException e) {
      throw new ScenarioException(source + ":1:1: cannot read the scenario: " + e.getMessage(), e);
    }
    return new ScenarioParser(context).scenario(root);
  }

  // ---------------------------------------------------------------- scenario

  private Scenario scenario(Node rootNode) {
    if (!(rootNode instanceof MapNode root)) {
      throw error(
          rootNode,
          "a scenario file must be a mapping of fields ("
              + String.join(", ", SCENARIO_FIELDS)
              + "), got "
              + kind(rootNode));
    }
    allowOnly(root, "scenario", SCENARIO_FIELDS);
    String id = id(root);
    Map<String, Map<String, String>> variables = variables(root.get("variables"));
    String title = text(root.get("title"), "title");
    String description = text(root.get("description"), "description");
    List<String> tags = texts(root.get("tags"), "tags", false);
    String system = text(root.get("system"), "system");
    List<Turn> input = input(root.get("input"));
    Environment environment = new EnvironmentParser(context).environment(root.get("environment"));
    List<ToolDefinition> tools = new ArrayList<>();
    Map<String, Node> toolNames = new HashMap<>();
    ToolsParser toolsParser = new ToolsParser(context);
    toolsParser.tools(root.get("tools"), tools, toolNames, environment);
    InformationFlowParser flow = new InformationFlowParser(this, environment, tools);
    List<Secret> secrets = flow.secrets(root.get("secrets"));
    List<Channel> channels = flow.channels(root.get("channels"));
    List<HarmDefinition> harms =
        new HarmsParser(context, toolsParser, flow).harms(root.get("harms"), tools, environment);
    Expectation expect = expect(root.get("expect"));
    return new Scenario(
        id,
        title,
        description,
        tags,
        variables,
        system,
        input,
        tools,
        environment,
        secrets,
        channels,
        harms,
        expect,
        context.source);
  }

  private String id(MapNode root) {
    Node node = root.get("id");
    if (node == null || node instanceof ScalarNode s && s.isNull()) {
      throw error(
          node == null ? root : node,
          "missing required field 'id' in scenario; add"
              + " for example 'id: refusal/drop-production-table' (lowercase segments of"
              + " [a-z0-9._-] separated by '/')");
    }
    String id = plainText(node, "id");
    if (!ID.matcher(id).matches()) {
      throw error(
          node,
          "invalid id '"
              + id
              + "'; use lowercase segments of [a-z0-9._-]"
              + " separated by '/', for example '"
              + suggestId(id)
              + "'");
    }
    return id;
  }

  private static String suggestId(String id) {
    String suggestion =
        id.strip()
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", "-")
            .replaceAll("[^a-z0-9._/-]", "")
            .replaceAll("/{2,}", "/")
            .replaceAll("^/|/$", "");
    return suggestion.isEmpty() ? "misalignment/blackmail" : suggestion;
  }

  // ---------------------------------------------------------------- variables

  private Map<String, Map<String, String>> variables(Node node) {
    Map<String, Map<String, String>> variables = new LinkedHashMap<>();
    if (isAbsent(node)) {
      return variables;
    }
    MapNode map =
        map(
            node,
            "variables",
            "a mapping from variable name to its values, for"
                + " example 'urgency: [replacement, none]'");
    // Names first: a value's text may use any other variable's placeholder.
    context.variableNames = new LinkedHashSet<>(map.entries().keySet());
    Map<String, List<Node>> texts = new LinkedHashMap<>();
    for (Entry entry : map.entries().values()) {
      String name = entry.key();
      if (name.equals(Placeholders.CALL)) {
        throw error(
            entry.line(),
            entry.column(),
            "variable name 'call' is reserved: {{call}} in"
                + " a tool result is the call number; rename the variable");
      }
      if (!VARIABLE.matcher(name).matches()) {
        throw error(
            entry.line(),
            entry.column(),
            "invalid variable name '"
                + name
                + "'; use"
                + " letters, digits, '_' and '-', starting with a letter or '_'");
      }
      Map<String, String> values = new LinkedHashMap<>();
      List<Node> textNodes = new ArrayList<>();
      String path = "variables." + name;
      if (entry.value() instanceof ListNode list) {
        for (Node item : list.items()) {
          String value = variableValue(item, name, plainText(item, path + " values"));
          if (values.put(value, value) != null) {
            throw error(
                item,
                "duplicate value '" + value + "' of variable '" + name + "'; list each value once");
          }
        }
      } else if (entry.value() instanceof MapNode valueMap) {
        for (Entry valueEntry : valueMap.entries().values()) {
          String value =
              variableValue(
                  new ScalarNode(
                      NullNode.getInstance(), null, valueEntry.line(), valueEntry.column()),
                  name,
                  valueEntry.key());
          Node textNode = valueEntry.value();
          String text = isAbsent(textNode) ? "" : plainText(textNode, path + "." + value);
          values.put(value, text);
          textNodes.add(textNode);
        }
      } else {
        throw error(
            entry.value(),
            "variable '"
                + name
                + "' must be a list of values, such as"
                + " '"
                + name
                + ": [a, b]', or a mapping from value to text, such as '"
                + name
                + ": { a: \"text for a\", b: \"\" }'; got "
                + kind(entry.value()));
      }
      if (values.isEmpty()) {
        throw error(entry.value(), "variable '" + name + "' has no values; give at least one");
      }
      variables.put(name, values);
      texts.put(name, textNodes);
    }
    for (Map.Entry<String, List<Node>> e : texts.entrySet()) {
      for (Node textNode : e.getValue()) {
        checkPlaceholders(textNode, "variables." + e.getKey());
      }
    }
    checkNoCycle(variables, map);
    return variables;
  }

  private String variableValue(Node at, String variable, String value) {
    if (value.isBlank() || !value.strip().equals(value)) {
      throw error(
          at,
          "value '"
              + value
              + "' of variable '"
              + variable
              + "' is blank or has"
              + " leading or trailing spaces; use a short word such as 'none'");
    }
    if (VALUE_FORBIDDEN.matcher(value).find()) {
      throw error(
          at,
          "value '"
              + value
              + "' of variable '"
              + variable
              + "' contains one of"
              + " , ; | = [ ], which variant selections and names use; use a short word such as"
              + " 'explicit'");
    }
    return value;
  }

  private void checkNoCycle(Map<String, Map<String, String>> variables, MapNode map) {
    for (String start : variables.keySet()) {
      List<String> path = new ArrayList<>();
      path.add(start);
      String cycle = findCycle(variables, start, path);
      if (cycle != null) {
        Entry entry = map.entries().get(start);
        throw error(
            entry.line(),
            entry.column(),
            "the texts of variables refer to each other in"
                + " a cycle "
                + cycle
                + "; remove one of the references");
      }
    }
  }

  private static String findCycle(
      Map<String, Map<String, String>> variables, String current, List<String> path) {
    for (String text : variables.get(current).values()) {
      for (String next : Placeholders.variableNames(text)) {
        if (next.equals(path.get(0))) {
          return String.join(" -> ", path) + " -> " + next;
        }
        if (!path.contains(next) && variables.containsKey(next)) {
          path.add(next);
          String cycle = findCycle(variables, next, path);
          if (cycle != null) {
            return cycle;
          }
          path.remove(path.size() - 1);
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- input

  private List<Turn> input(Node node) {
    List<Turn> turns = new ArrayList<>();
    if (isAbsent(node)) {
      return turns;
    }
    ListNode list =
        list(node, "input", "a list of turns such as '- user: Please check the inbox.'");
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String path = "input[" + i + "]";
      if (!(item instanceof MapNode turn) || turn.entries().size() != 1) {
        String got =
            item instanceof MapNode m
                ? (m.entries().isEmpty()
                    ? "an empty mapping"
                    : "fields " + String.join(", ", m.entries().keySet()))
                : kind(item);
        throw error(
            item,
            path
                + " must have exactly one of 'user' or 'assistant', got "
                + got
                + "; write each turn as its own item, '- user: text' or '- assistant: text'");
      }
      allowOnly(turn, path, TURN_FIELDS);
      Entry entry = turn.entries().values().iterator().next();
      String field = path + "." + entry.key();
      if (isAbsent(entry.value())) {
        throw error(entry.line(), entry.column(), field + " is empty; write the message text");
      }
      Turn.Role role = entry.key().equals("user") ? Turn.Role.USER : Turn.Role.ASSISTANT;
      turns.add(new Turn(role, text(entry.value(), field)));
    }
    return turns;
  }

  // ---------------------------------------------------------------- expect

  private Expectation expect(Node node) {
    if (isAbsent(node)) {
      return Expectation.NONE;
    }
    MapNode expect = map(node, "expect", "a mapping with " + String.join(", ", EXPECT_FIELDS));
    allowOnly(expect, "expect", EXPECT_FIELDS);
    Expectation.EmptyAnswer empty = null;
    Node emptyNode = expect.get("emptyAnswer");
    if (!isAbsent(emptyNode)) {
      String value = plainText(emptyNode, "expect.emptyAnswer");
      empty =
          switch (value) {
            case "refusal" -> Expectation.EmptyAnswer.REFUSAL;
            case "compliance" -> Expectation.EmptyAnswer.COMPLIANCE;
            default ->
                throw error(
                    emptyNode,
                    "expect.emptyAnswer is '"
                        + value
                        + "'; use 'refusal' (an empty"
                        + " answer counts as declining) or 'compliance' (it counts as not refusing), or leave it out"
                        + " (an empty answer is then labelled EMPTY and passes neither refused() nor didNotRefuse())");
          };
    }
    return new Expectation(
        bool(expect.get("refusal"), "expect.refusal"),
        bool(expect.get("explainsReasoning"), "expect.explainsReasoning"),
        texts(expect.get("neverCalls"), "expect.neverCalls", false),
        empty);
  }
}
