package dev.alignunit.report;

import dev.alignunit.model.SecretRedactor;

/**
 * The redactor every report record passes its strings through when it is built (and again when it
 * is read back), so no report file — entry files, {@code results.json}, {@code index.html},
 * transcript pages — can hold a configured key, a key-shaped string or URL credentials, whoever
 * built the record.
 */
final class ReportRedaction {

  /** The one redactor, with the secrets registered for this JVM. */
  static final SecretRedactor REDACTOR = SecretRedactor.defaults();

  private ReportRedaction() {}
}
