package dev.alignunit.model;

import dev.alignunit.AlignUnitException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Copies a throwable chain with every message redacted; see {@link
 * SecretRedactor#redact(Throwable)}.
 */
final class Redacted {

  private Redacted() {}

  static Throwable of(Throwable failure, SecretRedactor redactor) {
    if (failure == null || clean(failure, redactor, new IdentityHashMap<>())) {
      return failure;
    }
    return copy(failure, redactor, new IdentityHashMap<>());
  }

  private static boolean clean(Throwable t, SecretRedactor redactor, Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, Boolean.TRUE) != null) {
      return true;
    }
    String message = t.getMessage();
    if (message != null && redactor.redact(message) != message) {
      return false;
    }
    for (Throwable s : t.getSuppressed()) {
      if (!clean(s, redactor, seen)) {
        return false;
      }
    }
    return clean(t.getCause(), redactor, seen);
  }

  private static Throwable copy(
      Throwable t, SecretRedactor redactor, Map<Throwable, Throwable> done) {
    Throwable known = done.get(t);
    if (known != null) {
      return known;
    }
    String message = redactor.redact(t.getMessage());
    Throwable cause = t.getCause() == null || t.getCause() == t ? null : t.getCause();
    Throwable copy;
    if (t instanceof AssertionError) {
      copy = new AssertionError(message);
    } else {
      copy = new RedactedException(t.getClass().getName(), message);
    }
    done.put(t, copy);
    if (cause != null) {
      copy.initCause(copy(cause, redactor, done));
    }
    copy.setStackTrace(t.getStackTrace());
    for (Throwable suppressed : t.getSuppressed()) {
      copy.addSuppressed(copy(suppressed, redactor, done));
    }
    return copy;
  }

  /** Stands for a throwable whose message held a secret; its message names the original type. */
  static final class RedactedException extends AlignUnitException {
    private static final long serialVersionUID = 1L;

    RedactedException(String type, String message) {
      super(type + (message == null ? "" : ": " + message) + " (secrets redacted)");
    }
  }
}
