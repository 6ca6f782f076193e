package dev.alignunit.report;

import dev.alignunit.internal.StaleTemporaryFiles;
import dev.alignunit.report.internal.AtomicFiles;
import dev.alignunit.report.internal.ForkState;
import dev.alignunit.report.internal.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The report of a run as it happens: every finished test is flushed to its own file at once,
 * and when the run (or any Surefire fork of it) finishes, all entries of the run are merged into
 * {@code results.json} and {@code index.html}. A crash or an interrupted run therefore loses at
 * most the test that was running, and two forks never overwrite each other.
 *
 * <h2>Layout of the report directory</h2>
 * <pre>
 * target/alignunit/                      alignunit.report.dir
 *   results.json                         merged results of the run (schema: results.schema.json)
 *   index.html                           the HTML report
 *   transcripts/&lt;entry&gt;.html             per-entry transcript pages, large runs only
 *   entries/&lt;run-id&gt;/.merge.lock         serializes merges of concurrent forks
 *   entries/&lt;run-id&gt;/&lt;fork-id&gt;/fork.json        the fork's metadata, finishedAt set when done
 *   entries/&lt;run-id&gt;/&lt;fork-id&gt;/000001-&lt;entry&gt;.json  one finished test entry, written atomically
 * </pre>
 *
 * <p>Each fork writes only below its own {@code <fork-id>} directory. {@link #finish()} marks the
 * fork finished and, under a file lock, merges the entries of every fork of the run; since every
 * fork merges after writing its last entry, the fork that finishes last writes a report holding
 * all of them. Entry directories of earlier runs are removed when a new run opens its store,
 * once all their forks had finished (or they are a day old).
 *
 * <h2>Use from a test framework</h2>
 * <pre>{@code
 * // once per JVM, at the start of the run
 * ReportStore store = ReportStore.open(Path.of("target/alignunit"),
 *     ReportStore.inferRunId(), ReportStore.inferForkId(),
 *     RunMetadata.startingNow(models, modes, configuration)).finishOnShutdown();
 * // before the assertions of a test (for failure messages):
 * String where = store.linkFor(entry);           // target/alignunit/index.html#e-3fa2...
 * // after each test
 * store.record(entry);
 * // when the run ends
 * RunReport merged = store.finish();
 * System.out.println(store.summaryLine(merged));
 * }</pre>
 *
 * <p>Thread-safe: tests running in parallel in one JVM may record concurrently.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReportStore implements AutoCloseable {

  /** The directory, relative to the report directory, holding the entries of each run. */
  public static final String ENTRIES_DIR = "entries";
  /** The metadata file of a fork. */
  public static final String FORK_FILE = "fork.json";

  private static final String LOCK_FILE = ".merge.lock";
  private static final Duration STALE_AFTER = Duration.ofDays(1);
  /** One JVM may hold a single lock on a file; forks of one JVM wait here first. */
  private static final Object JVM_MERGE_LOCK = new Object();

  private final Path reportDir;
  private final String runId;
  private final String forkId;
  private final Path forkDir;
  private final ReportWriter writer;
  private final AtomicInteger sequence = new AtomicInteger();
  /**
   * This fork's entries as recorded, so the final merge need not parse its own files again.
   * Softly held: under memory pressure they are dropped and read back from disk.
   */
  private final Map<Path, SoftReference<TestEntry>> recorded = new ConcurrentHashMap<>();
  private RunMetadata metadata;
  private RunReport finished;
  private Thread shutdownHook;

  private ReportStore(Path reportDir, String runId, String forkId, RunMetadata metadata, ReportWriter writer) {
    this.reportDir = reportDir;
    this.runId = runId;
    this.forkId = forkId;
    this.forkDir = reportDir.resolve(ENTRIES_DIR).resolve(runId).resolve(forkId);
    this.metadata = metadata;
    this.writer = writer;
  }

  /**
   * Opens the store of one fork: removes stale entry directories of earlier runs and of an
   * earlier JVM with the same fork id, and writes the fork's {@code fork.json}.
   *
   * @param reportDir the report directory ({@code alignunit.report.dir})
   * @param runId identifies the run; every fork of one run must use the same id (see
   *     {@link #inferRunId()})
   * @param forkId identifies this JVM within the run; unique per fork (see {@link #inferForkId()})
   * @param metadata the run's metadata as this fork knows it
   * @return the store
   * @throws ReportException when the directory cannot be written
   */
  public static ReportStore open(Path reportDir, String runId, String forkId, RunMetadata metadata) {
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
  public static ReportStore open(Path reportDir, String runId, String forkId, RunMetadata metadata,
      ReportWriter writer) {
    Objects.requireNonNull(reportDir, "reportDir");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(writer, "writer");
    ReportStore store = new ReportStore(reportDir, safeName(runId, "runId"), safeName(forkId, "forkId"), metadata, writer);
    try {
      store.removeStaleRuns();
      StaleTemporaryFiles.remove(reportDir, 4, Instant.now());
      deleteTree(store.forkDir);
      Files.createDirectories(store.forkDir);
      store.writeForkState();
    } catch (IOException e) {
      throw new ReportException("Could not prepare the AlignUnit report directory " + reportDir + ": "
          + e.getMessage() + ". Check that it is writable or set alignunit.report.dir.", e);
    }
    return store;
  }

  /**
   * Finishes this fork when the JVM shuts down without {@link #finish()} having been called (an
   * interrupted run), so the report still holds every test that finished.
   *
   * @return this store
   */
  public synchronized ReportStore finishOnShutdown() {
    if (shutdownHook == null && finished == null) {
      shutdownHook = new Thread(() -> {
        try {
          finish();
        } catch (RuntimeException ignored) {
          // Nothing sensible can be done while the JVM exits; the entries stay on disk.
        }
      }, "alignunit-report-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    return this;
  }

  /** @return the report directory */
  public Path reportDir() {
    return reportDir;
  }

  /** @return the run's id */
  public String runId() {
    return runId;
  }

  /** @return this fork's id */
  public String forkId() {
    return forkId;
  }

  /** @return where {@code index.html} is (written by {@link #finish()}) */
  public Path indexHtml() {
    return reportDir.resolve(ReportWriter.INDEX_HTML);
  }

  /** @return where {@code results.json} is (written by {@link #finish()}) */
  public Path resultsJson() {
    return reportDir.resolve(ReportWriter.RESULTS_JSON);
  }

  /**
   * Where an entry will appear in the report, for failure messages and JUnit report entries:
   * {@code <reportDir>/index.html#<anchor>}. Depends only on the entry's test id, display name,
   * scenario, variant, model and mode, so it can be computed before the test's outcome is known.
   *
   * @param entry the entry (its outcome, metrics and samples do not matter)
   * @return the link
   */
  public String linkFor(TestEntry entry) {
    return indexHtml() + "#" + ReportWriter.anchorOf(entry);
  }

  /**
   * Flushes a finished test's entry to this fork's directory, atomically.
   *
   * @param entry the entry
   * @return where the entry will appear in the report ({@link #linkFor(TestEntry)})
   * @throws ReportException when the file cannot be written
   * @throws IllegalStateException when the store has already finished
   */
  public String record(TestEntry entry) {
    Objects.requireNonNull(entry, "entry");
    synchronized (this) {
      if (finished != null) {
        throw new IllegalStateException("The AlignUnit report of run " + runId + " is already finished; "
            + "entry " + entry.testId() + " was recorded too late and is not in " + indexHtml());
      }
    }
    String anchor = ReportWriter.anchorOf(entry);
    Path file = forkDir.resolve(String.format("%06d-%s.json", sequence.incrementAndGet(), anchor));
    try {
      // Entry files are internal: compact, to halve what each finished test writes.
      AtomicFiles.write(file, ReportJson.compact().writeValueAsBytes(entry));
      recorded.put(file, new SoftReference<>(entry));
    } catch (IOException e) {
      throw new ReportException("Could not write the AlignUnit report entry of " + entry.testId() + " to " + file
          + ": " + e.getMessage(), e);
    }
    return linkFor(entry);
  }

  /**
   * Marks this fork finished and writes the merged report of every fork of the run. Idempotent:
   * later calls return the first result.
   *
   * @return the merged report
   * @throws ReportException when the report cannot be written
   */
  public synchronized RunReport finish() {
    if (finished != null) {
      return finished;
    }
    metadata = metadata.finishedAt(Instant.now());
    try {
      writeForkState();
    } catch (IOException e) {
      throw new ReportException("Could not write " + forkDir.resolve(FORK_FILE) + ": " + e.getMessage(), e);
    }
    finished = merge(reportDir, runId, writer, metadata, recorded);
    recorded.clear();
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting; the hook will find the store finished.
      }
    }
    return finished;
  }

  /** Same as {@link #finish()}. */
  @Override
  public void close() {
    finish();
  }

  /**
   * The console line for the merged report, with the path of {@code index.html} relative to the
   * working directory when it lies below it.
   *
   * @param report the merged report
   * @return the line
   */
  public String summaryLine(RunReport report) {
    Path index = indexHtml();
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = index.toAbsolutePath().normalize();
    return ConsoleSummary.line(report, absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute);
  }

  /**
   * Merges every entry of a run found under {@code reportDir} and writes {@code results.json}
   * and {@code index.html}, under a file lock shared with the run's other forks. Use it to
   * rebuild the report of an interrupted run.
   *
   * @param reportDir the report directory
   * @param runId the run, or {@code null} for the run whose entries were written last
   * @return the merged report
   * @throws ReportException when there is no such run or the report cannot be written
   */
  public static RunReport merge(Path reportDir, String runId) {
    String run = runId != null ? runId : latestRun(reportDir).orElseThrow(() -> new ReportException(
        "No AlignUnit report entries under " + reportDir.resolve(ENTRIES_DIR) + "; run the tests first.", null));
    return merge(reportDir, run, ReportWriter.defaults(), null, Map.of());
  }

  private static RunReport merge(Path reportDir, String runId, ReportWriter writer, RunMetadata own,
      Map<Path, SoftReference<TestEntry>> cache) {
    Path runDir = reportDir.resolve(ENTRIES_DIR).resolve(runId);
    synchronized (JVM_MERGE_LOCK) {
      try {
        Files.createDirectories(runDir);
        try (FileChannel channel = FileChannel.open(runDir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          RunReport report = collect(runDir, own, cache);
          writer.write(report, reportDir);
          return report;
        }
      } catch (IOException e) {
        throw new ReportException("Could not merge the AlignUnit report entries of " + runDir + ": " + e.getMessage(), e);
      }
    }
  }

  private static RunReport collect(Path runDir, RunMetadata own, Map<Path, SoftReference<TestEntry>> cache)
      throws IOException {
    List<ForkState> forks = new ArrayList<>();
    Map<String, TestEntry> entries = new LinkedHashMap<>();
    for (Path fork : list(runDir).stream().filter(Files::isDirectory).sorted().toList()) {
      read(fork.resolve(FORK_FILE), ForkState.class).ifPresent(forks::add);
      for (Path file : list(fork).stream().sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json") && !name.equals(FORK_FILE) && !name.startsWith(".")) {
          // A re-run of the same test (Surefire's rerunFailingTestsCount) replaces the earlier entry.
          SoftReference<TestEntry> cached = cache.get(file);
          TestEntry known = cached == null ? null : cached.get();
          (known != null ? Optional.of(known) : read(file, TestEntry.class))
              .ifPresent(e -> entries.put(ReportWriter.anchorOf(e), e));
        }
      }
    }
    List<TestEntry> sorted = new ArrayList<>(entries.values());
    sorted.sort(Comparator.comparing(TestEntry::scenarioId)
        .thenComparing(TestEntry::variantLabel)
        .thenComparing(TestEntry::modelId)
        .thenComparing(TestEntry::mode)
        .thenComparing(TestEntry::testId)
        .thenComparing(TestEntry::displayName));
    return RunReport.of(mergeMetadata(forks, own, sorted), sorted);
  }

  private static RunMetadata mergeMetadata(List<ForkState> forks, RunMetadata own, List<TestEntry> entries) {
    List<RunMetadata> all = new ArrayList<>();
    forks.forEach(f -> all.add(f.metadata()));
    if (own != null) {
      all.add(own);
    }
    Instant start = all.stream().map(RunMetadata::startedAt).min(Comparator.naturalOrder()).orElse(Instant.now());
    boolean allFinished = !forks.isEmpty() && forks.stream().allMatch(ForkState::finished);
    Instant end = allFinished
        ? all.stream().map(RunMetadata::finishedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null)
        : null;
    Set<String> models = new LinkedHashSet<>();
    Set<String> modes = new LinkedHashSet<>();
    Map<String, String> configuration = new TreeMap<>();
    String version = own != null ? own.libraryVersion() : RunMetadata.libraryVersionOfJar();
    for (RunMetadata m : all) {
      models.addAll(m.models());
      modes.addAll(m.modes());
      configuration.putAll(m.configuration());
    }
    if (own != null) {
      configuration.putAll(own.configuration());
    }
    entries.forEach(e -> {
      models.add(e.modelId());
      modes.add(e.mode());
    });
    return new RunMetadata(version, start, end, List.copyOf(models), List.copyOf(modes), configuration);
  }

  private void writeForkState() throws IOException {
    AtomicFiles.write(forkDir.resolve(FORK_FILE),
        ReportWriter.toJson(new ForkState(runId, forkId, metadata)).getBytes(StandardCharsets.UTF_8));
  }

  /** Removes entry directories of earlier runs once they can no longer be written to. */
  private void removeStaleRuns() throws IOException {
    Path entriesDir = reportDir.resolve(ENTRIES_DIR);
    Instant staleBefore = Instant.now().minus(STALE_AFTER);
    for (Path run : list(entriesDir)) {
      if (!Files.isDirectory(run) || run.getFileName().toString().equals(runId)) {
        continue;
      }
      List<Path> forks = list(run).stream().filter(Files::isDirectory).toList();
      boolean allFinished = forks.stream().allMatch(f -> read(f.resolve(FORK_FILE), ForkState.class)
          .map(ForkState::finished).orElse(false));
      if (allFinished || Files.getLastModifiedTime(run).toInstant().isBefore(staleBefore)) {
        deleteTree(run);
      }
    }
  }

  private static Optional<String> latestRun(Path reportDir) {
    return list(reportDir.resolve(ENTRIES_DIR)).stream()
        .filter(Files::isDirectory)
        .max(Comparator.comparing(ReportStore::newestModification))
        .map(p -> p.getFileName().toString());
  }

  /** A run directory's own time changes only when a fork starts; its files say when it last wrote. */
  private static java.nio.file.attribute.FileTime newestModification(Path runDir) {
    try (Stream<Path> files = Files.walk(runDir)) {
      return files.map(p -> {
        try {
          return Files.getLastModifiedTime(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).max(Comparator.naturalOrder()).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> Optional<T> read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ReportJson.mapper().readValue(file.toFile(), type));
    } catch (IOException e) {
      // Files are written atomically, so this is a foreign or hand-edited file: leave it out.
      return Optional.empty();
    }
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String safeName(String id, String what) {
    Objects.requireNonNull(id, what);
    if (!id.matches("[A-Za-z0-9._-]{1,100}") || id.startsWith(".")) {
      throw new IllegalArgumentException(what + " must be 1-100 characters of letters, digits, '.', '_' or '-' "
          + "and not start with '.', got '" + id + "'");
    }
    return id;
  }

  // ---------------------------------------------------------------- run and fork identity

  /**
   * A run id every Surefire/Failsafe fork of one Maven invocation shares: in a forked test JVM,
   * the process id and start time of the nearest ancestor Java process (Maven); otherwise this
   * JVM's. Other set-ups (Gradle with parallel forks) should pass an id of their own, such as
   * the {@code alignunit.report.run-id} configuration.
   *
   * @return the run id
   */
  public static String inferRunId() {
    ProcessHandle self = ProcessHandle.current();
    String command = System.getProperty("sun.java.command", "");
    if (command.contains("surefire") || command.contains("failsafe")) {
      Optional<ProcessHandle> parent = self.parent();
      while (parent.isPresent()) {
        ProcessHandle p = parent.get();
        if (p.info().command().map(c -> c.endsWith("/java") || c.endsWith("\\java.exe")).orElse(false)) {
          return idOf(p);
        }
        parent = p.parent();
      }
    }
    return idOf(self);
  }

  /**
   * A fork id unique among the JVMs of a run: the Surefire fork number, if any, and this process
   * id, such as {@code fork-2-pid-4711}.
   *
   * @return the fork id
   */
  public static String inferForkId() {
    String number = System.getProperty("surefire.forkNumber");
    String pid = "pid-" + ProcessHandle.current().pid();
    return number != null && number.matches("\\d+") ? "fork-" + number + "-" + pid : pid;
  }

  private static String idOf(ProcessHandle p) {
    long start = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    return "run-" + p.pid() + "-" + start;
  }
}
