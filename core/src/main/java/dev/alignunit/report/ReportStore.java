package dev.alignunit.report;

import dev.alignunit.internal.StaleTemporaryFiles;
import dev.alignunit.report.internal.EntryFiles;
import dev.alignunit.report.internal.RunDirectory;
import dev.alignunit.report.internal.RunIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The report of a run as it happens: every finished test is flushed to its own file at once, and
 * when a fork (or a launcher session) of the run finishes, everything the run recorded so far is
 * merged into {@code results.json} and {@code index.html}. A crash or an interrupted run therefore
 * loses at most the test that was running, and two forks never overwrite each other.
 *
 * <h2>Layout of the report directory</h2>
 *
 * <pre>
 * target/alignunit/                      alignunit.report.dir
 *   results.json                         merged results of the run (schema: results.schema.json)
 *   index.html                           the HTML report
 *   transcripts/&lt;entry&gt;.html             per-entry transcript pages, large runs only
 *   entries/&lt;run-id&gt;/&lt;fork-id&gt;/fork.json        the fork's metadata, finishedAt set when done
 *   entries/&lt;run-id&gt;/&lt;fork-id&gt;/000001-&lt;entry&gt;.json  one finished test entry, written atomically
 * </pre>
 *
 * <p>Each fork writes only below its own {@code <fork-id>} directory. {@link #finish()} marks the
 * fork finished and, under a file lock (in the temporary directory, never deleted), merges the
 * entries of every fork of the run with those an earlier merge of the same run left in {@code
 * results.json} (which records the run id); then it removes the fork's files, and the last fork
 * removes {@code entries/} altogether. Since every fork merges after writing its last entry, the
 * fork that finishes last writes a report holding all of them, whatever the number of forks, their
 * reuse, or the order they start in.
 *
 * <h2>Use from a test framework</h2>
 *
 * <pre>{@code
 * // once per JVM and report directory: every launcher session of the JVM shares the store
 * ReportStore store = ReportStore.shared(Path.of("target/alignunit"), ReportStore.inferRunId(),
 *     ReportStore.inferForkId(), () -> RunMetadata.startingNow(models, modes, configuration));
 * // before the assertions of a test (for failure messages):
 * String where = store.linkFor(entry);           // /abs/target/alignunit/index.html#e-3fa2...
 * // after each test
 * store.record(entry);
 * // when the session ends (a later record() reopens the fork)
 * RunReport merged = store.finish();
 * System.out.println(store.summaryLine(merged));
 * }</pre>
 *
 * <p>Thread-safe: tests running in parallel in one JVM may record concurrently.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReportStore implements AutoCloseable {

  /** The directory, relative to the report directory, holding the entries of each run. */
  public static final String ENTRIES_DIR = RunDirectory.ENTRIES_DIR;

  /** The metadata file of a fork. */
  public static final String FORK_FILE = RunDirectory.FORK_FILE;

  /**
   * The stores of this JVM by report directory and run: launcher sessions come and go, the run
   * stays.
   */
  private static final Map<String, ReportStore> SHARED = new ConcurrentHashMap<>();

  private final Path reportDir;
  private final String runId;
  private final String forkId;
  private final ForkEntries fork;
  private Thread shutdownHook;

  private ReportStore(
      Path reportDir, String runId, String forkId, RunMetadata metadata, ReportWriter writer) {
    this.reportDir = reportDir;
    this.runId = runId;
    this.forkId = forkId;
    this.fork = new ForkEntries(reportDir, runId, forkId, metadata, writer);
  }

  /**
   * Opens the store of one fork: removes stale entry directories of earlier runs and of an earlier
   * JVM with the same fork id, and writes the fork's {@code fork.json}.
   *
   * @param reportDir the report directory ({@code alignunit.report.dir})
   * @param runId identifies the run; every fork of one run must use the same id (see {@link
   *     #inferRunId()})
   * @param forkId identifies this JVM within the run; unique per fork (see {@link #inferForkId()})
   * @param metadata the run's metadata as this fork knows it
   * @return the store
   * @throws ReportException when the directory cannot be written
   */
  public static ReportStore open(
      Path reportDir, String runId, String forkId, RunMetadata metadata) {
    return open(reportDir, runId, forkId, metadata, ReportWriter.defaults());
  }

  /**
   * Opens the store of one fork, writing with the given writer.
   *
   * @param reportDir the report directory ({@code alignunit.report.dir})
   * @param runId identifies the run; every fork of one run must use the same id
   * @param forkId identifies this JVM within the run
   * @param metadata the run's metadata as this fork knows it
   * @param writer writes the merged report
   * @return the store
   * @throws ReportException when the directory cannot be written
   */
  public static ReportStore open(
      Path reportDir, String runId, String forkId, RunMetadata metadata, ReportWriter writer) {
    Objects.requireNonNull(reportDir, "reportDir");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(writer, "writer");
    ReportStore store =
        new ReportStore(
            reportDir, safeName(runId, "runId"), safeName(forkId, "forkId"), metadata, writer);
    try {
      RunDirectory.removeStaleRuns(reportDir, store.runId);
      StaleTemporaryFiles.remove(reportDir, 4, Instant.now());
      store.fork.start();
    } catch (IOException e) {
      throw new ReportException(
          "Could not prepare the AlignUnit report directory "
              + reportDir.toAbsolutePath()
              + ": "
              + e.getMessage()
              + ". Check that it is writable or set alignunit.report.dir.",
          e);
    }
    return store;
  }

  /**
   * The store of this JVM for a report directory and run, opened on first use and shared by every
   * later caller: several launcher sessions in one JVM (Surefire runs each test class of a reused
   * fork in its own launcher execution; Gradle and IDEs may open several sessions) add to one
   * report instead of each starting afresh. The store finishes on JVM shutdown unless {@link
   * #finish()} was called after its last entry.
   *
   * @param reportDir the report directory
   * @param runId the run
   * @param forkId this JVM
   * @param metadata the run's metadata, asked for only when the store is opened
   * @return the JVM's store
   * @throws ReportException when the directory cannot be written
   */
  public static ReportStore shared(
      Path reportDir, String runId, String forkId, Supplier<RunMetadata> metadata) {
    String key = reportDir.toAbsolutePath().normalize() + "\n" + runId;
    return SHARED.computeIfAbsent(
        key, k -> open(reportDir, runId, forkId, metadata.get()).finishOnShutdown());
  }

  /**
   * Finishes this fork when the JVM shuts down without {@link #finish()} having been called after
   * the last entry (an interrupted run), so the report still holds every test that finished.
   *
   * @return this store
   */
  public synchronized ReportStore finishOnShutdown() {
    if (shutdownHook == null) {
      shutdownHook =
          new Thread(
              () -> {
                try {
                  finish();
                } catch (RuntimeException ignored) {
                  // Nothing sensible can be done while the JVM exits; the entries stay on disk.
                }
              },
              "alignunit-report-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    return this;
  }

  /**
   * @return the report directory
   */
  public Path reportDir() {
    return reportDir;
  }

  /**
   * @return the run's id
   */
  public String runId() {
    return runId;
  }

  /**
   * @return this fork's id
   */
  public String forkId() {
    return forkId;
  }

  /**
   * @return where {@code index.html} is (written by {@link #finish()}), absolute
   */
  public Path indexHtml() {
    return reportDir.resolve(ReportWriter.INDEX_HTML).toAbsolutePath().normalize();
  }

  /**
   * @return where {@code results.json} is (written by {@link #finish()}), absolute
   */
  public Path resultsJson() {
    return reportDir.resolve(ReportWriter.RESULTS_JSON).toAbsolutePath().normalize();
  }

  /**
   * Where an entry will appear in the report, for failure messages and JUnit report entries: {@code
   * /absolute/report/dir/index.html#<anchor>}. Depends only on the entry's test id, display name,
   * scenario, variant, model and mode, so it can be computed before the test's outcome is known.
   *
   * @param entry the entry (its outcome, metrics and samples do not matter)
   * @return the link
   */
  public String linkFor(TestEntry entry) {
    return indexHtml() + "#" + ReportWriter.anchorOf(entry);
  }

  /**
   * Flushes a finished test's entry to this fork's directory, atomically. After {@link #finish()},
   * the fork is reopened first: the entry joins the run's report at the next finish, and nothing
   * recorded earlier is lost.
   *
   * @param entry the entry
   * @return where the entry will appear in the report ({@link #linkFor(TestEntry)})
   * @throws ReportException when the file cannot be written
   */
  public String record(TestEntry entry) {
    Objects.requireNonNull(entry, "entry");
    fork.record(entry);
    return linkFor(entry);
  }

  /**
   * Opens an entry whose samples are written one by one as they finish (from any thread), so a test
   * of 100,000 samples never holds their transcripts: {@link EntryStream#record} then adds the
   * test's outcome and rates and puts the entry in place, at once, like {@link #record}
   * (docs/reports.md shows it with {@code SampleRunner.Builder.onFinished}).
   *
   * @return the stream; close it (a stream never recorded leaves nothing behind)
   * @throws ReportException when the fork's directory cannot be written
   */
  public EntryStream openEntry() {
    return new EntryStream(fork.openStream());
  }

  /** An entry being written while its test runs; see {@link ReportStore#openEntry()}. */
  public final class EntryStream implements AutoCloseable {
    private final EntryFiles.Stream file;
    private boolean ended;

    private EntryStream(EntryFiles.Stream file) {
      this.file = file;
    }

    /**
     * Appends one sample, as it finishes. Thread-safe; a write failure is reported by {@link
     * #record}; after {@link #close()} without a record (an abandoned entry) samples are discarded.
     * A secret registered with {@link dev.alignunit.model.SecretRedactor#register} after the sample
     * was made is redacted before it is written.
     *
     * @param sample the sample
     * @throws IllegalStateException when the entry was already recorded: the sample would be
     *     missing from the report, so it is an error rather than dropped
     */
    public void add(SampleReport sample) {
      file.add(Objects.requireNonNull(sample, "sample"));
    }

    /**
     * @return the samples added so far
     */
    public int count() {
      return file.count();
    }

    /**
     * Completes the entry with its header (the entry's own samples list is ignored: the streamed
     * ones are its samples) and puts it in place, atomically.
     *
     * @param header the entry: outcome, rates, baseline
     * @return where the entry will appear in the report ({@link #linkFor(TestEntry)})
     * @throws ReportException when a sample or the header could not be written
     */
    public String record(TestEntry header) {
      Objects.requireNonNull(header, "header");
      try {
        fork.recordStream(file, header);
      } finally {
        end();
      }
      return linkFor(header);
    }

    /** Abandons the entry unless it was recorded. Idempotent. */
    @Override
    public void close() {
      file.close();
      end();
    }

    private synchronized void end() {
      if (!ended) {
        ended = true;
        fork.streamEnded();
      }
    }
  }

  /**
   * Marks this fork finished and writes the merged report of the run: every entry of every fork so
   * far. Then removes this fork's working files (their entries are in {@code results.json}); the
   * last fork of the run removes the run's directory. Calling it again without a new entry returns
   * the same report.
   *
   * @return the merged report
   * @throws ReportException when the report cannot be written
   */
  public RunReport finish() {
    return fork.finish();
  }

  /** Same as {@link #finish()}. */
  @Override
  public void close() {
    finish();
  }

  /**
   * The console line for the merged report, with the absolute path of {@code index.html}.
   *
   * @param report the merged report
   * @return the line
   */
  public String summaryLine(RunReport report) {
    return ConsoleSummary.line(report, indexHtml());
  }

  /**
   * Merges every entry of a run found under {@code reportDir} and writes {@code results.json} and
   * {@code index.html}, under a file lock shared with the run's other forks. Use it to rebuild the
   * report of an interrupted run.
   *
   * @param reportDir the report directory
   * @param runId the run, or {@code null} for the run whose entries were written last
   * @return the merged report
   * @throws ReportException when there is no such run or the report cannot be written
   */
  public static RunReport merge(Path reportDir, String runId) {
    String id =
        runId != null
            ? runId
            : RunDirectory.latestRun(reportDir)
                .orElseThrow(
                    () ->
                        new ReportException(
                            "No AlignUnit report entries under "
                                + reportDir.resolve(ENTRIES_DIR).toAbsolutePath()
                                + "; run the tests first.",
                            null));
    RunDirectory run = new RunDirectory(reportDir, id);
    try {
      return run.locked(
          () -> {
            try {
              return ReportWriter.defaults()
                  .writeAndRelocate(run.collect(null, Map.of()), reportDir);
            } finally {
              run.removeLeftovers();
            }
          });
    } catch (IOException e) {
      throw new ReportException(
          "Could not merge the AlignUnit report entries of "
              + run.path().toAbsolutePath()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static String safeName(String id, String what) {
    Objects.requireNonNull(id, what);
    if (!id.matches("[A-Za-z0-9._-]{1,100}") || id.startsWith(".")) {
      throw new IllegalArgumentException(
          what
              + " must be 1-100 characters of letters, digits, '.', '_' or '-' "
              + "and not start with '.', got '"
              + id
              + "'");
    }
    return id;
  }

  /**
   * A run id every Surefire/Failsafe fork of one Maven invocation shares: in a forked test JVM, the
   * process id and start time of the nearest ancestor Java process (Maven); otherwise this JVM's.
   * Other set-ups (Gradle with parallel forks) should pass an id of their own, such as the {@code
   * alignunit.report.run-id} configuration.
   *
   * @return the run id
   */
  public static String inferRunId() {
    return RunIdentity.runId();
  }

  /**
   * A fork id unique among the JVMs of a run: the Surefire fork number, if any, and this process
   * id, such as {@code fork-2-pid-4711}.
   *
   * @return the fork id
   */
  public static String inferForkId() {
    return RunIdentity.forkId();
  }
}
