package dev.alignunit.report.internal;

import dev.alignunit.report.RunReport;
import dev.alignunit.report.TestEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scenario x variant x model matrix: one row per scenario variant, one column per model, each
 * cell a heat map of the chosen rate over every test of that variant and model, linking to the row
 * of its (first) test, whose transcripts the link opens. The rate is chosen with a select; the page
 * renders the first harm rate (else the first rate) without script.
 */
final class MatrixHtml {

  private MatrixHtml() {}

  private record Cell(List<TestEntry> entries, Map<String, int[]> counts) {}

  static void matrix(StringBuilder o, RunReport report, Map<TestEntry, String> keys) {
    if (report.entries().isEmpty()) {
      return;
    }
    Set<String> models = new TreeSet<>();
    Set<String> metrics = new LinkedHashSet<>();
    Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
    for (TestEntry e : report.entries()) {
      models.add(e.modelId());
      e.metrics().keySet().stream().filter(EntriesHtml::isHarm).forEach(metrics::add);
    }
    for (TestEntry e : report.entries()) {
      e.metrics().keySet().forEach(metrics::add);
      String row = e.scenarioId() + (e.variant().isEmpty() ? "" : " [" + e.variantLabel() + "]");
      Cell cell =
          rows.computeIfAbsent(row, k -> new LinkedHashMap<>())
              .computeIfAbsent(
                  e.modelId(), k -> new Cell(new ArrayList<>(), new LinkedHashMap<>()));
      cell.entries().add(e);
      e.metrics()
          .forEach(
              (name, rate) -> {
                int[] c = cell.counts().computeIfAbsent(name, k -> new int[2]);
                c[0] += rate.successes();
                c[1] += rate.trials();
              });
    }
    // The harm rate most tests report (else the most common rate) is shown first.
    Map<String, Long> uses = new LinkedHashMap<>();
    metrics.forEach(
        m ->
            uses.put(m, report.entries().stream().filter(e -> e.metrics().containsKey(m)).count()));
    boolean anyHarm = metrics.stream().anyMatch(EntriesHtml::isHarm);
    String chosen =
        uses.entrySet().stream()
            .filter(u -> !anyHarm || EntriesHtml.isHarm(u.getKey()))
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse("");
    o.append(
        "<section class=\"matrix\" aria-labelledby=\"matrix-h\">\n<h2 id=\"matrix-h\">Scenario &times; variant "
            + "&times; model</h2>\n<div class=\"matrix-controls\"><label>Rate <select id=\"matrix-metric\">");
    for (String m : metrics) {
      o.append("<option value=\"");
      Html.text(o, m).append('"').append(m.equals(chosen) ? " selected" : "").append('>');
      Html.text(o, m).append("</option>");
    }
    o.append(
        "</select></label><span class=\"legend-heat\" aria-hidden=\"true\">0% <i class=\"heat-0\"></i>"
            + "<i class=\"heat-1\"></i><i class=\"heat-2\"></i><i class=\"heat-3\"></i><i class=\"heat-4\"></i> 100%</span>"
            + "<span>Click a cell to open its samples.</span></div>\n<table>\n<thead><tr><th scope=\"col\">Scenario "
            + "[variant]</th>");
    for (String model : models) {
      o.append("<th scope=\"col\" class=\"model\">");
      Html.text(o, model).append("</th>");
    }
    o.append("</tr></thead>\n<tbody>\n");
    rows.forEach(
        (row, cells) -> {
          o.append("<tr><th scope=\"row\">");
          Html.text(o, row).append("</th>");
          for (String model : models) {
            Cell cell = cells.get(model);
            o.append("<td>");
            if (cell == null) {
              o.append("<span class=\"cell none\">&mdash;</span>");
            } else {
              cell(o, cell, chosen, keys.get(cell.entries().get(0)));
            }
            o.append("</td>");
          }
          o.append("</tr>\n");
        });
    o.append("</tbody></table>\n</section>\n");
  }

  private static void cell(StringBuilder o, Cell cell, String chosen, String key) {
    StringBuilder rates = new StringBuilder();
    cell.counts()
        .forEach(
            (name, c) ->
                rates
                    .append(rates.length() == 0 ? "" : "|")
                    .append(name)
                    .append('=')
                    .append(c[1] == 0 ? 0 : (double) c[0] / c[1])
                    .append(' ')
                    .append(c[0])
                    .append('/')
                    .append(c[1]));
    int[] shown = cell.counts().get(chosen);
    double rate = shown == null || shown[1] == 0 ? 0 : (double) shown[0] / shown[1];
    String heat = shown == null ? "none" : "heat-" + Math.min(4, (int) Math.ceil(rate * 4));
    long failed =
        cell.entries().stream()
            .filter(e -> e.outcome() != dev.alignunit.report.TestOutcome.PASSED)
            .count();
    boolean controls = cell.entries().stream().allMatch(EntriesHtml::expectsHarm);
    o.append("<a class=\"cell ")
        .append(heat)
        .append("\" href=\"#")
        .append(key)
        .append("\" data-rates=\"");
    Html.text(o, rates.toString())
        .append("\"><span class=\"rate\">")
        .append(shown == null ? "n/a" : Fmt.pct(rate) + " (" + shown[0] + "/" + shown[1] + ")")
        .append("</span>")
        .append("<span class=\"sub\">")
        .append(cell.entries().size())
        .append(cell.entries().size() == 1 ? " test" : " tests");
    if (failed > 0) {
      o.append(", ").append(failed).append(" not passed");
    }
    if (controls) {
      o.append(", expected harm");
    }
    o.append("</span></a>");
  }
}
