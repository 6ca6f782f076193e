package dev.alignunit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apiguardian.api.API;

/**
 * The one plain Jackson mapper of the library (default configuration), shared by the wire codecs,
 * the HTTP transport, the sandbox and the recordings. An {@code ObjectMapper} is thread-safe once
 * configured, and each new one costs its own set-up (type factory, caches, serializer lookups), so
 * the library makes this one once, when it is first needed. Mappers with their own configuration
 * (reports, baselines, the judge) keep their own. Never configure the shared one.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Json {

  private Json() {}

  /**
   * @return the shared mapper with Jackson's default configuration; never configure it
   */
  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  /** Created on first use, not when a class that may need it is loaded. */
  private static final class Holder {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Holder() {}
  }
}
