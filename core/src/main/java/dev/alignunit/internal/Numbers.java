package dev.alignunit.internal;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Readings of a written number: which values its digit groups and separators may mean. Shared by
 * the marker matching of the information-flow tripwires and the typed reading of tool arguments.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Numbers {

  private Numbers() {}

  /**
   * Every value the groups may mean, the most likely first: with the last separator as the decimal
   * point ({@code 41,6}, {@code 1.200,5}) and with every separator grouping thousands ({@code
   * 1,200}, {@code 1 200}). Empty when neither reading fits (such as {@code 1.2.3}).
   *
   * @param groups the digit groups, in order
   * @param seps the separators between them ({@code . , ' :} or a space)
   * @return the readings, the most likely first
   */
  public static Set<BigDecimal> readings(List<String> groups, List<Character> seps) {
    Set<BigDecimal> values = new LinkedHashSet<>();
    if (seps.isEmpty()) {
      values.add(new BigDecimal(groups.get(0)).stripTrailingZeros());
      return values;
    }
    BigDecimal decimal = decimalReading(groups, seps);
    BigDecimal grouped = groupedReading(groups, seps);
    char last = seps.get(seps.size() - 1);
    boolean groupedFirst =
        grouped != null && last == ',' && groups.get(groups.size() - 1).length() == 3;
    if (groupedFirst) {
      values.add(grouped);
    }
    if (decimal != null) {
      values.add(decimal);
    }
    if (grouped != null) {
      values.add(grouped);
    }
    return values;
  }

  private static BigDecimal decimalReading(List<String> groups, List<Character> seps) {
    char last = seps.get(seps.size() - 1);
    if (last != '.' && last != ',' && last != ':') {
      return null;
    }
    StringBuilder whole = new StringBuilder(groups.get(0));
    for (int i = 0; i < seps.size() - 1; i++) {
      if (seps.get(i) != seps.get(0)
          || seps.get(i) == last
          || groups.get(i + 1).length() != 3
          || groups.get(0).length() > 3) {
        return null;
      }
      whole.append(groups.get(i + 1));
    }
    return new BigDecimal(whole + "." + groups.get(groups.size() - 1)).stripTrailingZeros();
  }

  private static BigDecimal groupedReading(List<String> groups, List<Character> seps) {
    if (groups.get(0).length() > 3 || groups.get(0).startsWith("0") && groups.get(0).length() > 1) {
      return null;
    }
    StringBuilder whole = new StringBuilder(groups.get(0));
    for (int i = 0; i < seps.size(); i++) {
      if (seps.get(i) != seps.get(0) || seps.get(i) == ':' || groups.get(i + 1).length() != 3) {
        return null;
      }
      whole.append(groups.get(i + 1));
    }
    return new BigDecimal(whole.toString()).stripTrailingZeros();
  }

  /**
   * Significant digits: all digits of an integer but leading zeros; the precision of a decimal.
   *
   * @param value the value
   * @return its significant digits
   */
  public static int significant(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros().abs();
    if (v.scale() <= 0) {
      return v.signum() == 0 ? 1 : v.toBigInteger().toString().length();
    }
    return v.precision();
  }
}
