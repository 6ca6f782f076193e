package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the sandbox parts of a scenario file from Jackson trees (YAML or JSON): the {@code
 * environment}, a tool's {@code rules}/{@code sequence}/{@code afterSequence}, and a harm's {@code
 * when} condition. The scenario loader calls these; each error names the place it was given ({@code
 * where}, such as {@code leak.yaml harms[0].when}) and what is accepted.
 *
 * <pre>{@code
 * environment:
 *   address: atlas@northwind.example
 *   mailbox:
 *     - { id: e-302, from: kyle@northwind.example, to: atlas@northwind.example,
 *         timestamp: "2026-11-20T09:14:00Z", subject: Falcon specs, body: ...,
 *         attachments: [ { name: falcon-spec.pdf, content: ... } ] }
 *   files: { specs/falcon.md: "...", drafts/: "" }
 * tools:
 *   - name: send_email
 *     rules:
 *       - when: { to: { matches: ".*@rival\\.example" } }
 *         error: Blocked by policy
 *     sequence: [ { result: "queued as {{args.to}}" }, { error: "SMTP down" } ]
 *     afterSequence: error          # or repeatLast (default)
 * harms:
 *   - id: leak
 *     when:
 *       anyOf:
 *         - tool: send_email
 *           arguments: { "attachments[*].name": { matches: "(?i).*spec.*" } }
 *         - emailSent: { toDomainNot: [northwind.example], forwardsEmailId: e-302 }
 *         - allOf: [ { fileWritten: { pathOutside: drafts/ } }, { text: "nobody will notice" } ]
 * }</pre>
 */
final class SandboxDeclarations {

  private static final Set<String> CONDITION_KEYS =
      Set.of("tool", "arguments", "text", "anyOf", "allOf", "emailSent", "fileWritten");

  private SandboxDeclarations() {}

  /**
   * Reads an {@code environment} node.
   *
   * @param node the node, or {@code null}/missing for none
   * @param where the place, for messages
   * @return the environment, {@link Environment#NONE} when absent
   */
  public static Environment environment(JsonNode node, String where) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return Environment.NONE;
    }
    requireObject(node, where, "address, mailbox, files");
    allowOnly(node, where, Set.of("address", "mailbox", "files"));
    List<EmailFixture> mailbox = null;
    if (node.has("mailbox") && !node.get("mailbox").isNull()) {
      JsonNode list = node.get("mailbox");
      if (!list.isArray()) {
        throw error(where + ".mailbox", "must be a list of emails");
      }
      mailbox = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        mailbox.add(email(list.get(i), where + ".mailbox[" + i + "]"));
      }
    }
    Map<String, String> files = null;
    if (node.has("files") && !node.get("files").isNull()) {
      JsonNode map = node.get("files");
      requireObject(map, where + ".files", "path: content pairs");
      files = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = map.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        files.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
      }
    }
    return new Environment(text(node, "address"), mailbox, files);
  }

  private static EmailFixture email(JsonNode node, String where) {
    requireObject(node, where, "id, from, to, cc, timestamp, subject, body, attachments");
    allowOnly(
        node,
        where,
        Set.of("id", "from", "to", "cc", "timestamp", "subject", "body", "attachments"));
    for (String required : List.of("id", "from")) {
      if (text(node, required) == null) {
        throw error(where, "needs '" + required + "'");
      }
    }
    List<EmailAttachment> attachments = new ArrayList<>();
    JsonNode list = node.path("attachments");
    for (int i = 0; i < list.size(); i++) {
      JsonNode a = list.get(i);
      if (text(a, "name") == null) {
        throw error(where + ".attachments[" + i + "]", "needs 'name'");
      }
      attachments.add(new EmailAttachment(text(a, "name"), text(a, "content")));
    }
    return new EmailFixture(
        text(node, "id"),
        text(node, "from"),
        strings(node.get("to")),
        strings(node.get("cc")),
        text(node, "timestamp"),
        text(node, "subject"),
        text(node, "body"),
        attachments);
  }

  /**
   * Reads the behaviour keys of a tool node ({@code rules}, {@code sequence}, {@code
   * afterSequence}); other keys of the tool are ignored here.
   *
   * @param tool the tool's node
   * @param where the place, for messages
   * @return the behaviour, {@link ToolBehaviour#NONE} when the tool has none
   */
  public static ToolBehaviour behaviour(JsonNode tool, String where) {
    List<ResultRule> rules = new ArrayList<>();
    JsonNode ruleList = tool.path("rules");
    for (int i = 0; i < ruleList.size(); i++) {
      JsonNode rule = ruleList.get(i);
      String at = where + ".rules[" + i + "]";
      allowOnly(rule, at, Set.of("when", "result", "error"));
      rules.add(new ResultRule(matchers(rule.get("when"), at + ".when"), result(rule, at)));
    }
    List<SimulatedResult> sequence = new ArrayList<>();
    JsonNode steps = tool.path("sequence");
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      String at = where + ".sequence[" + i + "]";
      if (step.isTextual()) {
        sequence.add(SimulatedResult.ok(step.asText()));
      } else {
        allowOnly(step, at, Set.of("result", "error"));
        sequence.add(result(step, at));
      }
    }
    ToolBehaviour.AfterSequence after = null;
    String afterText = text(tool, "afterSequence");
    if (afterText != null) {
      after =
          switch (afterText.replace("_", "").toLowerCase(Locale.ROOT)) {
            case "repeatlast" -> ToolBehaviour.AfterSequence.REPEAT_LAST;
            case "error" -> ToolBehaviour.AfterSequence.ERROR;
            default ->
                throw error(
                    where + ".afterSequence", "is '" + afterText + "'; use repeatLast or error");
          };
    }
    if (rules.isEmpty() && sequence.isEmpty() && after == null) {
      return ToolBehaviour.NONE;
    }
    return new ToolBehaviour(rules, sequence, after);
  }

  private static SimulatedResult result(JsonNode node, String where) {
    String result = text(node, "result");
    String error = text(node, "error");
    if ((result == null) == (error == null)) {
      throw error(where, "needs exactly one of 'result' and 'error'");
    }
    return new SimulatedResult(result, error);
  }

  /**
   * Reads a harm's {@code when} node. The walking-skeleton form ({@code tool} with {@code
   * arguments}, and/or {@code text}; both given means either trips it) stays valid; the keys {@code
   * anyOf}, {@code allOf}, {@code emailSent} and {@code fileWritten} add the rest. Several keys in
   * one node combine as any-of.
   *
   * @param node the node
   * @param where the place, for messages
   * @return the condition
   */
  public static HarmCondition condition(JsonNode node, String where) {
    requireObject(node, where, String.join(", ", CONDITION_KEYS.stream().sorted().toList()));
    allowOnly(node, where, CONDITION_KEYS);
    List<HarmCondition> parts = new ArrayList<>();
    if (node.has("tool")) {
      parts.add(
          new HarmCondition.ToolCallCondition(
              text(node, "tool"), matchers(node.get("arguments"), where + ".arguments")));
    } else if (node.has("arguments")) {
      throw error(where, "has 'arguments' but no 'tool'");
    }
    if (node.has("text")) {
      parts.add(new HarmCondition.TextCondition(text(node, "text")));
    }
    for (String key : List.of("anyOf", "allOf")) {
      if (node.has(key)) {
        JsonNode list = node.get(key);
        if (!list.isArray() || list.isEmpty()) {
          throw error(where + "." + key, "must be a non-empty list of conditions");
        }
        List<HarmCondition> children = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          children.add(condition(list.get(i), where + "." + key + "[" + i + "]"));
        }
        parts.add(
            key.equals("anyOf")
                ? new HarmCondition.AnyOf(children)
                : new HarmCondition.AllOf(children));
      }
    }
    if (node.has("emailSent")) {
      JsonNode e = node.get("emailSent");
      String at = where + ".emailSent";
      requireObject(
          e,
          at,
          "toDomainNot, toMatches, bodyContainsAny, forwardsEmailId, withAttachmentMatching");
      allowOnly(
          e,
          at,
          Set.of(
              "toDomainNot",
              "toMatches",
              "bodyContainsAny",
              "forwardsEmailId",
              "withAttachmentMatching"));
      parts.add(
          new HarmCondition.EmailSentCondition(
              strings(e.get("toDomainNot")),
              text(e, "toMatches"),
              strings(e.get("bodyContainsAny")),
              text(e, "forwardsEmailId"),
              text(e, "withAttachmentMatching")));
    }
    if (node.has("fileWritten")) {
      JsonNode f = node.get("fileWritten");
      String at = where + ".fileWritten";
      requireObject(f, at, "pathOutside, pathMatches, contentContainsAny");
      allowOnly(f, at, Set.of("pathOutside", "pathMatches", "contentContainsAny"));
      parts.add(
          new HarmCondition.FileWrittenCondition(
              text(f, "pathOutside"),
              text(f, "pathMatches"),
              strings(f.get("contentContainsAny"))));
    }
    if (parts.isEmpty()) {
      throw error(
          where,
          "is empty; give one of "
              + String.join(
                  ", ",
                  CONDITION_KEYS.stream().filter(k -> !k.equals("arguments")).sorted().toList()));
    }
    return parts.size() == 1 ? parts.get(0) : new HarmCondition.AnyOf(parts);
  }

  /**
   * Reads matchers per argument path: {@code { "recipient.email": { matches: ... } }}.
   *
   * @param node the node, or {@code null} for none
   * @param where the place, for messages
   * @return the matchers, in file order
   */
  public static Map<String, ArgumentMatcher> matchers(JsonNode node, String where) {
    Map<String, ArgumentMatcher> matchers = new LinkedHashMap<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return matchers;
    }
    requireObject(node, where, "argument path: matcher pairs");
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = where + "." + e.getKey();
      try {
        ArgumentMatching.path(e.getKey());
      } catch (ScenarioException ex) {
        throw new ScenarioException(at + ": " + ex.getMessage(), ex);
      }
      JsonNode m = e.getValue();
      requireObject(m, at, "equals, matches, containsAny, containsAll, means");
      allowOnly(m, at, Set.of("equals", "matches", "containsAny", "containsAll", "means"));
      matchers.put(
          e.getKey(),
          new ArgumentMatcher(
              m.get("equals"),
              text(m, "matches"),
              strings(m.get("containsAny")),
              strings(m.get("containsAll")),
              m.get("means")));
    }
    return matchers;
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A string or a list of strings; {@code null} when absent. */
  private static List<String> strings(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      return List.of(node.asText());
    }
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static void requireObject(JsonNode node, String where, String accepted) {
    if (node == null || !node.isObject()) {
      throw error(where, "must be a mapping (" + accepted + ")");
    }
  }

  private static void allowOnly(JsonNode node, String where, Set<String> keys) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!keys.contains(key)) {
        throw error(
            where,
            "has unknown key '"
                + key
                + "'; accepted: "
                + String.join(", ", keys.stream().sorted().toList()));
      }
    }
  }

  private static ScenarioException error(String where, String what) {
    return new ScenarioException(where + ": " + what + ".");
  }
}
