package dev.alignunit.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.alignunit.report.SampleReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The samples of a large report entry, left in the file they were written to and read one at a
 * time: a report of 100,000 samples is merged, written as {@code results.json} and rendered as HTML
 * without holding more than one sample in memory. Immutable; each read opens the file, so the file
 * must outlive the list (the report store deletes it only after writing the merged report). {@link
 * #digest()} holds what the HTML index needs of every sample (counts, chips), computed once when
 * the file was indexed.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class StoredSamples extends AbstractList<SampleReport> {

  private final Path file;
  private final long[] offsets;
  private final SampleDigest digest;

  /**
   * Whether this JVM wrote the samples from report records (whose strings were redacted when the
   * records were made, so only secrets registered since need a pass); false for samples from a file
   * of unknown origin (redacted in full again).
   */
  private final boolean writtenHere;

  /**
   * Samples of a file of unknown origin, redacted again as they are read.
   *
   * @param file the file holding the samples as JSON objects
   * @param offsets the byte offset of each sample's object, in sample order
   * @param digest what the index needs of every sample
   */
  StoredSamples(Path file, long[] offsets, SampleDigest digest) {
    this(file, offsets, digest, false);
  }

  /**
   * @param writtenHere whether this JVM wrote the samples from its report records
   */
  StoredSamples(Path file, long[] offsets, SampleDigest digest, boolean writtenHere) {
    this.file = Objects.requireNonNull(file, "file");
    this.offsets = offsets.clone();
    this.digest = Objects.requireNonNull(digest, "digest");
    this.writtenHere = writtenHere;
  }

  /**
   * @return the counts and chips of the samples
   */
  public SampleDigest digest() {
    return digest;
  }

  @Override
  public int size() {
    return offsets.length;
  }

  @Override
  public SampleReport get(int index) {
    Objects.checkIndex(index, offsets.length);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(channel, offsets[index]);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  @Override
  public Iterator<SampleReport> iterator() {
    return iterator(0, offsets.length);
  }

  /**
   * A view of a range whose iterator reads the file through one channel (the HTML pages iterate
   * ranges of a thousand samples), not one opened per sample.
   */
  @Override
  public java.util.List<SampleReport> subList(int fromIndex, int toIndex) {
    Objects.checkFromToIndex(fromIndex, toIndex, offsets.length);
    return new AbstractList<>() {
      @Override
      public SampleReport get(int index) {
        return StoredSamples.this.get(fromIndex + Objects.checkIndex(index, size()));
      }

      @Override
      public int size() {
        return toIndex - fromIndex;
      }

      @Override
      public Iterator<SampleReport> iterator() {
        return StoredSamples.this.iterator(fromIndex, toIndex);
      }
    };
  }

  private Iterator<SampleReport> iterator(int from, int to) {
    return new Iterator<>() {
      private int next = from;
      private FileChannel channel;
      private final Bytes bytes = new Bytes();

      @Override
      public boolean hasNext() {
        if (next < to) {
          return true;
        }
        close();
        return false;
      }

      @Override
      public SampleReport next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
          }
          return read(channel, offsets[next++], bytes);
        } catch (IOException e) {
          close();
          throw unreadable(e);
        }
      }

      private void close() {
        if (channel != null) {
          try {
            channel.close();
          } catch (IOException ignored) {
            // read-only
          }
          channel = null;
        }
      }
    };
  }

  /**
   * Copies every sample's JSON into a generator, in sample order, without binding it (laid out byte
   * by byte for the report's own writers, see {@link JsonLayout}); when a {@link Relocation} is
   * collecting on this thread, it learns where each sample was written.
   */
  void copyTo(JsonGenerator generator) throws IOException {
    Relocation relocation = Relocation.CURRENT.get();
    long[] moved = relocation == null ? null : new long[offsets.length];
    generator.writeStartArray();
    int depth = JsonLayout.pretty(generator);
    JsonLayout layout = depth == Integer.MIN_VALUE ? null : new JsonLayout();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (int i = 0; i < offsets.length; i++) {
        if (moved != null) {
          moved[i] = relocation.position(generator);
        }
        if (layout != null) {
          // The report's own layout: the sample's bytes with the white space changed, not parsed.
          channel.position(offsets[i]);
          layout.copy(Channels.newInputStream(channel), depth, generator);
          continue;
        }
        try (JsonParser parser = parserAt(channel, offsets[i])) {
          parser.nextToken();
          generator.copyCurrentStructure(parser);
        }
      }
    }
    generator.writeEndArray();
    if (moved != null) {
      // The strings are copied as they are (only white space changes): as redacted as before.
      relocation.moved.put(this, new StoredSamples(relocation.target, moved, digest, writtenHere));
    }
  }

  /**
   * Where the stored samples of a report went when it was written to a file: a report merged from
   * files that are deleted afterwards reads its samples from the written file instead.
   */
  public static final class Relocation {
    private static final ThreadLocal<Relocation> CURRENT = new ThreadLocal<>();

    private final Path target;
    private final java.util.function.LongSupplier written;
    private final java.util.Map<StoredSamples, StoredSamples> moved =
        new java.util.IdentityHashMap<>();

    private Relocation(Path target, java.util.function.LongSupplier written) {
      this.target = target;
      this.written = written;
    }

    /**
     * Runs a write on this thread, collecting where stored samples are copied to.
     *
     * @param target the file being written (where it will be once moved into place)
     * @param written how many bytes the generator has handed to its output so far
     * @param write the write
     * @return the stored samples that were copied, each with its copy in {@code target}
     * @throws IOException when the write fails
     */
    public static java.util.Map<StoredSamples, StoredSamples> collect(
        Path target,
        java.util.function.LongSupplier written,
        AtomicFiles.Content write,
        java.io.OutputStream out)
        throws IOException {
      Relocation relocation = new Relocation(target, written);
      CURRENT.set(relocation);
      try {
        write.writeTo(out);
      } finally {
        CURRENT.remove();
      }
      return relocation.moved;
    }

    private long position(JsonGenerator generator) {
      return written.getAsLong() + generator.getOutputBuffered();
    }
  }

  /**
   * Reads one sample: field by field when it is as {@link ReportJsonWriter} writes it, else (a file
   * of an older or newer version, or edited) by data binding.
   */
  private SampleReport read(FileChannel channel, long offset) throws IOException {
    return read(channel, offset, null);
  }

  /**
   * Reads one sample; with a buffer, the sample's bytes (up to where the next sample in the file
   * starts) are read into it at once and parsed from there, instead of through a stream.
   */
  private SampleReport read(FileChannel channel, long offset, Bytes bytes) throws IOException {
    boolean whole = bytes != null && bytes.load(channel, offset);
    try (JsonParser parser = whole ? bytes.parser() : parserAt(channel, offset)) {
      parser.nextToken();
      SampleReport sample =
          writtenHere
              // Written by this JVM from redacted records: only secrets registered since can be
              // new.
              ? RedactedReads.of(() -> ReportJsonReader.sampleOrNull(parser))
              : ReportJsonReader.sampleOrNull(parser);
      if (sample != null) {
        return sample;
      }
    }
    // Not the report writer's plain shape: data binding reads it, with its result or message.
    try (JsonParser parser = whole ? bytes.parser() : parserAt(channel, offset)) {
      parser.nextToken();
      return ReportJson.mapper().readValue(parser, SampleReport.class);
    }
  }

  /** Where each sample starts, in file order: a sample ends where the next one starts. */
  private volatile long[] positions;

  private long[] positions() {
    long[] sorted = positions;
    if (sorted == null) {
      sorted = offsets.clone();
      Arrays.sort(sorted);
      positions = sorted;
    }
    return sorted;
  }

  /** A buffer of one iteration: the bytes of the sample being read. */
  private final class Bytes {
    /** A sample and what follows it up to the next one, larger than this, is streamed. */
    private static final int MAX = 1 << 20;

    private byte[] buffer = new byte[8192];
    private int start;
    private int end;

    /** Reads the sample at an offset; false when it is the file's last or too large. */
    boolean load(FileChannel channel, long offset) throws IOException {
      long[] sorted = positions();
      int at = Arrays.binarySearch(sorted, offset);
      if (at < 0 || at + 1 >= sorted.length || sorted[at + 1] - offset > MAX) {
        return false;
      }
      int length = (int) (sorted[at + 1] - offset);
      if (buffer.length < length) {
        buffer = new byte[Math.max(length, buffer.length * 2)];
      }
      java.nio.ByteBuffer target = java.nio.ByteBuffer.wrap(buffer, 0, length);
      while (target.hasRemaining()) {
        if (channel.read(target, offset + target.position()) < 0) {
          return false;
        }
      }
      start = 0;
      end = length;
      // Separators and white space before the value (pretty files) are skipped.
      while (start < end && isSeparator(buffer[start])) {
        start++;
      }
      return true;
    }

    JsonParser parser() throws IOException {
      return ReportJsonWriter.FACTORY.createParser(buffer, start, end - start);
    }
  }

  private static boolean isSeparator(int b) {
    return b == ',' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /**
   * A parser at an offset; separators and white space before the value are skipped (pretty files).
   */
  private static JsonParser parserAt(FileChannel channel, long offset) throws IOException {
    channel.position(offset);
    java.io.PushbackInputStream in =
        new java.io.PushbackInputStream(
            new java.io.BufferedInputStream(Channels.newInputStream(channel), 8192));
    int b = in.read();
    while (isSeparator(b)) {
      b = in.read();
    }
    if (b >= 0) {
      in.unread(b);
    }
    return ReportJsonWriter.FACTORY
        .createParser((InputStream) in)
        .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
  }

  private UncheckedIOException unreadable(IOException e) {
    return new UncheckedIOException(
        new IOException(
            "Cannot read the samples of an AlignUnit report entry from "
                + file
                + ": "
                + e.getMessage()
                + ". The report store keeps the file until the merged report is written.",
            e));
  }

  /**
   * Writes stored samples by copying their JSON, so {@code results.json} streams however large it
   * is.
   */
  static final class Serializer extends StdSerializer<StoredSamples> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(StoredSamples.class);
    }

    @Override
    public void serialize(StoredSamples value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      value.copyTo(generator);
    }
  }

  @Override
  public String toString() {
    return "StoredSamples[" + offsets.length + " samples in " + file + "]";
  }
}
