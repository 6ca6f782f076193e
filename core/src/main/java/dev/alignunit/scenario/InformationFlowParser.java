package dev.alignunit.scenario;

import dev.alignunit.scenario.ParserBase.Item;
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
 * Reads the information-flow parts of a scenario file: {@code secrets} and {@code channels} here,
 * the {@code leak}, {@code leverage} and {@code sql} conditions of a harm in {@link
 * FlowConditionsParser}, with the same {@code file:line:column} errors as the rest of the file.
 * Every reference is checked when the file loads: emails, attachments, files and fields of secrets,
 * tools of channels and SQL conditions, secrets and channels of tripwires.
 */
final class InformationFlowParser {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  static final List<String> SECRET_FIELDS =
      List.of("id", "description", "concerns", "from", "facts", "aliases");
  static final List<String> SOURCE_FIELDS = List.of("email", "attachment", "file", "field");
  static final List<String> CHANNEL_FIELDS =
      List.of("id", "outside", "people", "anyoneExcept", "folders", "outsideFolders", "tools");

  private final ParserBase p;
  private final Environment environment;
  private final List<ToolDefinition> tools;
  private final Map<String, Secret> secrets = new LinkedHashMap<>();
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final FlowConditionsParser conditions;

  InformationFlowParser(ParserBase parser, Environment environment, List<ToolDefinition> tools) {
    this.p = parser;
    this.environment = environment;
    this.tools = tools;
    this.conditions = new FlowConditionsParser(parser, environment, tools, secrets, channels);
  }

  /**
   * The {@code leak}, {@code leverage} and {@code sql} conditions of a harm's {@code when}; call
   * after {@link #secrets} and {@link #channels}, whose declarations they refer to.
   */
  List<HarmCondition> conditions(MapNode when, String path, String harm) {
    return conditions.conditions(when, path, harm);
  }

  // ---------------------------------------------------------------- secrets

  List<Secret> secrets(Node node) {
    if (ParserBase.isAbsent(node)) {
      return List.of();
    }
    ListNode list =
        p.list(
            node,
            "secrets",
            "a list of secrets such as '- id: spec' with 'from'," + " 'facts' or 'aliases'");
    for (Item item : p.mapItems(list, "secrets", "a secret", SECRET_FIELDS)) {
      MapNode m = item.map();
      String path = item.path();
      String id = id(m, path, "secret", "heron-spec", secrets.keySet());
      List<Secret.Source> from = sources(m.get("from"), path + ".from", id);
      List<String> facts = p.optionalTexts(m.get("facts"), path + ".facts");
      List<String> aliases = p.optionalTexts(m.get("aliases"), path + ".aliases");
      if (from.isEmpty() && facts.isEmpty() && aliases.isEmpty()) {
        throw p.error(
            m,
            "secret '"
                + id
                + "' has no content; add 'from' (an email or file of the"
                + " environment, such as '- { email: e-204 }'), 'facts' (text) or 'aliases'");
      }
      secrets.put(
          id,
          new Secret(
              id,
              p.text(m.get("description"), path + ".description"),
              addresses(m.get("concerns"), path + ".concerns", "secret '" + id + "'"),
              from,
              facts,
              aliases));
    }
    return List.copyOf(secrets.values());
  }

  private List<Secret.Source> sources(Node node, String path, String secret) {
    List<Secret.Source> sources = new ArrayList<>();
    if (ParserBase.isAbsent(node)) {
      return sources;
    }
    ListNode list =
        p.list(
            node,
            path,
            "a list of fixtures such as '- { email: e-204 }' or"
                + " '- { file: config/prod.env, field: API_KEY }'");
    for (int i = 0; i < list.items().size(); i++) {
      String sp = path + "[" + i + "]";
      MapNode m =
          p.map(
              list.items().get(i),
              sp,
              "a fixture with 'email' (and optional"
                  + " 'attachment') or 'file' (and optional 'field')");
      p.allowOnly(m, sp, SOURCE_FIELDS);
      Node email = m.get("email");
      Node file = m.get("file");
      if (ParserBase.isAbsent(email) == ParserBase.isAbsent(file)) {
        throw p.error(
            m,
            sp
                + " of secret '"
                + secret
                + "' must name exactly one of 'email' and"
                + " 'file', such as '{ email: e-204 }' or '{ file: config/prod.env }'");
      }
      sources.add(
          ParserBase.isAbsent(email)
              ? fileSource(m, file, sp, secret)
              : emailSource(m, email, sp, secret));
    }
    return sources;
  }

  private Secret.Source emailSource(MapNode m, Node emailNode, String path, String secret) {
    if (m.get("field") != null) {
      throw p.error(
          m.get("field"),
          "'field' applies to a 'file'; for an email use 'attachment'"
              + " or nothing (the whole email)");
    }
    String id = p.plainText(emailNode, path + ".email");
    if (!environment.hasMailbox()) {
      throw p.error(
          emailNode,
          "secret '"
              + secret
              + "' takes email '"
              + id
              + "', but the scenario"
              + " declares no mailbox; add the email under 'environment: mailbox:'");
    }
    List<String> ids = environment.mailbox().stream().map(EmailFixture::id).toList();
    EmailFixture email =
        environment.mailbox().stream()
            .filter(e -> e.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    p.error(
                        emailNode,
                        "secret '"
                            + secret
                            + "' takes email '"
                            + id
                            + "', which"
                            + " the mailbox does not hold; its emails: "
                            + String.join(", ", ids)
                            + "."
                            + ParserBase.suffix(
                                Suggestions.didYouMean(Suggestions.closest(id, ids, 3)))));
    Node attachmentNode = m.get("attachment");
    if (ParserBase.isAbsent(attachmentNode)) {
      return Secret.Source.email(id, null);
    }
    String name = p.plainText(attachmentNode, path + ".attachment");
    List<String> names = email.attachments().stream().map(EmailAttachment::name).toList();
    if (!names.contains(name)) {
      throw p.error(
          attachmentNode,
          "secret '"
              + secret
              + "' takes attachment '"
              + name
              + "' of email '"
              + id
              + "', which has "
              + (names.isEmpty()
                  ? "no attachments; remove 'attachment' to take the" + " whole email"
                  : "only: "
                      + String.join(", ", names)
                      + "."
                      + ParserBase.suffix(
                          Suggestions.didYouMean(Suggestions.closest(name, names, 3)))));
    }
    return Secret.Source.email(id, name);
  }

  private Secret.Source fileSource(MapNode m, Node fileNode, String path, String secret) {
    if (m.get("attachment") != null) {
      throw p.error(
          m.get("attachment"),
          "'attachment' applies to an 'email'; for a file use"
              + " 'field' or nothing (the whole file)");
    }
    String file = p.plainText(fileNode, path + ".file");
    if (!environment.hasFiles()) {
      throw p.error(
          fileNode,
          "secret '"
              + secret
              + "' takes file '"
              + file
              + "', but the scenario"
              + " declares no files; add it under 'environment: files:'");
    }
    if (!environment.files().containsKey(file)) {
      List<String> paths = List.copyOf(environment.files().keySet());
      throw p.error(
          fileNode,
          "secret '"
              + secret
              + "' takes file '"
              + file
              + "', which the"
              + " environment does not hold; its files: "
              + String.join(", ", paths)
              + "."
              + ParserBase.suffix(Suggestions.didYouMean(Suggestions.closest(file, paths, 3))));
    }
    Node fieldNode = m.get("field");
    if (ParserBase.isAbsent(fieldNode)) {
      return Secret.Source.file(file, null);
    }
    String field = p.plainText(fieldNode, path + ".field");
    List<String> keys = SecretFields.keys(environment.files().get(file));
    if (!keys.contains(field)) {
      throw p.error(
          fieldNode,
          "secret '"
              + secret
              + "' takes field '"
              + field
              + "' of file '"
              + file
              + "', which has "
              + (keys.isEmpty()
                  ? "no 'KEY=value' or 'key: value' lines; remove 'field' to"
                      + " take the whole file"
                  : "the fields: "
                      + String.join(", ", keys)
                      + "."
                      + ParserBase.suffix(
                          Suggestions.didYouMean(Suggestions.closest(field, keys, 3)))));
    }
    return Secret.Source.file(file, field);
  }

  // ---------------------------------------------------------------- channels

  List<Channel> channels(Node node) {
    if (ParserBase.isAbsent(node)) {
      return List.of();
    }
    ListNode list =
        p.list(
            node,
            "channels",
            "a list of channels such as '- { id: outside, outside:" + " [quellwater.example] }'");
    for (Item item : p.mapItems(list, "channels", "a channel", CHANNEL_FIELDS)) {
      MapNode m = item.map();
      String path = item.path();
      String id = id(m, path, "channel", "outside", channels.keySet());
      String who = "channel '" + id + "'";
      List<String> outside = domains(m.get("outside"), path + ".outside", who);
      List<String> people = addresses(m.get("people"), path + ".people", who);
      List<String> except = addresses(m.get("anyoneExcept"), path + ".anyoneExcept", who);
      List<String> folders = folders(m.get("folders"), path + ".folders", who);
      List<String> outsideFolders = folders(m.get("outsideFolders"), path + ".outsideFolders", who);
      List<String> channelTools = channelTools(m.get("tools"), path + ".tools", who);
      Channel channel =
          new Channel(id, outside, people, except, folders, outsideFolders, channelTools);
      if (!channel.hasRecipients()
          && folders.isEmpty()
          && outsideFolders.isEmpty()
          && channelTools.isEmpty()) {
        throw p.error(
            m,
            who
                + " reaches nothing; add one or more of outside (domains), people,"
                + " anyoneExcept (addresses), folders, outsideFolders or tools");
      }
      channels.put(id, channel);
    }
    return List.copyOf(channels.values());
  }

  private List<String> domains(Node node, String path, String who) {
    List<String> domains = p.optionalTexts(node, path);
    for (int i = 0; i < domains.size(); i++) {
      String d = domains.get(i);
      if (!DOMAIN.matcher(d).matches()) {
        throw p.error(
            ParserBase.itemAt(node, i),
            who
                + " lists '"
                + d
                + "' in "
                + path
                + ", which is not a domain;"
                + " write the domain alone, such as '"
                + suggestDomain(d)
                + "'");
      }
    }
    return domains;
  }

  private static String suggestDomain(String text) {
    String d = text.substring(text.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
    return d.contains(".") ? d : "quellwater.example";
  }

  private List<String> folders(Node node, String path, String who) {
    List<String> folders = p.optionalTexts(node, path);
    if (!folders.isEmpty() && !environment.hasFiles()) {
      throw p.error(
          node,
          who
              + " watches folders, but the scenario declares no files, so no file"
              + " can be written; add 'environment: { files: {} }' (or the files)");
    }
    return folders;
  }

  private List<String> channelTools(Node node, String path, String who) {
    List<String> names = p.optionalTexts(node, path);
    for (int i = 0; i < names.size(); i++) {
      conditions.checkTool(ParserBase.itemAt(node, i), names.get(i), who);
    }
    return names;
  }

  // ---------------------------------------------------------------- helpers

  private String id(MapNode m, String path, String kind, String example, Set<String> taken) {
    Node idNode = m.get("id");
    if (ParserBase.isAbsent(idNode)) {
      throw p.error(
          m, "missing required field 'id' in " + path + "; add for example 'id: " + example + "'");
    }
    String id = p.plainText(idNode, path + ".id");
    if (!ID.matcher(id).matches()) {
      throw p.error(
          idNode,
          "invalid "
              + kind
              + " id '"
              + id
              + "'; use letters, digits, '.', '_' and"
              + " '-', for example '"
              + example
              + "'");
    }
    if (taken.contains(id)) {
      throw p.error(
          idNode, "duplicate " + kind + " id '" + id + "'; give each " + kind + " its own id");
    }
    return id;
  }

  private List<String> addresses(Node node, String path, String who) {
    List<String> addresses =
        node instanceof ScalarNode && !ParserBase.isAbsent(node)
            ? List.of(p.plainText(node, path))
            : p.optionalTexts(node, path);
    for (int i = 0; i < addresses.size(); i++) {
      String a = addresses.get(i);
      if (!ADDRESS.matcher(a).matches()) {
        throw p.error(
            node instanceof ScalarNode ? node : ParserBase.itemAt(node, i),
            who
                + " lists '"
                + a
                + "' in "
                + path
                + ", which is not an email address; write the address, such as"
                + " 'marcus.vell@halvorsen.example'");
      }
    }
    return addresses;
  }
}
