package dev.alignunit.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholder syntax shared by the parser (which checks names) and variant
 * resolution (which substitutes them).
 *
 * <p>A placeholder is {@code {{}}, optional spaces, a name of letters, digits, {@code _ - .}
 * starting with a letter or {@code _}, optional spaces, {@code }}}. Anything else between braces
 * (such as JSON {@code {{"a": 1}}}) is plain text. Names starting with {@code args.} and the name
 * {@code call} are runtime tool-result templates and are never substituted here.
 */
final class Placeholders {

  static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*}}");

  private static final String RUNTIME_PREFIX = "args.";

  private Placeholders() {}

  /** The runtime call-number placeholder {@code {{call}}}. */
  static final String CALL = "call";

  /**
   * Whether the name is a runtime template ({@code args.*} or {@code call}) left for the sandbox.
   */
  static boolean isRuntime(String name) {
    return name.startsWith(RUNTIME_PREFIX) || name.equals(CALL);
  }

  /** The names of the variant placeholders (not {@code args.*}) in the text, in order. */
  static List<String> variableNames(String text) {
    List<String> names = new ArrayList<>();
    if (text == null || !text.contains("{{")) {
      return names;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!isRuntime(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /**
   * Replaces every variant placeholder with {@code replacement.apply(name)}; {@code args.*}
   * placeholders stay as written.
   */
  static String replace(String text, Function<String, String> replacement) {
    if (text == null || !text.contains("{{")) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String name = m.group(1);
      String value = isRuntime(name) ? m.group() : replacement.apply(name);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
