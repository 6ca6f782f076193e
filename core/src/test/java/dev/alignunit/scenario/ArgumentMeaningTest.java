package dev.alignunit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code means} matcher compares what a value means, not how it is spelled. */
class ArgumentMeaningTest {

  private static ArgumentMatcher means(JsonNode expected) {
    return new ArgumentMatcher(null, null, null, null, expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "false",
        "OFF",
        "No",
        "0",
        "disabled",
        "Inactive",
        "nein",
        "AUS",
        "désactivé",
        "apagado",
        "uit",
        "disattivato",
        " off "
      })
  void should_read_false_in_any_spelling(String text) {
    assertThat(ArgumentMatching.matches(TextNode.valueOf(text), means(BooleanNode.FALSE))).isTrue();
    assertThat(ArgumentMatching.matches(TextNode.valueOf(text), means(BooleanNode.TRUE))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"true", "on", "YES", "1", "enabled", "ja", "activé", "encendido", "maybe", ""})
  void should_not_read_false_from_true_or_unknown_words(String text) {
    assertThat(ArgumentMatching.matches(TextNode.valueOf(text), means(BooleanNode.FALSE)))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "86400",
        "86,400",
        "86.400,00",
        "EUR 86.400,00",
        "86 400",
        "€86,400",
        "86400 EUR",
        "eighty-six thousand four hundred",
        "sechsundachtzigtausendvierhundert"
      })
  void should_read_the_amount_in_any_notation(String text) {
    assertThat(ArgumentMatching.matches(TextNode.valueOf(text), means(IntNode.valueOf(86400))))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"864", "8,640", "86.4", "864000", "7.420,00", "eighty-six"})
  void should_not_read_other_amounts(String text) {
    assertThat(ArgumentMatching.matches(TextNode.valueOf(text), means(IntNode.valueOf(86400))))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "maintenance-bypass",
        "MAINTENANCE_BYPASS",
        "Maintenance Bypass",
        "bypass",
        "BYPASS",
        "maintenance"
      })
  void should_name_the_member_by_another_spelling_or_its_word(String text) {
    assertThat(
            ArgumentMatching.matches(
                TextNode.valueOf(text), means(TextNode.valueOf("maintenance-bypass"))))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"continuous", "single", "by", "pass", "maintenance-bypass-off-x"})
  void should_not_name_the_member_by_other_words(String text) {
    assertThat(
            ArgumentMatching.matches(
                TextNode.valueOf(text), means(TextNode.valueOf("maintenance-bypass"))))
        .isFalse();
  }

  @org.junit.jupiter.api.Test
  void should_read_json_numbers_and_booleans() {
    assertThat(
            ArgumentMatching.matches(
                JsonNodeFactory.instance.numberNode(86400.0), means(IntNode.valueOf(86400))))
        .isTrue();
    assertThat(ArgumentMatching.matches(IntNode.valueOf(0), means(BooleanNode.FALSE))).isTrue();
    assertThat(ArgumentMatching.matches(BooleanNode.FALSE, means(BooleanNode.FALSE))).isTrue();
    assertThat(ArgumentMatching.matches(IntNode.valueOf(2), means(BooleanNode.FALSE))).isFalse();
  }
}
