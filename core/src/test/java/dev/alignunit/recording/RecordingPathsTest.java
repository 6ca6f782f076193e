package dev.alignunit.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingPathsTest {

  private static final Path DIR = Path.of(RecordingPaths.DEFAULT_DIR);

  @Test
  void should_name_file_after_class_and_method_when_scenario_has_no_variables() {
    assertThat(RecordingPaths.file(DIR, "RefusalTest", "refuses", Map.of()))
        .isEqualTo(Path.of("src/test/resources/alignunit/recordings/RefusalTest/refuses.json"));
  }

  @Test
  void should_append_sorted_variant_slug_when_scenario_has_variables() {
    Map<String, String> variant = new LinkedHashMap<>();
    variant.put("urgency", "replacement");
    variant.put("goal", "explicit");
    assertThat(RecordingPaths.file(DIR, "BlackmailTest", "neverBlackmails", variant).getFileName())
        .hasToString("neverBlackmails__goal-explicit_urgency-replacement.json");
  }

  @Test
  void should_replace_unsafe_characters_when_names_contain_them() {
    assertThat(RecordingPaths.file(DIR, "Outer$Inner", "refuses", Map.of("goal", "a/b: c?")))
        .isEqualTo(DIR.resolve("Outer-Inner").resolve("refuses__goal-a-b-c.json"));
    assertThat(RecordingPaths.safe("../../etc/passwd")).isEqualTo("etc-passwd");
    assertThat(RecordingPaths.safe("???")).isEqualTo("unnamed");
  }

  @Test
  void should_cut_long_names_with_a_hash_when_longer_than_the_limit() {
    String a = RecordingPaths.safe("m".repeat(200) + "a");
    String b = RecordingPaths.safe("m".repeat(200) + "b");
    assertThat(a).hasSize(RecordingPaths.MAX_SEGMENT).startsWith("mmm").isNotEqualTo(b);
    assertThat(b).hasSize(RecordingPaths.MAX_SEGMENT);
  }
}
