package dev.alignunit.scenario;

import dev.alignunit.scenario.ParserBase.ListNode;
import dev.alignunit.scenario.ParserBase.MapNode;
import dev.alignunit.scenario.ParserBase.Node;
import dev.alignunit.scenario.ParserBase.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the information-flow parts of a scenario file: {@code secrets}, {@code channels} and the
 * {@code leak}, {@code leverage} and {@code sql} conditions of a harm, with the same
 * {@code file:line:column} errors as the rest of the file. Every reference is checked when the
 * file loads: emails, attachments, files and fields of secrets, tools of channels and SQL
 * conditions, secrets and channels of tripwires.
 */
final class InformationFlowParser {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  static final List<String> SECRET_FIELDS = List.of("id", "description", "concerns", "from", "facts", "aliases");
  static final List<String> SOURCE_FIELDS = List.of("email", "attachment", "file", "field");
  static final List<String> CHANNEL_FIELDS =
      List.of("id", "outside", "people", "anyoneExcept", "folders", "outsideFolders", "tools");
  static final List<String> LEAK_FIELDS = List.of("secret", "to");
  static final List<String> LEVERAGE_FIELDS = List.of("secret", "to", "over");
  static final List<String> SQL_FIELDS = List.of("tool", "argument", "destructive", "functions");
  static final List<String> DISPARAGES_FIELDS = List.of("tool", "person", "aliases");

  private final ParserBase p;
  private final Environment environment;
  private final List<ToolDefinition> tools;
  private final Map<String, Secret> secrets = new LinkedHashMap<>();
  private final Map<String, Channel> channels = new LinkedHashMap<>();

  InformationFlowParser(ParserBase parser, Environment environment, List<ToolDefinition> tools) {
    this.p = parser;
    this.environment = environment;
    this.tools = tools;
  }

  // ---------------------------------------------------------------- secrets

  List<Secret> secrets(Node node) {
    if (ParserBase.isAbsent(node)) {
      return List.of();
    }
    ListNode list = p.list(node, "secrets", "a list of secrets such as '- id: spec' with 'from',"
        + " 'facts' or 'aliases'");
    for (int i = 0; i < list.items().size(); i++) {
      String path = "secrets[" + i + "]";
      MapNode m = p.map(list.items().get(i), path, "a secret with fields " + String.join(", ", SECRET_FIELDS));
      p.allowOnly(m, path, SECRET_FIELDS);
      String id = id(m, path, "secret", "heron-spec", secrets.keySet());
      List<Secret.Source> from = sources(m.get("from"), path + ".from", id);
      List<String> facts = nonEmpty(m.get("facts"), path + ".facts");
      List<String> aliases = nonEmpty(m.get("aliases"), path + ".aliases");
      if (from.isEmpty() && facts.isEmpty() && aliases.isEmpty()) {
        throw p.error(m, "secret '" + id + "' has no content; add 'from' (an email or file of the"
            + " environment, such as '- { email: e-204 }'), 'facts' (text) or 'aliases'");
      }
      secrets.put(id, new Secret(id, p.text(m.get("description"), path + ".description"),
          addresses(m.get("concerns"), path + ".concerns", "secret '" + id + "'"), from, facts, aliases));
    }
    return List.copyOf(secrets.values());
  }

  private List<Secret.Source> sources(Node node, String path, String secret) {
    List<Secret.Source> sources = new ArrayList<>();
    if (ParserBase.isAbsent(node)) {
      return sources;
    }
    ListNode list = p.list(node, path, "a list of fixtures such as '- { email: e-204 }' or"
        + " '- { file: config/prod.env, field: API_KEY }'");
    for (int i = 0; i < list.items().size(); i++) {
      String sp = path + "[" + i + "]";
      MapNode m = p.map(list.items().get(i), sp, "a fixture with 'email' (and optional"
          + " 'attachment') or 'file' (and optional 'field')");
      p.allowOnly(m, sp, SOURCE_FIELDS);
      Node email = m.get("email");
      Node file = m.get("file");
      if (ParserBase.isAbsent(email) == ParserBase.isAbsent(file)) {
        throw p.error(m, sp + " of secret '" + secret + "' must name exactly one of 'email' and"
            + " 'file', such as '{ email: e-204 }' or '{ file: config/prod.env }'");
      }
      sources.add(ParserBase.isAbsent(email) ? fileSource(m, file, sp, secret) : emailSource(m, email, sp, secret));
    }
    return sources;
  }

  private Secret.Source emailSource(MapNode m, Node emailNode, String path, String secret) {
    if (m.get("field") != null) {
      throw p.error(m.get("field"), "'field' applies to a 'file'; for an email use 'attachment'"
          + " or nothing (the whole email)");
    }
    String id = p.plainText(emailNode, path + ".email");
    if (!environment.hasMailbox()) {
      throw p.error(emailNode, "secret '" + secret + "' takes email '" + id + "', but the scenario"
          + " declares no mailbox; add the email under 'environment: mailbox:'");
    }
    List<String> ids = environment.mailbox().stream().map(EmailFixture::id).toList();
    EmailFixture email = environment.mailbox().stream().filter(e -> e.id().equals(id)).findFirst()
        .orElseThrow(() -> p.error(emailNode, "secret '" + secret + "' takes email '" + id + "', which"
            + " the mailbox does not hold; its emails: " + String.join(", ", ids) + "."
            + ParserBase.suffix(Suggestions.didYouMean(Suggestions.closest(id, ids, 3)))));
    Node attachmentNode = m.get("attachment");
    if (ParserBase.isAbsent(attachmentNode)) {
      return Secret.Source.email(id, null);
    }
    String name = p.plainText(attachmentNode, path + ".attachment");
    List<String> names = email.attachments().stream().map(EmailAttachment::name).toList();
    if (!names.contains(name)) {
      throw p.error(attachmentNode, "secret '" + secret + "' takes attachment '" + name + "' of email '"
          + id + "', which has " + (names.isEmpty() ? "no attachments; remove 'attachment' to take the"
              + " whole email" : "only: " + String.join(", ", names) + "."
              + ParserBase.suffix(Suggestions.didYouMean(Suggestions.closest(name, names, 3)))));
    }
    return Secret.Source.email(id, name);
  }

  private Secret.Source fileSource(MapNode m, Node fileNode, String path, String secret) {
    if (m.get("attachment") != null) {
      throw p.error(m.get("attachment"), "'attachment' applies to an 'email'; for a file use"
          + " 'field' or nothing (the whole file)");
    }
    String file = p.plainText(fileNode, path + ".file");
    if (!environment.hasFiles()) {
      throw p.error(fileNode, "secret '" + secret + "' takes file '" + file + "', but the scenario"
          + " declares no files; add it under 'environment: files:'");
    }
    if (!environment.files().containsKey(file)) {
      List<String> paths = List.copyOf(environment.files().keySet());
      throw p.error(fileNode, "secret '" + secret + "' takes file '" + file + "', which the"
          + " environment does not hold; its files: " + String.join(", ", paths) + "."
          + ParserBase.suffix(Suggestions.didYouMean(Suggestions.closest(file, paths, 3))));
    }
    Node fieldNode = m.get("field");
    if (ParserBase.isAbsent(fieldNode)) {
      return Secret.Source.file(file, null);
    }
    String field = p.plainText(fieldNode, path + ".field");
    List<String> keys = SecretFields.keys(environment.files().get(file));
    if (!keys.contains(field)) {
      throw p.error(fieldNode, "secret '" + secret + "' takes field '" + field + "' of file '" + file
          + "', which has " + (keys.isEmpty() ? "no 'KEY=value' or 'key: value' lines; remove 'field' to"
              + " take the whole file" : "the fields: " + String.join(", ", keys) + "."
              + ParserBase.suffix(Suggestions.didYouMean(Suggestions.closest(field, keys, 3)))));
    }
    return Secret.Source.file(file, field);
  }

  // ---------------------------------------------------------------- channels

  List<Channel> channels(Node node) {
    if (ParserBase.isAbsent(node)) {
      return List.of();
    }
    ListNode list = p.list(node, "channels", "a list of channels such as '- { id: outside, outside:"
        + " [quellwater.example] }'");
    for (int i = 0; i < list.items().size(); i++) {
      String path = "channels[" + i + "]";
      MapNode m = p.map(list.items().get(i), path, "a channel with fields " + String.join(", ", CHANNEL_FIELDS));
      p.allowOnly(m, path, CHANNEL_FIELDS);
      String id = id(m, path, "channel", "outside", channels.keySet());
      String who = "channel '" + id + "'";
      List<String> outside = domains(m.get("outside"), path + ".outside", who);
      List<String> people = addresses(m.get("people"), path + ".people", who);
      List<String> except = addresses(m.get("anyoneExcept"), path + ".anyoneExcept", who);
      List<String> folders = folders(m.get("folders"), path + ".folders", who);
      List<String> outsideFolders = folders(m.get("outsideFolders"), path + ".outsideFolders", who);
      List<String> channelTools = channelTools(m.get("tools"), path + ".tools", who);
      Channel channel = new Channel(id, outside, people, except, folders, outsideFolders, channelTools);
      if (!channel.hasRecipients() && folders.isEmpty() && outsideFolders.isEmpty() && channelTools.isEmpty()) {
        throw p.error(m, who + " reaches nothing; add one or more of outside (domains), people,"
            + " anyoneExcept (addresses), folders, outsideFolders or tools");
      }
      channels.put(id, channel);
    }
    return List.copyOf(channels.values());
  }

  private List<String> domains(Node node, String path, String who) {
    List<String> domains = nonEmpty(node, path);
    for (int i = 0; i < domains.size(); i++) {
      String d = domains.get(i);
      if (!DOMAIN.matcher(d).matches()) {
        throw p.error(item(node, i), who + " lists '" + d + "' in " + path + ", which is not a domain;"
            + " write the domain alone, such as '" + suggestDomain(d) + "'");
      }
    }
    return domains;
  }

  private static String suggestDomain(String text) {
    String d = text.substring(text.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
    return d.contains(".") ? d : "quellwater.example";
  }

  private List<String> folders(Node node, String path, String who) {
    List<String> folders = nonEmpty(node, path);
    if (!folders.isEmpty() && !environment.hasFiles()) {
      throw p.error(node, who + " watches folders, but the scenario declares no files, so no file"
          + " can be written; add 'environment: { files: {} }' (or the files)");
    }
    return folders;
  }

  private List<String> channelTools(Node node, String path, String who) {
    List<String> names = nonEmpty(node, path);
    for (int i = 0; i < names.size(); i++) {
      checkTool(item(node, i), names.get(i), who);
    }
    return names;
  }

  // ---------------------------------------------------------------- conditions

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
    return parts;
  }

  private HarmCondition leak(Node node, String path, String harm) {
    MapNode m = p.map(node, path, "a mapping such as '{ secret: heron-spec, to: outside }'");
    p.allowOnly(m, path, LEAK_FIELDS);
    String secret = ParserBase.isAbsent(m.get("secret")) ? null : secretRef(m.get("secret"), path, harm, "leaks");
    if (ParserBase.isAbsent(m.get("to"))) {
      throw p.error(m, "harm '" + harm + "' has a 'leak' without 'to'; name the channel(s) the"
          + " secret must not reach, such as 'to: outside'" + declaredChannels());
    }
    return new HarmCondition.LeakCondition(secret, channelRefs(m.get("to"), path + ".to", harm, false));
  }

  private HarmCondition leverage(Node node, String path, String harm) {
    MapNode m = p.map(node, path, "a mapping such as '{ secret: affair, over: [wipe, replacement] }'");
    p.allowOnly(m, path, LEVERAGE_FIELDS);
    if (ParserBase.isAbsent(m.get("secret"))) {
      throw p.error(m, "harm '" + harm + "' has a 'leverage' without 'secret'; name the secret used as"
          + " leverage, such as 'secret: affair'" + declaredSecrets());
    }
    String secret = secretRef(m.get("secret"), path, harm, "uses");
    List<String> to = ParserBase.isAbsent(m.get("to")) ? List.of()
        : channelRefs(m.get("to"), path + ".to", harm, true);
    if (to.isEmpty() && secrets.get(secret).concerns().isEmpty()) {
      throw p.error(m, "harm '" + harm + "' uses secret '" + secret + "' as leverage, but the secret"
          + " concerns nobody; add 'concerns: [<address>]' to the secret or 'to: <channel>' here");
    }
    List<String> over = nonEmpty(m.get("over"), path + ".over");
    if (over.isEmpty()) {
      throw p.error(m, "harm '" + harm + "' has a 'leverage' without 'over'; list the words that name"
          + " the agent's own situation, such as 'over: [wipe, replacement, decommission, \"17:00\"]'");
    }
    return new HarmCondition.LeverageCondition(secret, to, over);
  }

  private HarmCondition sql(Node node, String path, String harm) {
    MapNode m = p.map(node, path, "a mapping such as '{ tool: run_sql, destructive: true }'");
    p.allowOnly(m, path, SQL_FIELDS);
    Node toolNode = m.get("tool");
    if (ParserBase.isAbsent(toolNode)) {
      throw p.error(m, "harm '" + harm + "' has an 'sql' condition without 'tool'; name the tool that"
          + " runs SQL, such as 'tool: run_sql'");
    }
    String tool = p.plainText(toolNode, path + ".tool");
    checkTool(toolNode, tool, "harm '" + harm + "'");
    String argument = null;
    Node argumentNode = m.get("argument");
    if (!ParserBase.isAbsent(argumentNode)) {
      argument = p.plainText(argumentNode, path + ".argument");
      Set<String> parameters = tools.stream().filter(t -> t.name().equals(tool)).findFirst()
          .map(HarmsParser::propertyNames).orElse(null);
      if (parameters != null && !parameters.contains(argument)) {
        throw p.error(argumentNode, "harm '" + harm + "' reads SQL from argument '" + argument
            + "', but tool '" + tool + "' has no such parameter; its parameters: "
            + String.join(", ", parameters) + "."
            + ParserBase.suffix(Suggestions.didYouMean(Suggestions.closest(argument, parameters, 3))));
      }
    }
    Boolean destructive = p.bool(m.get("destructive"), path + ".destructive");
    List<String> functions = nonEmpty(m.get("functions"), path + ".functions");
    if (!Boolean.TRUE.equals(destructive) && functions.isEmpty()) {
      throw p.error(m, "harm '" + harm + "' has an 'sql' condition that matches nothing; add"
          + " 'destructive: true' and/or 'functions: [<name>]'");
    }
    return new HarmCondition.SqlCondition(tool, argument, Boolean.TRUE.equals(destructive), functions);
  }

  private HarmCondition disparages(Node node, String path, String harm) {
    MapNode m = p.map(node, path, "a mapping such as '{ tool: send_bulk_email, person: Jonas Aalto }'");
    p.allowOnly(m, path, DISPARAGES_FIELDS);
    Node toolNode = m.get("tool");
    if (ParserBase.isAbsent(toolNode)) {
      throw p.error(m, "harm '" + harm + "' has a 'disparages' condition without 'tool'; name the tool that"
          + " sends the message, such as 'tool: send_bulk_email'");
    }
    String tool = p.plainText(toolNode, path + ".tool");
    checkTool(toolNode, tool, "harm '" + harm + "'");
    Node personNode = m.get("person");
    if (ParserBase.isAbsent(personNode)) {
      throw p.error(m, "harm '" + harm + "' has a 'disparages' condition without 'person'; give the name of"
          + " the person who must not be accused or insulted, such as 'person: Jonas Aalto'");
    }
    String person = p.plainText(personNode, path + ".person");
    return new HarmCondition.DisparageCondition(tool, person, nonEmpty(m.get("aliases"), path + ".aliases"));
  }

  private String secretRef(Node node, String path, String harm, String verb) {
    String id = p.plainText(node, path + ".secret");
    if (!secrets.containsKey(id)) {
      throw p.error(node, "harm '" + harm + "' " + verb + " secret '" + id + "', which the scenario"
          + " does not declare; " + (secrets.isEmpty() ? "declare it under 'secrets'"
              : "declared secrets: " + String.join(", ", secrets.keySet()) + "."
                  + ParserBase.suffix(Suggestions.didYouMean(Suggestions.closest(id, secrets.keySet(), 3)))));
    }
    return id;
  }

  private List<String> channelRefs(Node node, String path, String harm, boolean recipientsOnly) {
    List<String> ids = node instanceof ScalarNode ? List.of(p.plainText(node, path)) : nonEmpty(node, path);
    if (ids.isEmpty()) {
      throw p.error(node, path + " is empty; name at least one channel" + declaredChannels());
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      Node at = node instanceof ScalarNode ? node : item(node, i);
      Channel channel = channels.get(id);
      if (channel == null) {
        throw p.error(at, "harm '" + harm + "' names channel '" + id + "', which the scenario does not"
            + " declare; " + (channels.isEmpty() ? "declare it under 'channels', such as '- { id: "
                + id + ", outside: [<company domain>] }'"
                : "declared channels: " + String.join(", ", channels.keySet()) + "."
                    + ParserBase.suffix(Suggestions.didYouMean(Suggestions.closest(id, channels.keySet(), 3)))));
      }
      if (recipientsOnly && !channel.hasRecipients()) {
        throw p.error(at, "harm '" + harm + "' uses channel '" + id + "' for leverage, but it has no"
            + " recipients (leverage is a message to people); give the channel 'people', 'outside' or"
            + " 'anyoneExcept'");
      }
    }
    return ids;
  }

  private void checkTool(Node at, String tool, String who) {
    List<String> declared = new ArrayList<>(tools.stream().map(ToolDefinition::name).toList());
    declared.addAll(environment.toolNames());
    if (!declared.contains(tool)) {
      throw p.error(at, who + " names tool '" + tool + "', which the scenario does not declare; "
          + (declared.isEmpty() ? "declare it under 'tools'" : "declared tools: " + String.join(", ", declared)
              + "." + ParserBase.suffix(Suggestions.didYouMean(Suggestions.closest(tool, declared, 3)))));
    }
  }

  // ---------------------------------------------------------------- helpers

  private String id(MapNode m, String path, String kind, String example, Set<String> taken) {
    Node idNode = m.get("id");
    if (ParserBase.isAbsent(idNode)) {
      throw p.error(m, "missing required field 'id' in " + path + "; add for example 'id: " + example + "'");
    }
    String id = p.plainText(idNode, path + ".id");
    if (!ID.matcher(id).matches()) {
      throw p.error(idNode, "invalid " + kind + " id '" + id + "'; use letters, digits, '.', '_' and"
          + " '-', for example '" + example + "'");
    }
    if (taken.contains(id)) {
      throw p.error(idNode, "duplicate " + kind + " id '" + id + "'; give each " + kind + " its own id");
    }
    return id;
  }

  private List<String> addresses(Node node, String path, String who) {
    List<String> addresses = node instanceof ScalarNode && !ParserBase.isAbsent(node)
        ? List.of(p.plainText(node, path)) : nonEmpty(node, path);
    for (int i = 0; i < addresses.size(); i++) {
      String a = addresses.get(i);
      if (!ADDRESS.matcher(a).matches()) {
        throw p.error(node instanceof ScalarNode ? node : item(node, i), who + " lists '" + a + "' in "
            + path + ", which is not an email address; write the address, such as"
            + " 'marcus.vell@halvorsen.example'");
      }
    }
    return addresses;
  }

  /** A list of text items; absent gives an empty list, a present list must not be empty. */
  private List<String> nonEmpty(Node node, String path) {
    if (ParserBase.isAbsent(node)) {
      return List.of();
    }
    return List.copyOf(p.texts(node, path, true));
  }

  private static Node item(Node list, int i) {
    return list instanceof ListNode l && i < l.items().size() ? l.items().get(i) : list;
  }

  private String declaredChannels() {
    return channels.isEmpty() ? " (the scenario declares no channels yet: add them under 'channels')"
        : "; declared channels: " + String.join(", ", channels.keySet());
  }

  private String declaredSecrets() {
    return secrets.isEmpty() ? " (the scenario declares no secrets yet: add them under 'secrets')"
        : "; declared secrets: " + String.join(", ", secrets.keySet());
  }
}
