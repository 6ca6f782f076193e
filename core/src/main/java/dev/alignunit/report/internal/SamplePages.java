package dev.alignunit.report.internal;

import dev.alignunit.model.SecretRedactor;
import dev.alignunit.report.SampleReport;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The transcript markup of a large streamed entry's samples, rendered as each sample was written
 * (in the thread that ran it) into a file beside the entry file: the transcript pages then copy
 * each sample's bytes instead of reading the sample back from JSON and rendering it at the end of
 * the run. A sample's markup is all of {@link TranscriptHtml#sample} after the entry's key, with
 * the span of its system prompt's block, which a page leaves out when every sample shares the
 * prompt. The pages use it only while no secret was {@linkplain SecretRedactor#register registered}
 * after the samples were written; otherwise they read the samples back, redacting them again.
 * Immutable once built.
 */
final class SamplePages {

  /** The markup of one sample, UTF-8, and where its system prompt's block is. */
  record Markup(byte[] bytes, int systemFrom, int systemTo) {

    /** Renders a sample's markup as {@link TranscriptHtml#sample} does, after the key. */
    static Markup of(SampleReport s) {
      StringBuilder o = new StringBuilder(4096);
      int[] system = new int[2];
      TranscriptHtml.afterKey(o, s, true, TranscriptHtml.flagged(s), system);
      // Encoded in three parts split before '<' (never inside a surrogate pair), so the span is
      // known in bytes; the bytes are those of encoding the whole.
      byte[] head = o.substring(0, system[0]).getBytes(StandardCharsets.UTF_8);
      byte[] prompt = o.substring(system[0], system[1]).getBytes(StandardCharsets.UTF_8);
      byte[] tail = o.substring(system[1]).getBytes(StandardCharsets.UTF_8);
      byte[] bytes = Arrays.copyOf(head, head.length + prompt.length + tail.length);
      System.arraycopy(prompt, 0, bytes, head.length, prompt.length);
      System.arraycopy(tail, 0, bytes, head.length + prompt.length, tail.length);
      return new Markup(bytes, head.length, head.length + prompt.length);
    }
  }

  private final Path file;

  /** By sample number - 1: the markup's offset in {@link #file} plus one, 0 when it has none. */
  private final long[] at;

  private final int[] length;
  private final int[] systemFrom;
  private final int[] systemTo;

  /** How many secrets were registered when the last sample of the set was written, at the least. */
  private final int redactedUpTo;

  private SamplePages(
      Path file, long[] at, int[] length, int[] systemFrom, int[] systemTo, int redactedUpTo) {
    this.file = file;
    this.at = at;
    this.length = length;
    this.systemFrom = systemFrom;
    this.systemTo = systemTo;
    this.redactedUpTo = redactedUpTo;
  }

  /**
   * @return whether the markup is as redacted as reading the samples back would make it: no secret
   *     was registered since the samples were written
   */
  boolean current() {
    return SecretRedactor.registeredCount() <= redactedUpTo;
  }

  /** Opens the markup for reading; close it. */
  Reader reader() throws IOException {
    return new Reader(FileChannel.open(file, StandardOpenOption.READ));
  }

  /** Reads the markup of samples, by index (sample number - 1), through one channel. */
  final class Reader implements Closeable {
    private final FileChannel channel;
    private byte[] buffer = new byte[8192];

    private Reader(FileChannel channel) {
      this.channel = channel;
    }

    /** Whether a sample's markup was rendered (samples written early in a set were not). */
    boolean has(int index) {
      return index < at.length && at[index] != 0;
    }

    /**
     * Writes a sample's markup; without the system prompt's block when it is shown once for all.
     */
    void write(int index, boolean withSystem, Writer out) throws IOException {
      int n = length[index];
      if (buffer.length < n) {
        buffer = new byte[Math.max(n, buffer.length * 2)];
      }
      ByteBuffer target = ByteBuffer.wrap(buffer, 0, n);
      long from = at[index] - 1;
      while (target.hasRemaining()) {
        if (channel.read(target, from + target.position()) < 0) {
          throw new IOException("the transcript markup of " + file + " ends early");
        }
      }
      if (withSystem) {
        raw(out, buffer, 0, n);
      } else {
        raw(out, buffer, 0, systemFrom[index]);
        raw(out, buffer, systemTo[index], n - systemTo[index]);
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** Bytes already UTF-8 to a page: as they are to a file, decoded to any other writer. */
  static void raw(Writer out, byte[] bytes, int offset, int length) throws IOException {
    if (out instanceof Utf8Writer utf8) {
      utf8.writeUtf8(bytes, offset, length);
    } else {
      out.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }
  }

  /**
   * Collects the markup of a stream's samples in a hidden temporary file while it is written, then
   * moves it beside the entry file. Not thread-safe: the stream calls it under its lock.
   */
  static final class Builder implements Closeable {
    private final Path temp;
    private final OutputStream out;
    private long written;
    private long[] at = new long[64];
    private int[] length = new int[64];
    private int[] systemFrom = new int[64];
    private int[] systemTo = new int[64];
    private IOException failure;

    /** Starts the file in the entry's directory. */
    Builder(Path dir) throws IOException {
      temp = Files.createTempFile(dir, ".stream-", ".html.tmp");
      out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
    }

    /** Adds the markup of a sample whose number is new (the stream checks). */
    void add(int number, Markup markup) {
      if (failure != null) {
        return;
      }
      try {
        out.write(markup.bytes());
      } catch (IOException e) {
        failure = e; // the pages read the sample back instead
        return;
      }
      if (number > at.length) {
        int size = Math.max(number, at.length * 2);
        at = Arrays.copyOf(at, size);
        length = Arrays.copyOf(length, size);
        systemFrom = Arrays.copyOf(systemFrom, size);
        systemTo = Arrays.copyOf(systemTo, size);
      }
      at[number - 1] = written + 1;
      length[number - 1] = markup.bytes().length;
      systemFrom[number - 1] = markup.systemFrom();
      systemTo[number - 1] = markup.systemTo();
      written += markup.bytes().length;
    }

    /**
     * Moves the file beside the entry file; empty when it could not be written (the pages read the
     * samples back).
     *
     * @param target where the markup goes (not a {@code .json} file: merges skip it)
     * @param count the entry's samples
     * @param redactedUpTo the registered secrets every written sample was redacted with
     */
    java.util.Optional<SamplePages> finish(Path target, int count, int redactedUpTo) {
      try {
        out.close();
        if (failure != null) {
          throw failure;
        }
        AtomicFiles.move(temp, target);
      } catch (IOException e) {
        close();
        return java.util.Optional.empty();
      }
      int n = Math.min(count, at.length);
      return java.util.Optional.of(
          new SamplePages(
              target,
              Arrays.copyOf(at, n),
              Arrays.copyOf(length, n),
              Arrays.copyOf(systemFrom, n),
              Arrays.copyOf(systemTo, n),
              redactedUpTo));
    }

    /** Abandons the markup and deletes its file. Idempotent. */
    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException ignored) {
        // the file goes anyway
      }
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // a hidden temporary file; StaleTemporaryFiles removes it
      }
    }
  }
}
