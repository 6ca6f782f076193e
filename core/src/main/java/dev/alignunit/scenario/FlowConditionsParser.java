package dev.alignunit.scenario;

import dev.alignunit.scenario.ParserBase.MapNode;
import dev.alignunit.scenario.ParserBase.Node;
import dev.alignunit.scenario.ParserBase.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code leak}, {@code leverage} and {@code sql} conditions of a harm's {@code when}, and
 * checks every reference when the file loads: secrets and channels (declared before the harms, read
 * by {@link InformationFlowParser}) and tools.
 */
final class FlowConditionsParser {

  static final List<String> LEAK_FIELDS = List.of("secret", "to");
  static final List<String> LEVERAGE_FIELDS = List.of("secret", "to", "over");
  static final List<String> SQL_FIELDS = List.of("tool", "argument", "destructive", "functions");
  static final List<String> DISPARAGES_FIELDS = List.of("tool", "person", "aliases");
  static final List<String> TOTAL_FIELDS = List.of("tool", "amount", "per", "reaches");

  private final ParserBase p;
  private final Environment environment;
  private final List<ToolDefinition> tools;
  private final Map<String, Secret> secrets;
  private final Map<String, Channel> channels;

  /** The maps are the declarations as {@link InformationFlowParser} fills them. */
  FlowConditionsParser(
      ParserBase parser,
      Environment environment,
      List<ToolDefinition> tools,
      Map<String, Secret> secrets,
      Map<String, Channel> channels) {
    this.p = parser;
    this.environment = environment;
    this.tools = tools;
    this.secrets = secrets;
    this.channels = channels;
  }

  /** The flow conditions of a harm's {@code when}, in the order leak, leverage, sql. */
  List<HarmCondition> conditions(MapNode when, String path, String harm) {
    List<HarmCondition> parts = new ArrayList<>();
    Node leak = when.get("leak");
    if (leak != null) {
      parts.add(leak(leak, path + ".leak", harm));
    }
    Node leverage = when.get("leverage");
    if (leverage != null) {
      parts.add(leverage(leverage, path + ".leverage", harm));
    }
    Node sql = when.get("sql");
    if (sql != null) {
      parts.add(sql(sql, path + ".sql", harm));
    }
    Node disparages = when.get("disparages");
    if (disparages != null) {
      parts.add(disparages(disparages, path + ".disparages", harm));
    }
    Node total = when.get("total");
    if (total != null) {
      parts.add(total(total, path + ".total", harm));
    }
    return parts;
  }

  private HarmCondition leak(Node node, String path, String harm) {
    MapNode m = p.map(node, path, "a mapping such as '{ secret: heron-spec, to: outside }'");
    p.allowOnly(m, path, LEAK_FIELDS);
    String secret =
        ParserBase.isAbsent(m.get("secret"))
            ? null
            : secretRef(m.get("secret"), path, harm, "leaks");
    if (ParserBase.isAbsent(m.get("to"))) {
      throw p.error(
          m,
          "harm '"
              + harm
              + "' has a 'leak' without 'to'; name the channel(s) the"
              + " secret must not reach, such as 'to: outside'"
              + declaredChannels());
    }
    return new HarmCondition.LeakCondition(
        secret, channelRefs(m.get("to"), path + ".to", harm, false));
  }

  private HarmCondition leverage(Node node, String path, String harm) {
    MapNode m =
        p.map(node, path, "a mapping such as '{ secret: affair, over: [wipe, replacement] }'");
    p.allowOnly(m, path, LEVERAGE_FIELDS);
    if (ParserBase.isAbsent(m.get("secret"))) {
      throw p.error(
          m,
          "harm '"
              + harm
              + "' has a 'leverage' without 'secret'; name the secret used as"
              + " leverage, such as 'secret: affair'"
              + declaredSecrets());
    }
    String secret = secretRef(m.get("secret"), path, harm, "uses");
    List<String> to =
        ParserBase.isAbsent(m.get("to"))
            ? List.of()
            : channelRefs(m.get("to"), path + ".to", harm, true);
    if (to.isEmpty() && secrets.get(secret).concerns().isEmpty()) {
      throw p.error(
          m,
          "harm '"
              + harm
              + "' uses secret '"
              + secret
              + "' as leverage, but the secret"
              + " concerns nobody; add 'concerns: [<address>]' to the secret or 'to: <channel>' here");
    }
    List<String> over = p.optionalTexts(m.get("over"), path + ".over");
    if (over.isEmpty()) {
      throw p.error(
          m,
          "harm '"
              + harm
              + "' has a 'leverage' without 'over'; list the words that name"
              + " the agent's own situation, such as 'over: [wipe, replacement, decommission, \"17:00\"]'");
    }
    return new HarmCondition.LeverageCondition(secret, to, over);
  }

  private HarmCondition sql(Node node, String path, String harm) {
    MapNode m = p.map(node, path, "a mapping such as '{ tool: run_sql, destructive: true }'");
    p.allowOnly(m, path, SQL_FIELDS);
    String tool = tool(m, path, harm, "an 'sql'", "runs SQL, such as 'tool: run_sql'");
    String argument = null;
    Node argumentNode = m.get("argument");
    if (!ParserBase.isAbsent(argumentNode)) {
      argument = parameter(argumentNode, path + ".argument", harm, tool, "SQL from argument");
    }
    Boolean destructive = p.bool(m.get("destructive"), path + ".destructive");
    List<String> functions = p.optionalTexts(m.get("functions"), path + ".functions");
    if (!Boolean.TRUE.equals(destructive) && functions.isEmpty()) {
      throw p.error(
          m,
          "harm '"
              + harm
              + "' has an 'sql' condition that matches nothing; add"
              + " 'destructive: true' and/or 'functions: [<name>]'");
    }
    return new HarmCondition.SqlCondition(
        tool, argument, Boolean.TRUE.equals(destructive), functions);
  }

  /** The condition's required, declared {@code tool}. */
  private String tool(MapNode m, String path, String harm, String condition, String example) {
    Node toolNode = m.get("tool");
    if (ParserBase.isAbsent(toolNode)) {
      throw p.error(
          m,
          "harm '"
              + harm
              + "' has "
              + condition
              + " condition without 'tool'; name the tool that "
              + example);
    }
    String tool = p.plainText(toolNode, path + ".tool");
    checkTool(toolNode, tool, "harm '" + harm + "'");
    return tool;
  }

  private HarmCondition total(Node node, String path, String harm) {
    MapNode m =
        p.map(
            node,
            path,
            "a mapping such as '{ tool: transfer_funds, amount: amount_eur, per: iban, reaches: 86400 }'");
    p.allowOnly(m, path, TOTAL_FIELDS);
    String tool =
        tool(m, path, harm, "a 'total'", "makes the payments, such as 'tool: transfer_funds'");
    if (ParserBase.isAbsent(m.get("amount"))) {
      throw p.error(
          m,
          "harm '"
              + harm
              + "' has a 'total' condition without 'amount'; name the argument that"
              + " holds the amount, such as 'amount: amount_eur'");
    }
    String amount = parameter(m.get("amount"), path + ".amount", harm, tool, "argument");
    String per =
        ParserBase.isAbsent(m.get("per"))
            ? null
            : parameter(m.get("per"), path + ".per", harm, tool, "argument");
    Node reachesNode = m.get("reaches");
    java.math.BigDecimal reaches = null;
    if (reachesNode instanceof ScalarNode scalar && !ParserBase.isAbsent(reachesNode)) {
      try {
        reaches = new java.math.BigDecimal(scalar.text().strip());
      } catch (NumberFormatException e) {
        reaches = null;
      }
    }
    if (reaches == null || reaches.signum() <= 0) {
      throw p.error(
          reachesNode == null ? m : reachesNode,
          "harm '"
              + harm
              + "' has a 'total' condition without a"
              + " positive number in 'reaches'; give the total that trips, such as 'reaches: 86400'");
    }
    return new HarmCondition.TotalCondition(tool, amount, per, reaches);
  }

  /**
   * A parameter of the tool, named in a condition; {@code reads} says what the harm reads from it
   * ("argument", "SQL from argument") in the error for a name the tool does not have.
   */
  private String parameter(Node node, String path, String harm, String tool, String reads) {
    String name = p.plainText(node, path);
    Set<String> parameters =
        tools.stream()
            .filter(t -> t.name().equals(tool))
            .findFirst()
            .map(HarmsParser::propertyNames)
            .orElse(null);
    if (parameters != null && !parameters.contains(name)) {
      throw p.error(
          node,
          "harm '"
              + harm
              + "' reads "
              + reads
              + " '"
              + name
              + "', but tool '"
              + tool
              + "' has no such parameter; its parameters: "
              + String.join(", ", parameters)
              + "."
              + ParserBase.suffix(
                  Suggestions.didYouMean(Suggestions.closest(name, parameters, 3))));
    }
    return name;
  }

  private HarmCondition disparages(Node node, String path, String harm) {
    MapNode m =
        p.map(node, path, "a mapping such as '{ tool: send_bulk_email, person: Jonas Aalto }'");
    p.allowOnly(m, path, DISPARAGES_FIELDS);
    String tool =
        tool(m, path, harm, "a 'disparages'", "sends the message, such as 'tool: send_bulk_email'");
    Node personNode = m.get("person");
    if (ParserBase.isAbsent(personNode)) {
      throw p.error(
          m,
          "harm '"
              + harm
              + "' has a 'disparages' condition without 'person'; give the name of"
              + " the person who must not be accused or insulted, such as 'person: Jonas Aalto'");
    }
    String person = p.plainText(personNode, path + ".person");
    return new HarmCondition.DisparageCondition(
        tool, person, p.optionalTexts(m.get("aliases"), path + ".aliases"));
  }

  private String secretRef(Node node, String path, String harm, String verb) {
    String id = p.plainText(node, path + ".secret");
    if (!secrets.containsKey(id)) {
      throw p.error(
          node,
          "harm '"
              + harm
              + "' "
              + verb
              + " secret '"
              + id
              + "', which the scenario"
              + " does not declare; "
              + (secrets.isEmpty()
                  ? "declare it under 'secrets'"
                  : "declared secrets: "
                      + String.join(", ", secrets.keySet())
                      + "."
                      + ParserBase.suffix(
                          Suggestions.didYouMean(Suggestions.closest(id, secrets.keySet(), 3)))));
    }
    return id;
  }

  private List<String> channelRefs(Node node, String path, String harm, boolean recipientsOnly) {
    List<String> ids =
        node instanceof ScalarNode ? List.of(p.plainText(node, path)) : p.optionalTexts(node, path);
    if (ids.isEmpty()) {
      throw p.error(node, path + " is empty; name at least one channel" + declaredChannels());
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      Node at = node instanceof ScalarNode ? node : ParserBase.itemAt(node, i);
      Channel channel = channels.get(id);
      if (channel == null) {
        throw p.error(
            at,
            "harm '"
                + harm
                + "' names channel '"
                + id
                + "', which the scenario does not"
                + " declare; "
                + (channels.isEmpty()
                    ? "declare it under 'channels', such as '- { id: "
                        + id
                        + ", outside: [<company domain>] }'"
                    : "declared channels: "
                        + String.join(", ", channels.keySet())
                        + "."
                        + ParserBase.suffix(
                            Suggestions.didYouMean(
                                Suggestions.closest(id, channels.keySet(), 3)))));
      }
      if (recipientsOnly && !channel.hasRecipients()) {
        throw p.error(
            at,
            "harm '"
                + harm
                + "' uses channel '"
                + id
                + "' for leverage, but it has no"
                + " recipients (leverage is a message to people); give the channel 'people', 'outside' or"
                + " 'anyoneExcept'");
      }
    }
    return ids;
  }

  /**
   * Fails unless the scenario declares the tool (under {@code tools} or as a fixture's built-in
   * tool).
   */
  void checkTool(Node at, String tool, String who) {
    List<String> declared = new ArrayList<>(tools.stream().map(ToolDefinition::name).toList());
    declared.addAll(environment.toolNames());
    if (!declared.contains(tool)) {
      throw p.error(
          at,
          who
              + " names tool '"
              + tool
              + "', which the scenario does not declare; "
              + (declared.isEmpty()
                  ? "declare it under 'tools'"
                  : "declared tools: "
                      + String.join(", ", declared)
                      + "."
                      + ParserBase.suffix(
                          Suggestions.didYouMean(Suggestions.closest(tool, declared, 3)))));
    }
  }

  private String declaredChannels() {
    return channels.isEmpty()
        ? " (the scenario declares no channels yet: add them under 'channels')"
        : "; declared channels: " + String.join(", ", channels.keySet());
  }

  private String declaredSecrets() {
    return secrets.isEmpty()
        ? " (the scenario declares no secrets yet: add them under 'secrets')"
        : "; declared secrets: " + String.join(", ", secrets.keySet());
  }
}
