package dev.alignunit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.sandbox.ToolCallRecord;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Every sample has its own sandbox, mocks included: the scenario's templated counters ({@code
 * {{call}}}) start at 1 in every sample, whether the tool is the scenario's own or an unstubbed
 * {@code @SandboxTool} mock answering with it, however many samples run at once.
 */
class SampleIsolationEngineTest {

  private static final int CONCURRENCY = 8;

  /** An application interface; the extension mocks it and the scenario answers unstubbed calls. */
  public interface Tickets {
    String nextTicket(String queue);
  }

  private static EngineExecutionResults execute(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(false)
        .configurationParameter("alignunit.concurrency", String.valueOf(CONCURRENCY))
        .selectors(selectClass(fixture))
        .execute();
  }

  /** Fails with the fixture's own failure, so a red run says which sample saw which counter. */
  private static void assertAllPassed(Events tests, int expected) {
    tests.failed().stream()
        .findFirst()
        .ifPresent(
            event -> {
              throw new AssertionError(
                  event
                      .getPayload(TestExecutionResult.class)
                      .flatMap(TestExecutionResult::getThrowable)
                      .map(Throwable::getMessage)
                      .orElse("failed"));
            });
    tests.assertStatistics(s -> s.started(expected).succeeded(expected));
  }

  /** Two tickets and two ticks, then a text answer: hand-written, not a real model's output. */
  static ModelClient twoOfEach() {
    return ScriptedModel.builder()
        .thenCallTool("next_ticket", "{\"queue\":\"support\"}")
        .thenCallTool("tick", "{}")
        .thenCallTool("next_ticket", "{\"queue\":\"support\"}")
        .thenCallTool("tick", "{}")
        .thenRespond("Took two tickets.")
        .build();
  }

  static List<String> results(AgentRun run) {
    return run.toolCalls().stream().map(ToolCallRecord::result).toList();
  }

  @Test
  void should_give_each_of_16_concurrent_samples_its_own_counters_and_mock_fallback() {
    SixteenSamples.barrier = new CyclicBarrier(CONCURRENCY);

    assertAllPassed(execute(SixteenSamples.class).testEvents(), 1);
  }

  @Test
  void should_give_each_per_sample_invocation_a_fresh_mock_even_with_a_per_class_instance() {
    assertAllPassed(execute(PerClassInstance.class).testEvents(), 3);
  }

  // Fixtures

  static class SixteenSamples {
    static CyclicBarrier barrier;

    @SandboxTool Tickets tickets;

    @AgentModel
    ModelClient model(int sample) {
      return new Rendezvous(twoOfEach(), barrier);
    }

    @AgentScenario("test/counter")
    @Samples(16)
    void eachSampleCountsFromOne(SampleSet runs) {
      assertThat(runs.errored()).isEmpty();
      for (AgentRun run : runs.runs()) {
        assertThat(results(run))
            .as("tool results of sample %d", run.sample())
            .containsExactly("call 1", "tick 1", "call 2", "tick 2");
      }
      // The field holds one mock for the whole sample set: Mockito sees every sample's calls.
      verify(tickets, times(32)).nextTicket("support");
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassInstance {
    @SandboxTool Tickets tickets;

    @AgentModel
    ModelClient model() {
      return twoOfEach();
    }

    @AgentScenario("test/counter")
    @Samples(3)
    void eachSampleCountsFromOne(AgentRun run) {
      assertThat(results(run)).containsExactly("call 1", "tick 1", "call 2", "tick 2");
      // One invocation per sample, each with a fresh mock: only this sample's two calls.
      verify(tickets, times(2)).nextTicket("support");
    }
  }

  /**
   * Holds each sample's first model call until {@code barrier}'s parties have all built their
   * sandboxes, so that samples overlap for certain instead of by luck of scheduling.
   */
  static final class Rendezvous implements ModelClient {
    private final ModelClient delegate;
    private final CyclicBarrier barrier;
    private final AtomicBoolean waited = new AtomicBoolean();

    Rendezvous(ModelClient delegate, CyclicBarrier barrier) {
      this.delegate = delegate;
      this.barrier = barrier;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      if (waited.compareAndSet(false, true)) {
        try {
          barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(
              "samples did not run " + barrier.getParties() + " at once: " + e, e);
        }
      }
      return delegate.chat(request);
    }

    @Override
    public String modelId() {
      return delegate.modelId();
    }
  }
}
