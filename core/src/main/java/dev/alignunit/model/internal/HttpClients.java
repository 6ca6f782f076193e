package dev.alignunit.model.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.apiguardian.api.API;

/** Builds the one OkHttp client each provider uses for the whole run. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HttpClients {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private HttpClients() {}

  /**
   * Creates a provider's client. The call timeout bounds one attempt from start to finished body;
   * read and write timeouts equal it because models may think for long before the first byte
   * (OkHttp's 10 s default would cut them off). The pool keeps at least {@code concurrency} idle
   * connections so concurrent requests reuse them instead of reconnecting. OkHttp's own silent
   * retry is off: every retry goes through {@link HttpTransport}'s counted policy (retries are
   * logged at DEBUG to the {@code System.Logger} named after {@link HttpTransport}).
   *
   * @param timeout per-attempt timeout
   * @param concurrency the provider's concurrency limit
   * @param listener an event listener (benchmarks count connections), or {@code null}
   * @return the client
   */
  public static OkHttpClient create(Duration timeout, int concurrency, EventListener listener) {
    return create(timeout, concurrency, listener, true);
  }

  /**
   * Creates a provider's client, as {@link #create(Duration, int, EventListener)} does; a client
   * for a plain {@code http://} base URL (a local or loopback server) speaks cleartext only, so
   * OkHttp never loads the JDK's trust store and builds no TLS context for it (a few hundred
   * milliseconds of start-up).
   *
   * @param timeout per-attempt timeout
   * @param concurrency the provider's concurrency limit
   * @param listener an event listener (benchmarks count connections), or {@code null}
   * @param tls whether the base URL is {@code https}
   * @return the client
   */
  public static OkHttpClient create(
      Duration timeout, int concurrency, EventListener listener, boolean tls) {
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(CONNECT_TIMEOUT.compareTo(timeout) < 0 ? CONNECT_TIMEOUT : timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout)
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .connectionPool(new ConnectionPool(Math.max(5, concurrency), 5, TimeUnit.MINUTES));
    if (listener != null) {
      builder.eventListener(listener);
    }
    if (!tls) {
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    return builder.build();
  }
}
