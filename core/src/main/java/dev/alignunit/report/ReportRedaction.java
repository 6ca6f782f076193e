package dev.alignunit.report;

import dev.alignunit.model.SecretRedactor;

/**
 * The redactor every report record passes its strings through when it is built (and again when it
 * is read back from a file), so no report file — entry files, {@code results.json}, {@code
 * index.html}, transcript pages — can hold a configured key, a key-shaped string or URL
 * credentials, whoever built the record. Samples this JVM wrote itself are read back for their
 * transcript pages without a second full pass ({@link
 * dev.alignunit.report.internal.RedactedReads}): their key shapes and URL credentials were redacted
 * when they were made and the registered secrets again when they were written, so only a secret
 * registered since can be new, and the registered secrets are redacted again only then.
 */
final class ReportRedaction {

  /** The one redactor, with the secrets registered for this JVM. */
  static final Redactor REDACTOR = new Redactor(SecretRedactor.defaults());

  /**
   * Redacts; when this thread reads back samples redacted before, only registered secrets, and only
   * when one was registered since they were written.
   */
  static final class Redactor {
    private final SecretRedactor redactor;

    private Redactor(SecretRedactor redactor) {
      this.redactor = redactor;
    }

    /**
     * The system prompt redacted last, with the registered secrets' count then: a scenario's prompt
     * is the same instance in every sample, so it is scanned once per scenario, not per sample.
     */
    private volatile Memo system;

    private record Memo(String text, String redacted, int registered) {}

    /**
     * Redacts a system prompt: the same instance as last time, with no secret registered since,
     * gives the same result without another scan (the registry only grows, so an equal count is an
     * equal registry).
     */
    String redactSystem(String text) {
      if (text == null || dev.alignunit.report.internal.RedactedReads.active()) {
        return redact(text);
      }
      int registered = SecretRedactor.registeredCount();
      Memo last = system;
      if (last != null && last.text() == text && last.registered() == registered) {
        return last.redacted();
      }
      String redacted = redactor.redact(text);
      system = new Memo(text, redacted, registered);
      return redacted;
    }

    String redact(String text) {
      if (!dev.alignunit.report.internal.RedactedReads.active()) {
        return redactor.redact(text);
      }
      return dev.alignunit.report.internal.RedactedReads.registeredSince()
          ? SecretRedactor.redactRegistered(text)
          : text;
    }
  }

  private ReportRedaction() {}
}
