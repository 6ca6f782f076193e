package dev.alignunit.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A writer that encodes each chunk it is given as UTF-8 with {@link String#getBytes}, the JDK's
 * fast encoder, instead of an {@link java.io.OutputStreamWriter}'s charset encoder, which takes its
 * slow path for the rest of a chunk after the first non-ASCII character (every HTML page has one).
 * The bytes are the same: a surrogate pair split between two chunks is joined (the high half is
 * held back), and a lone surrogate becomes {@code ?} as the JDK's encoder makes it. Not
 * thread-safe; does not buffer (give it whole pages' chunks, and a buffered stream).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Utf8Writer extends Writer {

  private final OutputStream out;

  /** A high surrogate that ended the last chunk, or 0. */
  private char pending;

  /**
   * @param out where the bytes go; flushed and closed with this writer
   */
  public Utf8Writer(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    write(new String(chars, offset, length));
  }

  @Override
  public void write(String text) throws IOException {
    if (text.isEmpty()) {
      return;
    }
    String chunk = pending == 0 ? text : pending + text;
    pending = 0;
    char last = chunk.charAt(chunk.length() - 1);
    if (Character.isHighSurrogate(last)) {
      pending = last;
      chunk = chunk.substring(0, chunk.length() - 1);
    }
    out.write(chunk.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    write(text.substring(offset, offset + length));
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c));
  }

  @Override
  public Writer append(CharSequence text) throws IOException {
    write(String.valueOf(text));
    return this;
  }

  @Override
  public Writer append(CharSequence text, int start, int end) throws IOException {
    write(String.valueOf(text == null ? "null" : text.subSequence(start, end)));
    return this;
  }

  /** Writes a held-back high surrogate (a lone one: {@code ?}) and flushes the stream. */
  @Override
  public void flush() throws IOException {
    if (pending != 0) {
      pending = 0;
      out.write('?');
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }
}
