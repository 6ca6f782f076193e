package dev.alignunit.report;

import dev.alignunit.model.SecretRedactor;

/**
 * The redactor every report record passes its strings through when it is built (and again when it
 * is read back from a file), so no report file — entry files, {@code results.json}, {@code
 * index.html}, transcript pages — can hold a configured key, a key-shaped string or URL
 * credentials, whoever built the record. The one exception: samples this JVM wrote itself are read
 * back for their transcript pages without a second pass while no secret was registered since they
 * were written ({@link dev.alignunit.report.internal.RedactedReads}), because every string they
 * hold already went through this redactor with the same secrets.
 */
final class ReportRedaction {

  /** The one redactor, with the secrets registered for this JVM. */
  static final Redactor REDACTOR = new Redactor(SecretRedactor.defaults());

  /** Redacts, unless this thread is reading back samples redacted with the same secrets. */
  static final class Redactor {
    private final SecretRedactor redactor;

    private Redactor(SecretRedactor redactor) {
      this.redactor = redactor;
    }

    String redact(String text) {
      return dev.alignunit.report.internal.RedactedReads.active() ? text : redactor.redact(text);
    }
  }

  private ReportRedaction() {}
}
