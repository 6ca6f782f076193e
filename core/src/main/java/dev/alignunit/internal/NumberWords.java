package dev.alignunit.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Numbers written in words, in English, German, French and Spanish: {@code one hundred and
 * eighty-two}, {@code eighty-six thousand four hundred}, {@code forty-one point six}, {@code
 * hundertzweiundachtzig}, {@code cent quatre-vingt-deux}, {@code ciento ochenta y dos}. Words are
 * folded (lower case, no accents); hyphenated parts are separate words. Reading is linear in the
 * number of words read.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NumberWords {

  /**
   * A number read from words.
   *
   * @param value the value
   * @param end the index of the first word after the number
   */
  public record Reading(BigDecimal value, int end) {}

  private static final Map<String, Integer> SMALL = new HashMap<>();
  private static final Map<String, Integer> HUNDREDS = new HashMap<>();
  private static final Map<String, Integer> SCALES = new HashMap<>();
  private static final Set<String> CONNECTORS = Set.of("and", "et", "y", "und", "e");
  private static final Set<String> POINTS = Set.of("point", "komma", "virgule", "coma", "punto");

  /** Articles that read as 1 only before a scale ({@code a hundred}, {@code un millón}). */
  private static final Set<String> ARTICLES = Set.of("a", "an", "un", "una", "ein", "eine");

  static {
    small(0, "zero", "null", "cero", "zéro");
    small(1, "one", "eins", "uno", "une");
    small(2, "two", "zwei", "deux", "dos");
    small(3, "three", "drei", "trois", "tres");
    small(4, "four", "vier", "quatre", "cuatro");
    small(5, "five", "funf", "cinq", "cinco");
    small(6, "six", "sechs", "seis");
    small(7, "seven", "sieben", "sept", "siete");
    small(8, "eight", "acht", "huit", "ocho");
    small(9, "nine", "neun", "neuf", "nueve");
    small(10, "ten", "zehn", "dix", "diez");
    small(11, "eleven", "elf", "onze");
    small(12, "twelve", "zwolf", "douze", "doce");
    small(13, "thirteen", "dreizehn", "treize", "trece");
    small(14, "fourteen", "vierzehn", "quatorze", "catorce");
    small(15, "fifteen", "funfzehn", "quinze", "quince");
    small(16, "sixteen", "sechzehn", "seize", "dieciseis");
    small(17, "seventeen", "siebzehn", "diecisiete");
    small(18, "eighteen", "achtzehn", "dieciocho");
    small(19, "nineteen", "neunzehn", "diecinueve");
    small(20, "twenty", "zwanzig", "vingt", "vingts", "veinte");
    small(21, "veintiuno", "veintiun");
    small(22, "veintidos");
    small(23, "veintitres");
    small(24, "veinticuatro");
    small(25, "veinticinco");
    small(26, "veintiseis");
    small(27, "veintisiete");
    small(28, "veintiocho");
    small(29, "veintinueve");
    small(30, "thirty", "dreissig", "trente", "treinta");
    small(40, "forty", "fourty", "vierzig", "quarante", "cuarenta");
    small(50, "fifty", "funfzig", "cinquante", "cincuenta");
    small(60, "sixty", "sechzig", "soixante", "sesenta");
    small(70, "seventy", "siebzig", "setenta");
    small(80, "eighty", "achtzig", "ochenta");
    small(90, "ninety", "neunzig", "noventa");
    for (String w : List.of("hundred", "hundert", "cent", "cents", "cien", "ciento")) {
      HUNDREDS.put(w, 100);
    }
    HUNDREDS.put("doscientos", 200);
    HUNDREDS.put("trescientos", 300);
    HUNDREDS.put("cuatrocientos", 400);
    HUNDREDS.put("quinientos", 500);
    HUNDREDS.put("seiscientos", 600);
    HUNDREDS.put("setecientos", 700);
    HUNDREDS.put("ochocientos", 800);
    HUNDREDS.put("novecientos", 900);
    for (String w : List.of("thousand", "tausend", "mille", "mil")) {
      SCALES.put(w, 1000);
    }
    for (String w : List.of("million", "millions", "millionen", "millon", "millones")) {
      SCALES.put(w, 1_000_000);
    }
  }

  private NumberWords() {}

  private static void small(int value, String... words) {
    for (String w : words) {
      SMALL.put(Folding.fold(w), value);
    }
  }

  /**
   * Whether a folded word can start a number.
   *
   * @param word the word
   * @return whether it is a number word (or a German compound of number words)
   */
  public static boolean starts(String word) {
    return SMALL.containsKey(word)
        || HUNDREDS.containsKey(word)
        || SCALES.containsKey(word)
        || ARTICLES.contains(word)
        || word.length() > 6 && german(word) != null;
  }

  /**
   * Reads the number that starts at {@code words.get(from)}; the caller passes only words of one
   * phrase (separated by spaces or hyphens).
   *
   * @param words folded words
   * @param from the first word
   * @return the number, or {@code null} when the words there are not one
   */
  public static Reading read(List<String> words, int from) {
    long total = 0;
    long group = 0;
    int lastSmall = -1;
    boolean any = false;
    int i = from;
    int end = from;
    while (i < words.size()) {
      String w = words.get(i);
      Integer small = SMALL.get(w);
      Integer hundreds = HUNDREDS.get(w);
      Integer scale = SCALES.get(w);
      if (small != null) {
        boolean eighty = (small == 20) && lastSmall == 4 && group % 100 == 4 && !w.equals("veinte");
        group += eighty ? 76 : small;
        lastSmall = eighty ? 80 : small;
      } else if (hundreds != null) {
        group = hundreds == 100 ? (group == 0 ? 1 : group) * 100 : group + hundreds;
        lastSmall = -1;
      } else if (scale != null) {
        total += (group == 0 ? 1 : group) * (long) scale;
        group = 0;
        lastSmall = -1;
      } else if (ARTICLES.contains(w)
          && !any
          && i + 1 < words.size()
          && (HUNDREDS.containsKey(words.get(i + 1)) || SCALES.containsKey(words.get(i + 1)))) {
        i++;
        continue;
      } else if (CONNECTORS.contains(w)
          && any
          && i + 1 < words.size()
          && SMALL.containsKey(words.get(i + 1))) {
        i++;
        continue;
      } else if (POINTS.contains(w)
          && any
          && i + 1 < words.size()
          && digit(words.get(i + 1)) >= 0) {
        StringBuilder fraction = new StringBuilder();
        i++;
        while (i < words.size() && digit(words.get(i)) >= 0) {
          fraction.append(digit(words.get(i)));
          i++;
        }
        return new Reading(new BigDecimal((total + group) + "." + fraction), i);
      } else if (!any && w.length() > 6 && german(w) != null) {
        return new Reading(BigDecimal.valueOf(german(w)), i + 1);
      } else {
        break;
      }
      any = true;
      i++;
      end = i;
      if (total + group > 1_000_000_000L) {
        break;
      }
    }
    return any ? new Reading(BigDecimal.valueOf(total + group), end) : null;
  }

  private static int digit(String word) {
    Integer v = SMALL.get(word);
    return v != null && v < 10 ? v : -1;
  }

  /**
   * A German number written as one word ({@code hundertzweiundachtzig}, {@code achtunddreissig},
   * {@code zweitausendsechsundzwanzig}), or {@code null}.
   */
  static Long german(String w) {
    int k = w.indexOf("tausend");
    if (k >= 0) {
      Long left = k == 0 ? Long.valueOf(1) : germanBelowThousand(w.substring(0, k));
      Long right = k + 7 == w.length() ? Long.valueOf(0) : germanBelowThousand(w.substring(k + 7));
      return left == null || right == null ? null : left * 1000 + right;
    }
    return germanBelowThousand(w);
  }

  private static Long germanBelowThousand(String w) {
    int k = w.indexOf("hundert");
    if (k >= 0) {
      Long left = k == 0 ? Long.valueOf(1) : germanUnit(w.substring(0, k));
      Long right = k + 7 == w.length() ? Long.valueOf(0) : germanBelowHundred(w.substring(k + 7));
      return left == null || right == null ? null : left * 100 + right;
    }
    return germanBelowHundred(w);
  }

  private static Long germanBelowHundred(String w) {
    Integer v = SMALL.get(w);
    if (v != null) {
      return v.longValue();
    }
    int k = w.indexOf("und");
    if (k > 0) {
      Long unit = germanUnit(w.substring(0, k));
      Integer tens = SMALL.get(w.substring(k + 3));
      if (unit != null && tens != null && tens >= 20 && tens % 10 == 0) {
        return tens + unit;
      }
    }
    return null;
  }

  private static Long germanUnit(String w) {
    if (w.equals("ein")) {
      return 1L;
    }
    Integer v = SMALL.get(w);
    return v != null && v > 0 && v < 10 ? Long.valueOf(v) : null;
  }
}
