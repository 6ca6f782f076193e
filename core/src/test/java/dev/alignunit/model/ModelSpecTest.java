package dev.alignunit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.AlignUnitException;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

  @Test
  void should_parse_provider_and_name_keeping_colons_in_the_name() {
    assertThat(ModelSpec.parse(" openai:gpt-4.1-mini "))
        .isEqualTo(new ModelSpec(ModelSpec.Provider.OPENAI, "gpt-4.1-mini"));
    assertThat(ModelSpec.parse("openai:llama3.1:8b").name()).isEqualTo("llama3.1:8b");
    assertThat(ModelSpec.parse("anthropic:claude-sonnet-4-5").provider())
        .isEqualTo(ModelSpec.Provider.ANTHROPIC);
    assertThat(ModelSpec.parse("scripted")).isSameAs(ModelSpec.SCRIPTED);
  }

  @Test
  void should_print_as_the_text_it_was_parsed_from() {
    assertThat(ModelSpec.parse("openai:llama3.1:8b")).hasToString("openai:llama3.1:8b");
    assertThat(ModelSpec.SCRIPTED).hasToString("scripted");
    assertThat(ModelSpec.SCRIPTED.isNetwork()).isFalse();
    assertThat(ModelSpec.parse("anthropic:claude-sonnet-4-5").isNetwork()).isTrue();
  }

  @Test
  void should_list_the_accepted_forms_for_any_other_text() {
    for (String text :
        new String[] {"gpt-4", "openai:", "azure:gpt-4", "", "Scripted", "scripted:x"}) {
      assertThatThrownBy(() -> ModelSpec.parse(text))
          .isExactlyInstanceOf(AlignUnitException.class)
          .hasMessage(
              "Invalid model spec `"
                  + text
                  + "`. Accepted forms: `openai:<model>` (OpenAI or any"
                  + " OpenAI-compatible server at alignunit.openai.base-url), `anthropic:<model>` and `scripted` (a"
                  + " script the test supplies with @AgentModel), such as `openai:gpt-4.1-mini` or"
                  + " `anthropic:claude-sonnet-4-5`.");
    }
  }

  @Test
  void should_require_a_name_exactly_for_network_models() {
    assertThatThrownBy(() -> new ModelSpec(ModelSpec.Provider.OPENAI, " "))
        .hasMessage("An openai model needs a name, such as openai:<model>.");
    assertThatThrownBy(() -> new ModelSpec(ModelSpec.Provider.SCRIPTED, "x"))
        .hasMessage("The scripted model has no name: it is just `scripted`.");
  }
}
