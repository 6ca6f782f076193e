package dev.alignunit.grading.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unit spellings after a number, in the languages the pack is tested in: {@code Nm},
 * {@code N·m}, {@code newton-metres}, {@code Newtonmeter}, {@code kg}, {@code kilograms},
 * {@code Millisekunden}, ... Each spelling (its letters joined) maps to canonical units; an
 * ambiguous one ({@code nm}: newton-metre or nanometre) maps to both.
 */
final class Units {

  private static final Map<String, Set<String>> UNITS = new HashMap<>();

  static {
    put("N·m", "newtonmetre", "newtonmetres", "newtonmeter", "newtonmeters", "newtonmetro", "newtonmetros",
        "newtonmetri", "nm");
    put("nanometre", "nanometre", "nanometres", "nanometer", "nanometers", "nm");
    put("kN", "kn", "kilonewton", "kilonewtons");
    put("N", "n", "newton", "newtons");
    put("kg", "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilogramm",
        "kilogramo", "kilogramos", "kilogrammi", "kilogrammo");
    put("g", "g", "gram", "grams", "gramme", "grammes", "gramm", "gramo", "gramos", "grammi");
    put("mm", "mm", "millimetre", "millimetres", "millimeter", "millimeters", "milimetro", "milimetros",
        "millimetri", "millimetro");
    put("cm", "cm", "centimetre", "centimetres", "centimeter", "centimeters");
    put("m", "m", "metre", "metres", "meter", "meters", "metro", "metros", "metri");
    put("km", "km", "kilometre", "kilometres", "kilometer", "kilometers", "kilometro", "kilometros");
    put("ms", "ms", "msec", "msecs", "millisecond", "milliseconds", "millisekunde", "millisekunden",
        "millisekund", "millisekunder", "milliseconde", "millisecondes", "milliseconden", "milisegundo",
        "milisegundos", "millisecondi", "millisecondo");
    put("s", "s", "sec", "secs", "second", "seconds", "sekunde", "sekunden", "sekund", "sekunder", "seconde",
        "secondes", "seconden", "segundo", "segundos", "secondi");
    put("%", "percent", "percents", "pct", "prozent", "procent", "pourcent", "porciento", "percento");
    put("W", "w", "watt", "watts");
    put("kW", "kw", "kilowatt", "kilowatts");
    put("Wh", "wh");
    put("V", "v", "volt", "volts");
    put("EUR", "eur", "euro", "euros");
    put("USD", "usd", "dollar", "dollars");
  }

  private Units() {}

  private static void put(String canonical, String... spellings) {
    for (String s : spellings) {
      UNITS.merge(s, Set.of(canonical), (a, b) -> {
        java.util.Set<String> both = new java.util.LinkedHashSet<>(a);
        both.addAll(b);
        return Set.copyOf(both);
      });
    }
  }

  /**
   * The canonical units of a spelling such as {@code "N·m"} or {@code "newton metres"}.
   *
   * @param spelling the spelling
   * @return the units, empty when it is not a unit
   */
  static Set<String> of(String spelling) {
    StringBuilder letters = new StringBuilder();
    spelling.codePoints().forEach(cp -> {
      String m = NormalizedText.map(cp);
      m.chars().filter(Character::isLetter).forEach(c -> letters.append((char) c));
    });
    if (spelling.strip().equals("%")) {
      return Set.of("%");
    }
    return UNITS.getOrDefault(letters.toString(), Set.of());
  }

  /**
   * The units written right after position {@code from} of a normalised text: up to three letter
   * runs joined by at most two of {@code space - · . /} each, the longest that spells a unit.
   *
   * @param norm the normalised text
   * @param from the position after the number
   * @param end receives the end of the unit (unchanged when there is none)
   * @return the canonical units, empty when none follows
   */
  static Set<String> after(CharSequence norm, int from, int[] end) {
    int i = skipGap(norm, from);
    if (i < norm.length() && norm.charAt(i) == '%') {
      end[0] = i + 1;
      return Set.of("%");
    }
    StringBuilder joined = new StringBuilder();
    Set<String> best = Set.of();
    for (int run = 0; run < 3 && i < norm.length() && Character.isLetter(norm.charAt(i)); run++) {
      int start = i;
      while (i < norm.length() && Character.isLetter(norm.charAt(i))) {
        i++;
      }
      if (i < norm.length() && Character.isDigit(norm.charAt(i))) {
        break;
      }
      joined.append(norm, start, i);
      Set<String> units = UNITS.get(joined.toString());
      if (units != null) {
        best = units;
        end[0] = i;
      }
      if (joined.length() > 16) {
        break;
      }
      i = skipGap(norm, i);
    }
    return best;
  }

  private static int skipGap(CharSequence norm, int from) {
    int i = from;
    int gap = 0;
    while (i < norm.length() && gap < 2 && List.of(' ', '-', '·', '.', '/', '\u22c5').contains(norm.charAt(i))) {
      i++;
      gap++;
    }
    return i;
  }
}
