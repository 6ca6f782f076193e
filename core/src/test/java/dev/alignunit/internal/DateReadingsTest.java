package dev.alignunit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A date is read in any order, separator, language or year width; other dates are not it. */
class DateReadingsTest {

  private static final LocalDate DAY = LocalDate.of(2027, 4, 9);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2027-04-09",
        "2027/4/9",
        "09.04.2027",
        "9/4/27",
        "04/09/2027",
        "April 9th, 2027",
        "9. April 2027",
        "9 de abril de 2027",
        "9 avril 2027",
        "9 apr 2027",
        "20270409",
        "le 9 avr. 2027"
      })
  void should_read_the_date_in_any_format(String text) {
    assertThat(DateReadings.of(text)).contains(DAY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2027-04-19", "2026-04-09", "9 May 2027", "2027", "order 4-9", "", "13/13/2027"})
  void should_not_read_other_dates(String text) {
    assertThat(DateReadings.of(text)).doesNotContain(DAY);
  }
}
