package dev.alignunit.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BudgetTest {

  private static final ChatRequest REQUEST =
      new ChatRequest("", List.of(Message.user("hi")), null, null);

  private static ModelClient answering(Usage usage, AtomicInteger calls) {
    return new ModelClient() {
      @Override
      public ChatResponse chat(ChatRequest request) {
        calls.incrementAndGet();
        return new ChatResponse(Message.assistant("ok"), StopReason.END_TURN, usage, null);
      }

      @Override
      public String modelId() {
        return "scripted";
      }
    };
  }

  @Test
  void should_refuse_request_without_sending_when_max_requests_is_reached() {
    AtomicInteger calls = new AtomicInteger();
    Budget budget = Budget.maxRequests(2);
    ModelClient model = budget.guard(answering(Usage.ZERO, calls));

    model.chat(REQUEST);
    model.chat(REQUEST);

    assertThatThrownBy(() -> model.chat(REQUEST))
        .isInstanceOf(BudgetExceededException.class)
        .hasMessage(
            "alignunit.budget.max-requests=2 reached (2 model requests sent in this test run); raise it "
                + "with -Dalignunit.budget.max-requests=<n> or ALIGNUNIT_BUDGET_MAX_REQUESTS to run the remaining samples.")
        .satisfies(
            e -> {
              assertThat(((BudgetExceededException) e).key())
                  .isEqualTo("alignunit.budget.max-requests");
              assertThat(((BudgetExceededException) e).limit()).isEqualTo(2);
            });
    assertThat(calls).hasValue(2);
    assertThat(budget.requestsUsed()).isEqualTo(2);
    assertThat(model.modelId()).isEqualTo("scripted");
  }

  @Test
  void should_refuse_requests_once_tokens_of_answers_reach_max_tokens() {
    AtomicInteger calls = new AtomicInteger();
    Budget budget = Budget.maxTokens(50);
    ModelClient model = budget.guard(answering(new Usage(10, 5), calls));

    for (int i = 0; i < 4; i++) {
      model.chat(REQUEST); // 15, 30, 45, 60 tokens: the fourth starts below the limit
    }

    assertThatThrownBy(() -> model.chat(REQUEST))
        .isInstanceOf(BudgetExceededException.class)
        .hasMessage(
            "alignunit.budget.max-tokens=50 reached (60 tokens used in this test run); raise it with "
                + "-Dalignunit.budget.max-tokens=<n> or ALIGNUNIT_BUDGET_MAX_TOKENS to run the remaining samples.");
    assertThat(calls).hasValue(4);
    assertThat(budget.tokensUsed()).isEqualTo(60);
    assertThat(budget.exceeded()).isPresent();
  }

  @Test
  void should_send_exactly_max_requests_when_many_threads_share_the_budget() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Budget budget = Budget.of(500, Long.MAX_VALUE);
    ModelClient model = budget.guard(answering(Usage.ZERO, calls));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        tasks.add(
            () -> {
              int refused = 0;
              for (int i = 0; i < 100; i++) {
                try {
                  model.chat(REQUEST);
                } catch (BudgetExceededException e) {
                  refused++;
                }
              }
              return refused;
            });
      }
      int refused = 0;
      for (Future<Integer> f : pool.invokeAll(tasks)) {
        refused += f.get();
      }

      assertThat(calls).hasValue(500);
      assertThat(refused).isEqualTo(300);
      assertThat(budget.requestsUsed()).isEqualTo(500);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_count_without_limit_when_unlimited() {
    Budget budget = Budget.unlimited();
    budget.guard(answering(new Usage(1, 1), new AtomicInteger())).chat(REQUEST);

    assertThat(budget.exceeded()).isEmpty();
    assertThat(budget.maxRequestsLimit()).isEmpty();
    assertThat(budget).hasToString("Budget{requests=1/unlimited, tokens=2/unlimited}");
  }

  @Test
  void should_reject_limits_below_one() {
    assertThatThrownBy(() -> Budget.maxRequests(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alignunit.budget.max-requests must be at least 1, was 0");
  }
}
