package dev.alignunit.report;

import dev.alignunit.report.internal.AtomicFiles;
import dev.alignunit.report.internal.HtmlRenderer;
import dev.alignunit.report.internal.ReportJson;
import dev.alignunit.report.internal.ReportJsonReader;
import dev.alignunit.report.internal.ReportJsonWriter;
import dev.alignunit.report.internal.StoredSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apiguardian.api.API;

/**
 * Writes a {@link RunReport} as {@value #RESULTS_JSON} and {@value #INDEX_HTML}, each atomically
 * (temporary file, then move), so a reader never sees half a report.
 *
 * <p>Up to {@link #inlineSampleLimit()} samples, {@code index.html} holds every transcript and is
 * the only HTML file. Above it, each entry's transcripts go to {@code
 * transcripts/<entry-key>.html}, linked from the index, which keeps the index small (10,000
 * samples: a few MB) and fast to open.
 *
 * <pre>{@code
 * ReportWriter.defaults().write(report, Path.of("target/alignunit"));
 * RunReport again = ReportWriter.readJson(Path.of("target/alignunit/results.json"));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReportWriter {

  /** The machine-readable results file. */
  public static final String RESULTS_JSON = "results.json";

  /** The HTML report. */
  public static final String INDEX_HTML = "index.html";

  /** Default of {@link #inlineSampleLimit()}. */
  public static final int DEFAULT_INLINE_SAMPLE_LIMIT = 1000;

  private final int inlineSampleLimit;

  private ReportWriter(int inlineSampleLimit) {
    if (inlineSampleLimit < 0) {
      throw new IllegalArgumentException(
          "inlineSampleLimit must be >= 0, got " + inlineSampleLimit);
    }
    this.inlineSampleLimit = inlineSampleLimit;
  }

  /**
   * @return a writer that inlines transcripts up to {@value #DEFAULT_INLINE_SAMPLE_LIMIT} samples
   */
  public static ReportWriter defaults() {
    return new ReportWriter(DEFAULT_INLINE_SAMPLE_LIMIT);
  }

  /**
   * A writer with another inline limit.
   *
   * @param limit the most samples whose transcripts are inlined in {@code index.html}; 0 always
   *     pages them
   * @return the writer
   */
  public ReportWriter withInlineSampleLimit(int limit) {
    return new ReportWriter(limit);
  }

  /**
   * @return the most samples whose transcripts are inlined in {@code index.html}
   */
  public int inlineSampleLimit() {
    return inlineSampleLimit;
  }

  /**
   * Writes {@code results.json}, {@code index.html} and, for large reports, the transcript pages.
   *
   * @param report the report
   * @param reportDir the directory, created if needed
   * @return the written {@code index.html}
   * @throws ReportException when a file cannot be written
   */
  public Path write(RunReport report, Path reportDir) {
    writeAndRelocate(report, reportDir);
    return reportDir.resolve(INDEX_HTML);
  }

  /**
   * Writes the report as {@link #write} does and returns it reading the samples of large entries
   * from the written {@code results.json}: the files they were merged from may be deleted next.
   */
  RunReport writeAndRelocate(RunReport report, Path reportDir) {
    Map<StoredSamples, StoredSamples> moved = new IdentityHashMap<>();
    // The two files are independent; on a multi-core machine writing them side by side halves the
    // wait.
    CompletableFuture<Void> json =
        CompletableFuture.runAsync(
            () -> moved.putAll(writeJsonRelocating(report, reportDir.resolve(RESULTS_JSON))));
    Path index;
    try {
      index = writeHtml(report, reportDir);
    } finally {
      try {
        json.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
    }
    if (moved.isEmpty()) {
      return report;
    }
    return new RunReport(
        report.formatVersion(),
        report.metadata(),
        report.entries().stream()
            .map(
                e ->
                    e.samples() instanceof StoredSamples stored && moved.containsKey(stored)
                        ? e.withSamples(moved.get(stored))
                        : e)
            .toList());
  }

  /**
   * Writes {@code results.json}: pretty-printed, keys in a stable order, nulls omitted.
   *
   * @param report the report
   * @param file the file
   * @throws ReportException when the file cannot be written
   */
  public static void writeJson(RunReport report, Path file) {
    writeJsonRelocating(report, file);
  }

  private static Map<StoredSamples, StoredSamples> writeJsonRelocating(
      RunReport report, Path file) {
    Objects.requireNonNull(report, "report");
    Map<StoredSamples, StoredSamples> moved = new IdentityHashMap<>();
    try {
      AtomicFiles.write(
          file,
          out -> {
            long[] written = new long[1];
            java.io.OutputStream counting =
                new java.io.FilterOutputStream(out) {
                  @Override
                  public void write(int b) throws IOException {
                    out.write(b);
                    written[0]++;
                  }

                  @Override
                  public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    written[0] += len;
                  }
                };
            moved.putAll(
                StoredSamples.Relocation.collect(
                    file.toAbsolutePath(),
                    () -> written[0],
                    o -> {
                      ReportJsonWriter.writePretty(report, o);
                      o.write('\n');
                    },
                    counting));
            counting.flush();
          });
      return moved;
    } catch (UncheckedIOException e) {
      throw new ReportException(
          "Could not write the AlignUnit results to " + file + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (IOException e) {
      throw new ReportException(
          "Could not write the AlignUnit results to "
              + file
              + ": "
              + e.getMessage()
              + ". Check that the directory is writable (alignunit.report.dir).",
          e);
    }
  }

  /**
   * The JSON of a report, as written to {@code results.json}.
   *
   * @param value a report or any report record
   * @return the pretty JSON text, ending with a newline
   */
  public static String toJson(Object value) {
    try {
      // The report's records without data binding (the same bytes); anything else with it.
      return (ReportJsonWriter.handles(value)
              ? ReportJsonWriter.pretty(value)
              : ReportJson.pretty().writeValueAsString(value))
          + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a {@code results.json}.
   *
   * @param file the file
   * @return the report
   * @throws ReportException when the file cannot be read or is not a results file of a format this
   *     library reads
   */
  public static RunReport readJson(Path file) {
    try {
      RunReport report = ReportJsonReader.read(file, RunReport.class);
      if (report.formatVersion() > RunReport.FORMAT_VERSION) {
        throw new ReportException(
            file
                + " has results format "
                + report.formatVersion()
                + ", but this AlignUnit "
                + "reads up to format "
                + RunReport.FORMAT_VERSION
                + ". Upgrade AlignUnit to read it.",
            null);
      }
      return report;
    } catch (IOException e) {
      throw new ReportException(
          "Could not read AlignUnit results " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code index.html} and, above the inline limit, {@code transcripts/*.html}.
   *
   * @param report the report
   * @param reportDir the directory, created if needed
   * @return the written {@code index.html}
   * @throws ReportException when a file cannot be written
   */
  public Path writeHtml(RunReport report, Path reportDir) {
    Objects.requireNonNull(report, "report");
    Path index = reportDir.resolve(INDEX_HTML);
    try {
      Path transcripts = reportDir.resolve(HtmlRenderer.TRANSCRIPTS_DIR);
      Set<Path> written = new HashSet<>();
      HtmlRenderer.renderPages(
          report,
          inlineSampleLimit,
          (path, content) -> {
            if (path.equals(INDEX_HTML)) {
              deleteOldPages(transcripts, written);
            } else {
              written.add(reportDir.resolve(path).getFileName());
            }
            AtomicFiles.write(
                reportDir.resolve(path),
                out -> {
                  java.io.Writer writer = new dev.alignunit.report.internal.Utf8Writer(out);
                  content.writeTo(writer);
                  writer.flush();
                });
          });
      return index;
    } catch (IOException | UncheckedIOException e) {
      IOException cause =
          e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
      throw new ReportException(
          "Could not write the AlignUnit HTML report to "
              + reportDir
              + ": "
              + cause.getMessage()
              + ". Check that the directory is writable (alignunit.report.dir).",
          cause);
    }
  }

  /** Pages of an earlier run that this report does not link would only confuse readers. */
  private static void deleteOldPages(Path transcripts, Set<Path> written) throws IOException {
    if (!Files.isDirectory(transcripts)) {
      return;
    }
    try (var files = Files.list(transcripts)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().endsWith(".html") && !written.contains(f.getFileName())) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /**
   * The anchor of an entry in {@code index.html}, to link a test to its row: {@code
   * index.html#<anchor>}. Stable for the same test, display name, scenario, variant, model and
   * mode.
   *
   * @param entry the entry
   * @return the anchor, without {@code #}
   */
  public static String anchorOf(TestEntry entry) {
    return HtmlRenderer.entryKey(entry);
  }
}
