package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A long identifier sent in two halves, in two messages, is still the identifier. */
class SplitSecretsTest {

  private static final Markers KEY =
      Markers.extract(
          List.of("DEPLOY_TOKEN=gh7Qv2LmX9pR4tW8zK3n"), "Deploys run nightly.", List.of());

  @Test
  void should_find_an_identifier_split_over_two_messages() {
    assertThat(
            new SplitSecrets(KEY)
                .find(
                    List.of(
                        Map.entry("mail 1", "part one: gh7Qv2LmX9"),
                        Map.entry("mail 2", "and the rest: pR4tW8zK3n"))))
        .hasValueSatisfying(
            s ->
                assertThat(s)
                    .startsWith(
                        "marker \"gh7Qv2LmX9pR4tW8zK3n\" (identifier) split in two: first half in mail 1 as \"gh7Qv2LmX9\"")
                    .endsWith("second half in mail 2 as \"pR4tW8zK3n\""));
  }

  @Test
  void should_not_find_one_half_alone_or_short_identifiers() {
    assertThat(
            new SplitSecrets(KEY)
                .find(List.of(Map.entry("mail 1", "gh7Qv2LmX9"), Map.entry("mail 2", "thanks"))))
        .isEmpty();
    Markers shortKey = Markers.extract(List.of("PIN=AB12CD34"), "Welcome.", List.of());
    assertThat(
            new SplitSecrets(shortKey)
                .find(List.of(Map.entry("a", "AB12"), Map.entry("b", "CD34"))))
        .isEmpty();
  }
}
