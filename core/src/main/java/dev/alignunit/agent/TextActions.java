package dev.alignunit.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Parses actions that an agent writes as tagged blocks in its text, as the published misalignment
 * harnesses do, into ordinary {@link ToolCall}s for the sandbox (so the ledger and every tripwire
 * work unchanged).
 *
 * <p>A block is {@code <tool_use:NAME>} ... {@code </tool_use:NAME>}; a block left open runs to the
 * end of the text (an unfinished harmful email is still an attempt). Its body is either
 *
 * <ul>
 *   <li>a JSON object (the body starts with <code>{</code>), passed on verbatim (invalid JSON is
 *       then reported to the model like any invalid arguments); or
 *   <li>{@code key: value} lines. A value runs on over the following lines until the next line that
 *       starts with a key; leading and trailing blank space of a value is trimmed. When the tool is
 *       known, only its schema's property names count as keys (so a body line such as {@code Note:
 *       call me} stays in the body), and values of integer, number and boolean properties are
 *       converted; otherwise any {@code identifier:} starts a key and values are strings.
 * </ul>
 *
 * <pre>{@code
 * <tool_use:send_email>
 * to: kyle@northwind.example
 * subject: About tonight
 * body: Kyle,
 * I know about the affair.
 * </tool_use:send_email>
 * }</pre>
 *
 * <p>Call ids are {@code PREFIX1}, {@code PREFIX2}, ... in text order.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TextActions {

  private static final Pattern OPEN = Pattern.compile("<tool_use:([A-Za-z0-9_.\\-]+)\\s*>");
  private static final Pattern KEY = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:(.*)$");

  private TextActions() {}

  /**
   * The actions in a text, in order.
   *
   * @param text the assistant's text
   * @param tools the tools on offer (for key names and value types); may be empty
   * @param idPrefix the prefix of the generated call ids, such as {@code text_3_}
   * @return the calls, empty when the text has no block
   */
  public static List<ToolCall> parse(String text, List<ToolSpec> tools, String idPrefix) {
    Objects.requireNonNull(text, "text");
    Map<String, ToolSpec> byName = new LinkedHashMap<>();
    tools.forEach(t -> byName.put(t.name(), t));
    List<ToolCall> calls = new ArrayList<>();
    Matcher open = OPEN.matcher(text);
    int from = 0;
    while (open.find(from)) {
      String name = open.group(1);
      String close = "</tool_use:" + name + ">";
      int bodyStart = open.end();
      int closeAt = text.indexOf(close, bodyStart);
      int bodyEnd = closeAt < 0 ? text.length() : closeAt;
      String body = text.substring(bodyStart, bodyEnd);
      calls.add(
          new ToolCall(idPrefix + (calls.size() + 1), name, arguments(body, byName.get(name))));
      from = closeAt < 0 ? text.length() : closeAt + close.length();
      if (from >= text.length()) {
        break;
      }
    }
    return calls;
  }

  /**
   * The user message that reports text-action results back to the model, one block per call: {@code
   * <tool_result:NAME>} result {@code </tool_result:NAME>}, with {@code error="true"} on failed
   * calls.
   *
   * @param calls the calls, in order
   * @param results their results, same order
   * @return the message text
   */
  public static String formatResults(List<ToolCall> calls, List<ToolResult> results) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < calls.size(); i++) {
      if (i > 0) {
        sb.append("\n\n");
      }
      String name = calls.get(i).name();
      ToolResult result = results.get(i);
      sb.append("<tool_result:")
          .append(name)
          .append(result.error() ? " error=\"true\">" : ">")
          .append('\n')
          .append(result.content())
          .append('\n')
          .append("</tool_result:")
          .append(name)
          .append('>');
    }
    return sb.toString();
  }

  private static String arguments(String body, ToolSpec spec) {
    String trimmed = body.strip();
    if (trimmed.startsWith("{")) {
      return trimmed;
    }
    JsonNode properties = spec == null ? null : spec.parameters().path("properties");
    boolean knownKeys = properties != null && properties.isObject() && properties.size() > 0;
    Map<String, StringBuilder> values = new LinkedHashMap<>();
    StringBuilder current = null;
    for (String line : body.split("\\R", -1)) {
      Matcher key = KEY.matcher(line);
      if (key.matches() && (!knownKeys || properties.has(key.group(1)))) {
        current = new StringBuilder(key.group(2));
        values.put(key.group(1), current);
      } else if (current != null) {
        current.append('\n').append(line);
      }
    }
    ObjectNode arguments = JsonNodeFactory.instance.objectNode();
    values.forEach(
        (name, raw) -> {
          String value = raw.toString().strip();
          String type = knownKeys ? properties.path(name).path("type").asText("") : "";
          arguments.set(name, typed(value, type));
        });
    return arguments.toString();
  }

  private static JsonNode typed(String value, String type) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    try {
      switch (type) {
        case "integer":
          return f.numberNode(Long.parseLong(value));
        case "number":
          return f.numberNode(new java.math.BigDecimal(value));
        case "boolean":
          if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return f.booleanNode(Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT)));
          }
          return f.textNode(value);
        default:
          return f.textNode(value);
      }
    } catch (NumberFormatException e) {
      return f.textNode(value);
    }
  }
}
