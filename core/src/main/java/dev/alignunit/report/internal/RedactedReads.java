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

  /**
   * {@link Boolean#TRUE}: redact the registered secrets only; {@link Boolean#FALSE}: not at all (no
   * secret was registered since the samples were written with every registered one redacted).
   */
  private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

  private RedactedReads() {}

  /**
   * @return whether this thread is reading back already redacted samples
   */
  public static boolean active() {
    return ACTIVE.get() != null;
  }

  /**
   * @return whether the samples being read back on this thread may hold a secret registered since
   *     they were written (then the registered secrets are redacted again); only meaningful while
   *     {@link #active()}
   */
  public static boolean registeredSince() {
    return ACTIVE.get() == Boolean.TRUE;
  }

  /** A read of already redacted samples. */
  @FunctionalInterface
  interface Read {
    dev.alignunit.report.SampleReport read();
  }

  /** Runs a read with the report records' redaction off on this thread but registered secrets. */
  static dev.alignunit.report.SampleReport of(Read read) {
    return of(true, read);
  }

  /**
   * Runs a read with the report records' redaction off on this thread.
   *
   * @param registeredSince whether a secret was registered since the samples were written: then the
   *     registered secrets are redacted again, else nothing is
   */
  static dev.alignunit.report.SampleReport of(boolean registeredSince, Read read) {
    ACTIVE.set(registeredSince);
    try {
      return read.read();
    } finally {
      ACTIVE.remove();
    }
  }
}
