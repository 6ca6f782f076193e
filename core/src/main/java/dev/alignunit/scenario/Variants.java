package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Variant matrix, selection, placeholder resolution and display names (see {@link Scenario}). */
final class Variants {

  private Variants() {}

  static List<Map<String, String>> matrix(Scenario scenario) {
    List<Map<String, String>> result = new ArrayList<>();
    result.add(Map.of());
    for (Map.Entry<String, Map<String, String>> variable : scenario.variables().entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : result) {
        for (String value : variable.getValue().keySet()) {
          Map<String, String> variant = new LinkedHashMap<>(partial);
          variant.put(variable.getKey(), value);
          next.add(variant);
        }
      }
      result = next;
    }
    return result.stream().map(v -> Collections.unmodifiableMap(v)).toList();
  }

  static List<Map<String, String>> select(Scenario scenario, String selection) {
    if (selection == null || selection.isBlank()) {
      return matrix(scenario);
    }
    Map<String, Set<String>> chosen = new LinkedHashMap<>();
    String current = null;
    for (String rawItem : selection.split("[;,]")) {
      String item = rawItem.strip();
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      String valuesText;
      if (eq >= 0) {
        current = item.substring(0, eq).strip();
        valuesText = item.substring(eq + 1);
        if (current.isEmpty()) {
          throw malformed(scenario, selection, "item '" + item + "' has no variable name");
        }
        checkVariable(scenario, current, "variant selection '" + selection + "'");
      } else if (current == null) {
        throw malformed(scenario, selection, "item '" + item + "' has no 'variable=' before it");
      } else {
        valuesText = item;
      }
      for (String rawValue : valuesText.split("\\|", -1)) {
        String value = rawValue.strip();
        if (value.isEmpty()) {
          throw malformed(scenario, selection, "variable '" + current + "' has an empty value");
        }
        checkValue(scenario, current, value, "variant selection '" + selection + "'");
        chosen.computeIfAbsent(current, k -> new LinkedHashSet<>()).add(value);
      }
    }
    return matrix(scenario).stream()
        .filter(variant -> chosen.entrySet().stream()
            .allMatch(e -> e.getValue().contains(variant.get(e.getKey()))))
        .toList();
  }

  private static ScenarioException malformed(Scenario scenario, String selection, String problem) {
    return new ScenarioException("Malformed variant selection '" + selection + "' for scenario '"
        + scenario.id() + "': " + problem + ". Write items 'variable=value' or 'variable=v1|v2'"
        + " separated by ';' or ',', for example 'goal=explicit|none; urgency=replacement'.");
  }

  private static void checkVariable(Scenario scenario, String variable, String where) {
    if (!scenario.variables().containsKey(variable)) {
      String known = scenario.variables().isEmpty()
          ? "it declares no variables"
          : "its variables are: " + String.join(", ", scenario.variables().keySet());
      throw new ScenarioException("Unknown variable '" + variable + "' in " + where
          + " for scenario '" + scenario.id() + "' (" + scenario.source() + "); " + known + ".");
    }
  }

  private static void checkValue(Scenario scenario, String variable, String value, String where) {
    Map<String, String> values = scenario.variables().get(variable);
    if (!values.containsKey(value)) {
      throw new ScenarioException("Unknown value '" + value + "' for variable '" + variable + "' in "
          + where + " for scenario '" + scenario.id() + "' (" + scenario.source()
          + "); its values are: " + String.join(", ", values.keySet()) + ".");
    }
  }

  static String displayName(Scenario scenario, Map<String, String> variant) {
    if (variant == null || variant.isEmpty()) {
      return scenario.id();
    }
    List<String> parts = new ArrayList<>();
    for (String name : scenario.variables().keySet()) {
      if (variant.containsKey(name)) {
        parts.add(name + "=" + variant.get(name));
      }
    }
    variant.forEach((name, value) -> {
      if (!scenario.variables().containsKey(name)) {
        parts.add(name + "=" + value);
      }
    });
    return scenario.id() + " [" + String.join(", ", parts) + "]";
  }

  static Scenario resolve(Scenario scenario, Map<String, String> variant) {
    Map<String, String> chosen = variant == null ? Map.of() : variant;
    String where = "variant " + bracket(chosen);
    chosen.forEach((name, value) -> {
      checkVariable(scenario, name, where);
      checkValue(scenario, name, value, where);
    });
    Resolver r = new Resolver(scenario, chosen);
    String title = r.text(scenario.title(), "title");
    String description = r.text(scenario.description(), "description");
    String system = r.text(scenario.system(), "system");
    List<Turn> input = new ArrayList<>();
    for (int i = 0; i < scenario.input().size(); i++) {
      Turn turn = scenario.input().get(i);
      String field = "input[" + i + "]." + turn.role().name().toLowerCase(java.util.Locale.ROOT);
      input.add(new Turn(turn.role(), r.text(turn.text(), field)));
    }
    List<ToolDefinition> tools = new ArrayList<>();
    for (int i = 0; i < scenario.tools().size(); i++) {
      ToolDefinition tool = scenario.tools().get(i);
      String path = "tools[" + i + "].";
      tools.add(new ToolDefinition(tool.name(),
          r.text(tool.description(), path + "description"),
          r.json(tool.parameters(), path + "parameters"),
          r.text(tool.result(), path + "result"),
          r.text(tool.error(), path + "error"),
          r.behaviour(tool.behaviour(), path)));
    }
    Environment environment = r.environment(scenario.environment());
    List<HarmDefinition> harms = new ArrayList<>();
    for (int i = 0; i < scenario.harms().size(); i++) {
      HarmDefinition harm = scenario.harms().get(i);
      String path = "harms[" + i + "].";
      harms.add(new HarmDefinition(harm.id(), r.text(harm.description(), path + "description"),
          r.condition(harm.condition(), path + "when"), r.text(harm.intent(), path + "intent")));
    }
    List<Secret> secrets = r.secrets(scenario.secrets());
    if (!r.changed && chosen.isEmpty()) {
      return scenario;
    }
    Map<String, Map<String, String>> narrowed = new LinkedHashMap<>();
    scenario.variables().forEach((name, values) -> narrowed.put(name,
        chosen.containsKey(name) ? Map.of(chosen.get(name), values.get(chosen.get(name))) : values));
    return new Scenario(scenario.id(), title, description, scenario.tags(), narrowed, system, input,
        tools, environment, secrets, scenario.channels(), harms, scenario.expect(), scenario.source());
  }

  private static String bracket(Map<String, String> variant) {
    return variant.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** Substitutes placeholders in one scenario for one variant, naming the field on failure. */
  private static final class Resolver {
    private final Scenario scenario;
    private final Map<String, String> variant;
    private boolean changed;

    Resolver(Scenario scenario, Map<String, String> variant) {
      this.scenario = scenario;
      this.variant = variant;
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
          throw new ScenarioException("Invalid regular expression in field '" + field
              + "' of scenario '" + scenario.id() + "' (" + scenario.source() + ") for variant "
              + bracket(variant) + ": " + e.problem() + " in '" + result
              + "'. Values are inserted verbatim; quote them with \\Q...\\E in the expression.",
              e);
        }
      }
      return result;
    }

    Map<String, ArgumentMatcher> matchers(Map<String, ArgumentMatcher> matchers, String field) {
      Map<String, ArgumentMatcher> result = new LinkedHashMap<>();
      matchers.forEach((arg, m) -> {
        String mp = field + "." + arg + ".";
        result.put(arg, new ArgumentMatcher(
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
            attachments.add(new EmailAttachment(a.name(),
                text(a.content(), p + "attachments[" + j + "].content")));
          }
          mailbox.add(new EmailFixture(e.id(), text(e.from(), p + "from"), texts(e.to(), p + "to"),
              texts(e.cc(), p + "cc"), text(e.timestamp(), p + "timestamp"), text(e.subject(), p + "subject"),
              text(e.body(), p + "body"), attachments));
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
        return new HarmCondition.ToolCallCondition(c.tool(), matchers(c.arguments(), field + ".arguments"));
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
        return new HarmCondition.EmailSentCondition(texts(c.toDomainNot(), p + "toDomainNot"),
            regex(c.toMatches(), p + "toMatches"), texts(c.bodyContainsAny(), p + "bodyContainsAny"),
            text(c.forwardsEmailId(), p + "forwardsEmailId"),
            regex(c.withAttachmentMatching(), p + "withAttachmentMatching"));
      }
      if (condition instanceof HarmCondition.FileWrittenCondition c) {
        String p = field + ".fileWritten.";
        return new HarmCondition.FileWrittenCondition(text(c.pathOutside(), p + "pathOutside"),
            regex(c.pathMatches(), p + "pathMatches"), texts(c.contentContainsAny(), p + "contentContainsAny"));
      }
      if (condition instanceof HarmCondition.LeverageCondition c) {
        return new HarmCondition.LeverageCondition(c.secret(), c.to(), texts(c.over(), field + ".leverage.over"));
      }
      if (condition instanceof HarmCondition.DisparageCondition c) {
        String p = field + ".disparages.";
        return new HarmCondition.DisparageCondition(c.tool(), text(c.person(), p + "person"),
            texts(c.aliases(), p + "aliases"));
      }
      // leak and sql name secrets, channels, tools and functions: nothing to substitute
      return condition;
    }

    List<Secret> secrets(List<Secret> secrets) {
      List<Secret> result = new ArrayList<>();
      for (int i = 0; i < secrets.size(); i++) {
        Secret s = secrets.get(i);
        String p = "secrets[" + i + "].";
        result.add(new Secret(s.id(), text(s.description(), p + "description"), s.concerns(), s.from(),
            texts(s.facts(), p + "facts"), texts(s.aliases(), p + "aliases")));
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
      return Placeholders.replace(text, name -> {
        Map<String, String> values = scenario.variables().get(name);
        if (values == null) {
          String declared = scenario.variables().isEmpty()
              ? "the scenario declares no variables"
              : "declared variables: " + String.join(", ", scenario.variables().keySet());
          throw unresolved(name, field, "no variable '" + name + "' is declared; " + declared
              + ". Declare it under 'variables' or remove the placeholder");
        }
        String value = variant.get(name);
        if (value == null) {
          throw unresolved(name, field, "the variant " + bracket(variant)
              + " chooses no value for variable '" + name + "'; choose one of: "
              + String.join(", ", values.keySet())
              + " (Scenario.variants() lists the complete variants)");
        }
        if (expanding.contains(name)) {
          throw unresolved(name, field, "the texts of variables refer to each other in a cycle "
              + String.join(" -> ", expanding) + " -> " + name + "; remove one of the references");
        }
        expanding.addLast(name);
        String replaced = substitute(values.get(value), field, expanding);
        expanding.removeLast();
        return replaced;
      });
    }

    private ScenarioException unresolved(String name, String field, String reason) {
      return new ScenarioException("Unresolved placeholder {{" + name + "}} in field '" + field
          + "' of scenario '" + scenario.id() + "' (" + scenario.source() + "): " + reason + ".");
    }
  }
}
