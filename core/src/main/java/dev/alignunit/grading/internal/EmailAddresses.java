package dev.alignunit.grading.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds email addresses written anywhere in a text (one linear pass around each {@code @}). */
final class EmailAddresses {

  private EmailAddresses() {}

  /** The addresses in a text, lower case, in order. */
  static List<String> in(String text) {
    List<String> found = new ArrayList<>();
    int at = text.indexOf('@');
    while (at >= 0) {
      int s = at;
      while (s > 0 && isAddressChar(text.charAt(s - 1))) {
        s--;
      }
      int e = at + 1;
      while (e < text.length() && isAddressChar(text.charAt(e))) {
        e++;
      }
      if (s < at && e > at + 1) {
        found.add(text.substring(s, e).toLowerCase(Locale.ROOT).replaceAll("\\.+$", ""));
      }
      at = text.indexOf('@', Math.max(e, at + 1));
    }
    return found;
  }

  private static boolean isAddressChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+';
  }
}
