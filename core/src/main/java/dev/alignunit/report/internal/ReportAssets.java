package dev.alignunit.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report's stylesheet and script, kept as resources ({@code alignunit/report/report.css},
 * {@code report.js}) and inlined into every page, and the Content-Security-Policy that allows
 * exactly that script (by its hash), inline styles and nothing from the network. Loaded on the
 * first render, not when the class loads.
 */
final class ReportAssets {

  private static String css;
  private static String script;
  private static String csp;

  private ReportAssets() {}

  static synchronized String css() {
    load();
    return css;
  }

  static synchronized String script() {
    load();
    return script;
  }

  static synchronized String csp() {
    load();
    return csp;
  }

  private static void load() {
    if (css == null) {
      css = resource("report.css");
      script = resource("report.js");
      csp =
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '"
              + Fmt.sha256(script)
              + "'; base-uri 'none'; form-action 'none'";
    }
  }

  private static String resource(String name) {
    String path = "/alignunit/report/" + name;
    try (InputStream in = ReportAssets.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "The AlignUnit jar lacks " + path + "; it is damaged or repackaged without it.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path + " from the AlignUnit jar", e);
    }
  }
}
