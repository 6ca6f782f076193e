package dev.alignunit.report.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.report.ReportException;
import dev.alignunit.report.RunMetadata;
import dev.alignunit.report.RunReport;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.TestEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reads report entry files and {@code results.json}. A file up to {@link #streamAbove()} bytes is
 * read whole; a larger one is read as a stream whose samples stay in the file ({@link
 * StoredSamples}), so merging a run of 100,000 samples holds their headers and digests, not their
 * transcripts. Samples are returned in sample order whatever order the file has them in (an entry
 * streamed while its samples ran holds them in the order they finished).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EntryFiles {

  private static volatile long streamAbove = 1L << 20;

  private EntryFiles() {}

  /**
   * @return the size above which a file's samples are left on disk, in bytes (1 MiB)
   */
  public static long streamAbove() {
    return streamAbove;
  }

  /**
   * Changes the size above which a file's samples are left on disk; tests use 0 to take the
   * streaming path with small files.
   *
   * @param bytes the size, in bytes
   */
  public static void streamAbove(long bytes) {
    streamAbove = bytes;
  }

  /**
   * Reads one entry file.
   *
   * @param file the file
   * @return the entry, empty when the file is not an entry (a foreign or hand-edited file)
   */
  public static Optional<TestEntry> readEntry(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      if (Files.size(file) <= streamAbove) {
        return Optional.of(inOrder(ReportJsonReader.read(file, TestEntry.class)));
      }
      try (JsonParser parser = ReportJson.mapper().getFactory().createParser(file.toFile())) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          return Optional.empty();
        }
        return Optional.of(readEntry(parser, file));
      }
    } catch (IOException | RuntimeException e) {
      // Files are written atomically, so this is a foreign or hand-edited file: leave it out.
      return Optional.empty();
    }
  }

  /**
   * Reads a {@code results.json}, leaving the samples of a large file in it: the file must then
   * stay until the report read from it has been written again.
   *
   * @param file the file
   * @return the report
   * @throws ReportException when the file cannot be read or is of a newer format
   */
  public static RunReport readResults(Path file) {
    try {
      if (Files.size(file) <= streamAbove) {
        RunReport report = ReportJsonReader.read(file, RunReport.class);
        checkFormat(report.formatVersion(), file);
        return new RunReport(
            report.formatVersion(),
            report.metadata(),
            report.entries().stream().map(EntryFiles::inOrder).toList());
      }
      int format = RunReport.FORMAT_VERSION;
      RunMetadata metadata = null;
      List<TestEntry> entries = new ArrayList<>();
      try (JsonParser parser = ReportJson.mapper().getFactory().createParser(file.toFile())) {
        expect(parser.nextToken(), JsonToken.START_OBJECT, file);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          if (name.equals("formatVersion")) {
            format = parser.getIntValue();
            checkFormat(format, file);
          } else if (name.equals("metadata")) {
            metadata = ReportJson.mapper().readValue(parser, RunMetadata.class);
          } else if (name.equals("entries") && value == JsonToken.START_ARRAY) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              entries.add(readEntry(parser, file));
            }
          } else {
            parser.skipChildren();
          }
        }
      }
      if (metadata == null) {
        throw new IOException("no metadata");
      }
      return new RunReport(format, metadata, entries);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ReportException report) {
        throw report;
      }
      throw new ReportException(
          "Could not read AlignUnit results " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkFormat(int format, Path file) {
    if (format > RunReport.FORMAT_VERSION) {
      throw new ReportException(
          file
              + " has results format "
              + format
              + ", but this AlignUnit reads up to format "
              + RunReport.FORMAT_VERSION
              + ". Upgrade AlignUnit to read it.",
          null);
    }
  }

  private static void expect(JsonToken actual, JsonToken expected, Path file) throws IOException {
    if (actual != expected) {
      throw new IOException(file + " does not start with a JSON object");
    }
  }

  /**
   * Reads the entry object the parser is at (its START_OBJECT): the header is bound, each sample is
   * read once for its offset and the digest, and stays in the file.
   */
  private static TestEntry readEntry(JsonParser parser, Path file) throws IOException {
    ObjectNode header = ReportJson.mapper().createObjectNode();
    List<long[]> positions = new ArrayList<>();
    SampleDigest.Builder digest = new SampleDigest.Builder();
    boolean ordered = true;
    int last = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("samples") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          long offset = parser.currentTokenLocation().getByteOffset();
          SampleReport sample = ReportJson.mapper().readValue(parser, SampleReport.class);
          positions.add(new long[] {sample.sample(), offset});
          ordered &= sample.sample() > last;
          last = sample.sample();
          digest.add(sample);
        }
      } else {
        header.set(name, parser.readValueAsTree());
      }
    }
    header.putArray("samples");
    TestEntry entry = ReportJson.mapper().treeToValue(header, TestEntry.class);
    if (!ordered) {
      positions.sort(Comparator.comparingLong(p -> p[0]));
    }
    long[] offsets = positions.stream().mapToLong(p -> p[1]).toArray();
    return entry.withSamples(new StoredSamples(file, offsets, digest.build()));
  }

  /**
   * An entry file written while its test runs: each sample is appended as it finishes, from any
   * thread, and the entry's header when the test ends; then the file is moved into place at once,
   * so a merge never sees half an entry. Until then it is a hidden temporary file, which a killed
   * run leaves for {@code StaleTemporaryFiles} to remove. The samples are in the order they
   * finished; readers put them in sample order.
   */
  public static final class Stream implements java.io.Closeable {
    private static final byte[] START =
        "{\"samples\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path temp;
    private final java.io.OutputStream out;
    private int count;
    private IOException failure;
    private boolean done;
    private boolean recorded;

    /** Bytes written so far: where the next sample starts. */
    private long written;

    /**
     * The byte offset of each sample, by sample number (8 bytes a sample: this lives as long as the
     * test); 0 for a number not written.
     */
    private long[] offsets = new long[64];

    /**
     * Whether the samples are numbered 1 to {@link #count} once each, so {@link #offsets} is whole.
     */
    private boolean numbered = true;

    /** What the HTML index needs of the samples, made as they are written. */
    private final SampleDigest.Builder digest = new SampleDigest.Builder();

    /**
     * The registered secrets every sample written so far was redacted with, at the least ({@link
     * SecretRedactor#registeredCount()}).
     */
    private int redactedUpTo = Integer.MAX_VALUE;

    /**
     * Starts a stream in a directory.
     *
     * @param dir the fork's directory
     * @throws IOException when the file cannot be created
     */
    public Stream(Path dir) throws IOException {
      Files.createDirectories(dir);
      this.temp = Files.createTempFile(dir, ".stream-", ".json.tmp");
      this.out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
      out.write(START);
      written = START.length;
    }

    /**
     * Appends a sample, with any secret registered since it was made redacted ({@link
     * LateSecrets}). Thread-safe; a write failure is kept and thrown by {@link #finish}; after
     * {@link #close()} (an abandoned entry) samples are discarded.
     *
     * @param sample the sample
     * @throws IllegalStateException when the entry was already recorded by {@link #finish}
     */
    public void add(SampleReport sample) {
      // A secret registered since the sample was made is redacted before anything is written.
      int registered = SecretRedactor.registeredCount();
      SampleReport s = LateSecrets.redact(sample);
      byte[] json;
      try {
        json = ReportJsonWriter.compact(s);
      } catch (java.io.UncheckedIOException e) {
        fail(e.getCause());
        return;
      }
      synchronized (this) {
        if (recorded) {
          throw new IllegalStateException(
              "sample "
                  + sample.sample()
                  + " was added after its entry was recorded, so it is not in the report: add"
                  + " every sample before recording the entry");
        }
        if (failure != null || done) {
          return; // a write failure is thrown by finish; an abandoned entry keeps nothing
        }
        try {
          if (count > 0) {
            out.write(',');
            written++;
          }
          out.write(json);
        } catch (IOException e) {
          failure = e;
          return;
        }
        int number = sample.sample();
        if (number < 1 || number <= offsets.length && offsets[number - 1] != 0) {
          numbered = false; // an odd or repeated number: the merge reads the file instead
        } else {
          if (number > offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.max(number, offsets.length * 2));
          }
          offsets[number - 1] = written;
        }
        written += json.length;
        count++;
        redactedUpTo = Math.min(redactedUpTo, registered);
        digest.add(s);
      }
    }

    private synchronized void fail(IOException e) {
      if (failure == null) {
        failure = e;
      }
    }

    /**
     * @return the samples appended so far
     */
    public synchronized int count() {
      return count;
    }

    /**
     * Appends the entry's header (everything but its samples) and moves the file into place.
     *
     * @param header the entry; its own samples are ignored
     * @param target the entry file
     * @return for a file larger than {@link #streamAbove()}, the entry as {@link #readEntry(Path)}
     *     would read it back (its samples left in {@code target}, indexed as they were written), so
     *     a merge in this JVM need not parse the file again; empty for a smaller file, which a
     *     merge reads whole
     * @throws IOException when a sample or the header could not be written
     */
    public synchronized Optional<TestEntry> finish(TestEntry header, Path target)
        throws IOException {
      if (failure != null) {
        throw failure;
      }
      byte[] fields = ReportJsonWriter.compactHeaderFields(header);
      out.write(']');
      if (fields.length > 0) {
        out.write(',');
        out.write(fields);
      }
      out.write('}');
      out.close();
      done = true;
      recorded = true;
      AtomicFiles.move(temp, target);
      if (Files.size(target) <= streamAbove || !numbered || !whole()) {
        return Optional.empty();
      }
      int redacted = count == 0 ? SecretRedactor.registeredCount() : redactedUpTo;
      return Optional.of(
          header.withSamples(
              new StoredSamples(target, Arrays.copyOf(offsets, count), digest.build(), redacted)));
    }

    /**
     * Whether samples 1 to {@link #count} were all written: with no number twice, then none is
     * beyond.
     */
    private boolean whole() {
      if (offsets.length < count) {
        return false;
      }
      for (int i = 0; i < count; i++) {
        if (offsets[i] == 0) {
          return false;
        }
      }
      return true;
    }

    /** Abandons an unfinished stream and deletes its file. Idempotent. */
    @Override
    public synchronized void close() {
      if (!done) {
        done = true;
        try {
          out.close();
        } catch (IOException ignored) {
          // the file goes anyway
        }
      }
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // a hidden temporary file; StaleTemporaryFiles removes it
      }
    }
  }

  /** An entry whose samples are in sample order (streamed entries hold them as they finished). */
  private static TestEntry inOrder(TestEntry entry) {
    List<SampleReport> samples = entry.samples();
    for (int i = 1; i < samples.size(); i++) {
      if (samples.get(i).sample() < samples.get(i - 1).sample()) {
        SampleReport[] sorted = samples.toArray(new SampleReport[0]);
        Arrays.sort(sorted, Comparator.comparingInt(SampleReport::sample));
        return entry.withSamples(List.of(sorted));
      }
    }
    return entry;
  }
}
