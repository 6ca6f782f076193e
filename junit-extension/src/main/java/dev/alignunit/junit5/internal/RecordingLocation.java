package dev.alignunit.junit5.internal;

import dev.alignunit.recording.RecordingPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where a test's recording lives: under the test class's fully-qualified name ({@code
 * recordings/com.shop.SafetyTest/refuses.json}), so two {@code SafetyTest} classes in different
 * packages never share files. A recording at the former place (the simple class name, {@code
 * recordings/SafetyTest/refuses.json}) is moved to the new one the first time the test runs outside
 * CI, and read where it is under CI (which never writes).
 */
final class RecordingLocation {

  private RecordingLocation() {}

  /**
   * @param console where the line saying a recording was moved goes
   */
  static Path of(
      Path dir,
      Class<?> testClass,
      String name,
      Map<String, String> variant,
      boolean ci,
      Consumer<String> console) {
    Path file = RecordingPaths.file(dir, testClass.getName(), name, variant);
    Path legacy = RecordingPaths.file(dir, testClass.getSimpleName(), name, variant);
    if (Files.exists(file) || !Files.isRegularFile(legacy)) {
      return file;
    }
    if (ci) {
      return legacy;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.move(legacy, file);
      try (var left = Files.list(legacy.getParent())) {
        if (left.findAny().isEmpty()) {
          Files.delete(legacy.getParent());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not move the recording "
              + legacy.toAbsolutePath()
              + " to "
              + file.toAbsolutePath()
              + " (recordings are now kept under the test class's full name): "
              + e.getMessage()
              + ". Move it by hand.",
          e);
    }
    console.accept(
        "Recording moved to its class's full name: "
            + legacy.toAbsolutePath()
            + " -> "
            + file.toAbsolutePath());
    return file;
  }
}
