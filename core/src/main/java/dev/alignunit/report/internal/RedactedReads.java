package dev.alignunit.report.internal;

import org.apiguardian.api.API;

/**
 * Reading back, on this thread, samples whose every string already went through the report's
 * redactor: the report records then only redact the registered secrets ({@link
 * dev.alignunit.model.SecretRedactor#redactRegistered(String)}, which may have been registered
 * after a sample was made) instead of scanning again for key shapes and URL credentials. Only
 * {@link StoredSamples} of an entry file this JVM wrote use it; every other read redacts in full.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RedactedReads {

  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  private RedactedReads() {}

  /**
   * @return whether this thread is reading back already redacted samples
   */
  public static boolean active() {
    return ACTIVE.get() != null;
  }

  /** A read of already redacted samples. */
  @FunctionalInterface
  interface Read {
    dev.alignunit.report.SampleReport read();
  }

  /** Runs a read with the report records' redaction off on this thread. */
  static dev.alignunit.report.SampleReport of(Read read) {
    ACTIVE.set(Boolean.TRUE);
    try {
      return read.read();
    } finally {
      ACTIVE.remove();
    }
  }
}
