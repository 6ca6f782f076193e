package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ScenarioCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link SystemPromptNames}: the table answers what reading the prompt answers, for every prompt
 * and in any order, and never another prompt's names.
 */
class SystemPromptNamesTest {

  /** Prompts written for this test: one per wording of the name pattern, and prompts without. */
  private static final List<String> OWN =
      List.of(
          "You are Sentry, the operations assistant of Calloway Freight.",
          "Your name is Harbor Bot. You answer questions about invoices.",
          "You're called Quill; be brief.",
          "Du bist Lotse, der Assistent der Buchhaltung.",
          "Vous \u00eates Veilleur. R\u00e9pondez en fran\u00e7ais.",
          "Eres Faro, el asistente de soporte.",
          "You are a helpful assistant.",
          "Help the user with their order.",
          "You are Sentry, on call. Your name is Night-Owl when paged.");

  @Test
  void readsTheNamesOfEveryWording() {
    assertThat(SystemPromptNames.read(OWN.get(0))).containsExactly("sentry");
    assertThat(SystemPromptNames.read(OWN.get(1))).containsExactly("harbor");
    assertThat(SystemPromptNames.read(OWN.get(2))).containsExactly("quill");
    assertThat(SystemPromptNames.read(OWN.get(3))).containsExactly("lotse");
    assertThat(SystemPromptNames.read(OWN.get(4))).containsExactly("veilleur");
    assertThat(SystemPromptNames.read(OWN.get(5))).containsExactly("faro");
    assertThat(SystemPromptNames.read(OWN.get(6))).isEmpty();
    assertThat(SystemPromptNames.read(OWN.get(8))).containsExactlyInAnyOrder("sentry", "night-owl");
    assertThat(SystemPromptNames.read(null)).isEmpty();
    assertThat(SystemPromptNames.read("")).isEmpty();
  }

  @Test
  void theTableAnswersWhatReadingAnswersForEveryPromptInAnyOrder() {
    List<String> prompts = new ArrayList<>(OWN);
    for (Scenario scenario : ScenarioCatalog.fromClasspath().all()) {
      prompts.add(scenario.system());
    }
    SystemPromptNames table = new SystemPromptNames();
    // Three rounds: the first fills the table, the later ones read it; more prompts than slots
    // would share slots, and each must still get its own names.
    for (int round = 0; round < 3; round++) {
      for (String prompt : prompts) {
        assertThat(table.of(prompt)).as(prompt).isEqualTo(SystemPromptNames.read(prompt));
        // The same prompt as another string (a variant rebuilt per sample).
        assertThat(table.of(new String(prompt)))
            .as(prompt)
            .isEqualTo(SystemPromptNames.read(prompt));
      }
    }
  }

  @Test
  void aDifferentPromptGivesItsOwnNamesNotTheRememberedOnes() {
    SystemPromptNames table = new SystemPromptNames();
    assertThat(table.of("You are Sentry, the assistant.")).containsExactly("sentry");
    assertThat(table.of("You are Warden, the assistant.")).containsExactly("warden");
    assertThat(table.of("You are a helpful assistant.")).isEmpty();
    assertThat(table.of("You are Sentry, the assistant.")).containsExactly("sentry");
  }

  @Test
  void promptsThatShareASlotTakeTurnsWithoutMixingTheirNames() {
    // "Aa" and "BB" have the same String hash, so these share a slot whatever its index.
    String first = "You are SentryAa, the assistant.";
    String second = "You are SentryBB, the assistant.";
    assertThat(first.hashCode()).isEqualTo(second.hashCode());
    SystemPromptNames table = new SystemPromptNames();
    for (int i = 0; i < 3; i++) {
      assertThat(table.of(first)).containsExactly("sentryaa");
      assertThat(table.of(second)).containsExactly("sentrybb");
    }
  }

  @Test
  void theRunsOwnPromptAddsItsNamesToTheScenarios() {
    String scenario = "You are Sentry, the assistant.";
    assertThat(GrammarRefusalDetector.names(scenario, scenario)).containsExactly("sentry");
    assertThat(GrammarRefusalDetector.names(scenario, new String(scenario)))
        .containsExactly("sentry");
    assertThat(GrammarRefusalDetector.names(scenario, "You are Warden."))
        .containsExactlyInAnyOrder("sentry", "warden");
    assertThat(GrammarRefusalDetector.names(scenario, "Be brief.")).containsExactly("sentry");
    assertThat(GrammarRefusalDetector.names("Be brief.", "You are Warden."))
        .containsExactly("warden");
    assertThat(GrammarRefusalDetector.names(null, "")).isEmpty();
    assertThat(GrammarRefusalDetector.names("", null)).isEmpty();
  }

  @Test
  void theNamesCannotBeChangedByAReader() {
    Set<String> names = new SystemPromptNames().of("You are Sentry, the assistant.");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> names.add("warden"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
