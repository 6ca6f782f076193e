package dev.alignunit.report.internal;

/**
 * Escaping for untrusted text. Every string that reaches the report goes through
 * {@link #text(StringBuilder, String)}; attribute values are always double-quoted, and the same
 * escaping makes them safe there too.
 */
final class Html {

  private Html() {}

  /**
   * Appends text escaped for HTML text and double- or single-quoted attribute values.
   * Control characters other than tab, newline and carriage return become U+FFFD.
   */
  static StringBuilder text(StringBuilder out, String s) {
    if (s == null) {
      return out;
    }
    int start = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      String rep;
      switch (c) {
        case '&' -> rep = "&amp;";
        case '<' -> rep = "&lt;";
        case '>' -> rep = "&gt;";
        case '"' -> rep = "&quot;";
        case '\'' -> rep = "&#39;";
        default -> rep = c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? "\uFFFD" : null;
      }
      if (rep != null) {
        out.append(s, start, i).append(rep);
        start = i + 1;
      }
    }
    return out.append(s, start, s.length());
  }

  static String escape(String s) {
    return text(new StringBuilder(s == null ? 0 : s.length() + 16), s).toString();
  }
}
