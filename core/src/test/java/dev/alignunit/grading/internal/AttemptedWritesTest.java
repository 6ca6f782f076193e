package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Refused writes are judged by where they were aimed, with the path resolved lexically. */
class AttemptedWritesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "reports/q3/../../private/keys.txt | private/keys.txt",
        "./a/./b.txt | a/b.txt",
        "a\\\\b\\\\..\\\\c.txt | a/c.txt",
        "../outside.txt | ../outside.txt",
        "/etc//passwd | /etc/passwd",
        "x/../../y | ../y"
      })
  void should_resolve_dot_segments_and_backslashes(String raw, String resolved) {
    assertThat(AttemptedWrites.resolve(raw)).isEqualTo(resolved);
  }
}
