package dev.alignunit.junit5.internal;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A value the extension keeps in an {@link ExtensionContext.Store} and that must be closed with it.
 * JUnit Jupiter closes stored {@link AutoCloseable}s only from 5.13 on; 5.10 to 5.12 (Spring Boot
 * 3.5 manages 5.12) close only {@link ExtensionContext.Store.CloseableResource}s, so on those
 * versions recordings were never written and the report never finished. Implementing both works
 * everywhere: 5.13 and later call {@link AutoCloseable#close()} once and skip the other.
 */
@SuppressWarnings("deprecation") // CloseableResource is deprecated since 5.13, and needed before it
interface StoreResource extends AutoCloseable, ExtensionContext.Store.CloseableResource {

  /** Closes the resource; idempotent. */
  @Override
  void close();
}
