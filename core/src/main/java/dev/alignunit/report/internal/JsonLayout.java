package dev.alignunit.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lays out one JSON value written by the report's own mapper (an entry file's sample, compact or
 * pretty) as the report's writer would write it at a given depth, byte for byte, without parsing it
 * into tokens and writing them again: merging {@code results.json} copies each stored sample this
 * way. Only the white space between tokens changes; strings, numbers and literals are copied as
 * they are, since the same mapper wrote them.
 */
final class JsonLayout {

  /** Indentation of one level and the line end of the report's pretty printer. */
  private static final String INDENT = "  ";

  /** The value being read: its bytes are read a buffer at a time. */
  private InputStream in;

  private final byte[] buffer = new byte[8192];
  private int pos;
  private int limit;

  private byte[] out = new byte[8192];

  /** A line end and the spaces of the deepest level so far. */
  private byte[] lineBreak = new byte[0];

  private int size;
  private boolean[] empty = new boolean[16];

  /**
   * The report's pretty printer, a type of its own so that {@link #pretty(JsonGenerator)} knows the
   * layout a generator writes.
   */
  static final class Printer extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    Printer() {
      indentObjectsWith(new DefaultIndenter(INDENT, "\n"));
      indentArraysWith(new DefaultIndenter(INDENT, "\n"));
    }

    private Printer(Printer base) {
      super(base);
    }

    @Override
    public Printer createInstance() {
      return new Printer(this);
    }
  }

  /**
   * The layout a generator writes values in: {@code -1} compact, else the depth (open arrays and
   * objects) of its current context, for the report's pretty printer; {@link Integer#MIN_VALUE} for
   * any other printer, which this class cannot imitate.
   */
  static int pretty(JsonGenerator generator) {
    if (generator.getPrettyPrinter() == null) {
      return -1;
    }
    if (!(generator.getPrettyPrinter() instanceof Printer)) {
      return Integer.MIN_VALUE;
    }
    int depth = 0;
    for (var context = generator.getOutputContext();
        context != null && !context.inRoot();
        context = context.getParent()) {
      depth++;
    }
    return depth;
  }

  /**
   * Reads one value (an object or array; separators and white space before it are skipped) and
   * writes it to the generator as a raw value, laid out for {@code depth} ({@code -1}: compact).
   */
  void copy(InputStream in, int depth, JsonGenerator generator) throws IOException {
    size = 0;
    layOut(in, depth);
    generator.writeRawValue(new Raw(Arrays.copyOf(out, size)));
  }

  /**
   * The laid out bytes of one value; tests compare them with what the report's writer writes.
   *
   * @param in the value
   * @param depth the depth of the value, {@code -1} for compact
   * @return the bytes
   */
  byte[] layOutValue(InputStream in, int depth) throws IOException {
    size = 0;
    layOut(in, depth);
    return Arrays.copyOf(out, size);
  }

  private void layOut(InputStream source, int depth) throws IOException {
    in = source;
    pos = 0;
    limit = 0;
    boolean pretty = depth >= 0;
    int level = Math.max(depth, 0);
    int open = 0;
    int b = next();
    while (b == ',' || b == ' ' || b == '\n' || b == '\r' || b == '\t') {
      b = next();
    }
    if (b != '{' && b != '[') {
      throw new IOException("expected a JSON object or array, found " + describe(b));
    }
    while (true) {
      switch (b) {
        case -1 -> throw new IOException("the JSON value ends early");
        case ' ', '\n', '\r', '\t' -> {}
        case '{', '[' -> {
          firstEntry(open, pretty, level);
          add(b);
          if (open == empty.length) {
            empty = Arrays.copyOf(empty, open * 2);
          }
          empty[open++] = true;
          level++;
        }
        case '}', ']' -> {
          level--;
          if (empty[--open]) {
            if (pretty) {
              add(' ');
            }
          } else if (pretty) {
            newLine(level);
          }
          add(b);
          if (open == 0) {
            return;
          }
        }
        case ',' -> {
          add(',');
          if (pretty) {
            newLine(level);
          }
        }
        case ':' -> {
          if (pretty) {
            add(' ');
            add(':');
            add(' ');
          } else {
            add(':');
          }
        }
        case '"' -> {
          firstEntry(open, pretty, level);
          add('"');
          copyString();
        }
        default -> {
          // a number, true, false or null: up to the next delimiter
          firstEntry(open, pretty, level);
          add(b);
          b = next();
          while (b >= 0 && !delimiter(b)) {
            add(b);
            b = next();
          }
          continue;
        }
      }
      b = next();
    }
  }

  private static boolean delimiter(int b) {
    return b == ',' || b == ':' || b == ']' || b == '}' || b == ' ' || b == '\n' || b == '\r'
        || b == '\t';
  }

  /** Copies the rest of a string, its closing quote included, a run of plain bytes at a time. */
  private void copyString() throws IOException {
    while (true) {
      if (pos == limit && !fill()) {
        throw new IOException("a JSON string ends early");
      }
      int from = pos;
      while (pos < limit && buffer[pos] != '"' && buffer[pos] != '\\') {
        pos++;
      }
      addAll(from, pos);
      if (pos == limit) {
        continue;
      }
      byte b = buffer[pos++];
      add(b);
      if (b == '"') {
        return;
      }
      int escaped = next();
      if (escaped < 0) {
        throw new IOException("a JSON string ends early");
      }
      add(escaped);
    }
  }

  private int next() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buffer[pos++] & 0xFF;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    pos = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  private void addAll(int from, int to) {
    int n = to - from;
    if (size + n > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, size + n));
    }
    System.arraycopy(buffer, from, out, size, n);
    size += n;
  }

  /** Before the first entry of an array or object: the pretty printer's line break. */
  private void firstEntry(int open, boolean pretty, int level) {
    if (open > 0 && empty[open - 1]) {
      empty[open - 1] = false;
      if (pretty) {
        newLine(level);
      }
    }
  }

  private void newLine(int level) {
    int n = 1 + 2 * level;
    if (n > lineBreak.length) {
      lineBreak = new byte[n * 2];
      Arrays.fill(lineBreak, (byte) ' ');
      lineBreak[0] = '\n';
    }
    if (size + n > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, size + n));
    }
    System.arraycopy(lineBreak, 0, out, size, n);
    size += n;
  }

  private void add(int b) {
    if (size == out.length) {
      out = Arrays.copyOf(out, size * 2);
    }
    out[size++] = (byte) b;
  }

  private static String describe(int b) {
    return b < 0 ? "the end of the file" : "'" + (char) b + "'";
  }

  /**
   * Bytes a generator writes as they are ({@code writeRaw}); the quoted forms are never asked for.
   */
  private record Raw(byte[] bytes) implements SerializableString {

    @Override
    public String getValue() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
      return getValue().length();
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return bytes;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      if (offset + bytes.length > buffer.length) {
        return -1;
      }
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
      return bytes.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      String value = getValue();
      if (offset + value.length() > buffer.length) {
        return -1;
      }
      value.getChars(0, value.length(), buffer, offset);
      return value.length();
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(bytes);
      return bytes.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      if (buffer.remaining() < bytes.length) {
        return -1;
      }
      buffer.put(bytes);
      return bytes.length;
    }

    @Override
    public char[] asQuotedChars() {
      throw quoted();
    }

    @Override
    public byte[] asQuotedUTF8() {
      throw quoted();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      throw quoted();
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      throw quoted();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
      throw quoted();
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
      throw quoted();
    }

    private static UnsupportedOperationException quoted() {
      return new UnsupportedOperationException("raw JSON is never written as a quoted string");
    }
  }
}
