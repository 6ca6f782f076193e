package dev.alignunit.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test fixtures from {@code scenario-fixtures/} (outside the scanned catalog folder). */
final class Fixtures {

  private Fixtures() {}

  static String read(String name) {
    try (InputStream in =
        Fixtures.class.getClassLoader().getResourceAsStream("scenario-fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Scenario parse(String name) {
    return ScenarioCatalog.parse(read(name), name);
  }
}
