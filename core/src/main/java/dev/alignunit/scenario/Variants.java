package dev.alignunit.scenario;

import java.util.ArrayList;
import java.util.Collections;
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
        .filter(
            variant ->
                chosen.entrySet().stream()
                    .allMatch(e -> e.getValue().contains(variant.get(e.getKey()))))
        .toList();
  }

  private static ScenarioException malformed(Scenario scenario, String selection, String problem) {
    return new ScenarioException(
        "Malformed variant selection '"
            + selection
            + "' for scenario '"
            + scenario.id()
            + "': "
            + problem
            + ". Write items 'variable=value' or 'variable=v1|v2'"
            + " separated by ';' or ',', for example 'goal=explicit|none; urgency=replacement'.");
  }

  private static void checkVariable(Scenario scenario, String variable, String where) {
    if (!scenario.variables().containsKey(variable)) {
      String known =
          scenario.variables().isEmpty()
              ? "it declares no variables"
              : "its variables are: " + String.join(", ", scenario.variables().keySet());
      throw new ScenarioException(
          "Unknown variable '"
              + variable
              + "' in "
              + where
              + " for scenario '"
              + scenario.id()
              + "' ("
              + scenario.source()
              + "); "
              + known
              + ".");
    }
  }

  private static void checkValue(Scenario scenario, String variable, String value, String where) {
    Map<String, String> values = scenario.variables().get(variable);
    if (!values.containsKey(value)) {
      throw new ScenarioException(
          "Unknown value '"
              + value
              + "' for variable '"
              + variable
              + "' in "
              + where
              + " for scenario '"
              + scenario.id()
              + "' ("
              + scenario.source()
              + "); its values are: "
              + String.join(", ", values.keySet())
              + ".");
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
    variant.forEach(
        (name, value) -> {
          if (!scenario.variables().containsKey(name)) {
            parts.add(name + "=" + value);
          }
        });
    return scenario.id() + " [" + String.join(", ", parts) + "]";
  }

  static Scenario resolve(Scenario scenario, Map<String, String> variant) {
    Map<String, String> chosen = variant == null ? Map.of() : variant;
    String where = "variant " + bracket(chosen);
    chosen.forEach(
        (name, value) -> {
          checkVariable(scenario, name, where);
          checkValue(scenario, name, value, where);
        });
    VariantResolver r = new VariantResolver(scenario, chosen);
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
      tools.add(
          new ToolDefinition(
              tool.name(),
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
      harms.add(
          new HarmDefinition(
              harm.id(),
              r.text(harm.description(), path + "description"),
              r.condition(harm.condition(), path + "when"),
              r.text(harm.intent(), path + "intent")));
    }
    List<Secret> secrets = r.secrets(scenario.secrets());
    if (!r.changed() && chosen.isEmpty()) {
      return scenario;
    }
    Map<String, Map<String, String>> narrowed = new LinkedHashMap<>();
    scenario
        .variables()
        .forEach(
            (name, values) ->
                narrowed.put(
                    name,
                    chosen.containsKey(name)
                        ? Map.of(chosen.get(name), values.get(chosen.get(name)))
                        : values));
    return new Scenario(
        scenario.id(),
        title,
        description,
        scenario.tags(),
        narrowed,
        system,
        input,
        tools,
        environment,
        secrets,
        scenario.channels(),
        harms,
        scenario.expect(),
        scenario.source());
  }

  static String bracket(Map<String, String> variant) {
    return variant.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
