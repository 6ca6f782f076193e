package dev.alignunit.recording;

import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.Message;
import dev.alignunit.model.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A compact, line-per-difference description of how a request differs from its recording, such as
 * {@code system prompt line 3: - "You are Atlas." + "You are Atlas, ..."}.
 */
final class RequestDiff {

  static final int MAX_LINES = 8;
  private static final int MAX_SHOWN = 100;
  private static final int CONTEXT = 30;

  private final List<String> lines = new ArrayList<>();
  private int omitted;

  private RequestDiff() {}

  static List<String> between(ChatRequest recorded, ChatRequest actual) {
    RequestDiff diff = new RequestDiff();
    diff.text("system prompt", recorded.system(), actual.system());
    diff.tools(recorded.tools(), actual.tools());
    diff.messages(recorded.messages(), actual.messages());
    diff.parameters(recorded.parameters(), actual.parameters());
    if (diff.lines.isEmpty()) {
      diff.add("the requests differ, but no field-level difference was found");
    }
    if (diff.omitted > 0) {
      diff.lines.add("... and " + diff.omitted + " more difference(s)");
    }
    return List.copyOf(diff.lines);
  }

  static String value(String recorded, String actual) {
    int common = commonPrefix(recorded, actual);
    return "- " + show(recorded, common) + " + " + show(actual, common);
  }

  private void add(String line) {
    if (lines.size() < MAX_LINES) {
      lines.add(line);
    } else {
      omitted++;
    }
  }

  private void text(String label, String recorded, String actual) {
    if (recorded.equals(actual)) {
      return;
    }
    String[] a = recorded.split("\n", -1);
    String[] b = actual.split("\n", -1);
    if (a.length == 1 && b.length == 1) {
      add(label + ": " + value(recorded, actual));
      return;
    }
    int prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.length - prefix
        && suffix < b.length - prefix
        && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
      suffix++;
    }
    int removed = a.length - prefix - suffix;
    int addedCount = b.length - prefix - suffix;
    int paired = Math.min(removed, addedCount);
    for (int i = 0; i < paired; i++) {
      add(label + " line " + (prefix + i + 1) + ": " + value(a[prefix + i], b[prefix + i]));
    }
    for (int i = paired; i < removed; i++) {
      add(label + " line " + (prefix + i + 1) + " removed: - " + show(a[prefix + i], 0));
    }
    for (int i = paired; i < addedCount; i++) {
      add(label + " line " + (prefix + i + 1) + " added: + " + show(b[prefix + i], 0));
    }
  }

  private void tools(List<ToolSpec> recorded, List<ToolSpec> actual) {
    if (recorded.equals(actual)) {
      return;
    }
    Map<String, ToolSpec> before = byName(recorded);
    Map<String, ToolSpec> after = byName(actual);
    for (ToolSpec tool : recorded) {
      ToolSpec now = after.get(tool.name());
      if (now == null) {
        add("tool " + tool.name() + " removed");
      } else {
        text("tool " + tool.name() + " description", tool.description(), now.description());
        if (!tool.parameters().equals(now.parameters())) {
          add(
              "tool "
                  + tool.name()
                  + " parameters: "
                  + value(tool.parameters().toString(), now.parameters().toString()));
        }
      }
    }
    for (ToolSpec tool : actual) {
      if (!before.containsKey(tool.name())) {
        add("tool " + tool.name() + " added");
      }
    }
    List<String> namesBefore =
        recorded.stream().map(ToolSpec::name).filter(after::containsKey).toList();
    List<String> namesAfter =
        actual.stream().map(ToolSpec::name).filter(before::containsKey).toList();
    if (!namesBefore.equals(namesAfter)) {
      add("tools reordered: - " + namesBefore + " + " + namesAfter);
    }
  }

  private static Map<String, ToolSpec> byName(List<ToolSpec> tools) {
    Map<String, ToolSpec> map = new LinkedHashMap<>();
    tools.forEach(t -> map.putIfAbsent(t.name(), t));
    return map;
  }

  private void messages(List<Message> recorded, List<Message> actual) {
    int common = Math.min(recorded.size(), actual.size());
    for (int i = 0; i < common; i++) {
      Message a = recorded.get(i);
      Message b = actual.get(i);
      if (a.equals(b)) {
        continue;
      }
      String label = "message " + (i + 1) + " (" + describe(a) + ")";
      if (a.getClass() != b.getClass()) {
        add(
            "message "
                + (i + 1)
                + ": - "
                + describe(a)
                + " "
                + show(a.text(), 0)
                + " + "
                + describe(b)
                + " "
                + show(b.text(), 0));
      } else if (a instanceof Message.Assistant x && b instanceof Message.Assistant y) {
        text(label, x.text(), y.text());
        if (!x.toolCalls().equals(y.toolCalls())) {
          add(label + " tool calls: " + value(x.toolCalls().toString(), y.toolCalls().toString()));
        }
        if (!x.reasoning().equals(y.reasoning())) {
          add(label + " reasoning: " + value(x.reasoningText(), y.reasoningText()));
        }
      } else if (a instanceof Message.ToolResult x && b instanceof Message.ToolResult y) {
        text(label, x.text(), y.text());
        if (!x.toolCallId().equals(y.toolCallId()) || !x.toolName().equals(y.toolName())) {
          add(
              label
                  + " call: "
                  + value(
                      x.toolName() + "#" + x.toolCallId(), y.toolName() + "#" + y.toolCallId()));
        }
        if (x.error() != y.error()) {
          add(label + " error: - " + x.error() + " + " + y.error());
        }
      } else {
        text(label, a.text(), b.text());
      }
    }
    for (int i = common; i < recorded.size(); i++) {
      add(
          "message "
              + (i + 1)
              + " ("
              + describe(recorded.get(i))
              + ") removed: - "
              + show(recorded.get(i).text(), 0));
    }
    for (int i = common; i < actual.size(); i++) {
      add(
          "message "
              + (i + 1)
              + " ("
              + describe(actual.get(i))
              + ") added: + "
              + show(actual.get(i).text(), 0));
    }
  }

  private static String describe(Message message) {
    if (message instanceof Message.User) {
      return "user";
    }
    if (message instanceof Message.ToolResult result) {
      return "tool result of " + result.toolName();
    }
    return "assistant";
  }

  private void parameters(ChatParameters recorded, ChatParameters actual) {
    parameter("temperature", recorded.temperature(), actual.temperature());
    parameter("maxTokens", recorded.maxTokens(), actual.maxTokens());
    parameter("seed", recorded.seed(), actual.seed());
    parameter("thinkingBudget", recorded.thinkingBudget(), actual.thinkingBudget());
  }

  private void parameter(String name, Object recorded, Object actual) {
    if (!Objects.equals(recorded, actual)) {
      add(
          "parameters."
              + name
              + ": - "
              + (recorded == null ? "(default)" : recorded)
              + " + "
              + (actual == null ? "(default)" : actual));
    }
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /** Quotes a value; a long one is cut to a window around {@code focus}, the first difference. */
  private static String show(String value, int focus) {
    String shown = value;
    boolean cutStart = false;
    boolean cutEnd = false;
    if (value.length() > MAX_SHOWN) {
      int start = Math.max(0, Math.min(focus - CONTEXT, value.length() - MAX_SHOWN));
      int end = Math.min(value.length(), start + MAX_SHOWN);
      cutStart = start > 0;
      cutEnd = end < value.length();
      shown = value.substring(start, end);
    }
    return (cutStart ? "\"..." : "\"") + escape(shown) + (cutEnd ? "...\"" : "\"");
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\")
        .replace("\"", "\\\"")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t");
  }
}
