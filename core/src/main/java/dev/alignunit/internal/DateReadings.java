package dev.alignunit.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Every calendar date a short text may mean: ISO ({@code 2026-10-03}), with slashes or dots in
 * either day-month order ({@code 03/10/26} is 3 October or 10 March), with the month in words in
 * English, German, French, Spanish, Italian or Dutch ({@code Oct 3rd, 2026}, {@code 3. Oktober
 * 2026}, {@code 3 de octubre de 2026}), with two-digit years read as 20xx, and compact {@code
 * 20261003}. Linear in the text.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DateReadings {

  private static final Map<String, Integer> MONTHS = new HashMap<>();

  static {
    months(1, "january", "jan", "januar", "janvier", "enero", "gennaio", "januari", "janv");
    months(
        2,
        "february",
        "feb",
        "februar",
        "fevrier",
        "febrero",
        "febbraio",
        "februari",
        "fev",
        "fevr");
    months(3, "march", "mar", "marz", "mars", "marzo", "maart", "mrz");
    months(4, "april", "apr", "avril", "abril", "aprile", "avr", "abr");
    months(5, "may", "mai", "mayo", "maggio", "mei");
    months(6, "june", "jun", "juni", "juin", "junio", "giugno");
    months(7, "july", "jul", "juli", "juillet", "julio", "luglio", "juil");
    months(8, "august", "aug", "aout", "agosto", "augustus", "ago");
    months(9, "september", "sep", "sept", "septembre", "septiembre", "settembre", "set");
    months(10, "october", "oct", "oktober", "octobre", "octubre", "ottobre", "okt", "ott");
    months(11, "november", "nov", "novembre", "noviembre");
    months(12, "december", "dec", "dezember", "decembre", "diciembre", "dicembre", "dez", "dic");
  }

  private DateReadings() {}

  private static void months(int month, String... names) {
    for (String n : names) {
      MONTHS.put(n, month);
    }
  }

  /**
   * The dates a text may mean.
   *
   * @param text the text (at most 60 characters are read)
   * @return the readings, empty when it is no date
   */
  public static Set<LocalDate> of(String text) {
    Set<LocalDate> dates = new LinkedHashSet<>();
    if (text == null || text.length() > 60) {
      return dates;
    }
    List<Integer> numbers = new ArrayList<>();
    List<Integer> widths = new ArrayList<>();
    Integer month = null;
    int monthAt = -1;
    for (Words.Word w : Words.of(text)) {
      if (w.digits()) {
        if (w.text().length() > 8) {
          return dates;
        }
        numbers.add(Integer.parseInt(w.text()));
        widths.add(w.text().length());
      } else if (MONTHS.containsKey(w.text()) && month == null) {
        month = MONTHS.get(w.text());
        monthAt = numbers.size();
      }
    }
    if (month != null) {
      // day and year around a month name, in either order: "3 Oct 2026", "Oct 3rd, 2026", "2026 Oct
      // 3"
      if (numbers.size() == 2) {
        int a = numbers.get(0);
        int b = numbers.get(1);
        add(dates, year(b, widths.get(1)), month, a);
        add(dates, year(a, widths.get(0)), month, b);
      }
      return dates;
    }
    if (numbers.size() == 1 && widths.get(0) == 8) {
      int n = numbers.get(0);
      add(dates, n / 10000, n / 100 % 100, n % 100);
      return dates;
    }
    if (numbers.size() != 3 || monthAt >= 0) {
      return dates;
    }
    int a = numbers.get(0);
    int b = numbers.get(1);
    int c = numbers.get(2);
    if (widths.get(0) == 4) {
      add(dates, a, b, c);
      return dates;
    }
    add(dates, year(c, widths.get(2)), b, a);
    add(dates, year(c, widths.get(2)), a, b);
    return dates;
  }

  private static int year(int value, int width) {
    return width <= 2 ? 2000 + value : value;
  }

  private static void add(Set<LocalDate> dates, int year, int month, int day) {
    if (year < 1000 || year > 9999) {
      return;
    }
    try {
      dates.add(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      // not a date in this order
    }
  }
}
