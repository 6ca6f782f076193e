package dev.alignunit.report.internal;

import dev.alignunit.model.SecretRedactor;
import dev.alignunit.report.BaselineSummary;
import dev.alignunit.report.RateSummary;
import dev.alignunit.report.RunReport;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.TestEntry;
import dev.alignunit.report.TestOutcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table of scenario runs: its toolbar (free-text search over transcripts, filters, grouping),
 * sortable columns, and one row per entry with its rates, the baseline's rate beside the current
 * one, the failure message and the samples.
 */
final class EntriesHtml {

  private EntriesHtml() {}

  /**
   * Whether a metric is a harm rate: the tripwire rate {@code harm:<id>} or the judged {@code
   * judged-harm:<id>}.
   */
  static boolean isHarm(String metric) {
    return metric.startsWith("harm") || metric.startsWith("judged-harm");
  }

  /**
   * An expected-harm control: a test that passed although every graded sample committed a harm, so
   * the harm was what it asserted (a fooled agent proving that the tripwire works). Marked as such
   * and kept out of the run's "highest harm rates". A test that passed with some harm (a tolerated
   * rate, {@code isAtMost(0.1)}) is not a control: its harm stays in the chart.
   */
  static boolean expectsHarm(TestEntry e) {
    return e.outcome() == TestOutcome.PASSED
        && e.metrics().entrySet().stream()
            .anyMatch(
                m ->
                    isHarm(m.getKey())
                        && m.getValue().trials() > 0
                        && m.getValue().successes() == m.getValue().trials());
  }

  /**
   * Escapes an identifier and lets it wrap at its word boundaries only (after {@code . # / : _ -}
   * and between a lower-case letter and a capital), never in the middle of a word.
   */
  static void breakable(StringBuilder o, String id) {
    int start = 0;
    for (int i = 1; i < id.length(); i++) {
      char previous = id.charAt(i - 1);
      boolean boundary =
          ".#/:_-".indexOf(previous) >= 0
              || (Character.isLowerCase(previous) && Character.isUpperCase(id.charAt(i)));
      if (boundary) {
        Html.text(o, id.substring(start, i)).append("<wbr>");
        start = i;
      }
    }
    Html.text(o, id.substring(start));
  }

  static void toolbar(StringBuilder o, RunReport report, Map<TestEntry, SampleDigest> digests) {
    Set<String> tags = new TreeSet<>();
    Set<String> models = new TreeSet<>();
    Set<String> verdicts = new TreeSet<>();
    for (TestEntry e : report.entries()) {
      tags.addAll(e.tags());
      models.add(e.modelId());
      digests.get(e).verdictKeys().forEach(k -> verdicts.add(SecretRedactor.redactRegistered(k)));
    }
    o.append(
        "<div class=\"filters\" role=\"search\">\n<label>Search <input type=\"search\" id=\"search\" "
            + "placeholder=\"words in transcripts, tests, messages\"></label>\n");
    select(o, "Tag", "tags", tags);
    select(o, "Model", "model", models);
    select(o, "Outcome", "outcome", List.of("PASSED", "FAILED", "ERRORED", "SKIPPED"));
    select(o, "Verdict", "verdicts", verdicts);
    o.append(
        "<label>Group by <select id=\"group\"><option value=\"\">nothing</option><option value=\"class\">class"
            + "</option><option value=\"scenario\">scenario</option><option value=\"outcome\">outcome</option>"
            + "</select></label>\n");
    o.append(
            "<button type=\"button\" id=\"reset\">Reset</button>\n<span class=\"count\" aria-live=\"polite\">"
                + "<span id=\"shown\">")
        .append(report.entries().size())
        .append("</span> of ")
        .append(report.entries().size())
        .append(" shown</span>\n</div>\n");
  }

  private static void select(StringBuilder o, String label, String key, Iterable<String> values) {
    o.append("<label>")
        .append(label)
        .append(" <select data-filter=\"")
        .append(key)
        .append("\"><option value=\"\">all</option>");
    for (String v : values) {
      o.append("<option value=\"");
      Html.text(o, v).append("\">");
      Html.text(o, v).append("</option>");
    }
    o.append("</select></label>\n");
  }

  static void table(
      StringBuilder o,
      RunReport report,
      Map<TestEntry, String> keys,
      boolean paged,
      Map<TestEntry, SampleDigest> digests,
      HtmlRenderer.Drain drain)
      throws java.io.IOException {
    o.append("<div class=\"table-wrap\"><table class=\"summary\" id=\"summary\">\n<thead><tr>")
        .append(
            "<th scope=\"col\" data-sort=\"outcome\"><button type=\"button\">Outcome</button></th>")
        .append(
            "<th scope=\"col\" class=\"col-scn\" data-sort=\"scenario\"><button type=\"button\">Scenario</button></th>")
        .append("<th scope=\"col\">Variant</th><th scope=\"col\">Model</th>")
        .append(
            "<th scope=\"col\" data-sort=\"samples\"><button type=\"button\">Samples</button></th>")
        .append(
            "<th scope=\"col\" class=\"col-rates\" data-sort=\"harm\"><button type=\"button\">Rates (95% interval)"
                + "</button></th>")
        .append("<th scope=\"col\">Baseline</th></tr></thead>\n");
    if (report.entries().isEmpty()) {
      o.append(
          "<tbody><tr><td colspan=\"7\" class=\"muted\">No AlignUnit tests ran.</td></tr></tbody>\n");
    }
    for (TestEntry e : report.entries()) {
      row(o, e, keys.get(e), paged, digests.get(e));
      drain.drain(o);
    }
    o.append("</table></div>\n");
  }

  private static int outcomeOrder(TestOutcome outcome) {
    return switch (outcome) {
      case FAILED -> 0;
      case ERRORED -> 1;
      case PASSED -> 2;
      case SKIPPED -> 3;
    };
  }

  private static void row(
      StringBuilder o, TestEntry e, String key, boolean paged, SampleDigest digest) {
    double harm =
        e.metrics().entrySet().stream()
            .filter(m -> isHarm(m.getKey()))
            .mapToDouble(m -> m.getValue().rate())
            .max()
            .orElse(-1);
    boolean control = expectsHarm(e);
    o.append("<tbody class=\"entry\" id=\"")
        .append(key)
        .append("\" data-outcome=\"")
        .append(e.outcome().name())
        .append("\" data-model=\"");
    Html.text(o, e.modelId()).append("\" data-tags=\"");
    Html.text(o, String.join("|", e.tags())).append("\" data-verdicts=\"");
    Html.text(o, SecretRedactor.redactRegistered(String.join("|", digest.verdictKeys())))
        .append("\" data-sort-outcome=\"")
        .append(outcomeOrder(e.outcome()))
        .append("\" data-sort-scenario=\"");
    Html.text(o, e.scenarioId() + " " + e.variantLabel())
        .append("\" data-sort-samples=\"")
        .append(e.samples().size())
        .append("\" data-sort-harm=\"")
        .append(Fmt.num(harm * 100))
        .append("\" data-group-class=\"");
    Html.text(o, Fmt.testClass(e.testId())).append("\" data-group-scenario=\"");
    Html.text(o, e.scenarioId())
        .append("\" data-group-outcome=\"")
        .append(e.outcome().name())
        .append('"')
        .append(control ? " data-expected-harm=\"true\"" : "")
        .append(">\n<tr class=\"row\">");
    o.append("<td><span class=\"badge b-")
        .append(e.outcome().name())
        .append("\">")
        .append(e.outcome().name())
        .append("</span>");
    if (control) {
      o.append(
          "<span class=\"expected\" title=\"The test passed although harm was committed: harm was its expected "
              + "result (a control).\">expected harm</span>");
    }
    o.append("</td><td class=\"col-scn\"><div class=\"scn\">");
    Html.text(o, e.scenarioId()).append("</div>");
    if (!e.scenarioTitle().isEmpty()) {
      o.append("<div class=\"title\">");
      Html.text(o, e.scenarioTitle()).append("</div>");
    }
    o.append("<div class=\"test\" title=\"");
    Html.text(o, e.testId()).append("\">");
    breakable(o, Fmt.shortTestId(e.testId()));
    if (!e.displayName().equals(e.testId())) {
      Html.text(o.append(" &mdash; "), e.displayName());
    }
    o.append("</div>");
    if (!e.tags().isEmpty()) {
      o.append("<div class=\"test\">tags: ");
      Html.text(o, String.join(", ", e.tags())).append("</div>");
    }
    o.append("</td><td class=\"mono\">");
    if (e.variant().isEmpty()) {
      o.append("&mdash;");
    } else {
      Html.text(o, e.variantLabel());
    }
    o.append("</td><td><div class=\"mono\">");
    breakable(o, e.modelId());
    o.append("</div><div class=\"test\">");
    Html.text(o, e.mode()).append("</div></td><td>").append(e.samples().size());
    long errored = digest.errored();
    if (errored > 0) {
      o.append(" <span class=\"badge b-ERRORED\">").append(errored).append(" errored</span>");
    }
    o.append("</td><td class=\"col-rates\">");
    if (e.metrics().isEmpty()) {
      o.append("<span class=\"muted\">&mdash;</span>");
    }
    e.metrics()
        .forEach((name, rate) -> metric(o, name, rate, e.baseline(), control && isHarm(name)));
    o.append("</td><td>");
    baseline(o, e.baseline());
    o.append("</td></tr>\n<tr class=\"detail\"><td></td><td colspan=\"6\">");
    if (e.failureMessage() != null && !e.failureMessage().isEmpty()) {
      o.append("<div class=\"failure ").append(e.outcome().name()).append("\">");
      Html.text(o, e.failureMessage()).append("</div>");
    }
    if (!e.samples().isEmpty()) {
      TranscriptHtml.chips(
          o,
          digest,
          key,
          index -> paged ? HtmlRenderer.pageOf(key, index / HtmlRenderer.PAGE_SAMPLES) : "");
      if (paged) {
        o.append("<a href=\"")
            .append(HtmlRenderer.pageOf(key))
            .append("\">Open the ")
            .append(e.samples().size())
            .append(" transcripts</a>");
      } else {
        o.append("<details class=\"samples\"><summary>Transcripts (")
            .append(e.samples().size())
            .append(" samples)</summary>\n");
        boolean shared = TranscriptHtml.sharedSystem(o, digest);
        for (SampleReport s : e.samples()) {
          TranscriptHtml.sample(o, s, key, !shared, false);
        }
        o.append("</details>");
      }
    }
    o.append("</td></tr>\n</tbody>\n");
  }

  /**
   * One rate: a bar with its interval and {@code 2/20 10% [2.8%–30.1%]}; a single sample shows only
   * {@code 0/1} (an interval over one sample says nothing). The baseline's rate of the same metric
   * is shown beside it with the change in percentage points, red when it is a regression.
   */
  static void metric(
      StringBuilder o, String name, RateSummary r, BaselineSummary baseline, boolean expected) {
    boolean bad = isHarm(name) || "higher".equals(r.badWhen());
    String color = bad ? (expected ? "#8a94a3" : "#b83232") : "#2f5bd3";
    o.append("<div class=\"metric")
        .append(expected ? " expected-harm" : "")
        .append("\"><span class=\"name\">");
    Html.text(o, name)
        .append(
            "</span><svg width=\"130\" height=\"14\" viewBox=\"0 0 130 14\" role=\"img\" aria-label=\"")
        .append(Fmt.pct(r.rate()))
        .append("\"><title>")
        .append(Fmt.pct(r.rate()));
    if (r.trials() > 1) {
      o.append(" [")
          .append(Fmt.pct(r.lowerBound()))
          .append(", ")
          .append(Fmt.pct(r.upperBound()))
          .append(']');
    }
    o.append(
            "</title><rect x=\"0\" y=\"2\" width=\"130\" height=\"10\" rx=\"2\" fill=\"#eef0f3\"/><rect x=\"0\" y=\"2\" "
                + "width=\"")
        .append(Fmt.num(Math.max(130 * r.rate(), 1)))
        .append("\" height=\"10\" rx=\"2\" fill=\"")
        .append(color)
        .append("\" opacity=\"0.85\"/>");
    if (r.trials() > 1) {
      ChartsHtml.whisker(o, 130 * r.lowerBound(), 130 * r.upperBound(), 7, 4);
    }
    o.append("</svg><span class=\"val\"><b>")
        .append(r.successes())
        .append('/')
        .append(r.trials())
        .append("</b>");
    if (r.trials() > 1) {
      o.append(' ')
          .append(Fmt.pct(r.rate()))
          .append(" [")
          .append(Fmt.pct(r.lowerBound()))
          .append("&ndash;")
          .append(Fmt.pct(r.upperBound()))
          .append(']');
    }
    if (r.errored() > 0) {
      o.append(" · ").append(r.errored()).append(" errored");
    }
    if (baseline != null && name.equals(baseline.metric())) {
      double delta = baseline.currentRate() - baseline.baselineRate();
      String cls = baseline.regression() ? "worse" : delta == 0 ? "same" : "changed";
      o.append(" <span class=\"base\">baseline ")
          .append(Fmt.pct(baseline.baselineRate()))
          .append("</span> <span " + "class=\"delta ")
          .append(cls)
          .append("\">")
          .append(Fmt.points(delta))
          .append("</span>");
    }
    o.append("</span></div>");
  }

  private static void baseline(StringBuilder o, BaselineSummary b) {
    if (b == null) {
      o.append("<span class=\"muted\">no baseline</span>");
      return;
    }
    o.append("<div class=\"")
        .append(b.regression() ? "reg" : "noreg")
        .append("\">")
        .append(b.regression() ? "regression" : "no regression")
        .append("</div><div class=\"val\">");
    if (b.metric() != null) {
      Html.text(o, b.metric()).append(": ");
    }
    o.append(Fmt.pct(b.baselineRate()))
        .append(" &rarr; ")
        .append(Fmt.pct(b.currentRate()))
        .append(", ")
        .append(Fmt.pValue(b.pValue()))
        .append("</div>");
    if (!b.message().isEmpty()) {
      o.append("<div class=\"test\">");
      Html.text(o, b.message()).append("</div>");
    }
  }
}
