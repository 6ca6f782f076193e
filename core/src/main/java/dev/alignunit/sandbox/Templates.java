package dev.alignunit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.scenario.ArgumentMatching;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Renders simulated-result templates: {@code {{args.PATH}}} and {@code {{call}}}. */
final class Templates {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*(args\\.[^}\\s]+|call)\\s*}}");

  private Templates() {}

  static String render(String template, JsonNode arguments, int call) {
    if (template.indexOf("{{") < 0) {
      return template;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String value =
          key.equals("call")
              ? Integer.toString(call)
              : lookup(arguments, key.substring("args.".length()));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String lookup(JsonNode arguments, String path) {
    List<JsonNode> values = ArgumentMatching.path(path).select(arguments);
    return values.stream()
        .map(v -> v.isValueNode() ? v.asText() : v.toString())
        .collect(Collectors.joining(", "));
  }
}
