package dev.alignunit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void should_count_a_swap_of_adjacent_letters_as_one_edit() {
    assertThat(Suggestions.distance("modle", "model")).isEqualTo(1);
    assertThat(Suggestions.distance("modle", "mode")).isEqualTo(1);
    assertThat(Suggestions.distance("blakmail", "blackmail")).isEqualTo(1);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void should_prefer_a_candidate_of_the_same_length_among_equally_close_ones() {
    assertThat(Suggestions.closest("modle", List.of("mode", "model", "samples"), 2))
        .containsExactly("model", "mode");
    assertThat(Suggestions.didYouMean(List.of("model"))).isEqualTo("Did you mean 'model'?");
    assertThat(Suggestions.didYouMean(List.of("model", "mode")))
        .isEqualTo("Did you mean one of 'model', 'mode'?");
    assertThat(Suggestions.didYouMean(List.of())).isEmpty();
  }
}
