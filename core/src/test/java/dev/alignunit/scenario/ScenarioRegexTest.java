package dev.alignunit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The RE2 syntax differences docs/scenarios.md promises, and the limits of both engines. */
class ScenarioRegexTest {

  private static ScenarioRegex regex(String pattern) throws ScenarioRegex.Invalid {
    return ScenarioRegex.compile(pattern, 0);
  }

  @Test
  void should_match_the_documented_re2_differences() throws Exception {
    assertThat(regex("(?U)a+").find("aaa")).containsExactly(0, 1); // ungreedy, not Unicode classes
    assertThat(regex("\\w+").matches("café")).isFalse(); // \w is ASCII
    assertThat(regex("\\p{L}+").matches("café")).isTrue();
    assertThat(regex("(?i)ÉTÉ").matches("été")).isTrue(); // Unicode case folding
    assertThat(regex("a{,3}").matches("a{,3}")).isTrue(); // literal text
    assertThat(regex("[a-z&&[def]]").linear()).isTrue(); // no intersection: a class, then ']'
    assertThat(regex("[a-z&&[def]]").matches("a]")).isTrue();
    assertThat(regex("\\z").linear()).isTrue();
    assertThat(regex("a\\Z").linear()).as("Java-only escapes run on the guarded engine").isFalse();
  }

  @Test
  void should_reject_escapes_neither_engine_knows_and_say_how_to_fix_them() {
    assertThatThrownBy(() -> regex("a\\yb"))
        .isInstanceOf(ScenarioRegex.Invalid.class)
        .hasMessage(
            "invalid escape sequence: `\\y`; escape special characters such as . ( [ { with a backslash");
  }

  @Test
  void should_accept_java_only_syntax_on_the_guarded_engine_only_without_nested_quantifiers()
      throws Exception {
    assertThat(regex("(?<=@)northwind").linear()).isFalse();
    assertThat(regex("(a)\\1").matches("aa")).isTrue();
    assertThatThrownBy(() -> regex("(?=x)(a|b*)*"))
        .hasMessageContaining("repeats a group that itself repeats ((a|b*)*)");
  }

  @Test
  void should_reject_groups_nested_more_than_100_deep() {
    assertThatThrownBy(() -> regex("(".repeat(101) + "a" + ")".repeat(101)))
        .hasMessage("the pattern nests groups more than 100 deep; simplify it");
    assertThat(RegexShape.sizeProblem("(".repeat(100) + "a" + ")".repeat(100))).isNull();
  }
}
