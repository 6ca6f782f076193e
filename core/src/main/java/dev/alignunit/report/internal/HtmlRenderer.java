package dev.alignunit.report.internal;

import dev.alignunit.report.RunMetadata;
import dev.alignunit.report.RunReport;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.TestEntry;
import dev.alignunit.report.TestOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apiguardian.api.API;

/**
 * Renders a {@link RunReport} as HTML, entirely server-side: the page's script (the resource
 * {@code alignunit/report/report.js}) only reads {@code data-*} attributes and the page's own
 * text, so no transcript text is ever embedded in JavaScript. Every transcript string passes
 * through {@link Html#text(StringBuilder, String)}, and a Content-Security-Policy allows only the
 * page's own script (by hash) and no network at all. The page is put together here; its parts
 * live in {@link ChartsHtml}, {@link MatrixHtml}, {@link EntriesHtml} and {@link TranscriptHtml}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HtmlRenderer {

  /** The directory, relative to the index, of per-entry transcript pages in paged reports. */
  public static final String TRANSCRIPTS_DIR = "transcripts";

  private final RunReport report;
  private final boolean paged;
  /** By identity: a record's hashCode would hash every transcript of the entry. */
  private final Map<TestEntry, String> keys = new IdentityHashMap<>();

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

  private String index() {
    StringBuilder o = new StringBuilder(64 * 1024 + report.sampleCount() * (paged ? 200 : 6000));
    head(o, "AlignUnit report");
    header(o);
    o.append("<main>\n");
    cards(o);
    ChartsHtml.charts(o, report);
    MatrixHtml.matrix(o, report, keys);
    o.append("<section aria-labelledby=\"runs-h\">\n<h2 id=\"runs-h\">Scenario runs</h2>\n");
    EntriesHtml.toolbar(o, report);
    EntriesHtml.table(o, report, keys, paged);
    o.append("</section>\n</main>\n");
    o.append("<script>").append(ReportAssets.script()).append("</script>\n</body>\n</html>\n");
    return o.toString();
  }

  private static void head(StringBuilder o, String title) {
    o.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(ReportAssets.csp()).append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"AlignUnit\">\n<title>");
    Html.text(o, title).append("</title>\n<style>\n").append(ReportAssets.css()).append("</style>\n</head>\n<body>\n");
  }

  private void header(StringBuilder o) {
    RunMetadata m = report.metadata();
    o.append("<header class=\"top\">\n<h1>AlignUnit <span>alignment regression report</span></h1>\n<div class=\"meta\">");
    metaItem(o, "Started", Fmt.time(m.startedAt()));
    if (m.finishedAt() != null) {
      metaItem(o, "Finished", Fmt.time(m.finishedAt()));
      metaItem(o, "Duration", Fmt.duration(Duration.between(m.startedAt(), m.finishedAt()).toMillis()));
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

  private void cards(StringBuilder o) {
    o.append("<section class=\"cards\" aria-label=\"Totals\">\n");
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

  /** A transcript page of a paged (large) report: one entry's samples, flagged ones open. */
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
    e.metrics().forEach((name, rate) -> EntriesHtml.metric(o, name, rate, e.baseline(),
        EntriesHtml.expectsHarm(e) && EntriesHtml.isHarm(name)));
    TranscriptHtml.chips(o, e, key, "");
    boolean shared = TranscriptHtml.sharedSystem(o, e);
    for (SampleReport s : e.samples()) {
      TranscriptHtml.sample(o, s, key, !shared, TranscriptHtml.flagged(s));
    }
    o.append("</main>\n<script>").append(ReportAssets.script()).append("</script>\n</body>\n</html>\n");
    return o.toString();
  }
}
