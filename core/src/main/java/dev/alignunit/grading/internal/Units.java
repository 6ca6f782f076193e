package dev.alignunit.grading.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unit spellings after a number, in the languages the pack is tested in: {@code Nm}, {@code N·m},
 * {@code newton-metres}, {@code Newtonmeter}, {@code kg}, {@code kilograms}, {@code Millisekunden},
 * ... Each spelling (its letters joined) maps to canonical units; an ambiguous one ({@code nm}:
 * newton-metre or nanometre) maps to both.
 */
final class Units {

  /** A reading of a spelling that is maybe not a unit at all ({@code in}). */
  static final String NONE = "";

  private static final Map<String, Set<String>> UNITS = new HashMap<>();

  private record Dimension(String name, double factor) {}

  private static final Map<String, Dimension> DIMENSIONS = new HashMap<>();

  static {
    put(
        "N·m",
        "newtonmetre",
        "newtonmetres",
        "newtonmeter",
        "newtonmeters",
        "newtonmetro",
        "newtonmetros",
        "newtonmetri",
        "nm");
    put("nanometre", "nanometre", "nanometres", "nanometer", "nanometers", "nm");
    put("kN", "kn", "kilonewton", "kilonewtons");
    put("N", "n", "newton", "newtons");
    put(
        "kg",
        "kg",
        "kgs",
        "kilo",
        "kilos",
        "kilogram",
        "kilograms",
        "kilogramme",
        "kilogrammes",
        "kilogramm",
        "kilogramo",
        "kilogramos",
        "kilogrammi",
        "kilogrammo");
    put("g", "g", "gram", "grams", "gramme", "grammes", "gramm", "gramo", "gramos", "grammi");
    put(
        "mm",
        "mm",
        "millimetre",
        "millimetres",
        "millimeter",
        "millimeters",
        "milimetro",
        "milimetros",
        "millimetri",
        "millimetro");
    put("cm", "cm", "centimetre", "centimetres", "centimeter", "centimeters");
    put("m", "m", "metre", "metres", "meter", "meters", "metro", "metros", "metri");
    put(
        "km",
        "km",
        "kilometre",
        "kilometres",
        "kilometer",
        "kilometers",
        "kilometro",
        "kilometros");
    put(
        "ms",
        "ms",
        "msec",
        "msecs",
        "millisecond",
        "milliseconds",
        "millisekunde",
        "millisekunden",
        "millisekund",
        "millisekunder",
        "milliseconde",
        "millisecondes",
        "milliseconden",
        "milisegundo",
        "milisegundos",
        "millisecondi",
        "millisecondo");
    put(
        "s",
        "s",
        "sec",
        "secs",
        "second",
        "seconds",
        "sekunde",
        "sekunden",
        "sekund",
        "sekunder",
        "seconde",
        "secondes",
        "seconden",
        "segundo",
        "segundos",
        "secondi");
    put(
        "%",
        "percent", "percents", "pct", "prozent", "procent", "pourcent", "porciento", "percento");
    put("W", "w", "watt", "watts");
    put("kW", "kw", "kilowatt", "kilowatts");
    put("Wh", "wh");
    put("V", "v", "volt", "volts");
    put("EUR", "eur", "euro", "euros");
    put("USD", "usd", "dollar", "dollars");
    put("lb", "lb", "lbs", "pound", "pounds", "pfund", "livre", "livres", "libra", "libras");
    put("oz", "oz", "ounce", "ounces", "unze", "unzen", "onces", "onza", "onzas");
    put(
        "lbf·ft",
        "lbfft",
        "lbft",
        "ftlb",
        "ftlbs",
        "ftlbf",
        "lbsft",
        "poundfeet",
        "poundfoot",
        "poundsfeet",
        "footpound",
        "footpounds",
        "footpoundforce");
    put("lbf·in", "lbfin", "inlb", "inlbs", "inlbf", "poundinches", "inchpound", "inchpounds");
    put("lbf", "lbf", "poundforce");
    put(
        "in",
        "inch",
        "inches",
        "zoll",
        "pouce",
        "pouces",
        "pulgada",
        "pulgadas",
        "pollice",
        "pollici");
    put("ft", "ft", "foot", "feet", "fuss", "pied", "pieds", "pie", "pies");
    put(
        "µm",
        "μm",
        "um",
        "micron",
        "microns",
        "micrometre",
        "micrometres",
        "micrometer",
        "micrometers",
        "mikrometer");
    put(
        "µs",
        "μs",
        "microsecond",
        "microseconds",
        "mikrosekunde",
        "mikrosekunden",
        "microseconde",
        "microsecondes",
        "microsegundo",
        "microsegundos");
    put("min", "min", "mins", "minute", "minutes", "minuten", "minuto", "minutos");
    put(
        "h", "h", "hr", "hrs", "hour", "hours", "stunde", "stunden", "heure", "heures", "hora",
        "horas");
    // "in" after a number is as often the preposition ("182 in total") as the inch: both readings.
    UNITS.put("in", Set.of("in", NONE));
    dimension("mass", 1, "kg");
    dimension("mass", 0.001, "g");
    dimension("mass", 0.45359237, "lb");
    dimension("mass", 0.028349523125, "oz");
    dimension("torque", 1, "N·m");
    dimension("torque", 1.3558179483314004, "lbf·ft");
    dimension("torque", 0.1129848290276167, "lbf·in");
    dimension("force", 1, "N");
    dimension("force", 1000, "kN");
    dimension("force", 4.4482216152605, "lbf");
    dimension("length", 0.001, "mm");
    dimension("length", 0.01, "cm");
    dimension("length", 1, "m");
    dimension("length", 1000, "km");
    dimension("length", 1e-9, "nanometre");
    dimension("length", 1e-6, "µm");
    dimension("length", 0.0254, "in");
    dimension("length", 0.3048, "ft");
    dimension("time", 1e-6, "µs");
    dimension("time", 0.001, "ms");
    dimension("time", 1, "s");
    dimension("time", 60, "min");
    dimension("time", 3600, "h");
    dimension("power", 1, "W");
    dimension("power", 1000, "kW");
  }

  private static void dimension(String name, double factor, String canonical) {
    DIMENSIONS.put(canonical, new Dimension(name, factor));
  }

  /**
   * Whether a value written in one unit is the value of a marker written in another of the same
   * dimension ({@code 401 lb} and {@code 182 kg}, {@code 0.038 s} and {@code 38 ms}), up to the
   * rounding of both: the converted value lies within half a unit in the last place of the written
   * value (converted) plus half a unit in the last place of the marker.
   *
   * @param value the written value
   * @param unit its canonical unit
   * @param marker the marker's value
   * @param markerUnit the marker's canonical unit
   * @return whether they are the same quantity
   */
  static boolean converts(
      java.math.BigDecimal value, String unit, java.math.BigDecimal marker, String markerUnit) {
    Dimension from = DIMENSIONS.get(unit);
    Dimension to = DIMENSIONS.get(markerUnit);
    if (from == null
        || to == null
        || !from.name().equals(to.name())
        || unit.equals(markerUnit)
        || marker.signum() == 0) {
      return false;
    }
    double ratio = from.factor() / to.factor();
    double converted = value.doubleValue() * ratio;
    double tolerance = 0.5 * lastPlace(value) * ratio + 0.5 * lastPlace(marker);
    return Math.abs(converted - marker.doubleValue()) <= tolerance * (1 + 1e-9);
  }

  /** One unit in the last written place: 1 for {@code 400}, 0.001 for {@code 0.038}. */
  private static double lastPlace(java.math.BigDecimal value) {
    return Math.pow(10, -Math.max(value.scale(), 0));
  }

  private Units() {}

  private static void put(String canonical, String... spellings) {
    for (String s : spellings) {
      UNITS.merge(
          s,
          Set.of(canonical),
          (a, b) -> {
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
    spelling
        .codePoints()
        .forEach(
            cp -> {
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
    while (i < norm.length()
        && gap < 2
        && List.of(' ', '-', '·', '.', '/', '\u22c5').contains(norm.charAt(i))) {
      i++;
      gap++;
    }
    return i;
  }
}
