package dev.alignunit.model.internal;

import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * A provider's OkHttp client, built on the first request: a transport that never sends one never
 * builds OkHttp's client (or, for an https URL, its TLS context), which keeps start-up short.
 */
final class LazyClient {

  private final Supplier<OkHttpClient> factory;
  private volatile OkHttpClient client;

  LazyClient(Supplier<OkHttpClient> factory) {
    this.factory = factory;
  }

  OkHttpClient get() {
    OkHttpClient made = client;
    if (made == null) {
      synchronized (this) {
        made = client;
        if (made == null) {
          made = Objects.requireNonNull(factory.get(), "client");
          client = made;
        }
      }
    }
    return made;
  }

  /** Stops the client's threads and drops its connections, if it was ever built. */
  synchronized void closeIfMade() {
    if (client != null) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
