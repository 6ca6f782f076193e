package dev.alignunit.report.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values {@link ReportJsonReader} accepts, each of exactly the JSON type the report's writers
 * write it as; anything else throws {@link #NOT_PLAIN}, so data binding reads the file instead.
 */
final class PlainJson {

  /** Not the plain shape: data binding decides. Thrown without a stack trace. */
  static final class NotPlain extends IOException {
    private static final long serialVersionUID = 1L;

    NotPlain() {
      super("not the report writer's plain shape");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // a signal, not an error: no stack trace
    }
  }

  static final NotPlain NOT_PLAIN = new NotPlain();

  private PlainJson() {}

  /** Reads the value the parser is at. */
  interface Read<T> {
    T read(JsonParser p) throws IOException;
  }

  /**
   * The fields of an object, each at most once: the index of the next field's name in {@code names}
   * with the parser at its value, or -1 at the object's end.
   */
  static final class Fields {
    private final JsonParser p;
    private final List<String> names;
    private int seen;

    Fields(JsonParser p, List<String> names) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw NOT_PLAIN;
      }
      this.p = p;
      this.names = names;
    }

    int next() throws IOException {
      JsonToken token = p.nextToken();
      if (token == JsonToken.END_OBJECT) {
        return -1;
      }
      int index = token == JsonToken.FIELD_NAME ? names.indexOf(p.currentName()) : -1;
      if (index < 0 || (seen & 1 << index) != 0 || p.nextToken() == JsonToken.VALUE_NULL) {
        throw NOT_PLAIN;
      }
      seen |= 1 << index;
      return index;
    }
  }

  static <T> List<T> list(JsonParser p, Read<T> element) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw NOT_PLAIN;
    }
    List<T> values = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null || t == JsonToken.VALUE_NULL) {
        throw NOT_PLAIN;
      }
      values.add(element.read(p));
    }
    return values;
  }

  static <T> Map<String, T> map(JsonParser p, Read<T> value) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw NOT_PLAIN;
    }
    Map<String, T> values = new LinkedHashMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t != JsonToken.FIELD_NAME) {
        throw NOT_PLAIN;
      }
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_NULL || values.put(key, value.read(p)) != null) {
        throw NOT_PLAIN;
      }
    }
    return values;
  }

  static String string(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw NOT_PLAIN;
    }
    return p.getText();
  }

  static Instant instant(JsonParser p) throws IOException {
    return Instant.parse(string(p));
  }

  static int integer(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() != JsonParser.NumberType.INT) {
      throw NOT_PLAIN;
    }
    return p.getIntValue();
  }

  static long longValue(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw NOT_PLAIN;
    }
    return p.getLongValue();
  }

  static double decimal(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
      throw NOT_PLAIN;
    }
    return p.getDoubleValue();
  }

  static boolean bool(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw NOT_PLAIN;
    }
    return t == JsonToken.VALUE_TRUE;
  }
}
