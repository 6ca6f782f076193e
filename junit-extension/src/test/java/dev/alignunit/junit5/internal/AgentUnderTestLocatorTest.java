package dev.alignunit.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.agent.Agent;
import dev.alignunit.agent.AgentFactory;
import dev.alignunit.agent.AgentOutput;
import dev.alignunit.junit5.AgentUnderTest;
import dev.alignunit.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class AgentUnderTestLocatorTest {

  private static final Scenario SCENARIO =
      new Scenario(
          "test/agent",
          "",
          "",
          List.of(),
          Map.of(),
          "",
          List.of(),
          List.of(),
          List.of(),
          null,
          "agent.yaml");
  private static final Agent FIELD_AGENT = ctx -> AgentOutput.of("field");

  static final class WithField {
    @AgentUnderTest Agent agent = FIELD_AGENT;
  }

  static final class WithMethod {
    @AgentUnderTest
    Agent agent(Scenario scenario) {
      return ctx -> AgentOutput.of("method for " + scenario.id());
    }
  }

  static final class WithTwo {
    @AgentUnderTest Agent a = FIELD_AGENT;

    @AgentUnderTest
    Agent b() {
      return FIELD_AGENT;
    }
  }

  static final class WithWrongType {
    @AgentUnderTest String agent = "not an agent";
  }

  /** A factory named on the annotation. */
  public static final class Factory implements AgentFactory {
    @Override
    public Agent create(Scenario scenario) {
      return ctx -> AgentOutput.of("factory for " + scenario.id());
    }
  }

  @Test
  void should_find_the_field_agent_and_prefer_the_innermost_instance() throws Exception {
    assertThat(AgentUnderTestLocator.locate(List.of(new WithField()), SCENARIO))
        .containsSame(FIELD_AGENT);
    Agent inner =
        AgentUnderTestLocator.locate(List.of(new WithField(), new WithMethod()), SCENARIO)
            .orElseThrow();
    assertThat(inner.run(null).finalText()).isEqualTo("method for test/agent");
  }

  @Test
  void should_be_empty_without_members_so_the_reference_loop_runs() {
    assertThat(AgentUnderTestLocator.locate(List.of(new Object()), SCENARIO)).isEmpty();
  }

  @Test
  void should_create_agents_from_factory_classes() throws Exception {
    assertThat(AgentUnderTestLocator.fromFactory(Factory.class, SCENARIO).run(null).finalText())
        .isEqualTo("factory for test/agent");
  }

  @Test
  void should_reject_two_members_and_wrong_types() {
    assertThatThrownBy(() -> AgentUnderTestLocator.locate(List.of(new WithTwo()), SCENARIO))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            WithTwo.class.getName()
                + " has 2 @AgentUnderTest members (field a, method b()); keep exactly one.");
    assertThatThrownBy(() -> AgentUnderTestLocator.locate(List.of(new WithWrongType()), SCENARIO))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@AgentUnderTest field "
                + WithWrongType.class.getName()
                + ".agent holds a java.lang.String; "
                + "it must supply a dev.alignunit.agent.Agent (or an AgentFactory).");
  }
}
