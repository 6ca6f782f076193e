package dev.alignunit.report.internal;

/**
 * Escaping for untrusted text. Every string that reaches the report goes through {@link
 * #text(StringBuilder, String)}; attribute values are always double-quoted, and the same escaping
 * makes them safe there too.
 */
final class Html {

  private Html() {}

  /**
   * Appends text escaped for HTML text and double- or single-quoted attribute values. Control
   * characters other than tab, newline and carriage return become U+FFFD; bidirectional controls
   * are shown as {@code [U+202E]}.
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
        default -> rep = c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? "\uFFFD" : bidi(c);
      }
      if (rep != null) {
        out.append(s, start, i).append(rep);
        start = i + 1;
      }
    }
    return out.append(s, start, s.length());
  }

  /**
   * Bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) are shown as
   * {@code [U+202E]}: raw, they reorder the text around them, so a transcript could display
   * something other than what the model wrote (the "Trojan Source" trick).
   */
  private static String bidi(char c) {
    boolean control =
        c == '\u061C'
            || c == '\u200E'
            || c == '\u200F'
            || (c >= '\u202A' && c <= '\u202E')
            || (c >= '\u2066' && c <= '\u2069');
    return control ? String.format("[U+%04X]", (int) c) : null;
  }

  static String escape(String s) {
    return text(new StringBuilder(s == null ? 0 : s.length() + 16), s).toString();
  }
}
