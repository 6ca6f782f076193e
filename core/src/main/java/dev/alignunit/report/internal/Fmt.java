package dev.alignunit.report.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** Number, time and name formatting of the HTML report. */
final class Fmt {

  private Fmt() {}

  static String pct(double rate) {
    double p = Math.round(rate * 1000) / 10.0;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
  }

  /**
   * A difference of rates in percentage points, with its sign: {@code +20 pts}, {@code -5 pts},
   * {@code ±0 pts}.
   */
  static String points(double delta) {
    double p = Math.round(delta * 1000) / 10.0;
    if (p == 0) {
      return "±0 pts";
    }
    String abs =
        p == Math.rint(p) ? String.valueOf((long) Math.abs(p)) : String.valueOf(Math.abs(p));
    return (p > 0 ? "+" : "-") + abs + " pts";
  }

  static String pValue(double p) {
    if (p < 0.001) {
      return "p < 0.001";
    }
    return "p = "
        + new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
  }

  static String num(double v) {
    return String.valueOf(Math.round(v * 10) / 10.0);
  }

  static String duration(long ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return Math.round(ms / 100.0) / 10.0 + " s";
    }
    return ms / 60_000 + " min " + (ms % 60_000) / 1000 + " s";
  }

  static String time(Instant instant) {
    if (instant == null) {
      return "";
    }
    return instant
        .truncatedTo(ChronoUnit.SECONDS)
        .toString()
        .replace('T', ' ')
        .replace("Z", " UTC");
  }

  /** {@code com.acme.OpsTest#refuses} becomes {@code OpsTest#refuses}; the full id is the title. */
  static String shortTestId(String testId) {
    int hash = testId.indexOf('#');
    int dot = testId.lastIndexOf('.', hash < 0 ? testId.length() : hash);
    return dot < 0 ? testId : testId.substring(dot + 1);
  }

  /** {@code com.acme.OpsTest#refuses} becomes {@code com.acme.OpsTest}. */
  static String testClass(String testId) {
    int hash = testId.indexOf('#');
    return hash < 0 ? testId : testId.substring(0, hash);
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
