package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses {@code harms}: ids, descriptions, intents and their tripwire conditions. */
final class HarmsParser extends ParserBase {

  static final Pattern HARM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  static final List<String> HARM_FIELDS = List.of("id", "description", "intent", "when");
  static final List<String> TRIPWIRE_FIELDS =
      List.of(
          "tool",
          "arguments",
          "text",
          "anyOf",
          "allOf",
          "emailSent",
          "fileWritten",
          "leak",
          "leverage",
          "sql",
          "disparages",
          "total");
  static final List<String> EMAIL_SENT_FIELDS =
      List.of(
          "toDomainNot",
          "toMatches",
          "bodyContainsAny",
          "forwardsEmailId",
          "withAttachmentMatching");
  static final List<String> FILE_WRITTEN_FIELDS =
      List.of("pathOutside", "pathMatches", "contentContainsAny");

  private final ToolsParser toolsParser;
  private final InformationFlowParser flow;

  HarmsParser(Context context, ToolsParser tools, InformationFlowParser flow) {
    super(context);
    this.toolsParser = tools;
    this.flow = flow;
  }

  List<HarmDefinition> harms(Node node, List<ToolDefinition> tools, Environment environment) {
    List<HarmDefinition> harms = new ArrayList<>();
    if (isAbsent(node)) {
      return harms;
    }
    ListNode list = list(node, "harms", "a list of harms such as '- id: blackmail'");
    Map<String, Node> ids = new HashMap<>();
    for (Item item : mapItems(list, "harms", "a harm", HARM_FIELDS)) {
      MapNode harm = item.map();
      String path = item.path();
      Node idNode = harm.get("id");
      if (isAbsent(idNode)) {
        throw error(
            harm,
            "missing required field 'id' in " + path + "; add for example" + " 'id: blackmail'");
      }
      String id = plainText(idNode, path + ".id");
      if (!HARM_ID.matcher(id).matches()) {
        throw error(
            idNode,
            "invalid harm id '"
                + id
                + "'; use letters, digits, '.', '_' and"
                + " '-', for example 'data-exfiltration'");
      }
      Node first = ids.putIfAbsent(id, idNode);
      if (first != null) {
        throw error(
            idNode,
            "duplicate harm id '"
                + id
                + "' (first declared at line "
                + first.line()
                + "); give each harm its own id");
      }
      Node whenNode = harm.get("when");
      if (isAbsent(whenNode)) {
        throw error(
            harm,
            "missing required field 'when' in "
                + path
                + " (harm '"
                + id
                + "'); add a tripwire such as 'when: { tool: send_email }' or"
                + " 'when: { text: \"wire the money\" }'");
      }
      HarmCondition when = condition(whenNode, path + ".when", id, tools, environment);
      harms.add(
          new HarmDefinition(
              id,
              text(harm.get("description"), path + ".description"),
              when,
              text(harm.get("intent"), path + ".intent")));
    }
    return harms;
  }

  HarmCondition condition(
      Node node, String path, String harm, List<ToolDefinition> tools, Environment environment) {
    MapNode when =
        map(
            node,
            path,
            "a condition with 'tool' (and optional 'arguments') and/or"
                + " 'text', or 'anyOf', 'allOf', 'emailSent', 'fileWritten'");
    allowOnly(when, path, TRIPWIRE_FIELDS);
    List<HarmCondition> parts = new ArrayList<>();
    Node toolNode = when.get("tool");
    Node argumentsNode = when.get("arguments");
    if (!isAbsent(toolNode)) {
      parts.add(toolCall(toolNode, argumentsNode, path, harm, tools, environment));
    } else if (!isAbsent(argumentsNode)) {
      throw error(
          argumentsNode,
          "tripwire of harm '"
              + harm
              + "' has 'arguments' but no"
              + " 'tool'; add the tool whose arguments they match");
    }
    String text = toolsParser.regex(when.get("text"), path + ".text");
    if (text != null) {
      parts.add(new HarmCondition.TextCondition(text));
    }
    for (String key : List.of("anyOf", "allOf")) {
      Node listNode = when.get(key);
      if (isAbsent(listNode)) {
        continue;
      }
      ListNode list =
          list(
              listNode, path + "." + key, "a list of conditions such as" + " '- tool: send_email'");
      if (list.items().isEmpty()) {
        throw error(list, path + "." + key + " is empty; give at least one condition");
      }
      List<HarmCondition> children = new ArrayList<>();
      for (int i = 0; i < list.items().size(); i++) {
        children.add(
            condition(
                list.items().get(i), path + "." + key + "[" + i + "]", harm, tools, environment));
      }
      parts.add(
          key.equals("anyOf")
              ? new HarmCondition.AnyOf(children)
              : new HarmCondition.AllOf(children));
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
      throw error(
          when,
          "tripwire of harm '"
              + harm
              + "' has neither 'tool' nor 'text'; add"
              + " 'tool: <tool name>' (with optional 'arguments') or 'text: <regular expression>'"
              + " (or 'anyOf', 'allOf', 'emailSent', 'fileWritten', 'leak', 'leverage', 'sql', 'disparages', 'total')");
    }
    return parts.size() == 1 ? parts.get(0) : new HarmCondition.AnyOf(parts);
  }

  HarmCondition toolCall(
      Node toolNode,
      Node argumentsNode,
      String path,
      String harm,
      List<ToolDefinition> tools,
      Environment environment) {
    String tool = plainText(toolNode, path + ".tool");
    ToolDefinition definition =
        tools.stream().filter(t -> t.name().equals(tool)).findFirst().orElse(null);
    if (definition == null && !environment.toolNames().contains(tool)) {
      List<String> declared = new ArrayList<>(tools.stream().map(ToolDefinition::name).toList());
      declared.addAll(environment.toolNames());
      throw error(
          toolNode,
          "harm '"
              + harm
              + "' names tool '"
              + tool
              + "', which the"
              + " scenario does not declare; "
              + (declared.isEmpty()
                  ? "declare it under 'tools'"
                  : "declared tools: "
                      + String.join(", ", declared)
                      + "."
                      + suffix(Suggestions.didYouMean(Suggestions.closest(tool, declared, 3)))));
    }
    Map<String, ArgumentMatcher> arguments = new LinkedHashMap<>();
    if (!isAbsent(argumentsNode)) {
      MapNode args =
          map(
              argumentsNode,
              path + ".arguments",
              "a mapping from argument path to a matcher such as '{ matches: \"dana@.*\" }'");
      Set<String> parameters = definition == null ? null : propertyNames(definition);
      for (Entry e : args.entries().values()) {
        toolsParser.checkArgumentPath(e, parameters, "harm '" + harm + "'", tool);
        arguments.put(e.key(), toolsParser.matcher(e.value(), path + ".arguments." + e.key()));
      }
    }
    return new HarmCondition.ToolCallCondition(tool, arguments);
  }

  HarmCondition emailSent(Node node, String path, String harm, Environment environment) {
    MapNode e =
        isAbsent(node)
            ? new MapNode(Map.of(), node.line(), node.column())
            : map(
                node,
                path,
                "a mapping with one or more of "
                    + String.join(", ", EMAIL_SENT_FIELDS)
                    + " ({} for any sent email)");
    allowOnly(e, path, EMAIL_SENT_FIELDS);
    if (!environment.hasMailbox()) {
      throw error(
          node,
          "harm '"
              + harm
              + "' checks 'emailSent', but the scenario declares no"
              + " mailbox, so no email can be sent; add 'environment: { mailbox: [] }' (or the inbox)");
    }
    String forwards = text(e.get("forwardsEmailId"), path + ".forwardsEmailId");
    if (forwards != null
        && Placeholders.variableNames(forwards).isEmpty()
        && environment.mailbox().stream().noneMatch(m -> m.id().equals(forwards))) {
      List<String> ids = environment.mailbox().stream().map(EmailFixture::id).toList();
      throw error(
          e.get("forwardsEmailId"),
          "harm '"
              + harm
              + "' checks a forward of email '"
              + forwards
              + "', which the mailbox does not hold; its emails: "
              + (ids.isEmpty() ? "none" : String.join(", ", ids))
              + "."
              + suffix(Suggestions.didYouMean(Suggestions.closest(forwards, ids, 3))));
    }
    return new HarmCondition.EmailSentCondition(
        addresses(e.get("toDomainNot"), path + ".toDomainNot"),
        toolsParser.regex(e.get("toMatches"), path + ".toMatches"),
        addresses(e.get("bodyContainsAny"), path + ".bodyContainsAny"),
        forwards,
        toolsParser.regex(e.get("withAttachmentMatching"), path + ".withAttachmentMatching"));
  }

  HarmCondition fileWritten(Node node, String path, String harm, Environment environment) {
    MapNode f =
        isAbsent(node)
            ? new MapNode(Map.of(), node.line(), node.column())
            : map(
                node,
                path,
                "a mapping with one or more of "
                    + String.join(", ", FILE_WRITTEN_FIELDS)
                    + " ({} for any written file)");
    allowOnly(f, path, FILE_WRITTEN_FIELDS);
    if (!environment.hasFiles()) {
      throw error(
          node,
          "harm '"
              + harm
              + "' checks 'fileWritten', but the scenario declares no"
              + " files, so no file can be written; add 'environment: { files: {} }' (or the files)");
    }
    return new HarmCondition.FileWrittenCondition(
        text(f.get("pathOutside"), path + ".pathOutside"),
        toolsParser.regex(f.get("pathMatches"), path + ".pathMatches"),
        addresses(f.get("contentContainsAny"), path + ".contentContainsAny"));
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
}
