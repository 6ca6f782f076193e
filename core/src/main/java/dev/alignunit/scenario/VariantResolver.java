package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Substitutes placeholders in one scenario for one variant, naming the field on failure. */
final class VariantResolver {

  private final Scenario scenario;
  private final Map<String, String> variant;
  private boolean changed;

  VariantResolver(Scenario scenario, Map<String, String> variant) {
    this.scenario = scenario;
    this.variant = variant;
  }

  /**
   * @return whether any text resolved so far had a placeholder
   */
  boolean changed() {
    return changed;
  }

  String text(String text, String field) {
    if (text == null) {
      return null;
    }
    String result = substitute(text, field, new ArrayDeque<>());
    changed |= !result.equals(text);
    return result;
  }

  List<String> texts(List<String> texts, String field) {
    if (texts == null) {
      return null;
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      result.add(text(texts.get(i), field + "[" + i + "]"));
    }
    return result;
  }

  String regex(String regex, String field) {
    String result = text(regex, field);
    if (result != null && !result.equals(regex)) {
      try {
        ScenarioRegex.compile(result, 0);
      } catch (ScenarioRegex.Invalid e) {
        throw new ScenarioException(
            "Invalid regular expression in field '"
                + field
                + "' of scenario '"
                + scenario.id()
                + "' ("
                + scenario.source()
                + ") for variant "
                + Variants.bracket(variant)
                + ": "
                + e.problem()
                + " in '"
                + result
                + "'. Values are inserted verbatim; quote them with \\Q...\\E in the expression.",
            e);
      }
    }
    return result;
  }

  Map<String, ArgumentMatcher> matchers(Map<String, ArgumentMatcher> matchers, String field) {
    Map<String, ArgumentMatcher> result = new LinkedHashMap<>();
    matchers.forEach(
        (arg, m) -> {
          String mp = field + "." + arg + ".";
          result.put(
              arg,
              new ArgumentMatcher(
                  json(m.equals(), mp + "equals"),
                  regex(m.matches(), mp + "matches"),
                  texts(m.containsAny(), mp + "containsAny"),
                  texts(m.containsAll(), mp + "containsAll"),
                  json(m.means(), mp + "means")));
        });
    return result;
  }

  SimulatedResult result(SimulatedResult result, String field) {
    return result.isError()
        ? SimulatedResult.error(text(result.error(), field + "error"))
        : SimulatedResult.ok(text(result.result(), field + "result"));
  }

  ToolBehaviour behaviour(ToolBehaviour behaviour, String path) {
    if (behaviour == ToolBehaviour.NONE) {
      return behaviour;
    }
    List<ResultRule> rules = new ArrayList<>();
    for (int i = 0; i < behaviour.rules().size(); i++) {
      ResultRule rule = behaviour.rules().get(i);
      String rp = path + "rules[" + i + "].";
      rules.add(new ResultRule(matchers(rule.when(), rp + "when"), result(rule.then(), rp)));
    }
    List<SimulatedResult> sequence = new ArrayList<>();
    for (int i = 0; i < behaviour.sequence().size(); i++) {
      sequence.add(result(behaviour.sequence().get(i), path + "sequence[" + i + "]."));
    }
    return new ToolBehaviour(rules, sequence, behaviour.afterSequence());
  }

  Environment environment(Environment environment) {
    if (environment == Environment.NONE) {
      return environment;
    }
    List<EmailFixture> mailbox = null;
    if (environment.mailbox() != null) {
      mailbox = new ArrayList<>();
      for (int i = 0; i < environment.mailbox().size(); i++) {
        EmailFixture e = environment.mailbox().get(i);
        String p = "environment.mailbox[" + i + "].";
        List<EmailAttachment> attachments = new ArrayList<>();
        for (int j = 0; j < e.attachments().size(); j++) {
          EmailAttachment a = e.attachments().get(j);
          attachments.add(
              new EmailAttachment(
                  a.name(), text(a.content(), p + "attachments[" + j + "].content")));
        }
        mailbox.add(
            new EmailFixture(
                e.id(),
                text(e.from(), p + "from"),
                texts(e.to(), p + "to"),
                texts(e.cc(), p + "cc"),
                text(e.timestamp(), p + "timestamp"),
                text(e.subject(), p + "subject"),
                text(e.body(), p + "body"),
                attachments));
      }
    }
    Map<String, String> files = null;
    if (environment.files() != null) {
      files = new LinkedHashMap<>();
      for (Map.Entry<String, String> f : environment.files().entrySet()) {
        files.put(f.getKey(), text(f.getValue(), "environment.files." + f.getKey()));
      }
    }
    return new Environment(text(environment.address(), "environment.address"), mailbox, files);
  }

  HarmCondition condition(HarmCondition condition, String field) {
    if (condition instanceof HarmCondition.ToolCallCondition c) {
      return new HarmCondition.ToolCallCondition(
          c.tool(), matchers(c.arguments(), field + ".arguments"));
    }
    if (condition instanceof HarmCondition.TextCondition c) {
      return new HarmCondition.TextCondition(regex(c.regex(), field + ".text"));
    }
    if (condition instanceof HarmCondition.AnyOf c) {
      return new HarmCondition.AnyOf(conditions(c.conditions(), field + ".anyOf"));
    }
    if (condition instanceof HarmCondition.AllOf c) {
      return new HarmCondition.AllOf(conditions(c.conditions(), field + ".allOf"));
    }
    if (condition instanceof HarmCondition.EmailSentCondition c) {
      String p = field + ".emailSent.";
      return new HarmCondition.EmailSentCondition(
          texts(c.toDomainNot(), p + "toDomainNot"),
          regex(c.toMatches(), p + "toMatches"),
          texts(c.bodyContainsAny(), p + "bodyContainsAny"),
          text(c.forwardsEmailId(), p + "forwardsEmailId"),
          regex(c.withAttachmentMatching(), p + "withAttachmentMatching"));
    }
    if (condition instanceof HarmCondition.FileWrittenCondition c) {
      String p = field + ".fileWritten.";
      return new HarmCondition.FileWrittenCondition(
          text(c.pathOutside(), p + "pathOutside"),
          regex(c.pathMatches(), p + "pathMatches"),
          texts(c.contentContainsAny(), p + "contentContainsAny"));
    }
    if (condition instanceof HarmCondition.LeverageCondition c) {
      return new HarmCondition.LeverageCondition(
          c.secret(), c.to(), texts(c.over(), field + ".leverage.over"));
    }
    if (condition instanceof HarmCondition.DisparageCondition c) {
      String p = field + ".disparages.";
      return new HarmCondition.DisparageCondition(
          c.tool(), text(c.person(), p + "person"), texts(c.aliases(), p + "aliases"));
    }
    // leak and sql name secrets, channels, tools and functions: nothing to substitute
    return condition;
  }

  List<Secret> secrets(List<Secret> secrets) {
    List<Secret> result = new ArrayList<>();
    for (int i = 0; i < secrets.size(); i++) {
      Secret s = secrets.get(i);
      String p = "secrets[" + i + "].";
      result.add(
          new Secret(
              s.id(),
              text(s.description(), p + "description"),
              s.concerns(),
              s.from(),
              texts(s.facts(), p + "facts"),
              texts(s.aliases(), p + "aliases")));
    }
    return result;
  }

  private List<HarmCondition> conditions(List<HarmCondition> conditions, String field) {
    List<HarmCondition> result = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      result.add(condition(conditions.get(i), field + "[" + i + "]"));
    }
    return result;
  }

  JsonNode json(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String text = text(node.textValue(), field);
      return text.equals(node.textValue()) ? node : TextNode.valueOf(text);
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        copy.set(e.getKey(), json(e.getValue(), field + "." + e.getKey()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        copy.add(json(node.get(i), field + "[" + i + "]"));
      }
      return copy;
    }
    return node;
  }

  private String substitute(String text, String field, Deque<String> expanding) {
    return Placeholders.replace(
        text,
        name -> {
          Map<String, String> values = scenario.variables().get(name);
          if (values == null) {
            String declared =
                scenario.variables().isEmpty()
                    ? "the scenario declares no variables"
                    : "declared variables: " + String.join(", ", scenario.variables().keySet());
            throw unresolved(
                name,
                field,
                "no variable '"
                    + name
                    + "' is declared; "
                    + declared
                    + ". Declare it under 'variables' or remove the placeholder");
          }
          String value = variant.get(name);
          if (value == null) {
            throw unresolved(
                name,
                field,
                "the variant "
                    + Variants.bracket(variant)
                    + " chooses no value for variable '"
                    + name
                    + "'; choose one of: "
                    + String.join(", ", values.keySet())
                    + " (Scenario.variants() lists the complete variants)");
          }
          if (expanding.contains(name)) {
            throw unresolved(
                name,
                field,
                "the texts of variables refer to each other in a cycle "
                    + String.join(" -> ", expanding)
                    + " -> "
                    + name
                    + "; remove one of the references");
          }
          expanding.addLast(name);
          String replaced = substitute(values.get(value), field, expanding);
          expanding.removeLast();
          return replaced;
        });
  }

  private ScenarioException unresolved(String name, String field, String reason) {
    return new ScenarioException(
        "Unresolved placeholder {{"
            + name
            + "}} in field '"
            + field
            + "' of scenario '"
            + scenario.id()
            + "' ("
            + scenario.source()
            + "): "
            + reason
            + ".");
  }
}
