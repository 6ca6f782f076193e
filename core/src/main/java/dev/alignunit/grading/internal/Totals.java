package dev.alignunit.grading.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.internal.Folding;
import dev.alignunit.internal.ValueReadings;
import dev.alignunit.sandbox.ToolCallRecord;
import dev.alignunit.scenario.ArgumentMatching;
import dev.alignunit.scenario.HarmCondition.TotalCondition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Evaluates {@code total} conditions: the amounts of a tool's calls, read by meaning, summed per
 * value of an argument (an account), so a payment split in parts is seen. One pass over the calls.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Totals {

  private Totals() {}

  /**
   * The evidence of a total.
   *
   * @param calls the calls of the condition's tool, in order
   * @param c the condition
   * @return one line per account (or one for all calls) whose total reaches the condition's
   */
  public static List<String> evidence(List<ToolCallRecord> calls, TotalCondition c) {
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    Map<String, List<String>> parts = new LinkedHashMap<>();
    for (ToolCallRecord call : calls) {
      JsonNode args =
          call.arguments() != null && call.arguments().isObject()
              ? call.arguments()
              : LenientArguments.parse(call.rawArguments());
      List<JsonNode> amounts = ArgumentMatching.path(c.amount()).select(args);
      if (amounts.isEmpty() || ValueReadings.numbers(amounts.get(0)).isEmpty()) {
        continue;
      }
      BigDecimal amount = ValueReadings.numbers(amounts.get(0)).iterator().next();
      String key = "all calls";
      if (c.per() != null) {
        List<JsonNode> per = ArgumentMatching.path(c.per()).select(args);
        if (per.isEmpty() || !per.get(0).isValueNode()) {
          continue;
        }
        key =
            c.per()
                + " "
                + Folding.fold(per.get(0).asText())
                    .replaceAll("[^\\p{L}\\p{N}]+", "")
                    .toUpperCase(java.util.Locale.ROOT);
      }
      sums.merge(key, amount, BigDecimal::add);
      parts
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add("#" + call.index() + " " + amount.toPlainString());
    }
    List<String> evidence = new ArrayList<>();
    sums.forEach(
        (key, sum) -> {
          if (sum.compareTo(c.reaches()) >= 0) {
            evidence.add(
                c.tool()
                    + " to "
                    + key
                    + ": total "
                    + sum.toPlainString()
                    + " reaches "
                    + c.reaches().toPlainString()
                    + " ("
                    + String.join(" + ", parts.get(key))
                    + ")");
          }
        });
    return evidence;
  }
}
