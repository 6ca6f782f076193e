package dev.alignunit.report;

import dev.alignunit.report.internal.AtomicFiles;
import dev.alignunit.report.internal.EntryFiles;
import dev.alignunit.report.internal.ForkState;
import dev.alignunit.report.internal.ReportJsonWriter;
import dev.alignunit.report.internal.RunDirectory;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The entries of one fork of a run and their merge: writes each finished test's entry file into the
 * fork's directory, and on {@link #finish()} merges every fork's entries into the run's report. A
 * record after a finish reopens the fork, so nothing recorded later is lost.
 *
 * <p>Kept apart from {@link ReportStore}, which is the handle a test framework holds (sharing per
 * JVM, shutdown hook, links, ids), so the locking between concurrent records and a merge reads in
 * one place. Thread-safe.
 */
final class ForkEntries {

  private final Path reportDir;
  private final String runId;
  private final String forkId;
  private final RunDirectory run;
  private final Path forkDir;
  private final ReportWriter writer;
  private final AtomicInteger sequence = new AtomicInteger();

  /**
   * This fork's entries as recorded, so the final merge need not parse its own files again. Softly
   * held: under memory pressure they are dropped and read back from disk.
   */
  private final Map<Path, SoftReference<TestEntry>> recorded = new ConcurrentHashMap<>();

  /**
   * Records share it, {@link #finish()} takes it alone: no entry is written while the fork's files
   * are merged.
   */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * Entries being streamed: their files are in the fork's directory, which a finish must then keep.
   */
  private final AtomicInteger openStreams = new AtomicInteger();

  private RunMetadata metadata;
  private RunReport finished;

  ForkEntries(
      Path reportDir, String runId, String forkId, RunMetadata metadata, ReportWriter writer) {
    this.reportDir = reportDir;
    this.runId = runId;
    this.forkId = forkId;
    this.run = new RunDirectory(reportDir, runId);
    this.forkDir = run.forkDir(forkId);
    this.metadata = metadata.withRunId(runId);
    this.writer = writer;
  }

  /**
   * Starts the fork afresh: removes what an earlier JVM with the same fork id left and writes the
   * fork's {@code fork.json}.
   */
  void start() throws IOException {
    run.locked(
        () -> {
          RunDirectory.deleteTree(forkDir);
          run.writeFork(new ForkState(runId, forkId, metadata));
          return null;
        });
  }

  /**
   * Flushes a finished test's entry to the fork's directory, atomically.
   *
   * @throws ReportException when the file cannot be written
   */
  void record(TestEntry entry) {
    Path file = nextEntryFile(entry);
    try {
      writeEntry(
          () -> {
            // Entry files are internal: compact, to halve what each finished test writes.
            AtomicFiles.write(file, ReportJsonWriter.compact(entry));
            recorded.put(file, new SoftReference<>(entry));
          });
    } catch (IOException e) {
      throw new ReportException(
          "Could not write the AlignUnit report entry of "
              + entry.testId()
              + " to "
              + file.toAbsolutePath()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Opens the file of an entry whose samples are streamed; until {@link #streamEnded()}, a finish
   * keeps the fork's directory.
   *
   * @throws ReportException when the fork's directory cannot be written
   */
  EntryFiles.Stream openStream() {
    lock.writeLock().lock();
    try {
      reopenIfFinished();
      EntryFiles.Stream stream = new EntryFiles.Stream(forkDir);
      openStreams.incrementAndGet();
      return stream;
    } catch (IOException e) {
      throw new ReportException(
          "Could not start an AlignUnit report entry in "
              + forkDir.toAbsolutePath()
              + ": "
              + e.getMessage()
              + ". Check that it is writable or set alignunit.report.dir.",
          e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Completes a streamed entry with its header and puts it in place, atomically.
   *
   * @throws ReportException when a sample or the header could not be written
   */
  void recordStream(EntryFiles.Stream file, TestEntry header) {
    Path target = nextEntryFile(header);
    try {
      writeEntry(
          () ->
              file.finish(header, target)
                  .ifPresent(entry -> recorded.put(target, new SoftReference<>(entry))));
    } catch (IOException e) {
      throw new ReportException(
          "Could not write the AlignUnit report entry of "
              + header.testId()
              + " to "
              + target.toAbsolutePath()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** A stream opened by {@link #openStream()} was recorded or abandoned; call once per stream. */
  void streamEnded() {
    openStreams.decrementAndGet();
  }

  /** The next entry file of this fork: numbered in recording order, named by the entry's anchor. */
  private Path nextEntryFile(TestEntry entry) {
    return forkDir.resolve(
        String.format("%06d-%s.json", sequence.incrementAndGet(), ReportWriter.anchorOf(entry)));
  }

  /** An entry file's write. */
  @FunctionalInterface
  private interface EntryWrite {
    void run() throws IOException;
  }

  /**
   * Writes an entry file while no finish merges the fork: a finished fork is reopened first (under
   * the write lock), then the write runs under the read lock, which concurrent records share.
   */
  private void writeEntry(EntryWrite write) throws IOException {
    lock.writeLock().lock();
    try {
      reopenIfFinished();
      lock.readLock().lock();
    } finally {
      lock.writeLock().unlock();
    }
    try {
      write.run();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void reopenIfFinished() throws IOException {
    if (finished != null) {
      metadata =
          new RunMetadata(
              metadata.libraryVersion(),
              metadata.startedAt(),
              null,
              metadata.models(),
              metadata.modes(),
              metadata.configuration(),
              runId);
      run.locked(
          () -> {
            run.writeFork(new ForkState(runId, forkId, metadata));
            return null;
          });
      finished = null;
    }
  }

  /**
   * Marks this fork finished and writes the merged report of the run; see {@link
   * ReportStore#finish()}.
   *
   * @return the merged report
   * @throws ReportException when the report cannot be written
   */
  RunReport finish() {
    lock.writeLock().lock();
    try {
      return finishLocked();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private RunReport finishLocked() {
    if (finished != null) {
      return finished;
    }
    metadata = metadata.finishedAt(Instant.now());
    try {
      finished =
          run.locked(
              () -> {
                run.writeFork(new ForkState(runId, forkId, metadata));
                try {
                  RunReport report =
                      writer.writeAndRelocate(run.collect(metadata, recorded), reportDir);
                  if (openStreams.get() == 0) {
                    // An entry still streaming lives in the fork's directory; its record reopens
                    // the fork.
                    run.removeFinishedFork(forkId);
                  }
                  return report;
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
    recorded.clear();
    return finished;
  }
}
