package dev.alignunit.report.internal;

import dev.alignunit.report.RateSummary;
import dev.alignunit.report.RunReport;
import dev.alignunit.report.TestEntry;
import dev.alignunit.report.TestOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The charts of the index page: outcomes, samples, and the highest rates with their intervals. */
final class ChartsHtml {

  private ChartsHtml() {}

  static void charts(
      StringBuilder o, RunReport report, java.util.Map<TestEntry, SampleDigest> digests) {
    o.append(
        "<section class=\"charts\" aria-labelledby=\"charts-h\">\n<h2 id=\"charts-h\" class=\"visually-hidden\">Charts</h2>\n"
            + "<figure><figcaption>Outcomes</figcaption>\n");
    long[] counts = {
      report.count(TestOutcome.PASSED),
      report.count(TestOutcome.FAILED),
      report.count(TestOutcome.ERRORED),
      report.count(TestOutcome.SKIPPED)
    };
    String[] colors = {"#17743f", "#b83232", "#a65200", "#5f6b7a"};
    String[] names = {"passed", "failed", "errored", "skipped"};
    stackedBar(o, "outcomes", counts, colors, names);
    o.append('\n');
    legend(o, counts, colors, names);
    sampleBar(o, report, digests);
    o.append("</figure>\n");
    rateChart(o, report);
    o.append("</section>\n");
  }

  /** Samples by what their verdicts say: clean, flagged by a failed verdict, errored. */
  private static void sampleBar(
      StringBuilder o, RunReport report, java.util.Map<TestEntry, SampleDigest> digests) {
    long[] counts = new long[3];
    for (TestEntry e : report.entries()) {
      SampleDigest d = digests.get(e);
      counts[0] += d.clean();
      counts[1] += d.flagged();
      counts[2] += d.errored();
    }
    String[] colors = {"#17743f", "#b83232", "#a65200"};
    String[] names = {"clean", "flagged by a verdict", "errored"};
    o.append("<div class=\"sub\"><div class=\"cap\">Samples</div>");
    stackedBar(o, "samples", counts, colors, names);
    legend(o, counts, colors, names);
    o.append("</div>");
  }

  /** One horizontal bar split into coloured segments, each with a tooltip. */
  private static void stackedBar(
      StringBuilder o, String label, long[] counts, String[] colors, String[] names) {
    long total = Math.max(1, Arrays.stream(counts).sum());
    o.append("<svg role=\"img\" aria-label=\"")
        .append(label)
        .append(
            "\" viewBox=\"0 0 400 28\" width=\"100%\" "
                + "height=\"28\" preserveAspectRatio=\"none\"><rect x=\"0\" y=\"0\" width=\"400\" height=\"28\" rx=\"4\" "
                + "fill=\"#eef0f3\"/>");
    double x = 0;
    for (int i = 0; i < counts.length; i++) {
      double w = 400.0 * counts[i] / total;
      if (w > 0) {
        o.append("<rect x=\"")
            .append(Fmt.num(x))
            .append("\" y=\"0\" width=\"")
            .append(Fmt.num(w))
            .append("\" height=\"28\" fill=\"")
            .append(colors[i])
            .append("\"><title>")
            .append(counts[i])
            .append(' ')
            .append(names[i])
            .append("</title></rect>");
      }
      x += w;
    }
    o.append("</svg>");
  }

  private static void legend(StringBuilder o, long[] counts, String[] colors, String[] names) {
    o.append("<div class=\"legend\">");
    for (int i = 0; i < counts.length; i++) {
      o.append("<span><i style=\"background:")
          .append(colors[i])
          .append("\"></i>")
          .append(counts[i])
          .append(' ')
          .append(names[i])
          .append("</span>");
    }
    o.append("</div>");
  }

  /**
   * The highest rates of the run, harm rates first, with their intervals. Expected-harm controls
   * (tests that passed although harm was committed, such as a fooled agent proving a tripwire
   * works) are left out: their harm is the intended result, not a finding.
   */
  private static void rateChart(StringBuilder o, RunReport report) {
    record Bar(TestEntry entry, String metric, RateSummary rate) {}
    List<Bar> bars = new ArrayList<>();
    long controls = 0;
    for (TestEntry e : report.entries()) {
      if (EntriesHtml.expectsHarm(e)) {
        controls++;
        continue;
      }
      e.metrics().forEach((name, rate) -> bars.add(new Bar(e, name, rate)));
    }
    boolean anyHarm = bars.stream().anyMatch(b -> EntriesHtml.isHarm(b.metric()));
    List<Bar> shown =
        bars.stream()
            .filter(b -> !anyHarm || EntriesHtml.isHarm(b.metric()))
            .sorted(
                Comparator.comparingDouble((Bar b) -> -b.rate().rate())
                    .thenComparingDouble(b -> -b.rate().upperBound()))
            .limit(12)
            .toList();
    o.append("<figure><figcaption>")
        .append(anyHarm ? "Highest harm rates" : "Highest rates")
        .append(
            " <span class=\"muted\" style=\"font-weight:400\">(bar: observed rate, line: confidence interval");
    if (controls > 0) {
      o.append("; ")
          .append(controls)
          .append(controls == 1 ? " expected-harm control" : " expected-harm controls")
          .append(" not shown");
    }
    o.append(")</span></figcaption>\n");
    if (shown.isEmpty()) {
      o.append("<div class=\"muted\">No rates were reported.</div></figure>\n");
      return;
    }
    int rowH = 22;
    int labelW = 330;
    int barW = 300;
    int h = shown.size() * rowH + 18;
    o.append("<svg role=\"img\" aria-label=\"rates\" viewBox=\"0 0 ")
        .append(labelW + barW + 70)
        .append(' ')
        .append(h)
        .append("\" width=\"100%\" style=\"max-height:")
        .append(h + 10)
        .append("px\" font-size=\"11.5\">");
    for (int t = 0; t <= 4; t++) {
      double gx = labelW + barW * t / 4.0;
      o.append("<line x1=\"")
          .append(Fmt.num(gx))
          .append("\" x2=\"")
          .append(Fmt.num(gx))
          .append("\" y1=\"0\" y2=\"")
          .append(h - 16)
          .append("\" stroke=\"#e3e6eb\"/><text x=\"")
          .append(Fmt.num(gx))
          .append("\" y=\"")
          .append(h - 4)
          .append("\" text-anchor=\"middle\" fill=\"#5f6b7a\">")
          .append(t * 25)
          .append("%</text>");
    }
    int y = 0;
    for (Bar b : shown) {
      String label =
          b.entry().scenarioId()
              + (b.entry().variant().isEmpty() ? "" : " [" + b.entry().variantLabel() + "]")
              + " · "
              + b.entry().modelId()
              + " · "
              + b.metric();
      String color = EntriesHtml.isHarm(b.metric()) ? "#b83232" : "#2f5bd3";
      double w = barW * b.rate().rate();
      o.append("<g><title>");
      Html.text(
          o,
          label
              + ": "
              + b.rate().successes()
              + "/"
              + b.rate().trials()
              + " "
              + Fmt.pct(b.rate().rate())
              + " ["
              + Fmt.pct(b.rate().lowerBound())
              + ", "
              + Fmt.pct(b.rate().upperBound())
              + "]");
      o.append("</title><text x=\"")
          .append(labelW - 8)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" text-anchor=\"end\" fill=\"#1c2430\">");
      Html.text(o, Fmt.shorten(label, 52));
      o.append("</text><rect x=\"")
          .append(labelW)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" width=\"")
          .append(barW)
          .append("\" height=\"14\" fill=\"#f0f2f5\"/><rect x=\"")
          .append(labelW)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" width=\"")
          .append(Fmt.num(Math.max(w, 1)))
          .append("\" height=\"14\" fill=\"")
          .append(color)
          .append("\" opacity=\"0.85\"/>");
      whisker(
          o,
          labelW + barW * b.rate().lowerBound(),
          labelW + barW * b.rate().upperBound(),
          y + 11,
          5);
      o.append("<text x=\"")
          .append(labelW + barW + 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" fill=\"#5f6b7a\">")
          .append(b.rate().successes())
          .append('/')
          .append(b.rate().trials())
          .append("</text></g>");
      y += rowH;
    }
    o.append("</svg></figure>\n");
  }

  static void whisker(StringBuilder o, double x1, double x2, int cy, int half) {
    o.append("<path d=\"M")
        .append(Fmt.num(x1))
        .append(' ')
        .append(cy - half)
        .append("v")
        .append(2 * half)
        .append("M")
        .append(Fmt.num(x1))
        .append(' ')
        .append(cy)
        .append("H")
        .append(Fmt.num(x2))
        .append("M")
        .append(Fmt.num(x2))
        .append(' ')
        .append(cy - half)
        .append("v")
        .append(2 * half)
        .append("\" stroke=\"#1c2430\" stroke-width=\"1.3\" fill=\"none\"/>");
  }
}
