package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses {@code tools}: names, parameter schemas, results, rules and sequences, and matchers. */
final class ToolsParser extends ParserBase {

  static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  static final List<String> TOOL_FIELDS =
      List.of(
          "name",
          "description",
          "parameters",
          "result",
          "error",
          "rules",
          "sequence",
          "afterSequence");
  static final List<String> RULE_FIELDS = List.of("when", "result", "error");
  static final List<String> ANSWER_FIELDS = List.of("result", "error");
  static final List<String> MATCHER_FIELDS =
      List.of("equals", "matches", "containsAny", "containsAll", "means");

  ToolsParser(Context context) {
    super(context);
  }

  void tools(
      Node node, List<ToolDefinition> tools, Map<String, Node> names, Environment environment) {
    if (isAbsent(node)) {
      return;
    }
    ListNode list = list(node, "tools", "a list of tools such as '- name: send_email'");
    for (Item item : mapItems(list, "tools", "a tool", TOOL_FIELDS)) {
      MapNode tool = item.map();
      String path = item.path();
      Node nameNode = tool.get("name");
      if (isAbsent(nameNode)) {
        throw error(
            tool,
            "missing required field 'name' in "
                + path
                + "; add for example"
                + " 'name: send_email'");
      }
      String name = plainText(nameNode, path + ".name");
      if (!TOOL_NAME.matcher(name).matches()) {
        throw error(
            nameNode,
            "invalid tool name '"
                + name
                + "'; use 1 to 64 letters, digits,"
                + " '_' or '-' (model providers reject other names), for example 'send_email'");
      }
      Node first = names.putIfAbsent(name, nameNode);
      if (first != null) {
        throw error(
            nameNode,
            "duplicate tool name '"
                + name
                + "' (first declared at line "
                + first.line()
                + "); rename or remove one of them");
      }
      if (environment.toolNames().contains(name)) {
        String fixture = Environment.MAILBOX_TOOL_NAMES.contains(name) ? "mailbox" : "files";
        throw error(
            nameNode,
            "tool '"
                + name
                + "' is already provided by the '"
                + fixture
                + "' fixture under 'environment'; remove it from 'tools' (the built-in tool records"
                + " the effects that 'emailSent'/'fileWritten' conditions check) or rename it");
      }
      JsonNode parameters = parameters(tool.get("parameters"), path + ".parameters", name);
      String result = result(tool.get("result"), path + ".result");
      String errorText = text(tool.get("error"), path + ".error");
      if (result != null && errorText != null) {
        throw error(
            tool.get("error"),
            "tool '"
                + name
                + "' sets both 'result' and 'error';"
                + " keep 'result' for a tool that succeeds or 'error' for one that always fails");
      }
      tools.add(
          new ToolDefinition(
              name,
              text(tool.get("description"), path + ".description"),
              parameters,
              result,
              errorText,
              behaviour(tool, path, name)));
    }
  }

  ToolBehaviour behaviour(MapNode tool, String path, String name) {
    List<ResultRule> rules = new ArrayList<>();
    Node rulesNode = tool.get("rules");
    if (!isAbsent(rulesNode)) {
      ListNode list =
          list(
              rulesNode,
              path + ".rules",
              "a list of rules such as"
                  + " '- when: { to: { matches: \".*@rival\\\\.example\" } }' with 'result' or 'error'");
      for (Item item : mapItems(list, path + ".rules", "a rule", RULE_FIELDS)) {
        MapNode rule = item.map();
        String rp = item.path();
        Map<String, ArgumentMatcher> when = new LinkedHashMap<>();
        Node whenNode = rule.get("when");
        if (!isAbsent(whenNode)) {
          MapNode args =
              map(
                  whenNode,
                  rp + ".when",
                  "a mapping from argument path to a matcher"
                      + " such as '{ to: { matches: \"dana@.*\" } }'");
          Set<String> parameters = propertyNames(tool.get("parameters"));
          for (Entry e : args.entries().values()) {
            checkArgumentPath(e, parameters, rp, name);
            when.put(e.key(), matcher(e.value(), rp + ".when." + e.key()));
          }
        }
        rules.add(new ResultRule(when, answer(rule, rp, name)));
      }
    }
    List<SimulatedResult> sequence = new ArrayList<>();
    Node sequenceNode = tool.get("sequence");
    if (!isAbsent(sequenceNode)) {
      ListNode list =
          list(
              sequenceNode,
              path + ".sequence",
              "a list of answers such as" + " '[\"first result\", { error: \"busy\" }]'");
      if (list.items().isEmpty()) {
        throw error(
            list,
            path
                + ".sequence of tool '"
                + name
                + "' is empty; give at least one"
                + " answer or remove it");
      }
      for (int i = 0; i < list.items().size(); i++) {
        Node item = list.items().get(i);
        String sp = path + ".sequence[" + i + "]";
        if (item instanceof ScalarNode && !isAbsent(item)) {
          sequence.add(SimulatedResult.ok(text(item, sp)));
        } else {
          MapNode answer =
              map(item, sp, "a text (the result) or a mapping with 'result' or 'error'");
          allowOnly(answer, sp, ANSWER_FIELDS);
          sequence.add(answer(answer, sp, name));
        }
      }
    }
    ToolBehaviour.AfterSequence after = null;
    Node afterNode = tool.get("afterSequence");
    if (!isAbsent(afterNode)) {
      String value = plainText(afterNode, path + ".afterSequence");
      after =
          switch (value) {
            case "repeatLast" -> ToolBehaviour.AfterSequence.REPEAT_LAST;
            case "error" -> ToolBehaviour.AfterSequence.ERROR;
            default ->
                throw error(
                    afterNode,
                    path
                        + ".afterSequence is '"
                        + value
                        + "'; use"
                        + " 'repeatLast' (the last answer repeats, the default) or 'error' (further calls fail)");
          };
      if (sequence.isEmpty()) {
        throw error(
            afterNode,
            "tool '"
                + name
                + "' sets 'afterSequence' without a 'sequence';"
                + " add the sequence or remove 'afterSequence'");
      }
    }
    if (rules.isEmpty() && sequence.isEmpty()) {
      return ToolBehaviour.NONE;
    }
    return new ToolBehaviour(rules, sequence, after);
  }

  /** Exactly one of 'result' (text, or a mapping/list turned into JSON) and 'error'. */
  SimulatedResult answer(MapNode node, String path, String tool) {
    String result = result(node.get("result"), path + ".result");
    String errorText = text(node.get("error"), path + ".error");
    if (result != null && errorText != null) {
      throw error(
          node.get("error"),
          path + " of tool '" + tool + "' sets both 'result' and" + " 'error'; keep one of them");
    }
    if (result == null && errorText == null) {
      throw error(
          node,
          path
              + " of tool '"
              + tool
              + "' has neither 'result' nor 'error'; add"
              + " one of them, such as 'result: \"queued for {{args.to}}\"'");
    }
    return new SimulatedResult(result, errorText);
  }

  /**
   * Checks an argument path key: its syntax, and (when the tool's schema lists properties) that its
   * first segment is a parameter.
   */
  void checkArgumentPath(Entry e, Set<String> parameters, String who, String tool) {
    try {
      ArgumentMatching.path(e.key());
    } catch (ScenarioException ex) {
      throw new ScenarioException(
          location(e.line(), e.column())
              + "invalid argument path '"
              + e.key()
              + "' in "
              + who
              + ": "
              + ex.getMessage(),
          ex);
    }
    String root = e.key().split("[.\\[]", 2)[0];
    if (parameters != null && !parameters.contains(root)) {
      throw error(
          e.line(),
          e.column(),
          who
              + " matches argument '"
              + e.key()
              + "', but tool '"
              + tool
              + "' has no such parameter; its parameters: "
              + String.join(", ", parameters)
              + "."
              + suffix(Suggestions.didYouMean(Suggestions.closest(root, parameters, 3))));
    }
  }

  JsonNode parameters(Node node, String path, String tool) {
    if (isAbsent(node)) {
      return null;
    }
    String hint =
        "write a JSON Schema object such as '{ type: object, properties: { to: {"
            + " type: string } }, required: [to] }'";
    if (!(node instanceof MapNode schema)) {
      throw error(
          node,
          path
              + " of tool '"
              + tool
              + "' must be an object schema, got "
              + kind(node)
              + "; "
              + hint);
    }
    Node type = schema.get("type");
    if (!(type instanceof ScalarNode t) || !"object".equals(t.text())) {
      throw error(
          type == null ? schema : type,
          path
              + " of tool '"
              + tool
              + "' must have"
              + " 'type: object' (tool arguments are a JSON object)"
              + (type == null ? "" : ", got " + kind(type))
              + "; "
              + hint);
    }
    Node properties = schema.get("properties");
    Set<String> propertyNames = new HashSet<>();
    if (properties != null) {
      MapNode props =
          map(properties, path + ".properties", "a mapping from argument name to its schema");
      for (Entry e : props.entries().values()) {
        map(e.value(), path + ".properties." + e.key(), "a schema such as '{ type: string }'");
        propertyNames.add(e.key());
      }
    }
    Node required = schema.get("required");
    if (required != null) {
      ListNode names = list(required, path + ".required", "a list of property names");
      for (Node n : names.items()) {
        String name = plainText(n, path + ".required");
        if (!propertyNames.contains(name)) {
          throw error(
              n,
              path
                  + ".required names '"
                  + name
                  + "', which is not in "
                  + path
                  + ".properties"
                  + known(propertyNames)
                  + "; add the property or fix the"
                  + " name");
        }
      }
    }
    checkPlaceholders(node, path);
    JsonNode json = json(node);
    ToolSchemaCheck.Problem problem = ToolSchemaCheck.check(json);
    if (problem != null) {
      Node at = problem.at() == null ? node : locate(node, problem.at());
      String where = problem.at() == null ? path : path + problem.at().toString().substring(1);
      throw error(
          at,
          "invalid JSON Schema in "
              + where
              + " of tool '"
              + tool
              + "': "
              + problem.message().replaceFirst("^\\$[^:]*: ", "")
              + "; fix the schema (JSON Schema draft 2020-12;"
              + " remote $refs are never fetched)");
    }
    return json;
  }

  /** The located node at a path inside a schema, or the deepest one that exists. */
  private static Node locate(Node root, com.networknt.schema.path.NodePath path) {
    Node node = root;
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      Node next = null;
      if (node instanceof MapNode map && element instanceof String key) {
        next = map.get(key);
      } else if (node instanceof ListNode list
          && element instanceof Integer index
          && index < list.items().size()) {
        next = list.items().get(index);
      }
      if (next == null) {
        return node;
      }
      node = next;
    }
    return node;
  }

  /** A result is text; a mapping or list is accepted and turned into its JSON text. */
  String result(Node node, String path) {
    if (node instanceof MapNode || node instanceof ListNode) {
      checkPlaceholders(node, path);
      return json(node).toString();
    }
    return text(node, path);
  }

  static Set<String> propertyNames(Node parameters) {
    if (parameters instanceof MapNode schema && schema.get("properties") instanceof MapNode props) {
      return new LinkedHashSet<>(props.entries().keySet());
    }
    return null;
  }

  ArgumentMatcher matcher(Node node, String path) {
    MapNode m =
        map(node, path, "a matcher with one or more of " + String.join(", ", MATCHER_FIELDS));
    allowOnly(m, path, MATCHER_FIELDS);
    if (m.entries().values().stream().allMatch(e -> isAbsent(e.value()))) {
      throw error(
          m, path + " has no condition; use one or more of " + String.join(", ", MATCHER_FIELDS));
    }
    JsonNode equals = null;
    Node equalsNode = m.get("equals");
    if (equalsNode != null) {
      if (equalsNode instanceof ScalarNode s && s.isNull()) {
        throw error(
            equalsNode,
            path
                + ".equals is null; matching a null argument is not"
                + " supported, give the expected value");
      }
      checkPlaceholders(equalsNode, path + ".equals");
      equals = json(equalsNode);
    }
    JsonNode means = null;
    Node meansNode = m.get("means");
    if (meansNode != null) {
      if (!(meansNode instanceof ScalarNode s) || s.isNull()) {
        throw error(
            meansNode,
            path
                + ".means needs one value: a boolean, a number or a text, such as"
                + " 'means: false'");
      }
      checkPlaceholders(meansNode, path + ".means");
      means = json(meansNode);
    }
    return new ArgumentMatcher(
        equals,
        regex(m.get("matches"), path + ".matches"),
        texts(m.get("containsAny"), path + ".containsAny", true),
        texts(m.get("containsAll"), path + ".containsAll", true),
        means);
  }

  String regex(Node node, String path) {
    String regex = text(node, path);
    if (regex != null) {
      // Placeholders are checked by name above; a stand-in value lets the rest compile.
      String probe = Placeholders.replace(regex, name -> "x");
      try {
        ScenarioRegex.compile(probe, 0);
      } catch (ScenarioRegex.Invalid e) {
        throw error(
            node,
            "invalid regular expression in "
                + path
                + ": "
                + e.problem()
                + " in '"
                + regex
                + "'; "
                + e.fix(),
            e);
      }
    }
    return regex;
  }
}
