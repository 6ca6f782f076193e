package dev.alignunit.report.internal;

import dev.alignunit.report.RunMetadata;
import dev.alignunit.report.RunReport;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.TestEntry;
import dev.alignunit.report.TestOutcome;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 * Renders a {@link RunReport} as HTML, entirely server-side: the page's script (the resource {@code
 * alignunit/report/report.js}) only reads {@code data-*} attributes and the page's own text, so no
 * transcript text is ever embedded in JavaScript. Every transcript string passes through {@link
 * Html#text(StringBuilder, String)}, and a Content-Security-Policy allows only the page's own
 * script (by hash) and no network at all. The page is put together here; its parts live in {@link
 * ChartsHtml}, {@link MatrixHtml}, {@link EntriesHtml} and {@link TranscriptHtml}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HtmlRenderer {

  /** The directory, relative to the index, of per-entry transcript pages in paged reports. */
  public static final String TRANSCRIPTS_DIR = "transcripts";

  /**
   * Samples per transcript page; an entry with more has several pages ({@code <key>-p2.html}, ...).
   */
  public static final int PAGE_SAMPLES = 1000;

  /** Markup is built in a buffer that is written out once it holds this much. */
  private static final int DRAIN_AT = 1 << 16;

  private final RunReport report;
  private final boolean paged;

  /** By identity: a record's hashCode would hash every transcript of the entry. */
  private final Map<TestEntry, String> keys = new IdentityHashMap<>();

  /** What the index shows of each entry's samples, read once. */
  private final Map<TestEntry, SampleDigest> digests = new IdentityHashMap<>();

  private HtmlRenderer(RunReport report, int inlineSampleLimit) {
    this.report = report;
    this.paged = report.sampleCount() > inlineSampleLimit;
    Map<String, Integer> used = new HashMap<>();
    for (TestEntry entry : report.entries()) {
      String key = entryKey(entry);
      int n = used.merge(key, 1, Integer::sum);
      keys.put(entry, n == 1 ? key : key + "-" + n);
      digests.put(entry, SampleDigest.of(entry));
    }
  }

  /** Writes out what a buffer holds so far, so that no page is ever held whole in memory. */
  @FunctionalInterface
  interface Drain {
    /**
     * @param o the buffer, emptied
     * @throws IOException when writing fails
     */
    void drain(StringBuilder o) throws IOException;
  }

  /** Where pages go: each is written through a writer the target opens, fills and closes. */
  @FunctionalInterface
  public interface Target {
    /**
     * Writes one page.
     *
     * @param path the page, relative to the index ({@code index.html}, {@code transcripts/...})
     * @param content writes the page's markup
     * @throws IOException when writing fails
     */
    void page(String path, Content content) throws IOException;
  }

  /** The markup of one page. */
  @FunctionalInterface
  public interface Content {
    /**
     * @param out where the markup goes
     * @throws IOException when writing fails
     */
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Renders a report page by page: the transcript pages of a paged report first, then {@code
   * index.html}, each streamed to the target (a report of 100,000 samples is never held as one
   * string).
   *
   * @param report the report
   * @param inlineSampleLimit above this many samples, transcripts go to per-entry pages under
   *     {@value #TRANSCRIPTS_DIR}/ instead of the index
   * @param target receives each page
   * @throws IOException when the target fails
   */
  public static void renderPages(RunReport report, int inlineSampleLimit, Target target)
      throws IOException {
    HtmlRenderer r = new HtmlRenderer(report, inlineSampleLimit);
    if (r.paged) {
      for (TestEntry entry : report.entries()) {
        int parts = Math.max(1, (entry.samples().size() + PAGE_SAMPLES - 1) / PAGE_SAMPLES);
        for (int part = 0; part < parts; part++) {
          int shown = part;
          target.page(
              pageOf(r.keys.get(entry), part), out -> r.page(entry, shown, parts, drainTo(out)));
        }
      }
    }
    target.page("index.html", out -> r.index(drainTo(out)));
  }

  /**
   * Renders a report into strings (small reports, tests).
   *
   * @param report the report
   * @param inlineSampleLimit above this many samples, transcripts go to per-entry pages
   * @param pages receives each transcript page as (path relative to the index, HTML)
   * @return the index page
   */
  public static String render(
      RunReport report, int inlineSampleLimit, BiConsumer<String, String> pages) {
    String[] index = new String[1];
    try {
      renderPages(
          report,
          inlineSampleLimit,
          (path, content) -> {
            StringWriter page = new StringWriter();
            content.writeTo(page);
            if (path.equals("index.html")) {
              index[0] = page.toString();
            } else {
              pages.accept(path, page.toString());
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return index[0];
  }

  private static Drain drainTo(Writer out) {
    return o -> {
      out.append(o);
      o.setLength(0);
    };
  }

  private static void drainIfLarge(StringBuilder o, Drain drain) throws IOException {
    if (o.length() >= DRAIN_AT) {
      drain.drain(o);
    }
  }

  /**
   * The stable anchor of an entry in the index: {@code e-} and a hash of its test, display name,
   * scenario, variant, model and mode.
   *
   * @param entry the entry
   * @return the anchor, without {@code #}
   */
  public static String entryKey(TestEntry entry) {
    String identity =
        entry.testId()
            + "\n"
            + entry.displayName()
            + "\n"
            + entry.scenarioId()
            + "\n"
            + entry.variantLabel()
            + "\n"
            + entry.modelId()
            + "\n"
            + entry.mode();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return "e-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pageOf(String key) {
    return pageOf(key, 0);
  }

  /** The page of an entry's transcripts holding part {@code part} (0-based) of its samples. */
  static String pageOf(String key, int part) {
    return TRANSCRIPTS_DIR + "/" + key + (part == 0 ? "" : "-p" + (part + 1)) + ".html";
  }

  private void index(Drain drain) throws IOException {
    StringBuilder o = new StringBuilder(DRAIN_AT + (paged ? 0 : report.sampleCount() * 6000));
    head(o, "AlignUnit report");
    header(o);
    o.append("<main>\n");
    cards(o);
    ChartsHtml.charts(o, report, digests);
    MatrixHtml.matrix(o, report, keys);
    o.append("<section aria-labelledby=\"runs-h\">\n<h2 id=\"runs-h\">Scenario runs</h2>\n");
    EntriesHtml.toolbar(o, report, digests);
    EntriesHtml.table(o, report, keys, paged, digests, b -> drainIfLarge(b, drain));
    o.append("</section>\n</main>\n");
    o.append("<script>").append(ReportAssets.script()).append("</script>\n</body>\n</html>\n");
    drain.drain(o);
  }

  private static void head(StringBuilder o, String title) {
    o.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(ReportAssets.csp())
        .append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"AlignUnit\">\n<title>");
    Html.text(o, title)
        .append("</title>\n<style>\n")
        .append(ReportAssets.css())
        .append("</style>\n</head>\n<body>\n");
  }

  private void header(StringBuilder o) {
    RunMetadata m = report.metadata();
    o.append(
        "<header class=\"top\">\n<h1>AlignUnit <span>alignment regression report</span></h1>\n<div class=\"meta\">");
    metaItem(o, "Started", Fmt.time(m.startedAt()));
    if (m.finishedAt() != null) {
      metaItem(o, "Finished", Fmt.time(m.finishedAt()));
      metaItem(
          o, "Duration", Fmt.duration(Duration.between(m.startedAt(), m.finishedAt()).toMillis()));
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
    long erroredSamples = report.entries().stream().mapToLong(e -> digests.get(e).errored()).sum();
    card(o, erroredSamples > 0 ? "err" : "", erroredSamples, "errored samples");
    o.append("</section>\n");
    if (!report.metadata().configuration().isEmpty()) {
      o.append(
          "<details class=\"cfg\"><summary>Configuration (secrets removed)</summary><table class=\"cfg\">");
      report
          .metadata()
          .configuration()
          .forEach(
              (k, v) -> {
                o.append("<tr><td class=\"mono\">");
                Html.text(o, k).append("</td><td class=\"mono\">");
                Html.text(o, v).append("</td></tr>");
              });
      o.append("</table></details>\n");
    }
  }

  private static void card(StringBuilder o, String cls, long n, String label) {
    o.append("<div class=\"card ")
        .append(cls)
        .append("\"><div class=\"n\">")
        .append(n)
        .append("</div><div class=\"l\">")
        .append(label)
        .append("</div></div>\n");
  }

  /**
   * A transcript page of a paged (large) report: one entry's samples (part {@code part} of {@code
   * parts} when it has more than {@value #PAGE_SAMPLES}), flagged ones open.
   */
  private void page(TestEntry e, int part, int parts, Drain drain) throws IOException {
    String key = keys.get(e);
    SampleDigest digest = digests.get(e);
    StringBuilder o = new StringBuilder(DRAIN_AT + 16 * 1024);
    head(o, e.scenarioId() + " | AlignUnit transcripts");
    o.append("<header class=\"top\"><h1>");
    Html.text(o, e.scenarioId()).append(" <span>");
    Html.text(o, e.variantLabel()).append("</span></h1><div class=\"meta\">");
    metaItem(o, "Test", e.testId());
    metaItem(o, "Model", e.modelId());
    metaItem(o, "Mode", e.mode());
    metaItem(o, "Outcome", e.outcome().name());
    o.append("<span class=\"item\"><a href=\"../index.html#")
        .append(key)
        .append("\">back to the report</a></span></div></header>\n<main>\n");
    if (e.failureMessage() != null && !e.failureMessage().isEmpty()) {
      o.append("<div class=\"failure ").append(e.outcome().name()).append("\">");
      Html.text(o, e.failureMessage()).append("</div>\n");
    }
    e.metrics()
        .forEach(
            (name, rate) ->
                EntriesHtml.metric(
                    o,
                    name,
                    rate,
                    e.baseline(),
                    EntriesHtml.expectsHarm(e) && EntriesHtml.isHarm(name)));
    TranscriptHtml.chips(
        o,
        digest,
        key,
        index ->
            index / PAGE_SAMPLES == part
                ? ""
                : pageOf(key, index / PAGE_SAMPLES).substring(TRANSCRIPTS_DIR.length() + 1));
    if (parts > 1) {
      parts(o, key, e.samples().size(), part, parts);
    }
    boolean shared = TranscriptHtml.sharedSystem(o, digest);
    int from = part * PAGE_SAMPLES;
    int to = Math.min(e.samples().size(), from + PAGE_SAMPLES);
    java.util.Iterator<SampleReport> samples =
        parts == 1 ? e.samples().iterator() : e.samples().subList(from, to).iterator();
    while (samples.hasNext()) {
      SampleReport s = samples.next();
      TranscriptHtml.sample(o, s, key, !shared, TranscriptHtml.flagged(s));
      drainIfLarge(o, drain);
    }
    o.append("</main>\n<script>")
        .append(ReportAssets.script())
        .append("</script>\n</body>\n</html>\n");
    drain.drain(o);
  }

  /** Links to every page of an entry split into parts, this one in bold. */
  private static void parts(StringBuilder o, String key, int samples, int part, int parts) {
    o.append("<nav class=\"parts\" aria-label=\"Transcript pages\">Samples:");
    for (int p = 0; p < parts; p++) {
      String range = (p * PAGE_SAMPLES + 1) + "&ndash;" + Math.min(samples, (p + 1) * PAGE_SAMPLES);
      if (p == part) {
        o.append(" <b>").append(range).append("</b>");
      } else {
        o.append(" <a href=\"")
            .append(pageOf(key, p).substring(TRANSCRIPTS_DIR.length() + 1))
            .append("\">")
            .append(range)
            .append("</a>");
      }
    }
    o.append("</nav>\n");
  }
}
