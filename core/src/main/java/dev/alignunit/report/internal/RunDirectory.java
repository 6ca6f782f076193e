package dev.alignunit.report.internal;

import dev.alignunit.report.ReportException;
import dev.alignunit.report.ReportWriter;
import dev.alignunit.report.RunMetadata;
import dev.alignunit.report.RunReport;
import dev.alignunit.report.TestEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
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
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The working files of one run under {@code <reportDir>/entries/<run-id>/}: one directory per fork,
 * the lock that serializes merges, and the rules for cleaning them up. The merged {@code
 * results.json} carries the run id, so once a fork's entries are merged its files can go: a later
 * fork (or launcher session) of the same run reads them back from {@code results.json}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunDirectory {

  /** The directory, relative to the report directory, holding the entries of each run. */
  public static final String ENTRIES_DIR = "entries";

  /** The metadata file of a fork. */
  public static final String FORK_FILE = "fork.json";

  private static final Duration STALE_AFTER = Duration.ofDays(1);

  /** One JVM may hold a single lock on a file; stores of one JVM wait here first. */
  private static final Object JVM_LOCK = new Object();

  private final Path reportDir;
  private final String runId;
  private final Path runDir;

  /**
   * Files the last {@link #collect} read samples from that must stay until the report is written.
   */
  private final List<Path> leftovers = new ArrayList<>();

  /**
   * @param reportDir the report directory
   * @param runId the run
   */
  public RunDirectory(Path reportDir, String runId) {
    this.reportDir = reportDir;
    this.runId = runId;
    this.runDir = reportDir.resolve(ENTRIES_DIR).resolve(runId);
  }

  /**
   * @return {@code <reportDir>/entries/<run-id>}
   */
  public Path path() {
    return runDir;
  }

  /**
   * @param forkId a fork of the run
   * @return the fork's directory
   */
  public Path forkDir(String forkId) {
    return runDir.resolve(forkId);
  }

  /** Work done while holding the run's lock. */
  @FunctionalInterface
  public interface LockedWork<T> {
    /**
     * @return the work's result
     * @throws IOException when a file cannot be read or written
     */
    T run() throws IOException;
  }

  /**
   * Runs work holding the report directory's file lock, which every fork of every run writing to it
   * shares. The lock file lives in the temporary directory ({@code alignunit-report-<hash of the
   * report directory>.lock}) and is never deleted, so no fork can ever lock a file another fork has
   * just removed, and the report directory keeps no lock file once the run is over. One JVM holds a
   * file lock only once, so forks inside one JVM wait on a monitor first; the lock file is only
   * ever opened through the locking channel (closing any other descriptor of it would drop the
   * process's lock).
   *
   * @param work what to do
   * @param <T> the result type
   * @return the work's result
   * @throws IOException when locking or the work fails
   */
  public <T> T locked(LockedWork<T> work) throws IOException {
    Path lock = lockFile(reportDir);
    synchronized (JVM_LOCK) {
      try (FileChannel channel =
              FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = channel.lock()) {
        return work.run();
      }
    }
  }

  /** The lock file of a report directory, outside it. */
  static Path lockFile(Path reportDir) {
    String id =
        Fmt.sha256(reportDir.toAbsolutePath().normalize().toString())
            .substring(7, 23)
            .replace('/', '_')
            .replace('+', '-');
    return Path.of(System.getProperty("java.io.tmpdir"), "alignunit-report-" + id + ".lock");
  }

  /**
   * Writes a fork's {@code fork.json}; call while holding the lock, so a cleanup never removes the
   * directory of a fork that is starting.
   *
   * @param state the fork's state
   * @throws IOException when the file cannot be written
   */
  public void writeFork(ForkState state) throws IOException {
    AtomicFiles.write(
        forkDir(state.forkId()).resolve(FORK_FILE),
        ReportWriter.toJson(state).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Everything known of the run: the entries of an earlier merge of the same run (from {@code
   * results.json}) and the entry files of every fork still present. A test recorded again
   * (Surefire's {@code rerunFailingTestsCount}) keeps its last entry. Call while holding the lock.
   *
   * @param own the metadata of the fork that merges, {@code null} for a rebuild
   * @param cache entries the merging fork still holds in memory, by file
   * @return the merged report
   * @throws IOException when a directory cannot be listed
   */
  public RunReport collect(RunMetadata own, Map<Path, SoftReference<TestEntry>> cache)
      throws IOException {
    Map<String, TestEntry> entries = new LinkedHashMap<>();
    List<RunMetadata> all = new ArrayList<>();
    Optional<RunReport> earlier = earlierMerge();
    earlier.ifPresent(
        r -> {
          all.add(r.metadata());
          r.entries().forEach(e -> entries.put(ReportWriter.anchorOf(e), e));
        });
    List<ForkState> forks = new ArrayList<>();
    for (Path fork : list(runDir).stream().filter(Files::isDirectory).sorted().toList()) {
      read(fork.resolve(FORK_FILE), ForkState.class).ifPresent(forks::add);
      for (Path file : list(fork).stream().sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json") && !name.equals(FORK_FILE) && !name.startsWith(".")) {
          SoftReference<TestEntry> cached = cache.get(file);
          TestEntry known = cached == null ? null : cached.get();
          (known != null ? Optional.of(known) : EntryFiles.readEntry(file))
              .ifPresent(e -> entries.put(ReportWriter.anchorOf(e), e));
        }
      }
    }
    forks.forEach(f -> all.add(f.metadata()));
    if (own != null) {
      all.add(own);
    }
    List<TestEntry> sorted = new ArrayList<>(entries.values());
    sorted.sort(
        Comparator.comparing(TestEntry::scenarioId)
            .thenComparing(TestEntry::variantLabel)
            .thenComparing(TestEntry::modelId)
            .thenComparing(TestEntry::mode)
            .thenComparing(TestEntry::testId)
            .thenComparing(TestEntry::displayName));
    boolean finished = !forks.isEmpty() && forks.stream().allMatch(ForkState::finished);
    return RunReport.of(mergeMetadata(all, own, finished, sorted), sorted);
  }

  /**
   * The results of an earlier merge of this run, whose forks' files may be gone already. A large
   * file is read through a hard link (or a copy) that outlives its replacement by the new {@code
   * results.json}: its samples are copied from there.
   */
  private Optional<RunReport> earlierMerge() throws IOException {
    Path results = reportDir.resolve(ReportWriter.RESULTS_JSON);
    if (!Files.isRegularFile(results)) {
      return Optional.empty();
    }
    Path read = results;
    if (Files.size(results) > EntryFiles.streamAbove()) {
      read = Files.createTempFile(reportDir, ".results-earlier-", ".json.tmp");
      leftovers.add(read);
      Files.delete(read);
      try {
        Files.createLink(read, results);
      } catch (UnsupportedOperationException | IOException noLinks) {
        Files.copy(results, read);
      }
    }
    try {
      RunReport report = EntryFiles.readResults(read);
      return runId.equals(report.metadata().runId()) ? Optional.of(report) : Optional.empty();
    } catch (ReportException unreadable) {
      // Written atomically by us, so this is another tool's or a hand-edited file: start afresh.
      return Optional.empty();
    }
  }

  /**
   * Deletes the files the last {@link #collect} left for reading samples; call once the merged
   * report has been written.
   *
   * @throws IOException when a file cannot be deleted
   */
  public void removeLeftovers() throws IOException {
    for (Path file : leftovers) {
      Files.deleteIfExists(file);
    }
    leftovers.clear();
  }

  private RunMetadata mergeMetadata(
      List<RunMetadata> all, RunMetadata own, boolean finished, List<TestEntry> entries) {
    Instant start =
        all.stream()
            .map(RunMetadata::startedAt)
            .min(Comparator.naturalOrder())
            .orElse(Instant.now());
    Instant end =
        finished
            ? all.stream()
                .map(RunMetadata::finishedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null)
            : null;
    Set<String> models = new LinkedHashSet<>();
    Set<String> modes = new LinkedHashSet<>();
    Map<String, String> configuration = new TreeMap<>();
    for (RunMetadata m : all) {
      models.addAll(m.models());
      modes.addAll(m.modes());
      configuration.putAll(m.configuration());
    }
    if (own != null) {
      configuration.putAll(own.configuration());
    }
    entries.forEach(
        e -> {
          models.add(e.modelId());
          modes.add(e.mode());
        });
    String version = own != null ? own.libraryVersion() : RunMetadata.libraryVersionOfJar();
    return new RunMetadata(
        version, start, end, List.copyOf(models), List.copyOf(modes), configuration, runId);
  }

  /**
   * Removes a finished fork's files (its entries are in {@code results.json} now) and, when no fork
   * of the run is left, the run's directory. Call while holding the lock.
   *
   * @param forkId the fork that finished
   * @throws IOException when a file cannot be deleted
   */
  public void removeFinishedFork(String forkId) throws IOException {
    deleteTree(forkDir(forkId));
    if (list(runDir).stream().noneMatch(Files::isDirectory)) {
      deleteTree(runDir);
      try {
        Files.deleteIfExists(runDir.getParent());
      } catch (DirectoryNotEmptyException otherRuns) {
        // entries/ still holds another run's files
      }
    }
  }

  /**
   * Removes entry directories of earlier runs once they can no longer be written to: every fork
   * finished, or untouched for a day (a killed run).
   *
   * @param reportDir the report directory
   * @param currentRunId the run that is starting, never removed
   * @throws IOException when a directory cannot be deleted
   */
  public static void removeStaleRuns(Path reportDir, String currentRunId) throws IOException {
    Instant staleBefore = Instant.now().minus(STALE_AFTER);
    for (Path run : list(reportDir.resolve(ENTRIES_DIR))) {
      if (!Files.isDirectory(run) || run.getFileName().toString().equals(currentRunId)) {
        continue;
      }
      List<Path> forks = list(run).stream().filter(Files::isDirectory).toList();
      boolean allFinished =
          forks.stream()
              .allMatch(
                  f ->
                      read(f.resolve(FORK_FILE), ForkState.class)
                          .map(ForkState::finished)
                          .orElse(false));
      if (allFinished || Files.getLastModifiedTime(run).toInstant().isBefore(staleBefore)) {
        deleteTree(run);
      }
    }
  }

  /**
   * @param reportDir the report directory
   * @return the run whose files were written last
   */
  public static Optional<String> latestRun(Path reportDir) {
    return list(reportDir.resolve(ENTRIES_DIR)).stream()
        .filter(Files::isDirectory)
        .max(Comparator.comparing(RunDirectory::newestModification))
        .map(p -> p.getFileName().toString());
  }

  /**
   * A run directory's own time changes only when a fork starts; its files say when it last wrote.
   */
  private static FileTime newestModification(Path runDir) {
    try (Stream<Path> files = Files.walk(runDir)) {
      return files
          .map(
              p -> {
                try {
                  return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .max(Comparator.naturalOrder())
          .orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> Optional<T> read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ReportJsonReader.read(file, type));
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
    } catch (NoSuchFileException gone) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes a directory and everything below it; a missing directory is fine.
   *
   * @param dir the directory
   * @throws IOException when a file cannot be deleted
   */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
