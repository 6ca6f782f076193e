package dev.alignunit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad recording files fail with RecordingFormatException naming line and column. */
class RecordingFileErrorsTest {

  private static final String COMMAND = "mvn test -Dalignunit.mode=record -Dtest=T#m";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      version 0               | {"formatVersion": 0, "samples": []}  | 1 | 19 | formatVersion 0 is not a version AlignUnit ever wrote (versions start at 1)
      version -1              | {"formatVersion": -1, "samples": []} | 1 | 19 | formatVersion -1 is not a version AlignUnit ever wrote (versions start at 1)
      huge version            | {"formatVersion": 99999999999999999999} | 1 | 19 | formatVersion 99999999999999999999 was written by a newer AlignUnit; this one reads up to 1
      response without message | {"formatVersion": 1, "samples": [{"sample": 1, "exchanges": [{"response": {"stopReason": "end_turn"}}]}]} | 1 | 34 | sample 1, exchange 1: the response has no message object
      messages not a list     | {"formatVersion": 1, "samples": [{"sample": 1, "exchanges": [{"request": {"messages": {"role": "user"}}, "response": {"message": {"text": "x"}}}]}]} | 1 | 34 | sample 1, exchange 1: messages must be a list
      """)
  void should_fail_with_line_and_column(
      String name, String json, int line, int column, String problem) throws Exception {
    Path file = dir.resolve("r.json");
    Files.writeString(file, json);

    RecordingFormatException failure =
        catchThrowableOfType(RecordingFormatException.class, () -> Cassette.load(file, COMMAND));

    assertThat(failure.getMessage())
        .isEqualTo(
            "Recording "
                + file
                + " is corrupt at line "
                + line
                + ", column "
                + column
                + ": "
                + problem
                + ". Delete the file and re-record it with: "
                + COMMAND);
    assertThat(failure.line()).isEqualTo(line);
    assertThat(failure.column()).isEqualTo(column);
  }

  @org.junit.jupiter.api.Test
  void should_say_where_a_recording_nests_too_deeply() throws Exception {
    Path file = dir.resolve("deep.json");
    Files.writeString(file, "{\"formatVersion\": 1,\n \"metadata\": " + "[".repeat(5_000));

    RecordingFormatException failure =
        catchThrowableOfType(RecordingFormatException.class, () -> Cassette.load(file, COMMAND));

    assertThat(failure.line()).isEqualTo(2);
    assertThat(failure.column()).isGreaterThan(1000);
    assertThat(failure.getMessage())
        .startsWith("Recording " + file + " is corrupt at line 2, column ")
        .contains("nesting depth");
  }
}
