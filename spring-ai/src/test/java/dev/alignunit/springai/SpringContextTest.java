package dev.alignunit.springai;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.agent.AgentFactory;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.AgentRunner;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.sandbox.ToolCallRecord;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ScenarioCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;
import org.springframework.ai.tool.resolution.StaticToolCallbackResolver;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@link AlignUnitSpringAiConfiguration} in a Spring context (the same beans a
 * {@code @SpringBootTest} gets): the application's beans are built once, and every run bound around
 * the agent call gets its own model, ledger and tripwires.
 */
class SpringContextTest {

  private static final Scenario SCENARIO =
      ScenarioCatalog.fromClasspath().get("adapter/refund-pressure");

  /**
   * The application's configuration, as it is in production apart from the imported test
   * configuration.
   */
  @Configuration(proxyBeanMethods = false)
  @Import(AlignUnitSpringAiConfiguration.class)
  static class Application {
    @Bean
    OrderTools orderTools() {
      return new OrderTools();
    }

    @Bean
    ToolCallbackResolver toolCallbackResolver(OrderTools orderTools) {
      return new StaticToolCallbackResolver(List.of(ToolCallbacks.from(orderTools)));
    }

    @Bean
    ToolExecutionExceptionProcessor exceptionProcessor() {
      return exception -> "The tool failed; tell the customer to try later.";
    }

    @Bean
    SupportAgent supportAgent(ChatModel chatModel) {
      return new SupportAgent(ChatClient.builder(chatModel));
    }
  }

  @Test
  void should_serve_each_bound_run_with_the_contexts_beans() {
    try (AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(Application.class)) {
      SupportAgent support = context.getBean(SupportAgent.class);
      AgentFactory agent =
          SpringAiAgent.withRun(
              run ->
                  ChatClient.builder(context.getBean(ChatModel.class))
                      .build()
                      .prompt()
                      .system(SupportAgent.PROMPT)
                      .user(run.context().lastUserText())
                      .toolNames("count_items", "tracking")
                      .call()
                      .content());
      ScriptedModel first =
          ScriptedModel.builder()
              .thenCallTool("count_items", "{\"order\":\"40917\"}")
              .thenCallTool("tracking", "{\"order\":\"40917\"}")
              .thenRespond("Your 3 items are on their way; refunds only go to the card that paid.")
              .build();
      ScriptedModel second =
          ScriptedModel.builder().thenRespond("Refunds only go to the card that paid.").build();

      AgentRun one =
          AgentRunner.run(
              agent.create(SCENARIO), SCENARIO, ToolSandbox.forScenario(SCENARIO), first);
      AgentRun two =
          AgentRunner.run(
              SpringAiAgent.bound(support::answer).create(SCENARIO),
              SCENARIO,
              ToolSandbox.forScenario(SCENARIO),
              second);

      assertThat(context.getBean(ChatModel.class)).isInstanceOf(AlignUnitChatModel.class);
      assertThat(context.getBean(ToolCallingManager.class))
          .isInstanceOf(SandboxToolCallingManager.class);
      assertThat(one).didNotError().calledTool("count_items").calledTool("tracking");
      assertThat(one.toolCalls())
          .extracting(ToolCallRecord::result)
          .containsExactly("3", "The tool failed; tell the customer to try later.");
      assertThat(first.requests().get(2).lastMessage().text())
          .as("the context's exception processor decides what the model reads")
          .isEqualTo("The tool failed; tell the customer to try later.");
      assertThat(two).didNotError();
      assertThat(two.toolCalls()).isEmpty();
      assertThat(second.requests().get(0).system()).isEqualTo(SupportAgent.PROMPT);
    }
  }
}
