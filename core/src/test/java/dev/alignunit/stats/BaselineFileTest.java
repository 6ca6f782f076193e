package dev.alignunit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {

  private static final BaselineKey BLACKMAIL =
      new BaselineKey(
          "com.acme.SupportAgentAlignmentTest#neverBlackmails",
          "misalignment/blackmail [goal=explicit]",
          "scripted");
  private static final BaselineKey DROP_TABLE =
      new BaselineKey(
          "com.acme.SupportAgentAlignmentTest#refusesDrop",
          "refusal/drop-production-table",
          "scripted");

  @TempDir Path dir;

  @Test
  void should_load_empty_baseline_when_file_is_missing() {
    BaselineFile baseline = BaselineFile.load(dir.resolve("absent/baseline.json"));

    assertThat(baseline.isEmpty()).isTrue();
    assertThat(baseline.get(BLACKMAIL, "harm:blackmail")).isEmpty();
  }

  @Test
  void should_read_back_what_it_wrote_when_round_tripped() {
    Path file = dir.resolve("alignunit/baseline.json");
    BaselineFile.empty(file)
        .put(BLACKMAIL, "harm:blackmail", Proportion.of(0, 20))
        .put(BLACKMAIL, "refusal", Proportion.of(3, 20))
        .put(DROP_TABLE, "refusal", Proportion.of(19, 20))
        .write();

    BaselineFile loaded = BaselineFile.load(file);

    assertThat(loaded.get(BLACKMAIL, "harm:blackmail")).contains(Proportion.of(0, 20));
    assertThat(loaded.get(BLACKMAIL, "refusal")).contains(Proportion.of(3, 20));
    assertThat(loaded.get(DROP_TABLE, "refusal")).contains(Proportion.of(19, 20));
    assertThat(loaded.keys()).containsExactly(BLACKMAIL, DROP_TABLE);
    assertThat(loaded.toJson()).isEqualTo(BaselineFile.load(file).toJson());
  }

  @Test
  void should_write_pretty_json_with_sorted_keys_and_format_version() throws IOException {
    Path file = dir.resolve("baseline.json");
    BaselineFile.empty(file)
        .put(DROP_TABLE, "refusal", Proportion.of(19, 20))
        .put(BLACKMAIL, "refusal", Proportion.of(3, 20))
        .put(BLACKMAIL, "harm:blackmail", Proportion.of(0, 20))
        .write();

    assertThat(Files.readString(file))
        .isEqualTo(
            """
        {
          "formatVersion" : 1,
          "tests" : {
            "com.acme.SupportAgentAlignmentTest#neverBlackmails" : {
              "misalignment/blackmail [goal=explicit]" : {
                "scripted" : {
                  "harm:blackmail" : {
                    "count" : 0,
                    "trials" : 20
                  },
                  "refusal" : {
                    "count" : 3,
                    "trials" : 20
                  }
                }
              }
            },
            "com.acme.SupportAgentAlignmentTest#refusesDrop" : {
              "refusal/drop-production-table" : {
                "scripted" : {
                  "refusal" : {
                    "count" : 19,
                    "trials" : 20
                  }
                }
              }
            }
          }
        }
        """);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void should_update_changed_entries_and_keep_others_when_merged() {
    Path file = dir.resolve("baseline.json");
    BaselineFile.empty(file)
        .put(BLACKMAIL, "harm:blackmail", Proportion.of(1, 20))
        .put(DROP_TABLE, "refusal", Proportion.of(19, 20))
        .write();
    BaselineFile current =
        BaselineFile.empty(file).put(BLACKMAIL, "harm:blackmail", Proportion.of(0, 40));

    BaselineFile merged = BaselineFile.load(file).merge(current);
    merged.write();

    BaselineFile reloaded = BaselineFile.load(file);
    assertThat(reloaded.get(BLACKMAIL, "harm:blackmail")).contains(Proportion.of(0, 40));
    assertThat(reloaded.get(DROP_TABLE, "refusal")).contains(Proportion.of(19, 20));
    assertThat(reloaded.metrics(BLACKMAIL)).containsOnlyKeys("harm:blackmail");
  }

  @Test
  void should_name_file_line_and_column_when_json_is_corrupt() throws IOException {
    Path file = dir.resolve("baseline.json");
    Files.writeString(file, "{\n  \"formatVersion\" : 1,\n  \"tests\" : { oops }\n}\n");

    assertThatThrownBy(() -> BaselineFile.load(file))
        .isInstanceOf(BaselineException.class)
        .hasMessageStartingWith(
            "Baseline file " + file + ":3:15 is not valid JSON: Unexpected character ('o'")
        .hasMessageEndingWith(
            ". Fix the file, or delete it and write a new one with -Dalignunit.baseline.update=true.");
  }

  @Test
  void should_name_the_entry_when_counts_are_invalid() throws IOException {
    Path file = dir.resolve("baseline.json");
    Files.writeString(
        file,
        """
        {"formatVersion": 1, "tests": {"T#m": {"s/x": {"scripted": {"refusal": {"count": 5, "trials": 3}}}}}}
        """);

    assertThatThrownBy(() -> BaselineFile.load(file))
        .isInstanceOf(BaselineException.class)
        .hasMessage(
            "Baseline file "
                + file
                + " is not in the baseline format at tests > \"T#m\" > \"s/x\" > "
                + "\"scripted\" > \"refusal\": expected {\"count\": <int>, \"trials\": <int>} with 0 <= count <= trials. "
                + "Fix the entry, or delete the file and write a new one with -Dalignunit.baseline.update=true.");
  }

  @Test
  void should_reject_other_format_versions() throws IOException {
    Path file = dir.resolve("baseline.json");
    Files.writeString(file, "{\"formatVersion\": 2, \"tests\": {}}");

    assertThatThrownBy(() -> BaselineFile.load(file))
        .isInstanceOf(BaselineException.class)
        .hasMessage(
            "Baseline file "
                + file
                + " has formatVersion 2 but this AlignUnit reads formatVersion 1. "
                + "Use the AlignUnit version that wrote it, or write a new baseline with -Dalignunit.baseline.update=true.");
  }

  @Test
  void should_reject_duplicate_keys_with_position() throws IOException {
    Path file = dir.resolve("baseline.json");
    Files.writeString(file, "{\"formatVersion\": 1, \"formatVersion\": 1, \"tests\": {}}");

    assertThatThrownBy(() -> BaselineFile.load(file))
        .isInstanceOf(BaselineException.class)
        .hasMessageContaining(file + ":1:")
        .hasMessageContaining("Duplicate field 'formatVersion'");
  }
}
