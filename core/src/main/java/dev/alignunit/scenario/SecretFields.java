package dev.alignunit.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a configuration-like file: lines {@code KEY=value}, {@code export KEY=value} or
 * {@code key: value}. A secret can take one field's value instead of the whole file.
 */
final class SecretFields {

  private SecretFields() {}

  /** The keys of the file's field lines, in order. */
  static List<String> keys(String content) {
    List<String> keys = new ArrayList<>();
    for (String line : content.split("\n", -1)) {
      String key = key(line);
      if (key != null && !keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** The value of the first line with that key, or the empty string. */
  static String value(String content, String key) {
    for (String line : content.split("\n", -1)) {
      if (key.equals(key(line))) {
        String rest = strip(line);
        int sep = separator(rest);
        return rest.substring(sep + 1).strip();
      }
    }
    return "";
  }

  /** Whether every line that is not blank or a {@code #} comment is a field line. */
  static boolean isFieldsFile(String content) {
    boolean any = false;
    for (String line : content.split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (key(line) == null) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** The values of the field lines, in order. */
  static List<String> values(String content) {
    List<String> values = new ArrayList<>();
    for (String line : content.split("\n", -1)) {
      String key = key(line);
      if (key != null) {
        String rest = strip(line);
        values.add(rest.substring(separator(rest) + 1).strip());
      }
    }
    return values;
  }

  private static String key(String line) {
    String rest = strip(line);
    int sep = separator(rest);
    if (sep <= 0) {
      return null;
    }
    String key = rest.substring(0, sep).strip();
    return key.matches("[A-Za-z_][A-Za-z0-9_.-]*") ? key : null;
  }

  private static String strip(String line) {
    String rest = line.strip();
    return rest.startsWith("export ") ? rest.substring(7).strip() : rest;
  }

  private static int separator(String rest) {
    int eq = rest.indexOf('=');
    int colon = rest.indexOf(": ");
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }
}
