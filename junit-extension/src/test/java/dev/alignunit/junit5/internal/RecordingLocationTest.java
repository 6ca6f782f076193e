package dev.alignunit.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingLocationTest {

  @TempDir Path dir;

  private final List<String> console = new ArrayList<>();

  /** A second class with the simple name of the first, in another "package" (a nested class). */
  static final class RecordingLocationTestTwin {}

  @Test
  void should_keep_recordings_under_the_fully_qualified_class_name() {
    Path file =
        RecordingLocation.of(
            dir, RecordingLocationTest.class, "refuses", Map.of(), false, console::add);

    assertThat(file)
        .isEqualTo(dir.resolve("dev.alignunit.junit5.internal.RecordingLocationTest/refuses.json"));
    assertThat(
            RecordingLocation.of(
                dir, RecordingLocationTestTwin.class, "refuses", Map.of(), false, console::add))
        .isEqualTo(
            dir.resolve(
                "dev.alignunit.junit5.internal.RecordingLocationTest-RecordingLocationTestTwin/refuses.json"));
  }

  @Test
  void should_move_a_recording_from_the_simple_class_name_outside_ci() throws IOException {
    Path legacy =
        Files.createDirectories(dir.resolve("RecordingLocationTest")).resolve("refuses.json");
    Files.writeString(legacy, "{}");

    Path file =
        RecordingLocation.of(
            dir, RecordingLocationTest.class, "refuses", Map.of(), false, console::add);

    assertThat(file).hasContent("{}");
    assertThat(legacy.getParent()).doesNotExist();
    assertThat(console)
        .containsExactly("Recording moved to its class's full name: " + legacy + " -> " + file);
  }

  @Test
  void should_read_a_recording_at_the_simple_class_name_in_ci_without_moving_it()
      throws IOException {
    Path legacy =
        Files.createDirectories(dir.resolve("RecordingLocationTest")).resolve("refuses.json");
    Files.writeString(legacy, "{}");

    assertThat(
            RecordingLocation.of(
                dir, RecordingLocationTest.class, "refuses", Map.of(), true, console::add))
        .isEqualTo(legacy);
    assertThat(legacy).exists();
    assertThat(console).isEmpty();
  }
}
