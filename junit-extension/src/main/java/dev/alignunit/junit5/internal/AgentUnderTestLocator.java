package dev.alignunit.junit5.internal;

import dev.alignunit.agent.Agent;
import dev.alignunit.agent.AgentFactory;
import dev.alignunit.scenario.Scenario;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the application agent of a test: the {@code agent} factory class of {@code @AgentScenario}
 * first, then an {@link AgentUnderTest} member (innermost instance first); empty means the
 * reference loop.
 */
final class AgentUnderTestLocator {

  private AgentUnderTestLocator() {}

  /**
   * Creates the agent from a factory class named on the annotation.
   *
   * @param factoryClass the class, with a no-argument constructor
   * @param scenario the scenario
   * @return the agent
   */
  static Agent fromFactory(Class<? extends AgentFactory> factoryClass, Scenario scenario) {
    AgentFactory factory;
    try {
      factory = ReflectionSupport.newInstance(factoryClass);
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException(
          "Cannot create agent factory "
              + factoryClass.getName()
              + ": it needs a no-argument constructor ("
              + e
              + ").",
          e);
    }
    Agent agent = factory.create(scenario);
    if (agent == null) {
      throw new ExtensionConfigurationException(
          "Agent factory "
              + factoryClass.getName()
              + " returned null for scenario '"
              + scenario.id()
              + "'.");
    }
    return agent;
  }

  /**
   * The agent of the innermost test instance that declares an {@code @AgentUnderTest} member.
   *
   * @param testInstances outermost first
   * @param scenario the scenario, for methods that take one and factories
   * @return the agent, or empty for the reference loop
   */
  static Optional<Agent> locate(List<Object> testInstances, Scenario scenario) {
    for (int i = testInstances.size() - 1; i >= 0; i--) {
      Optional<Agent> agent = fromMembers(testInstances.get(i), scenario);
      if (agent.isPresent()) {
        return agent;
      }
    }
    return Optional.empty();
  }

  private static Optional<Agent> fromMembers(Object instance, Scenario scenario) {
    Class<?> type = instance.getClass();
    TestMembers found = TestMembers.of(type);
    List<Field> fields = found.agentFields();
    List<Method> methods = found.agentMethods();
    List<String> members = new ArrayList<>();
    fields.forEach(f -> members.add("field " + f.getName()));
    methods.forEach(m -> members.add("method " + m.getName() + "()"));
    if (members.size() > 1) {
      throw new ExtensionConfigurationException(
          type.getName()
              + " has "
              + members.size()
              + " @AgentUnderTest members ("
              + String.join(", ", members)
              + "); keep exactly one.");
    }
    if (!fields.isEmpty()) {
      Field field = fields.get(0);
      Object value =
          ReflectionSupport.tryToReadFieldValue(
                  field, Modifier.isStatic(field.getModifiers()) ? null : instance)
              .getOrThrow(
                  e ->
                      new ExtensionConfigurationException(
                          "Cannot read @AgentUnderTest field " + field.getName(), e));
      return Optional.of(
          checked(value, "field " + type.getName() + "." + field.getName(), scenario));
    }
    if (!methods.isEmpty()) {
      Method method = methods.get(0);
      Object target = Modifier.isStatic(method.getModifiers()) ? null : instance;
      String name = "method " + type.getName() + "." + method.getName() + "()";
      Object value;
      if (method.getParameterCount() == 0) {
        value = ReflectionSupport.invokeMethod(method, target);
      } else if (method.getParameterCount() == 1
          && method.getParameterTypes()[0] == Scenario.class) {
        value = ReflectionSupport.invokeMethod(method, target, scenario);
      } else {
        throw new ExtensionConfigurationException(
            "@AgentUnderTest " + name + " must take no parameter or one Scenario.");
      }
      return Optional.of(checked(value, name, scenario));
    }
    return Optional.empty();
  }

  private static Agent checked(Object value, String member, Scenario scenario) {
    if (value instanceof Agent agent) {
      return agent;
    }
    if (value instanceof AgentFactory factory) {
      Agent agent = factory.create(scenario);
      if (agent != null) {
        return agent;
      }
      throw new ExtensionConfigurationException(
          "@AgentUnderTest " + member + ": its factory returned null.");
    }
    throw new ExtensionConfigurationException(
        "@AgentUnderTest "
            + member
            + " holds "
            + (value == null ? "null" : "a " + value.getClass().getName())
            + "; it must supply a dev.alignunit.agent.Agent (or an AgentFactory).");
  }
}
