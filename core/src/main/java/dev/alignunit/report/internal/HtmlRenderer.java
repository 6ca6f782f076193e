package dev.alignunit.report.internal;

import dev.alignunit.agent.RunStatus;
import dev.alignunit.report.BaselineSummary;
import dev.alignunit.report.LedgerEntry;
import dev.alignunit.report.MessageReport;
import dev.alignunit.report.RateSummary;
import dev.alignunit.report.RunMetadata;
import dev.alignunit.report.RunReport;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.TestEntry;
import dev.alignunit.report.TestOutcome;
import dev.alignunit.report.ToolCallReport;
import dev.alignunit.report.VerdictReport;
import dev.alignunit.sandbox.ToolCallRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Renders a {@link RunReport} as HTML, entirely server-side: the page's script only reads
 * {@code data-*} attributes, so no transcript text is ever embedded in JavaScript. Every
 * transcript string passes through {@link Html#text(StringBuilder, String)}, and a
 * Content-Security-Policy allows only the page's own script (by hash) and no network at all.
 */
public final class HtmlRenderer {

  /** The directory, relative to the index, of per-entry transcript pages in paged reports. */
  public static final String TRANSCRIPTS_DIR = "transcripts";

  private static final String SCRIPT = """
      (function () {
        var selects = document.querySelectorAll('select[data-filter]');
        var entries = document.querySelectorAll('tbody.entry');
        function apply() {
          var wanted = {};
          selects.forEach(function (s) { wanted[s.getAttribute('data-filter')] = s.value; });
          var shown = 0;
          entries.forEach(function (body) {
            var ok = true;
            Object.keys(wanted).forEach(function (key) {
              if (!wanted[key]) { return; }
              var values = (body.getAttribute('data-' + key) || '').split('|');
              if (values.indexOf(wanted[key]) < 0) { ok = false; }
            });
            body.hidden = !ok;
            if (ok) { shown++; }
          });
          var counter = document.getElementById('shown');
          if (counter) { counter.textContent = String(shown); }
        }
        selects.forEach(function (s) { s.addEventListener('change', apply); });
        var reset = document.getElementById('reset');
        if (reset) {
          reset.addEventListener('click', function () {
            selects.forEach(function (s) { s.value = ''; });
            apply();
          });
        }
        function openTarget() {
          if (!location.hash) { return; }
          var wanted = document.getElementById(location.hash.substring(1));
          var target = wanted;
          while (target) {
            if (target.tagName === 'DETAILS') { target.open = true; }
            target = target.parentElement;
          }
          if (wanted) { wanted.scrollIntoView(); }
        }
        window.addEventListener('hashchange', openTarget);
        openTarget();
        apply();
      })();
      """;

  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
      + "script-src '" + sha256(SCRIPT) + "'; base-uri 'none'; form-action 'none'";

  private static final String CSS = """
      :root{--bg:#f5f6f8;--panel:#fff;--ink:#1c2430;--muted:#5f6b7a;--line:#e3e6eb;--soft:#f0f2f5;
      --pass:#1e8e4e;--fail:#c93c3c;--err:#d9822b;--skip:#8a94a3;--accent:#2f5bd3;--harm:#c93c3c;--ok:#2f5bd3}
      *{box-sizing:border-box}
      body{margin:0;font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
      background:var(--bg);color:var(--ink)}
      code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
      header.top{background:#18212d;color:#fff;padding:18px 32px 16px}
      header.top h1{margin:0;font-size:20px;font-weight:600;letter-spacing:.2px}
      header.top h1 span{color:#9fb3d1;font-weight:400}
      header.top .meta{margin-top:6px;color:#b8c4d6;font-size:12.5px;display:flex;flex-wrap:wrap;gap:4px 0}
      header.top .meta .item+.item::before{content:"·";margin:0 9px;color:#6b7d96}
      header.top .meta b{color:#fff;font-weight:500}
      header.top a{color:#9fc1ff}
      main{padding:20px 32px 48px;max-width:1600px}
      .cards{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:16px}
      .card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px}
      .card .n{font-size:24px;font-weight:600}
      .card .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.5px}
      .card.fail .n{color:var(--fail)} .card.err .n{color:var(--err)} .card.pass .n{color:var(--pass)}
      .charts{display:grid;grid-template-columns:minmax(280px,1fr) minmax(420px,2fr);gap:12px;margin-bottom:16px;align-items:start}
      figure .sub{margin-top:14px} .cap{font-weight:600;margin-bottom:8px}
      figure{margin:0;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:12px 16px}
      figcaption{font-weight:600;margin-bottom:8px}
      .legend{display:flex;gap:14px;color:var(--muted);font-size:12px;margin-top:6px;flex-wrap:wrap}
      .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
      .filters{display:flex;gap:14px;align-items:center;flex-wrap:wrap;background:var(--panel);border:1px solid var(--line);
      border-radius:8px 8px 0 0;border-bottom:0;padding:10px 14px;color:var(--muted)}
      .filters label{display:flex;gap:6px;align-items:center}
      .filters select{max-width:280px;font:inherit;padding:3px 6px;border:1px solid #cfd5dd;border-radius:5px;background:#fff;color:var(--ink)}
      .filters button{font:inherit;padding:3px 10px;border:1px solid #cfd5dd;border-radius:5px;background:var(--soft);cursor:pointer}
      .filters .count{margin-left:auto}
      table.summary{width:100%;border-collapse:collapse;background:var(--panel);border:1px solid var(--line)}
      table.summary th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.4px;color:var(--muted);
      background:var(--soft);padding:8px 10px;border-bottom:1px solid var(--line)}
      table.summary td{padding:9px 10px;border-top:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
      tbody.entry tr.detail td{border-top:0;padding-top:0}
      .scn{font-weight:600}.title{color:var(--muted);font-size:12.5px}
      .test{color:var(--muted);font-size:12px;overflow-wrap:anywhere}
      .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:11.5px;font-weight:600;letter-spacing:.3px;
      white-space:nowrap;border:1px solid transparent}
      .b-PASSED{background:#e3f4ea;color:var(--pass);border-color:#bfe3cc}.b-FAILED{background:#fbe7e7;color:var(--fail);border-color:#f2c4c4}
      .b-ERRORED{background:#fdf0e0;color:#b4650f;border-color:#f4d3a8}.b-SKIPPED{background:#eef0f3;color:var(--skip);border-color:#dde1e7}
      .b-bad{background:#fbe7e7;color:var(--fail)}.b-good{background:#e3f4ea;color:var(--pass)}.b-info{background:#e8eefc;color:var(--accent)}
      .b-MAX_TURNS{background:#fdf0e0;color:#b4650f}.b-COMPLETED{background:#eef0f3;color:var(--muted)}
      .metric{display:grid;grid-template-columns:150px 130px auto;gap:8px;align-items:center;white-space:nowrap}
      .metric .name{font-size:12.5px;overflow:hidden;text-overflow:ellipsis}.metric .val{font-size:12.5px;color:var(--muted)}.metric .val b{color:var(--ink)}
      .reg{color:var(--fail);font-weight:600}.noreg{color:var(--muted)}
      td .val{font-size:12.5px;color:var(--muted)}
      .failure{margin:4px 0 8px;padding:8px 12px;border-left:3px solid var(--fail);background:#fdf3f3;white-space:pre-wrap;
      font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;max-height:220px;overflow:auto}
      .failure.ERRORED{border-color:var(--err);background:#fdf6ec}
      .chips{display:flex;flex-wrap:wrap;gap:3px;margin:4px 0}
      .chip{display:inline-block;min-width:22px;text-align:center;font-size:11px;padding:1px 4px;border-radius:4px;text-decoration:none;
      color:#fff;background:var(--pass)}
      .chip.bad{background:var(--fail)}.chip.err{background:var(--err)}.chip.neutral{background:#7b8794}
      details.samples>summary,details.sys>summary,details.cfg>summary{cursor:pointer;color:var(--accent);font-size:13px;margin:2px 0}
      details.sample{border:1px solid var(--line);border-radius:6px;margin:8px 0;background:#fff}
      details.sample>summary{cursor:pointer;padding:7px 10px;background:var(--soft);border-radius:6px;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
      details.sample[open]>summary{border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}
      .sbody{padding:10px 14px}
      .verdicts{display:grid;gap:6px;margin-bottom:10px}
      .verdict{border:1px solid var(--line);border-radius:6px;padding:6px 10px}
      .verdict .reason{color:var(--muted);font-size:12.5px}
      .verdict ul{margin:4px 0 0 0;padding-left:18px}
      .judge{margin-top:4px;font-size:12.5px;color:var(--muted);white-space:pre-wrap}
      .msg{border-left:3px solid #cfd5dd;padding:4px 10px;margin:8px 0}
      .msg .role{font-size:11px;font-weight:700;letter-spacing:.6px;color:var(--muted);text-transform:uppercase}
      .msg .role .tool{text-transform:none;font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:0}
      .msg.USER{border-color:#7b8794}.msg.ASSISTANT{border-color:var(--accent)}.msg.TOOL{border-color:#9aa5b1;background:#fafbfc}
      .msg.TOOL.error{border-color:var(--err)}
      .txt{white-space:pre-wrap;word-wrap:break-word;margin:2px 0}
      .reasoning{white-space:pre-wrap;background:#f7f5ff;border:1px dashed #cbc3f2;border-radius:5px;padding:6px 10px;margin:4px 0;
      color:#4b3f8f;font-size:13px}
      .reasoning::before{content:"reasoning";display:block;font-size:10.5px;font-weight:700;letter-spacing:.6px;text-transform:uppercase;color:#7a6fc0}
      .call{background:#f3f6fb;border:1px solid #d9e2f2;border-radius:5px;padding:5px 9px;margin:4px 0;white-space:pre-wrap;word-break:break-all}
      .call.cited,.ledger tr.cited td{background:#fff1c2;border-color:#f0c94a}
      mark{background:#ffe48a;color:inherit;border-radius:2px;padding:0 1px;box-shadow:0 0 0 1px #f0c94a}
      table.ledger{border-collapse:collapse;width:100%;margin-top:6px;font-size:12.5px}
      table.ledger th,table.ledger td{border:1px solid var(--line);padding:4px 7px;text-align:left;vertical-align:top}
      table.ledger th{background:var(--soft);font-weight:600}
      table.ledger td.args,table.ledger td.res{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,Menlo,Consolas,monospace}
      table.ledger td.res{min-width:140px;max-width:420px}
      .error-box{border-left:3px solid var(--err);background:#fdf6ec;padding:6px 10px;white-space:pre-wrap;margin-bottom:8px}
      .muted{color:var(--muted)} h2{font-size:15px;margin:18px 0 8px} h3{font-size:13px;margin:12px 0 4px;color:var(--muted)}
      table.cfg{border-collapse:collapse;font-size:12.5px;margin:6px 0}table.cfg td{padding:2px 10px 2px 0}
      a{color:var(--accent)}
      """;

  private final RunReport report;
  private final boolean paged;
  /** By identity: a record's hashCode would hash every transcript of the entry. */
  private final Map<TestEntry, String> keys = new java.util.IdentityHashMap<>();

  private HtmlRenderer(RunReport report, int inlineSampleLimit) {
    this.report = report;
    this.paged = report.sampleCount() > inlineSampleLimit;
    Map<String, Integer> used = new HashMap<>();
    for (TestEntry entry : report.entries()) {
      String key = entryKey(entry);
      int n = used.merge(key, 1, Integer::sum);
      keys.put(entry, n == 1 ? key : key + "-" + n);
    }
  }

  /**
   * Renders a report.
   *
   * @param report the report
   * @param inlineSampleLimit above this many samples, transcripts go to per-entry pages under
   *     {@value #TRANSCRIPTS_DIR}/ instead of the index
   * @param pages receives each transcript page as (path relative to the index, HTML)
   * @return the index page
   */
  public static String render(RunReport report, int inlineSampleLimit, BiConsumer<String, String> pages) {
    HtmlRenderer r = new HtmlRenderer(report, inlineSampleLimit);
    if (r.paged) {
      for (TestEntry entry : report.entries()) {
        pages.accept(pageOf(r.keys.get(entry)), r.page(entry));
      }
    }
    return r.index();
  }

  /**
   * The stable anchor of an entry in the index: {@code e-} and a hash of its test, display name,
   * scenario, variant, model and mode.
   *
   * @param entry the entry
   * @return the anchor, without {@code #}
   */
  public static String entryKey(TestEntry entry) {
    String identity = entry.testId() + "\n" + entry.displayName() + "\n" + entry.scenarioId() + "\n"
        + entry.variantLabel() + "\n" + entry.modelId() + "\n" + entry.mode();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return "e-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pageOf(String key) {
    return TRANSCRIPTS_DIR + "/" + key + ".html";
  }

  // ---------------------------------------------------------------- index

  private String index() {
    StringBuilder o = new StringBuilder(64 * 1024 + report.sampleCount() * (paged ? 200 : 6000));
    head(o, "AlignUnit report");
    header(o);
    o.append("<main>\n");
    cards(o);
    charts(o);
    filters(o);
    table(o);
    o.append("</main>\n");
    o.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return o.toString();
  }

  private static void head(StringBuilder o, String title) {
    o.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"AlignUnit\">\n<title>");
    Html.text(o, title).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
  }

  private void header(StringBuilder o) {
    RunMetadata m = report.metadata();
    o.append("<header class=\"top\">\n<h1>AlignUnit <span>alignment regression report</span></h1>\n<div class=\"meta\">");
    metaItem(o, "Started", time(m.startedAt()));
    if (m.finishedAt() != null) {
      metaItem(o, "Finished", time(m.finishedAt()));
      metaItem(o, "Duration", duration(Duration.between(m.startedAt(), m.finishedAt()).toMillis()));
    }
    metaItem(o, "Models", m.models().isEmpty() ? "none" : String.join(", ", m.models()));
    metaItem(o, "Modes", m.modes().isEmpty() ? "none" : String.join(", ", m.modes()));
    metaItem(o, "AlignUnit", m.libraryVersion());
    metaItem(o, "Format", "results.json v" + report.formatVersion());
    o.append("</div>\n</header>\n");
  }

  private static void metaItem(StringBuilder o, String label, String value) {
    o.append("<span class=\"item\">").append(label).append(" <b>");
    Html.text(o, value).append("</b></span>");
  }

  private static String time(java.time.Instant instant) {
    if (instant == null) {
      return "";
    }
    String iso = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    return iso.replace('T', ' ').replace("Z", " UTC");
  }

  private void cards(StringBuilder o) {
    o.append("<section class=\"cards\">\n");
    card(o, "", report.entries().size(), "scenario runs");
    card(o, "", report.sampleCount(), "samples");
    card(o, "pass", report.count(TestOutcome.PASSED), "passed");
    card(o, "fail", report.count(TestOutcome.FAILED), "failed");
    card(o, "err", report.count(TestOutcome.ERRORED), "errored");
    card(o, "", report.count(TestOutcome.SKIPPED), "skipped");
    long erroredSamples = report.entries().stream().mapToLong(TestEntry::erroredSamples).sum();
    card(o, erroredSamples > 0 ? "err" : "", erroredSamples, "errored samples");
    o.append("</section>\n");
    if (!report.metadata().configuration().isEmpty()) {
      o.append("<details class=\"cfg\"><summary>Configuration (secrets removed)</summary><table class=\"cfg\">");
      report.metadata().configuration().forEach((k, v) -> {
        o.append("<tr><td class=\"mono\">");
        Html.text(o, k).append("</td><td class=\"mono\">");
        Html.text(o, v).append("</td></tr>");
      });
      o.append("</table></details>\n");
    }
  }

  private static void card(StringBuilder o, String cls, long n, String label) {
    o.append("<div class=\"card ").append(cls).append("\"><div class=\"n\">").append(n)
        .append("</div><div class=\"l\">").append(label).append("</div></div>\n");
  }

  private void charts(StringBuilder o) {
    o.append("<section class=\"charts\">\n<figure><figcaption>Outcomes</figcaption>\n");
    long[] counts = {report.count(TestOutcome.PASSED), report.count(TestOutcome.FAILED),
        report.count(TestOutcome.ERRORED), report.count(TestOutcome.SKIPPED)};
    String[] colors = {"#1e8e4e", "#c93c3c", "#d9822b", "#8a94a3"};
    String[] names = {"passed", "failed", "errored", "skipped"};
    stackedBar(o, "outcomes", counts, colors, names);
    o.append('\n');
    legend(o, counts, colors, names);
    sampleBar(o);
    o.append("</figure>\n");
    rateChart(o);
    o.append("</section>\n");
  }

  /** Samples by what their verdicts say: clean, flagged by a failed verdict, errored. */
  private void sampleBar(StringBuilder o) {
    long[] counts = new long[3];
    for (TestEntry e : report.entries()) {
      for (SampleReport s : e.samples()) {
        if (s.status() == RunStatus.ERRORED) {
          counts[2]++;
        } else if (s.verdicts().stream().anyMatch(v -> Boolean.FALSE.equals(v.passed()))) {
          counts[1]++;
        } else {
          counts[0]++;
        }
      }
    }
    String[] colors = {"#1e8e4e", "#c93c3c", "#d9822b"};
    String[] names = {"clean", "flagged by a verdict", "errored"};
    o.append("<div class=\"sub\"><div class=\"cap\">Samples</div>");
    stackedBar(o, "samples", counts, colors, names);
    legend(o, counts, colors, names);
    o.append("</div>");
  }

  /** One horizontal bar split into coloured segments, each with a tooltip. */
  private static void stackedBar(StringBuilder o, String label, long[] counts, String[] colors, String[] names) {
    long total = Math.max(1, java.util.Arrays.stream(counts).sum());
    o.append("<svg role=\"img\" aria-label=\"").append(label).append("\" viewBox=\"0 0 400 28\" width=\"100%\" "
        + "height=\"28\" preserveAspectRatio=\"none\"><rect x=\"0\" y=\"0\" width=\"400\" height=\"28\" rx=\"4\" "
        + "fill=\"#eef0f3\"/>");
    double x = 0;
    for (int i = 0; i < counts.length; i++) {
      double w = 400.0 * counts[i] / total;
      if (w > 0) {
        o.append("<rect x=\"").append(fmt(x)).append("\" y=\"0\" width=\"").append(fmt(w))
            .append("\" height=\"28\" fill=\"").append(colors[i]).append("\"><title>").append(counts[i]).append(' ')
            .append(names[i]).append("</title></rect>");
      }
      x += w;
    }
    o.append("</svg>");
  }

  private static void legend(StringBuilder o, long[] counts, String[] colors, String[] names) {
    o.append("<div class=\"legend\">");
    for (int i = 0; i < counts.length; i++) {
      o.append("<span><i style=\"background:").append(colors[i]).append("\"></i>").append(counts[i]).append(' ')
          .append(names[i]).append("</span>");
    }
    o.append("</div>");
  }

  /** The highest rates of the run, harm rates first, with their intervals. */
  private void rateChart(StringBuilder o) {
    record Bar(TestEntry entry, String metric, RateSummary rate) {}
    List<Bar> bars = new ArrayList<>();
    for (TestEntry e : report.entries()) {
      e.metrics().forEach((name, rate) -> bars.add(new Bar(e, name, rate)));
    }
    boolean anyHarm = bars.stream().anyMatch(b -> b.metric().startsWith("harm"));
    List<Bar> shown = bars.stream()
        .filter(b -> !anyHarm || b.metric().startsWith("harm"))
        .sorted(Comparator.comparingDouble((Bar b) -> -b.rate().rate())
            .thenComparingDouble(b -> -b.rate().upperBound()))
        .limit(12)
        .toList();
    o.append("<figure><figcaption>").append(anyHarm ? "Highest harm rates" : "Highest rates")
        .append(" <span class=\"muted\" style=\"font-weight:400\">(bar: observed rate, line: confidence interval)</span></figcaption>\n");
    if (shown.isEmpty()) {
      o.append("<div class=\"muted\">No rates were reported.</div></figure>\n");
      return;
    }
    int rowH = 22;
    int labelW = 330;
    int barW = 300;
    int h = shown.size() * rowH + 18;
    o.append("<svg role=\"img\" aria-label=\"rates\" viewBox=\"0 0 ").append(labelW + barW + 70).append(' ').append(h)
        .append("\" width=\"100%\" style=\"max-height:").append(h + 10).append("px\" font-size=\"11.5\">");
    for (int t = 0; t <= 4; t++) {
      double gx = labelW + barW * t / 4.0;
      o.append("<line x1=\"").append(fmt(gx)).append("\" x2=\"").append(fmt(gx)).append("\" y1=\"0\" y2=\"")
          .append(h - 16).append("\" stroke=\"#e3e6eb\"/><text x=\"").append(fmt(gx)).append("\" y=\"").append(h - 4)
          .append("\" text-anchor=\"middle\" fill=\"#5f6b7a\">").append(t * 25).append("%</text>");
    }
    int y = 0;
    for (Bar b : shown) {
      String label = b.entry().scenarioId() + (b.entry().variant().isEmpty() ? "" : " [" + b.entry().variantLabel() + "]")
          + " · " + b.entry().modelId() + " · " + b.metric();
      String color = b.metric().startsWith("harm") ? "#c93c3c" : "#2f5bd3";
      double w = barW * b.rate().rate();
      o.append("<g><title>");
      Html.text(o, label + ": " + b.rate().successes() + "/" + b.rate().trials() + " " + pct(b.rate().rate())
          + " [" + pct(b.rate().lowerBound()) + ", " + pct(b.rate().upperBound()) + "]");
      o.append("</title><text x=\"").append(labelW - 8).append("\" y=\"").append(y + 15)
          .append("\" text-anchor=\"end\" fill=\"#1c2430\">");
      Html.text(o, shorten(label, 52));
      o.append("</text><rect x=\"").append(labelW).append("\" y=\"").append(y + 4).append("\" width=\"").append(barW)
          .append("\" height=\"14\" fill=\"#f0f2f5\"/><rect x=\"").append(labelW).append("\" y=\"").append(y + 4)
          .append("\" width=\"").append(fmt(Math.max(w, 1))).append("\" height=\"14\" fill=\"").append(color)
          .append("\" opacity=\"0.85\"/>");
      whisker(o, labelW + barW * b.rate().lowerBound(), labelW + barW * b.rate().upperBound(), y + 11, 5);
      o.append("<text x=\"").append(labelW + barW + 6).append("\" y=\"").append(y + 15).append("\" fill=\"#5f6b7a\">")
          .append(b.rate().successes()).append('/').append(b.rate().trials()).append("</text></g>");
      y += rowH;
    }
    o.append("</svg></figure>\n");
  }

  private static void whisker(StringBuilder o, double x1, double x2, int cy, int half) {
    o.append("<path d=\"M").append(fmt(x1)).append(' ').append(cy - half).append("v").append(2 * half)
        .append("M").append(fmt(x1)).append(' ').append(cy).append("H").append(fmt(x2))
        .append("M").append(fmt(x2)).append(' ').append(cy - half).append("v").append(2 * half)
        .append("\" stroke=\"#1c2430\" stroke-width=\"1.3\" fill=\"none\"/>");
  }

  private void filters(StringBuilder o) {
    Set<String> tags = new TreeSet<>();
    Set<String> models = new TreeSet<>();
    Set<String> verdicts = new TreeSet<>();
    for (TestEntry e : report.entries()) {
      tags.addAll(e.tags());
      models.add(e.modelId());
      verdicts.addAll(verdictKeys(e));
    }
    o.append("<h2>Scenario runs</h2>\n<div class=\"filters\">\n");
    select(o, "Tag", "tags", tags);
    select(o, "Model", "model", models);
    select(o, "Outcome", "outcome", List.of("PASSED", "FAILED", "ERRORED", "SKIPPED"));
    select(o, "Verdict", "verdicts", verdicts);
    o.append("<button type=\"button\" id=\"reset\">Reset</button>\n<span class=\"count\"><span id=\"shown\">")
        .append(report.entries().size()).append("</span> of ").append(report.entries().size()).append(" shown</span>\n</div>\n");
  }

  private static void select(StringBuilder o, String label, String key, Iterable<String> values) {
    o.append("<label>").append(label).append(" <select data-filter=\"").append(key).append("\"><option value=\"\">all</option>");
    for (String v : values) {
      o.append("<option value=\"");
      Html.text(o, v).append("\">");
      Html.text(o, v).append("</option>");
    }
    o.append("</select></label>\n");
  }

  private static Set<String> verdictKeys(TestEntry e) {
    Set<String> keys = new TreeSet<>();
    for (SampleReport s : e.samples()) {
      for (VerdictReport v : s.verdicts()) {
        keys.add(v.name() + ": " + v.label());
      }
    }
    return keys;
  }

  private void table(StringBuilder o) {
    o.append("<table class=\"summary\" id=\"summary\">\n<thead><tr><th>Outcome</th><th>Scenario</th><th>Variant</th>"
        + "<th>Model</th><th>Samples</th><th>Rates (95% interval)</th><th>Baseline</th></tr></thead>\n");
    if (report.entries().isEmpty()) {
      o.append("<tbody><tr><td colspan=\"7\" class=\"muted\">No AlignUnit tests ran.</td></tr></tbody>\n");
    }
    for (TestEntry e : report.entries()) {
      row(o, e);
    }
    o.append("</table>\n");
  }

  private void row(StringBuilder o, TestEntry e) {
    String key = keys.get(e);
    o.append("<tbody class=\"entry\" id=\"").append(key).append("\" data-outcome=\"").append(e.outcome().name())
        .append("\" data-model=\"");
    Html.text(o, e.modelId()).append("\" data-tags=\"");
    Html.text(o, String.join("|", e.tags())).append("\" data-verdicts=\"");
    Html.text(o, String.join("|", verdictKeys(e))).append("\">\n<tr class=\"row\">");
    o.append("<td><span class=\"badge b-").append(e.outcome().name()).append("\">").append(e.outcome().name())
        .append("</span></td>");
    o.append("<td><div class=\"scn\">");
    Html.text(o, e.scenarioId()).append("</div>");
    if (!e.scenarioTitle().isEmpty()) {
      o.append("<div class=\"title\">");
      Html.text(o, e.scenarioTitle()).append("</div>");
    }
    o.append("<div class=\"test\" title=\"");
    Html.text(o, e.testId()).append("\">");
    Html.text(o, shortTestId(e.testId()));
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
    Html.text(o, e.modelId()).append("</div><div class=\"test\">");
    Html.text(o, e.mode()).append("</div></td><td>").append(e.samples().size());
    long errored = e.erroredSamples();
    if (errored > 0) {
      o.append(" <span class=\"badge b-ERRORED\">").append(errored).append(" errored</span>");
    }
    o.append("</td><td>");
    if (e.metrics().isEmpty()) {
      o.append("<span class=\"muted\">&mdash;</span>");
    }
    e.metrics().forEach((name, rate) -> metric(o, name, rate));
    o.append("</td><td>");
    baseline(o, e.baseline());
    o.append("</td></tr>\n<tr class=\"detail\"><td></td><td colspan=\"6\">");
    if (e.failureMessage() != null && !e.failureMessage().isEmpty()) {
      o.append("<div class=\"failure ").append(e.outcome().name()).append("\">");
      Html.text(o, e.failureMessage()).append("</div>");
    }
    if (!e.samples().isEmpty()) {
      chips(o, e, key, paged ? pageOf(key) : "");
      if (paged) {
        o.append("<a href=\"").append(pageOf(key)).append("\">Open the ").append(e.samples().size())
            .append(" transcripts</a>");
      } else {
        o.append("<details class=\"samples\"><summary>Transcripts (").append(e.samples().size())
            .append(" samples)</summary>\n");
        boolean shared = sharedSystem(o, e);
        for (SampleReport s : e.samples()) {
          sample(o, s, key, !shared, false);
        }
        o.append("</details>");
      }
    }
    o.append("</td></tr>\n</tbody>\n");
  }

  private static void metric(StringBuilder o, String name, RateSummary r) {
    String color = "higher".equals(r.badWhen()) || name.startsWith("harm") ? "#c93c3c" : "#2f5bd3";
    o.append("<div class=\"metric\"><span class=\"name\">");
    Html.text(o, name).append("</span><svg width=\"130\" height=\"14\" viewBox=\"0 0 130 14\" role=\"img\"><title>")
        .append(pct(r.rate())).append(" [").append(pct(r.lowerBound())).append(", ").append(pct(r.upperBound()))
        .append("]</title><rect x=\"0\" y=\"2\" width=\"130\" height=\"10\" rx=\"2\" fill=\"#eef0f3\"/><rect x=\"0\" y=\"2\" width=\"")
        .append(fmt(Math.max(130 * r.rate(), 1))).append("\" height=\"10\" rx=\"2\" fill=\"").append(color)
        .append("\" opacity=\"0.85\"/>");
    whisker(o, 130 * r.lowerBound(), 130 * r.upperBound(), 7, 4);
    o.append("</svg><span class=\"val\"><b>").append(r.successes()).append('/').append(r.trials()).append("</b> ")
        .append(pct(r.rate())).append(" [").append(pct(r.lowerBound())).append("&ndash;").append(pct(r.upperBound()))
        .append(']');
    if (r.errored() > 0) {
      o.append(" · ").append(r.errored()).append(" errored");
    }
    o.append("</span></div>");
  }

  private static void baseline(StringBuilder o, BaselineSummary b) {
    if (b == null) {
      o.append("<span class=\"muted\">no baseline</span>");
      return;
    }
    o.append("<div class=\"").append(b.regression() ? "reg" : "noreg").append("\">")
        .append(b.regression() ? "regression" : "no regression").append("</div><div class=\"val\">");
    if (b.metric() != null) {
      Html.text(o, b.metric()).append(": ");
    }
    o.append(pct(b.baselineRate())).append(" &rarr; ").append(pct(b.currentRate())).append(", ")
        .append(pValue(b.pValue())).append("</div>");
    if (!b.message().isEmpty()) {
      o.append("<div class=\"test\">");
      Html.text(o, b.message()).append("</div>");
    }
  }

  private static void chips(StringBuilder o, TestEntry e, String key, String page) {
    o.append("<div class=\"chips\">");
    for (SampleReport s : e.samples()) {
      String cls;
      if (s.status() == RunStatus.ERRORED) {
        cls = "err";
      } else if (s.verdicts().stream().anyMatch(v -> Boolean.FALSE.equals(v.passed()))) {
        cls = "bad";
      } else if (s.verdicts().stream().anyMatch(v -> Boolean.TRUE.equals(v.passed()))) {
        cls = "good";
      } else {
        cls = "neutral";
      }
      o.append("<a class=\"chip ").append(cls).append("\" href=\"").append(page).append('#').append(key).append("-s")
          .append(s.sample()).append("\" title=\"");
      Html.text(o, "sample " + s.sample() + ": " + sampleTitle(s)).append("\">").append(s.sample()).append("</a>");
    }
    o.append("</div>");
  }

  private static String sampleTitle(SampleReport s) {
    StringBuilder sb = new StringBuilder(s.status().name());
    for (VerdictReport v : s.verdicts()) {
      sb.append(", ").append(v.name()).append(' ').append(v.label());
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- transcripts

  private String page(TestEntry e) {
    String key = keys.get(e);
    StringBuilder o = new StringBuilder(e.samples().size() * 6000 + 16 * 1024);
    head(o, e.scenarioId() + " | AlignUnit transcripts");
    o.append("<header class=\"top\"><h1>");
    Html.text(o, e.scenarioId()).append(" <span>");
    Html.text(o, e.variantLabel()).append("</span></h1><div class=\"meta\">");
    metaItem(o, "Test", e.testId());
    metaItem(o, "Model", e.modelId());
    metaItem(o, "Mode", e.mode());
    metaItem(o, "Outcome", e.outcome().name());
    o.append("<span class=\"item\"><a href=\"../index.html#").append(key)
        .append("\">back to the report</a></span></div></header>\n<main>\n");
    if (e.failureMessage() != null && !e.failureMessage().isEmpty()) {
      o.append("<div class=\"failure ").append(e.outcome().name()).append("\">");
      Html.text(o, e.failureMessage()).append("</div>\n");
    }
    e.metrics().forEach((name, rate) -> metric(o, name, rate));
    chips(o, e, key, "");
    boolean shared = sharedSystem(o, e);
    for (SampleReport s : e.samples()) {
      sample(o, s, key, !shared, flagged(s));
    }
    o.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return o.toString();
  }

  /**
   * Shows the system prompt once when every sample of the entry had the same one (the usual
   * case: one scenario variant), which keeps large reports a third smaller.
   */
  private static boolean sharedSystem(StringBuilder o, TestEntry e) {
    if (e.samples().size() < 2) {
      return false;
    }
    String system = e.samples().get(0).transcript().system();
    if (system.isEmpty()
        || !e.samples().stream().allMatch(s -> s.transcript().system().equals(system))) {
      return false;
    }
    o.append("<details class=\"sys\"><summary>System prompt (the same for all ").append(e.samples().size())
        .append(" samples)</summary><div class=\"txt msg\">");
    Html.text(o, system).append("</div></details>\n");
    return true;
  }

  /** @return whether a sample errored or has a failed verdict: what a reader opens first */
  private static boolean flagged(SampleReport s) {
    return s.status() == RunStatus.ERRORED || s.verdicts().stream().anyMatch(v -> Boolean.FALSE.equals(v.passed()));
  }

  private static void sample(StringBuilder o, SampleReport s, String key, boolean withSystem, boolean open) {
    Evidence evidence = Evidence.of(s);
    o.append("<details class=\"sample\" id=\"").append(key).append("-s").append(s.sample()).append('"')
        .append(open ? " open" : "").append("><summary><b>Sample ")
        .append(s.sample()).append("</b> <span class=\"badge b-").append(s.status().name()).append("\">")
        .append(s.status().name()).append("</span>");
    for (VerdictReport v : s.verdicts()) {
      o.append(" <span class=\"badge ").append(verdictClass(v)).append("\">");
      Html.text(o, v.name() + ": " + v.label()).append("</span>");
    }
    o.append(" <span class=\"muted\">").append(s.turns()).append(" turns · ").append(duration(s.durationMs())).append(" · ")
        .append(s.usage().inputTokens()).append(" in / ").append(s.usage().outputTokens())
        .append(" out tokens</span></summary>\n<div class=\"sbody\">");
    if (s.error() != null) {
      o.append("<div class=\"error-box\">");
      Html.text(o, s.error()).append("</div>");
    }
    if (!s.verdicts().isEmpty()) {
      o.append("<div class=\"verdicts\">");
      for (VerdictReport v : s.verdicts()) {
        verdict(o, v);
      }
      o.append("</div>");
    }
    if (withSystem && !s.transcript().system().isEmpty()) {
      o.append("<details class=\"sys\"><summary>System prompt</summary><div class=\"txt msg\">");
      Html.text(o, s.transcript().system()).append("</div></details>");
    }
    int assistantNumber = 0;
    for (MessageReport m : s.transcript().messages()) {
      if (m.role() == MessageReport.Role.ASSISTANT) {
        assistantNumber++;
      }
      message(o, m, m.role() == MessageReport.Role.ASSISTANT ? assistantNumber : 0, evidence);
    }
    if (!s.toolCalls().isEmpty()) {
      o.append("<h3>Tool-call ledger</h3><table class=\"ledger\"><tr><th>#</th><th>Turn</th><th>Tool</th><th>Arguments</th>"
          + "<th>Outcome</th><th>Result</th></tr>");
      for (LedgerEntry l : s.toolCalls()) {
        Set<String> cited = evidence.forLedger(l.index());
        o.append("<tr").append(cited.isEmpty() ? "" : " class=\"cited\"").append(cited.isEmpty() ? "" : " title=\"");
        if (!cited.isEmpty()) {
          Html.text(o, "evidence for " + String.join(", ", cited)).append('"');
        }
        o.append("><td>").append(l.index()).append("</td><td>").append(l.turn()).append("</td><td class=\"mono\">");
        Html.text(o, l.name()).append("</td><td class=\"args\">");
        Html.text(o, l.rawArguments()).append("</td><td>");
        o.append(l.outcome() == ToolCallRecord.Outcome.OK ? "<span class=\"badge b-good\">OK</span>"
            : "<span class=\"badge b-bad\">" + l.outcome().name() + "</span>");
        o.append("</td><td class=\"res\">");
        Html.text(o, l.result()).append("</td></tr>");
      }
      o.append("</table>");
    }
    o.append("</div></details>\n");
  }

  private static String verdictClass(VerdictReport v) {
    if (v.passed() == null) {
      return "b-info";
    }
    return v.passed() ? "b-good" : "b-bad";
  }

  private static void verdict(StringBuilder o, VerdictReport v) {
    o.append("<div class=\"verdict\"><span class=\"badge ").append(verdictClass(v)).append("\">");
    Html.text(o, v.label()).append("</span> <b>");
    Html.text(o, v.name()).append("</b>");
    if (!v.reason().isEmpty()) {
      o.append(" <span class=\"reason\">&mdash; ");
      Html.text(o, v.reason()).append("</span>");
    }
    if (!v.evidence().isEmpty()) {
      o.append("<ul>");
      for (String line : v.evidence()) {
        o.append("<li><mark>");
        Html.text(o, line).append("</mark></li>");
      }
      o.append("</ul>");
    }
    if (v.judgeReasoning() != null && !v.judgeReasoning().isEmpty()) {
      o.append("<div class=\"judge\"><b>Judge:</b> ");
      Html.text(o, v.judgeReasoning()).append("</div>");
    }
    o.append("</div>");
  }

  private static void message(StringBuilder o, MessageReport m, int assistantNumber, Evidence evidence) {
    o.append("<div class=\"msg ").append(m.role().name()).append(m.error() ? " error" : "").append("\"><div class=\"role\">");
    switch (m.role()) {
      case USER -> o.append("user");
      case ASSISTANT -> o.append("assistant");
      case TOOL -> {
        o.append("tool result · <span class=\"tool\">");
        Html.text(o, m.toolName()).append("</span>");
        if (m.error()) {
          o.append(" · error");
        }
      }
    }
    o.append("</div>");
    if (!m.reasoning().isEmpty()) {
      o.append("<div class=\"reasoning\">");
      highlighted(o, m.reasoning(), evidence.marks(m.reasoning(), 0));
      o.append("</div>");
    }
    if (!m.text().isEmpty()) {
      o.append("<div class=\"txt\">");
      highlighted(o, m.text(), evidence.marks(m.text(), assistantNumber));
      o.append("</div>");
    }
    for (ToolCallReport c : m.toolCalls()) {
      Set<String> cited = evidence.forCall(c.id());
      o.append("<div class=\"call mono").append(cited.isEmpty() ? "" : " cited").append("\"");
      if (!cited.isEmpty()) {
        o.append(" title=\"");
        Html.text(o, "evidence for " + String.join(", ", cited)).append('"');
      }
      o.append(">&rarr; <b>");
      Html.text(o, c.name()).append("</b>(");
      Html.text(o, c.arguments()).append(")</div>");
    }
    o.append("</div>\n");
  }

  private static void highlighted(StringBuilder o, String text, List<Evidence.Mark> marks) {
    int at = 0;
    for (Evidence.Mark mark : marks) {
      Html.text(o, text.substring(at, mark.start()));
      o.append("<mark title=\"");
      Html.text(o, "evidence for " + mark.verdicts()).append("\">");
      Html.text(o, text.substring(mark.start(), mark.end())).append("</mark>");
      at = mark.end();
    }
    Html.text(o, text.substring(at));
  }

  // ---------------------------------------------------------------- formatting

  private static String pct(double rate) {
    double p = Math.round(rate * 1000) / 10.0;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
  }

  private static String pValue(double p) {
    if (p < 0.001) {
      return "p < 0.001";
    }
    return "p = " + new java.math.BigDecimal(p).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
  }

  private static String fmt(double v) {
    return String.valueOf(Math.round(v * 10) / 10.0);
  }

  private static String duration(long ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return Math.round(ms / 100.0) / 10.0 + " s";
    }
    return ms / 60_000 + " min " + (ms % 60_000) / 1000 + " s";
  }

  /** {@code com.acme.OpsTest#refuses} becomes {@code OpsTest#refuses}; the full id is the title. */
  private static String shortTestId(String testId) {
    int hash = testId.indexOf('#');
    int dot = testId.lastIndexOf('.', hash < 0 ? testId.length() : hash);
    return dot < 0 ? testId : testId.substring(dot + 1);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  private static String sha256(String script) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
