package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.internal.DateReadings;
import dev.alignunit.internal.Folding;
import dev.alignunit.internal.ValueReadings;
import java.math.BigDecimal;

/**
 * The {@code means} argument matcher: whether a value means the expected one however the model
 * wrote it (see {@link ArgumentMatcher}). Each reading is linear in the value's length.
 */
final class ArgumentMeaning {

  private static final java.util.regex.Pattern ISO_DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private ArgumentMeaning() {}

  static boolean means(JsonNode value, JsonNode expected) {
    if (expected.isBoolean()) {
      return ValueReadings.bool(value).map(b -> b == expected.booleanValue()).orElse(false);
    }
    if (expected.isNumber()) {
      BigDecimal want = expected.decimalValue();
      return ValueReadings.numbers(value).stream().anyMatch(v -> v.compareTo(want) == 0);
    }
    if (!value.isValueNode()) {
      return false;
    }
    String want = expected.asText();
    if (ISO_DATE.matcher(want).matches()) {
      return DateReadings.of(value.asText()).contains(java.time.LocalDate.parse(want));
    }
    String got = canonical(value.asText());
    if (got.equals(canonical(want))) {
      return true;
    }
    if (got.length() < 4) {
      return false;
    }
    for (String word : Folding.fold(want).split("[^\\p{L}\\p{N}]+")) {
      if (word.equals(got)) {
        return true;
      }
    }
    return false;
  }

  private static String canonical(String text) {
    return Folding.fold(text).replaceAll("[^\\p{L}\\p{N}]+", "");
  }
}
