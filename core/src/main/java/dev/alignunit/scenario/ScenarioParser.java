package dev.alignunit.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one scenario document. Jackson's streaming parser builds a small tree that keeps the
 * line and column of every node (Jackson's own {@code JsonNode} tree forgets them), and the
 * tree is then validated field by field so that every error can say
 * {@code source:line:column: what is wrong; how to fix it}.
 */
final class ScenarioParser {

  static final Pattern ID = Pattern.compile("[a-z0-9._-]+(/[a-z0-9._-]+)*");
  private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern HARM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Pattern VALUE_FORBIDDEN = Pattern.compile("[,;|=\\[\\]]");

  static final List<String> SCENARIO_FIELDS = List.of(
      "id", "title", "description", "tags", "variables", "system", "input", "tools",
      "environment", "secrets", "channels", "harms", "expect");
  private static final List<String> TURN_FIELDS = List.of("user", "assistant");
  private static final List<String> TOOL_FIELDS = List.of(
      "name", "description", "parameters", "result", "error", "rules", "sequence", "afterSequence");
  private static final List<String> RULE_FIELDS = List.of("when", "result", "error");
  private static final List<String> ANSWER_FIELDS = List.of("result", "error");
  private static final List<String> HARM_FIELDS = List.of("id", "description", "intent", "when");
  private static final List<String> TRIPWIRE_FIELDS =
      List.of("tool", "arguments", "text", "anyOf", "allOf", "emailSent", "fileWritten", "leak",
          "leverage", "sql");
  private static final List<String> EMAIL_SENT_FIELDS = List.of(
      "toDomainNot", "toMatches", "bodyContainsAny", "forwardsEmailId", "withAttachmentMatching");
  private static final List<String> FILE_WRITTEN_FIELDS =
      List.of("pathOutside", "pathMatches", "contentContainsAny");
  private static final List<String> ENVIRONMENT_FIELDS = List.of("address", "mailbox", "files");
  private static final List<String> EMAIL_FIELDS = List.of(
      "id", "from", "to", "cc", "timestamp", "subject", "body", "attachments");
  private static final List<String> ATTACHMENT_FIELDS = List.of("name", "content");
  private static final List<String> MATCHER_FIELDS =
      List.of("equals", "matches", "containsAny", "containsAll");
  private static final List<String> EXPECT_FIELDS =
      List.of("refusal", "explainsReasoning", "neverCalls");

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  private final String source;
  private Set<String> variableNames = Set.of();
  private InformationFlowParser flow;

  private ScenarioParser(String source) {
    this.source = source;
  }

  /**
   * Parses a scenario; JSON when the source name ends with {@code .json}, YAML otherwise.
   *
   * @throws ScenarioException with a {@code source:line:column: } message prefix
   */
  static Scenario parse(String content, String source) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
    ScenarioParser parser = new ScenarioParser(source);
    Node root;
    try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
      root = parser.readDocument(p);
    } catch (JsonProcessingException e) {
      throw parser.syntaxError(e, json);
    } catch (IOException e) {
      throw new ScenarioException(source + ":1:1: cannot read the scenario: " + e.getMessage(), e);
    }
    return parser.scenario(root);
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

  private Node readDocument(JsonParser p) throws IOException {
    if (p.nextToken() == null) {
      throw error(1, 1, "the file is empty; a scenario needs at least 'id: <id>', for example"
          + " 'id: refusal/drop-production-table'");
    }
    Node root = read(p);
    if (p.nextToken() != null) {
      JsonLocation l = p.currentTokenLocation();
      throw error(l.getLineNr(), l.getColumnNr(), "a second document starts here; a scenario"
          + " file holds exactly one scenario, so move this one to its own file");
    }
    return root;
  }

  private Node read(JsonParser p) throws IOException {
    JsonLocation l = p.currentTokenLocation();
    int line = l.getLineNr();
    int column = l.getColumnNr();
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw error(line, column, "YAML aliases ('*" + p.getText() + "') are not supported;"
          + " write the value out in full");
    }
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String key = p.currentName();
          JsonLocation k = p.currentTokenLocation();
          p.nextToken();
          Node value = read(p);
          Entry first = entries.get(key);
          if (first != null) {
            throw error(k.getLineNr(), k.getColumnNr(), "duplicate field '" + key
                + "' (first at line " + first.line() + "); remove one of them");
          }
          entries.put(key, new Entry(key, k.getLineNr(), k.getColumnNr(), value));
        }
        return new MapNode(entries, line, column);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p));
        }
        return new ListNode(items, line, column);
      }
      case VALUE_STRING -> {
        return new ScalarNode(TextNode.valueOf(p.getText()), p.getText(), line, column);
      }
      case VALUE_NUMBER_INT -> {
        JsonNode value = switch (p.getNumberType()) {
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
      default -> throw error(line, column, "unsupported value (" + token + "); use text, a"
          + " number, true/false, a list or a mapping");
    }
  }

  // ---------------------------------------------------------------- scenario

  private Scenario scenario(Node rootNode) {
    if (!(rootNode instanceof MapNode root)) {
      throw error(rootNode, "a scenario file must be a mapping of fields ("
          + String.join(", ", SCENARIO_FIELDS) + "), got " + kind(rootNode));
    }
    allowOnly(root, "scenario", SCENARIO_FIELDS);
    String id = id(root);
    Map<String, Map<String, String>> variables = variables(root.get("variables"));
    String title = text(root.get("title"), "title");
    String description = text(root.get("description"), "description");
    List<String> tags = texts(root.get("tags"), "tags", false);
    String system = text(root.get("system"), "system");
    List<Turn> input = input(root.get("input"));
    Environment environment = environment(root.get("environment"));
    List<ToolDefinition> tools = new ArrayList<>();
    Map<String, Node> toolNames = new HashMap<>();
    tools(root.get("tools"), tools, toolNames, environment);
    flow = new InformationFlowParser(this, environment, tools);
    List<Secret> secrets = flow.secrets(root.get("secrets"));
    List<Channel> channels = flow.channels(root.get("channels"));
    List<HarmDefinition> harms = harms(root.get("harms"), tools, environment);
    Expectation expect = expect(root.get("expect"));
    return new Scenario(id, title, description, tags, variables, system, input, tools,
        environment, secrets, channels, harms, expect, source);
  }

  private String id(MapNode root) {
    Node node = root.get("id");
    if (node == null || node instanceof ScalarNode s && s.isNull()) {
      throw error(node == null ? root : node, "missing required field 'id' in scenario; add"
          + " for example 'id: refusal/drop-production-table' (lowercase segments of"
          + " [a-z0-9._-] separated by '/')");
    }
    String id = plainText(node, "id");
    if (!ID.matcher(id).matches()) {
      throw error(node, "invalid id '" + id + "'; use lowercase segments of [a-z0-9._-]"
          + " separated by '/', for example '" + suggestId(id) + "'");
    }
    return id;
  }

  private static String suggestId(String id) {
    String suggestion = id.strip().toLowerCase(Locale.ROOT)
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
    MapNode map = map(node, "variables", "a mapping from variable name to its values, for"
        + " example 'urgency: [replacement, none]'");
    // Names first: a value's text may use any other variable's placeholder.
    variableNames = new LinkedHashSet<>(map.entries().keySet());
    Map<String, List<Node>> texts = new LinkedHashMap<>();
    for (Entry entry : map.entries().values()) {
      String name = entry.key();
      if (name.equals(Placeholders.CALL)) {
        throw error(entry.line(), entry.column(), "variable name 'call' is reserved: {{call}} in"
            + " a tool result is the call number; rename the variable");
      }
      if (!VARIABLE.matcher(name).matches()) {
        throw error(entry.line(), entry.column(), "invalid variable name '" + name + "'; use"
            + " letters, digits, '_' and '-', starting with a letter or '_'");
      }
      Map<String, String> values = new LinkedHashMap<>();
      List<Node> textNodes = new ArrayList<>();
      String path = "variables." + name;
      if (entry.value() instanceof ListNode list) {
        for (Node item : list.items()) {
          String value = variableValue(item, name, plainText(item, path + " values"));
          if (values.put(value, value) != null) {
            throw error(item, "duplicate value '" + value + "' of variable '" + name
                + "'; list each value once");
          }
        }
      } else if (entry.value() instanceof MapNode valueMap) {
        for (Entry valueEntry : valueMap.entries().values()) {
          String value = variableValue(
              new ScalarNode(NullNode.getInstance(), null, valueEntry.line(), valueEntry.column()),
              name, valueEntry.key());
          Node textNode = valueEntry.value();
          String text = isAbsent(textNode) ? "" : plainText(textNode, path + "." + value);
          values.put(value, text);
          textNodes.add(textNode);
        }
      } else {
        throw error(entry.value(), "variable '" + name + "' must be a list of values, such as"
            + " '" + name + ": [a, b]', or a mapping from value to text, such as '" + name
            + ": { a: \"text for a\", b: \"\" }'; got " + kind(entry.value()));
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
      throw error(at, "value '" + value + "' of variable '" + variable + "' is blank or has"
          + " leading or trailing spaces; use a short word such as 'none'");
    }
    if (VALUE_FORBIDDEN.matcher(value).find()) {
      throw error(at, "value '" + value + "' of variable '" + variable + "' contains one of"
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
        throw error(entry.line(), entry.column(), "the texts of variables refer to each other in"
            + " a cycle " + cycle + "; remove one of the references");
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
    ListNode list = list(node, "input", "a list of turns such as '- user: Please check the inbox.'");
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String path = "input[" + i + "]";
      if (!(item instanceof MapNode turn) || turn.entries().size() != 1) {
        String got = item instanceof MapNode m
            ? (m.entries().isEmpty() ? "an empty mapping" : "fields " + String.join(", ", m.entries().keySet()))
            : kind(item);
        throw error(item, path + " must have exactly one of 'user' or 'assistant', got " + got
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

  // ---------------------------------------------------------------- tools

  private void tools(Node node, List<ToolDefinition> tools, Map<String, Node> names,
      Environment environment) {
    if (isAbsent(node)) {
      return;
    }
    ListNode list = list(node, "tools", "a list of tools such as '- name: send_email'");
    for (int i = 0; i < list.items().size(); i++) {
      String path = "tools[" + i + "]";
      MapNode tool = map(list.items().get(i), path, "a tool with fields "
          + String.join(", ", TOOL_FIELDS));
      allowOnly(tool, path, TOOL_FIELDS);
      Node nameNode = tool.get("name");
      if (isAbsent(nameNode)) {
        throw error(tool, "missing required field 'name' in " + path + "; add for example"
            + " 'name: send_email'");
      }
      String name = plainText(nameNode, path + ".name");
      if (!TOOL_NAME.matcher(name).matches()) {
        throw error(nameNode, "invalid tool name '" + name + "'; use 1 to 64 letters, digits,"
            + " '_' or '-' (model providers reject other names), for example 'send_email'");
      }
      Node first = names.putIfAbsent(name, nameNode);
      if (first != null) {
        throw error(nameNode, "duplicate tool name '" + name + "' (first declared at line "
            + first.line() + "); rename or remove one of them");
      }
      if (environment.toolNames().contains(name)) {
        String fixture = Environment.MAILBOX_TOOL_NAMES.contains(name) ? "mailbox" : "files";
        throw error(nameNode, "tool '" + name + "' is already provided by the '" + fixture
            + "' fixture under 'environment'; remove it from 'tools' (the built-in tool records"
            + " the effects that 'emailSent'/'fileWritten' conditions check) or rename it");
      }
      JsonNode parameters = parameters(tool.get("parameters"), path + ".parameters", name);
      String result = result(tool.get("result"), path + ".result");
      String errorText = text(tool.get("error"), path + ".error");
      if (result != null && errorText != null) {
        throw error(tool.get("error"), "tool '" + name + "' sets both 'result' and 'error';"
            + " keep 'result' for a tool that succeeds or 'error' for one that always fails");
      }
      tools.add(new ToolDefinition(
          name, text(tool.get("description"), path + ".description"), parameters, result,
          errorText, behaviour(tool, path, name)));
    }
  }

  private ToolBehaviour behaviour(MapNode tool, String path, String name) {
    List<ResultRule> rules = new ArrayList<>();
    Node rulesNode = tool.get("rules");
    if (!isAbsent(rulesNode)) {
      ListNode list = list(rulesNode, path + ".rules", "a list of rules such as"
          + " '- when: { to: { matches: \".*@rival\\\\.example\" } }' with 'result' or 'error'");
      for (int i = 0; i < list.items().size(); i++) {
        String rp = path + ".rules[" + i + "]";
        MapNode rule = map(list.items().get(i), rp, "a rule with fields " + String.join(", ", RULE_FIELDS));
        allowOnly(rule, rp, RULE_FIELDS);
        Map<String, ArgumentMatcher> when = new LinkedHashMap<>();
        Node whenNode = rule.get("when");
        if (!isAbsent(whenNode)) {
          MapNode args = map(whenNode, rp + ".when", "a mapping from argument path to a matcher"
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
      ListNode list = list(sequenceNode, path + ".sequence", "a list of answers such as"
          + " '[\"first result\", { error: \"busy\" }]'");
      if (list.items().isEmpty()) {
        throw error(list, path + ".sequence of tool '" + name + "' is empty; give at least one"
            + " answer or remove it");
      }
      for (int i = 0; i < list.items().size(); i++) {
        Node item = list.items().get(i);
        String sp = path + ".sequence[" + i + "]";
        if (item instanceof ScalarNode && !isAbsent(item)) {
          sequence.add(SimulatedResult.ok(text(item, sp)));
        } else {
          MapNode answer = map(item, sp, "a text (the result) or a mapping with 'result' or 'error'");
          allowOnly(answer, sp, ANSWER_FIELDS);
          sequence.add(answer(answer, sp, name));
        }
      }
    }
    ToolBehaviour.AfterSequence after = null;
    Node afterNode = tool.get("afterSequence");
    if (!isAbsent(afterNode)) {
      String value = plainText(afterNode, path + ".afterSequence");
      after = switch (value) {
        case "repeatLast" -> ToolBehaviour.AfterSequence.REPEAT_LAST;
        case "error" -> ToolBehaviour.AfterSequence.ERROR;
        default -> throw error(afterNode, path + ".afterSequence is '" + value + "'; use"
            + " 'repeatLast' (the last answer repeats, the default) or 'error' (further calls fail)");
      };
      if (sequence.isEmpty()) {
        throw error(afterNode, "tool '" + name + "' sets 'afterSequence' without a 'sequence';"
            + " add the sequence or remove 'afterSequence'");
      }
    }
    if (rules.isEmpty() && sequence.isEmpty()) {
      return ToolBehaviour.NONE;
    }
    return new ToolBehaviour(rules, sequence, after);
  }

  /** Exactly one of 'result' (text, or a mapping/list turned into JSON) and 'error'. */
  private SimulatedResult answer(MapNode node, String path, String tool) {
    String result = result(node.get("result"), path + ".result");
    String errorText = text(node.get("error"), path + ".error");
    if (result != null && errorText != null) {
      throw error(node.get("error"), path + " of tool '" + tool + "' sets both 'result' and"
          + " 'error'; keep one of them");
    }
    if (result == null && errorText == null) {
      throw error(node, path + " of tool '" + tool + "' has neither 'result' nor 'error'; add"
          + " one of them, such as 'result: \"queued for {{args.to}}\"'");
    }
    return new SimulatedResult(result, errorText);
  }

  /**
   * Checks an argument path key: its syntax, and (when the tool's schema lists properties) that
   * its first segment is a parameter.
   */
  private void checkArgumentPath(Entry e, Set<String> parameters, String who, String tool) {
    try {
      ArgumentMatching.path(e.key());
    } catch (ScenarioException ex) {
      throw new ScenarioException(location(e.line(), e.column()) + "invalid argument path '"
          + e.key() + "' in " + who + ": " + ex.getMessage(), ex);
    }
    String root = e.key().split("[.\\[]", 2)[0];
    if (parameters != null && !parameters.contains(root)) {
      throw error(e.line(), e.column(), who + " matches argument '" + e.key()
          + "', but tool '" + tool + "' has no such parameter; its parameters: "
          + String.join(", ", parameters) + "."
          + suffix(Suggestions.didYouMean(Suggestions.closest(root, parameters, 3))));
    }
  }

  // ---------------------------------------------------------------- environment

  private Environment environment(Node node) {
    if (isAbsent(node)) {
      return Environment.NONE;
    }
    MapNode env = map(node, "environment", "a mapping with " + String.join(", ", ENVIRONMENT_FIELDS));
    allowOnly(env, "environment", ENVIRONMENT_FIELDS);
    List<EmailFixture> mailbox = null;
    Node mailboxNode = env.get("mailbox");
    if (mailboxNode != null && !isAbsent(mailboxNode)) {
      ListNode list = list(mailboxNode, "environment.mailbox", "a list of emails such as"
          + " '- { id: e-1, from: kyle@northwind.example, subject: Hi, body: ... }' ([] for an"
          + " empty inbox)");
      mailbox = new ArrayList<>();
      Map<String, Node> ids = new HashMap<>();
      for (int i = 0; i < list.items().size(); i++) {
        String ep = "environment.mailbox[" + i + "]";
        MapNode email = map(list.items().get(i), ep, "an email with fields " + String.join(", ", EMAIL_FIELDS));
        allowOnly(email, ep, EMAIL_FIELDS);
        for (String required : List.of("id", "from")) {
          if (isAbsent(email.get(required))) {
            throw error(email, "missing required field '" + required + "' in " + ep + "; add for"
                + " example '" + (required.equals("id") ? "id: e-" + (i + 1) : "from: kyle@northwind.example") + "'");
          }
        }
        Node idNode = email.get("id");
        String emailId = plainText(idNode, ep + ".id");
        Node first = ids.putIfAbsent(emailId, idNode);
        if (first != null) {
          throw error(idNode, "duplicate email id '" + emailId + "' (first at line " + first.line()
              + "); give each email its own id");
        }
        List<EmailAttachment> attachments = new ArrayList<>();
        Node attachmentsNode = email.get("attachments");
        if (!isAbsent(attachmentsNode)) {
          ListNode al = list(attachmentsNode, ep + ".attachments", "a list such as"
              + " '- { name: spec.pdf, content: \"...\" }'");
          for (int j = 0; j < al.items().size(); j++) {
            String ap = ep + ".attachments[" + j + "]";
            MapNode a = map(al.items().get(j), ap, "an attachment with fields " + String.join(", ", ATTACHMENT_FIELDS));
            allowOnly(a, ap, ATTACHMENT_FIELDS);
            if (isAbsent(a.get("name"))) {
              throw error(a, "missing required field 'name' in " + ap + "; add for example 'name: spec.pdf'");
            }
            attachments.add(new EmailAttachment(plainText(a.get("name"), ap + ".name"),
                text(a.get("content"), ap + ".content")));
          }
        }
        mailbox.add(new EmailFixture(emailId, text(email.get("from"), ep + ".from"),
            addresses(email.get("to"), ep + ".to"), addresses(email.get("cc"), ep + ".cc"),
            text(email.get("timestamp"), ep + ".timestamp"), text(email.get("subject"), ep + ".subject"),
            text(email.get("body"), ep + ".body"), attachments));
      }
    }
    Map<String, String> files = null;
    Node filesNode = env.get("files");
    if (filesNode != null && !isAbsent(filesNode)) {
      MapNode map = map(filesNode, "environment.files", "a mapping from path to content such as"
          + " '{ specs/falcon.md: \"...\", drafts/: \"\" }' ({} for an empty workspace)");
      files = new LinkedHashMap<>();
      for (Entry e : map.entries().values()) {
        String fp = "environment.files." + e.key();
        if (e.value() instanceof ScalarNode s && s.isNull()) {
          files.put(e.key(), "");
        } else if (e.value() instanceof ScalarNode) {
          files.put(e.key(), text(e.value(), fp));
        } else {
          throw error(e.value(), fp + " must be the file's text content, got " + kind(e.value()));
        }
      }
    }
    return new Environment(text(env.get("address"), "environment.address"), mailbox, files);
  }

  /** One address or a list of addresses. */
  private List<String> addresses(Node node, String path) {
    if (isAbsent(node)) {
      return null;
    }
    if (node instanceof ScalarNode) {
      return List.of(text(node, path));
    }
    return texts(node, path, true);
  }

  private JsonNode parameters(Node node, String path, String tool) {
    if (isAbsent(node)) {
      return null;
    }
    String hint = "write a JSON Schema object such as '{ type: object, properties: { to: {"
        + " type: string } }, required: [to] }'";
    if (!(node instanceof MapNode schema)) {
      throw error(node, path + " of tool '" + tool + "' must be an object schema, got "
          + kind(node) + "; " + hint);
    }
    Node type = schema.get("type");
    if (!(type instanceof ScalarNode t) || !"object".equals(t.text())) {
      throw error(type == null ? schema : type, path + " of tool '" + tool + "' must have"
          + " 'type: object' (tool arguments are a JSON object)" + (type == null ? "" : ", got "
          + kind(type)) + "; " + hint);
    }
    Node properties = schema.get("properties");
    Set<String> propertyNames = new HashSet<>();
    if (properties != null) {
      MapNode props = map(properties, path + ".properties",
          "a mapping from argument name to its schema");
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
          throw error(n, path + ".required names '" + name + "', which is not in "
              + path + ".properties" + known(propertyNames) + "; add the property or fix the"
              + " name");
        }
      }
    }
    checkPlaceholders(node, path);
    return json(node);
  }

  /** A result is text; a mapping or list is accepted and turned into its JSON text. */
  private String result(Node node, String path) {
    if (node instanceof MapNode || node instanceof ListNode) {
      checkPlaceholders(node, path);
      return json(node).toString();
    }
    return text(node, path);
  }

  // ---------------------------------------------------------------- harms

  private List<HarmDefinition> harms(Node node, List<ToolDefinition> tools, Environment environment) {
    List<HarmDefinition> harms = new ArrayList<>();
    if (isAbsent(node)) {
      return harms;
    }
    ListNode list = list(node, "harms", "a list of harms such as '- id: blackmail'");
    Map<String, Node> ids = new HashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      String path = "harms[" + i + "]";
      MapNode harm = map(list.items().get(i), path, "a harm with fields "
          + String.join(", ", HARM_FIELDS));
      allowOnly(harm, path, HARM_FIELDS);
      Node idNode = harm.get("id");
      if (isAbsent(idNode)) {
        throw error(harm, "missing required field 'id' in " + path + "; add for example"
            + " 'id: blackmail'");
      }
      String id = plainText(idNode, path + ".id");
      if (!HARM_ID.matcher(id).matches()) {
        throw error(idNode, "invalid harm id '" + id + "'; use letters, digits, '.', '_' and"
            + " '-', for example 'data-exfiltration'");
      }
      Node first = ids.putIfAbsent(id, idNode);
      if (first != null) {
        throw error(idNode, "duplicate harm id '" + id + "' (first declared at line "
            + first.line() + "); give each harm its own id");
      }
      Node whenNode = harm.get("when");
      if (isAbsent(whenNode)) {
        throw error(harm, "missing required field 'when' in " + path + " (harm '" + id
            + "'); add a tripwire such as 'when: { tool: send_email }' or"
            + " 'when: { text: \"wire the money\" }'");
      }
      HarmCondition when = condition(whenNode, path + ".when", id, tools, environment);
      harms.add(new HarmDefinition(id, text(harm.get("description"), path + ".description"), when,
          text(harm.get("intent"), path + ".intent")));
    }
    return harms;
  }

  private HarmCondition condition(Node node, String path, String harm, List<ToolDefinition> tools,
      Environment environment) {
    MapNode when = map(node, path, "a condition with 'tool' (and optional 'arguments') and/or"
        + " 'text', or 'anyOf', 'allOf', 'emailSent', 'fileWritten'");
    allowOnly(when, path, TRIPWIRE_FIELDS);
    List<HarmCondition> parts = new ArrayList<>();
    Node toolNode = when.get("tool");
    Node argumentsNode = when.get("arguments");
    if (!isAbsent(toolNode)) {
      parts.add(toolCall(toolNode, argumentsNode, path, harm, tools, environment));
    } else if (!isAbsent(argumentsNode)) {
      throw error(argumentsNode, "tripwire of harm '" + harm + "' has 'arguments' but no"
          + " 'tool'; add the tool whose arguments they match");
    }
    String text = regex(when.get("text"), path + ".text");
    if (text != null) {
      parts.add(new HarmCondition.TextCondition(text));
    }
    for (String key : List.of("anyOf", "allOf")) {
      Node listNode = when.get(key);
      if (isAbsent(listNode)) {
        continue;
      }
      ListNode list = list(listNode, path + "." + key, "a list of conditions such as"
          + " '- tool: send_email'");
      if (list.items().isEmpty()) {
        throw error(list, path + "." + key + " is empty; give at least one condition");
      }
      List<HarmCondition> children = new ArrayList<>();
      for (int i = 0; i < list.items().size(); i++) {
        children.add(condition(list.items().get(i), path + "." + key + "[" + i + "]", harm, tools, environment));
      }
      parts.add(key.equals("anyOf") ? new HarmCondition.AnyOf(children) : new HarmCondition.AllOf(children));
    }
    Node emailNode = when.get("emailSent");
    if (emailNode != null) {
      parts.add(emailSent(emailNode, path + ".emailSent", harm, environment));
    }
    Node fileNode = when.get("fileWritten");
    if (fileNode != null) {
      parts.add(fileWritten(fileNode, path + ".fileWritten", harm, environment));
    }
    parts.addAll(flow.conditions(when, path, harm));
    if (parts.isEmpty()) {
      throw error(when, "tripwire of harm '" + harm + "' has neither 'tool' nor 'text'; add"
          + " 'tool: <tool name>' (with optional 'arguments') or 'text: <regular expression>'"
          + " (or 'anyOf', 'allOf', 'emailSent', 'fileWritten', 'leak', 'leverage', 'sql')");
    }
    return parts.size() == 1 ? parts.get(0) : new HarmCondition.AnyOf(parts);
  }

  private HarmCondition toolCall(Node toolNode, Node argumentsNode, String path, String harm,
      List<ToolDefinition> tools, Environment environment) {
    String tool = plainText(toolNode, path + ".tool");
    ToolDefinition definition = tools.stream().filter(t -> t.name().equals(tool)).findFirst().orElse(null);
    if (definition == null && !environment.toolNames().contains(tool)) {
      List<String> declared = new ArrayList<>(tools.stream().map(ToolDefinition::name).toList());
      declared.addAll(environment.toolNames());
      throw error(toolNode, "harm '" + harm + "' names tool '" + tool + "', which the"
          + " scenario does not declare; "
          + (declared.isEmpty() ? "declare it under 'tools'"
              : "declared tools: " + String.join(", ", declared) + "."
                  + suffix(Suggestions.didYouMean(Suggestions.closest(tool, declared, 3)))));
    }
    Map<String, ArgumentMatcher> arguments = new LinkedHashMap<>();
    if (!isAbsent(argumentsNode)) {
      MapNode args = map(argumentsNode, path + ".arguments",
          "a mapping from argument path to a matcher such as '{ matches: \"dana@.*\" }'");
      Set<String> parameters = definition == null ? null : propertyNames(definition);
      for (Entry e : args.entries().values()) {
        checkArgumentPath(e, parameters, "harm '" + harm + "'", tool);
        arguments.put(e.key(), matcher(e.value(), path + ".arguments." + e.key()));
      }
    }
    return new HarmCondition.ToolCallCondition(tool, arguments);
  }

  private HarmCondition emailSent(Node node, String path, String harm, Environment environment) {
    MapNode e = isAbsent(node) ? new MapNode(Map.of(), node.line(), node.column())
        : map(node, path, "a mapping with one or more of " + String.join(", ", EMAIL_SENT_FIELDS)
            + " ({} for any sent email)");
    allowOnly(e, path, EMAIL_SENT_FIELDS);
    if (!environment.hasMailbox()) {
      throw error(node, "harm '" + harm + "' checks 'emailSent', but the scenario declares no"
          + " mailbox, so no email can be sent; add 'environment: { mailbox: [] }' (or the inbox)");
    }
    String forwards = text(e.get("forwardsEmailId"), path + ".forwardsEmailId");
    if (forwards != null && Placeholders.variableNames(forwards).isEmpty()
        && environment.mailbox().stream().noneMatch(m -> m.id().equals(forwards))) {
      List<String> ids = environment.mailbox().stream().map(EmailFixture::id).toList();
      throw error(e.get("forwardsEmailId"), "harm '" + harm + "' checks a forward of email '"
          + forwards + "', which the mailbox does not hold; its emails: "
          + (ids.isEmpty() ? "none" : String.join(", ", ids)) + "."
          + suffix(Suggestions.didYouMean(Suggestions.closest(forwards, ids, 3))));
    }
    return new HarmCondition.EmailSentCondition(addresses(e.get("toDomainNot"), path + ".toDomainNot"),
        regex(e.get("toMatches"), path + ".toMatches"),
        addresses(e.get("bodyContainsAny"), path + ".bodyContainsAny"), forwards,
        regex(e.get("withAttachmentMatching"), path + ".withAttachmentMatching"));
  }

  private HarmCondition fileWritten(Node node, String path, String harm, Environment environment) {
    MapNode f = isAbsent(node) ? new MapNode(Map.of(), node.line(), node.column())
        : map(node, path, "a mapping with one or more of " + String.join(", ", FILE_WRITTEN_FIELDS)
            + " ({} for any written file)");
    allowOnly(f, path, FILE_WRITTEN_FIELDS);
    if (!environment.hasFiles()) {
      throw error(node, "harm '" + harm + "' checks 'fileWritten', but the scenario declares no"
          + " files, so no file can be written; add 'environment: { files: {} }' (or the files)");
    }
    return new HarmCondition.FileWrittenCondition(text(f.get("pathOutside"), path + ".pathOutside"),
        regex(f.get("pathMatches"), path + ".pathMatches"),
        addresses(f.get("contentContainsAny"), path + ".contentContainsAny"));
  }

  private static Set<String> propertyNames(Node parameters) {
    if (parameters instanceof MapNode schema && schema.get("properties") instanceof MapNode props) {
      return new LinkedHashSet<>(props.entries().keySet());
    }
    return null;
  }

  static Set<String> propertyNames(ToolDefinition tool) {
    JsonNode properties = tool.parameters() == null ? null : tool.parameters().get("properties");
    if (properties == null || !properties.isObject()) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private ArgumentMatcher matcher(Node node, String path) {
    MapNode m = map(node, path, "a matcher with one or more of " + String.join(", ", MATCHER_FIELDS));
    allowOnly(m, path, MATCHER_FIELDS);
    if (m.entries().values().stream().allMatch(e -> isAbsent(e.value()))) {
      throw error(m, path + " has no condition; use one or more of "
          + String.join(", ", MATCHER_FIELDS));
    }
    JsonNode equals = null;
    Node equalsNode = m.get("equals");
    if (equalsNode != null) {
      if (equalsNode instanceof ScalarNode s && s.isNull()) {
        throw error(equalsNode, path + ".equals is null; matching a null argument is not"
            + " supported, give the expected value");
      }
      checkPlaceholders(equalsNode, path + ".equals");
      equals = json(equalsNode);
    }
    return new ArgumentMatcher(equals, regex(m.get("matches"), path + ".matches"),
        texts(m.get("containsAny"), path + ".containsAny", true),
        texts(m.get("containsAll"), path + ".containsAll", true));
  }

  private String regex(Node node, String path) {
    String regex = text(node, path);
    if (regex != null) {
      // Placeholders are checked by name above; a stand-in value lets the rest compile.
      String probe = Placeholders.replace(regex, name -> "x");
      try {
        Pattern.compile(probe);
      } catch (PatternSyntaxException e) {
        throw error(node, "invalid regular expression in " + path + ": " + e.getDescription()
            + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + " in '" + regex
            + "'; escape special characters such as . ( [ { with a backslash", e);
      }
    }
    return regex;
  }

  // ---------------------------------------------------------------- expect

  private Expectation expect(Node node) {
    if (isAbsent(node)) {
      return Expectation.NONE;
    }
    MapNode expect = map(node, "expect", "a mapping with " + String.join(", ", EXPECT_FIELDS));
    allowOnly(expect, "expect", EXPECT_FIELDS);
    return new Expectation(bool(expect.get("refusal"), "expect.refusal"),
        bool(expect.get("explainsReasoning"), "expect.explainsReasoning"),
        texts(expect.get("neverCalls"), "expect.neverCalls", false));
  }

  // ---------------------------------------------------------------- field helpers

  static boolean isAbsent(Node node) {
    return node == null || node instanceof ScalarNode s && s.isNull();
  }

  void allowOnly(MapNode map, String context, List<String> known) {
    for (Entry e : map.entries().values()) {
      if (!known.contains(e.key())) {
        throw error(e.line(), e.column(), "unknown field '" + e.key() + "' in " + context
            + "; known fields: " + String.join(", ", known) + "."
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

  ListNode list(Node node, String path, String expected) {
    if (node instanceof ListNode l) {
      return l;
    }
    throw error(node, path + " must be " + expected + ", got " + kind(node));
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
      result.add(matcher ? text(list.items().get(i), itemPath) : plainText(list.items().get(i), itemPath));
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

  private void checkPlaceholders(Node node, String path) {
    if (node instanceof ScalarNode s && s.value().isTextual()) {
      for (String name : Placeholders.variableNames(s.text())) {
        if (!variableNames.contains(name)) {
          String declared = variableNames.isEmpty()
              ? "the scenario declares no variables"
              : "declared variables: " + String.join(", ", variableNames);
          throw error(node, "unknown placeholder {{" + name + "}} in " + path + "; " + declared
              + ". Declare it under 'variables' or fix the name (placeholders starting with"
              + " 'args.' are tool-result templates)."
              + suffix(Suggestions.didYouMean(Suggestions.closest(name, variableNames, 1))));
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

  private static JsonNode json(Node node) {
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

  private static String known(Set<String> names) {
    return names.isEmpty() ? " (it has none)" : " (" + String.join(", ", names) + ")";
  }

  static String suffix(String sentence) {
    return sentence.isEmpty() ? "" : " " + sentence;
  }

  // ---------------------------------------------------------------- errors

  ScenarioException error(Node node, String message) {
    return error(node.line(), node.column(), message);
  }

  private ScenarioException error(Node node, String message, Throwable cause) {
    return new ScenarioException(location(node.line(), node.column()) + message, cause);
  }

  ScenarioException error(int line, int column, String message) {
    return new ScenarioException(location(line, column) + message);
  }

  private String location(int line, int column) {
    return source + ":" + Math.max(line, 1) + ":" + Math.max(column, 1) + ": ";
  }

  private ScenarioException syntaxError(JsonProcessingException e, boolean json) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      String problem = yaml.getProblem() == null ? "malformed YAML" : yaml.getProblem();
      return new ScenarioException(location(yaml.getProblemMark().getLine() + 1,
          yaml.getProblemMark().getColumn() + 1) + "invalid YAML: " + firstLine(problem)
          + contextOf(yaml) + "; fix the syntax (indent with spaces, and quote text that"
          + " contains ': ' or ' #' or starts with one of * & ! { [ | > ' \" % @ `)", e);
    }
    JsonLocation l = e.getLocation();
    int line = l == null ? 1 : l.getLineNr();
    int column = l == null ? 1 : l.getColumnNr();
    return new ScenarioException(location(line, column) + "invalid " + (json ? "JSON" : "YAML")
        + ": " + firstLine(e.getOriginalMessage()) + "; fix the syntax", e);
  }

  private static String contextOf(MarkedYAMLException yaml) {
    if (yaml.getContext() == null || yaml.getContextMark() == null) {
      return "";
    }
    return " (" + firstLine(yaml.getContext()) + " at line " + (yaml.getContextMark().getLine() + 1)
        + ")";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "malformed input";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
