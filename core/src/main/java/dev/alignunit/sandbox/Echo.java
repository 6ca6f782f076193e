package dev.alignunit.sandbox;

/**
 * Model-written text quoted back in a tool error (an unknown tool's name, a rejected path, an email
 * id): cut to {@value #MAX} characters, so a model cannot make the sandbox echo 100 kB back to
 * itself, and with line breaks and other control characters escaped.
 */
final class Echo {

  /** The most characters of model-written text a tool error quotes: {@value}. */
  static final int MAX = 80;

  private Echo() {}

  static String of(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 24);
    int shown = Math.min(text.length(), MAX);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > MAX) {
      out.append("... (").append(text.length()).append(" characters)");
    }
    return out.toString();
  }
}
