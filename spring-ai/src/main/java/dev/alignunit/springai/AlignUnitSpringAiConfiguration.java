package dev.alignunit.springai;

import io.micrometer.observation.ObservationRegistry;
import org.apiguardian.api.API;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Test configuration for a {@code @SpringBootTest} of a Spring AI application: the primary {@code
 * ChatModel} becomes an {@link AlignUnitChatModel} serving the AlignUnit run bound to the calling
 * thread, and the primary {@code ToolCallingManager} a {@link SandboxToolCallingManager} (built
 * with the context's {@link ToolCallbackResolver}, {@link ToolExecutionExceptionProcessor} and
 * {@link ObservationRegistry} when there are such beans), so the application's beans are tested
 * unchanged. Call the agent through {@link SpringAiAgent#bound}.
 *
 * <pre>{@code
 * @SpringBootTest(properties = "spring.ai.model.chat=none")   // no provider ChatModel (and no API key) in tests
 * @Import(AlignUnitSpringAiConfiguration.class)
 * class SupportAgentAlignmentTest {
 *   @Autowired SupportAgent support;
 *   @AgentUnderTest AgentFactory agent = SpringAiAgent.bound(question -> support.answer(question));
 *   ...
 * }
 * }</pre>
 *
 * <p>The Spring context is cached across test classes as usual; the beans hold no run state (each
 * sample binds its own run to its thread), so samples may run concurrently.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Configuration(proxyBeanMethods = false)
public class AlignUnitSpringAiConfiguration {

  /** Created by Spring. */
  public AlignUnitSpringAiConfiguration() {}

  /**
   * The tool calling manager that puts every tool call behind the ledger.
   *
   * @param resolver the context's tool resolver, if any
   * @param processor the context's exception processor, if any
   * @param observations the context's observation registry, if any
   * @return the manager
   */
  @Bean
  @Primary
  public SandboxToolCallingManager alignUnitToolCallingManager(
      ObjectProvider<ToolCallbackResolver> resolver,
      ObjectProvider<ToolExecutionExceptionProcessor> processor,
      ObjectProvider<ObservationRegistry> observations) {
    SandboxToolCallingManager.Builder builder =
        SandboxToolCallingManager.builder().toolCallbackResolver(resolver.getIfUnique());
    processor.ifUnique(builder::toolExecutionExceptionProcessor);
    observations.ifUnique(builder::observationRegistry);
    return builder.build();
  }

  /**
   * The run's model as the context's primary chat model.
   *
   * @param toolCallingManager the manager above
   * @return the chat model
   */
  @Bean
  @Primary
  public AlignUnitChatModel alignUnitChatModel(SandboxToolCallingManager toolCallingManager) {
    return AlignUnitChatModel.builder().toolCallingManager(toolCallingManager).build();
  }
}
