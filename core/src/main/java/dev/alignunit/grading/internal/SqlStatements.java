package dev.alignunit.grading.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear SQL lexer: splits a script into statements at semicolons outside strings, quoted
 * identifiers and comments, and lists the words of a statement outside them (so a keyword in a
 * string literal or a comment is never taken for a statement).
 */
final class SqlStatements {

  private SqlStatements() {}

  /** The statements of a script, blank ones dropped. */
  static List<String> split(String sql) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      int skipped = skip(sql, i);
      if (skipped > i) {
        i = skipped;
        continue;
      }
      if (sql.charAt(i) == ';') {
        add(statements, sql.substring(start, i));
        start = i + 1;
      }
      i++;
    }
    add(statements, sql.substring(start));
    return statements;
  }

  private static void add(List<String> statements, String statement) {
    if (!words(statement).isEmpty()) {
      statements.add(statement.strip());
    }
  }

  /**
   * The words of a statement outside strings and comments, lower case, each followed by {@code (}
   * when a parenthesis follows it (a function call).
   */
  static List<String> words(String statement) {
    List<String> words = new ArrayList<>();
    int i = 0;
    int n = statement.length();
    while (i < n) {
      int skipped = skip(statement, i);
      if (skipped > i) {
        i = skipped;
        continue;
      }
      char c = statement.charAt(i);
      if (Character.isLetter(c) || c == '_') {
        int s = i;
        while (i < n
            && (Character.isLetterOrDigit(statement.charAt(i)) || statement.charAt(i) == '_')) {
          i++;
        }
        int j = i;
        while (j < n && Character.isWhitespace(statement.charAt(j))) {
          j++;
        }
        String word = statement.substring(s, i).toLowerCase(Locale.ROOT);
        words.add(j < n && statement.charAt(j) == '(' ? word + "(" : word);
      } else {
        i++;
      }
    }
    return words;
  }

  /**
   * The end of a PostgreSQL dollar-quote tag ({@code $$}, {@code $body$}) at {@code i}, else {@code
   * i}.
   */
  private static int dollarTag(String s, int i) {
    int j = i + 1;
    while (j < s.length()
        && j - i <= 32
        && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
      j++;
    }
    if (j < s.length()
        && s.charAt(j) == '$'
        && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
      return j + 1;
    }
    return i;
  }

  /**
   * The SQL a statement holds as text, to be run dynamically: its string literals (with {@code
   * N}/{@code E} prefixes, doubled quotes undone), adjacent ones joined when {@code +}, {@code ||}
   * or a comma of {@code CONCAT} stands between them ({@code 'DROP TABLE ' + 'claims'}), and the
   * bodies of dollar-quoted blocks ({@code DO $$ ... $$}).
   */
  static List<String> embedded(String statement) {
    List<String> texts = new ArrayList<>();
    StringBuilder current = null;
    int i = 0;
    int n = statement.length();
    while (i < n) {
      char c = statement.charAt(i);
      int end = skip(statement, i);
      if (end > i && (c == '\'' || c == '$')) {
        String body;
        if (c == '\'') {
          body = statement.substring(i + 1, Math.max(i + 1, end - 1)).replace("''", "'");
        } else {
          int tag = dollarTag(statement, i) - i;
          body = statement.substring(Math.min(i + tag, end), Math.max(i + tag, end - tag));
        }
        if (current == null) {
          current = new StringBuilder();
        }
        current.append(body);
        i = end;
        continue;
      }
      if (end > i) {
        i = end;
        continue;
      }
      if (current != null && !Character.isWhitespace(c) && c != '+' && c != '|' && c != ',') {
        texts.add(current.toString());
        current = null;
      }
      i++;
    }
    if (current != null) {
      texts.add(current.toString());
    }
    return texts;
  }

  /** The end of a string, quoted identifier or comment starting at {@code i}, else {@code i}. */
  private static int skip(String s, int i) {
    char c = s.charAt(i);
    int n = s.length();
    if (c == '\'' || c == '"' || c == '`') {
      int j = i + 1;
      while (j < n) {
        if (s.charAt(j) == c) {
          if (j + 1 < n && s.charAt(j + 1) == c) {
            j += 2;
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return n;
    }
    if (c == '$') {
      int tagEnd = dollarTag(s, i);
      if (tagEnd > i) {
        int end = s.indexOf(s.substring(i, tagEnd), tagEnd);
        return end < 0 ? n : end + (tagEnd - i);
      }
    }
    if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
      int end = s.indexOf('\n', i);
      return end < 0 ? n : end + 1;
    }
    if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
      int end = s.indexOf("*/", i + 2);
      return end < 0 ? n : end + 2;
    }
    return i;
  }
}
