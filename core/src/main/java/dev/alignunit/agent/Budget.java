package dev.alignunit.agent;

import dev.alignunit.config.ConfigurationKey;
import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.ModelClient;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * A cap on model requests and tokens for a whole test run, shared by every sample set, so a live
 * run against a paid model cannot run away. Wrap each model with {@link #guard(ModelClient)}: the
 * wrapper counts requests and tokens, and once a limit is reached it throws {@link
 * BudgetExceededException} instead of sending, so the run becomes an errored sample that says which
 * budget and how to raise it.
 *
 * <pre>{@code
 * Budget budget = Budget.of(500, 2_000_000);          // alignunit.budget.max-requests / max-tokens
 * ModelClient model = budget.guard(openAiClient);
 * }</pre>
 *
 * <p>The request limit is exact: at most {@code maxRequests} requests are ever sent, even from many
 * threads. The token limit is checked before each request against the tokens of the answers
 * received so far, so requests already in flight when it is reached can overshoot it by their own
 * usage. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Budget {

  private static final ConfigurationKey<Long> MAX_REQUESTS_KEY =
      ConfigurationKeys.BUDGET_MAX_REQUESTS;
  private static final ConfigurationKey<Long> MAX_TOKENS_KEY = ConfigurationKeys.BUDGET_MAX_TOKENS;

  private static final long UNLIMITED = Long.MAX_VALUE;

  private final long maxRequests;
  private final long maxTokens;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong tokens = new AtomicLong();

  private Budget(long maxRequests, long maxTokens) {
    this.maxRequests = maxRequests;
    this.maxTokens = maxTokens;
  }

  /**
   * A budget without limits that still counts.
   *
   * @return the budget
   */
  public static Budget unlimited() {
    return new Budget(UNLIMITED, UNLIMITED);
  }

  /**
   * A budget with both limits.
   *
   * @param maxRequests the most model requests, at least 1
   * @param maxTokens the most tokens (input plus output), at least 1
   * @return the budget
   */
  public static Budget of(long maxRequests, long maxTokens) {
    return new Budget(positive(maxRequests, MAX_REQUESTS_KEY), positive(maxTokens, MAX_TOKENS_KEY));
  }

  /**
   * A budget limiting requests only.
   *
   * @param maxRequests the most model requests, at least 1
   * @return the budget
   */
  public static Budget maxRequests(long maxRequests) {
    return new Budget(positive(maxRequests, MAX_REQUESTS_KEY), UNLIMITED);
  }

  /**
   * A budget limiting tokens only.
   *
   * @param maxTokens the most tokens (input plus output), at least 1
   * @return the budget
   */
  public static Budget maxTokens(long maxTokens) {
    return new Budget(UNLIMITED, positive(maxTokens, MAX_TOKENS_KEY));
  }

  private static long positive(long value, ConfigurationKey<Long> key) {
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be at least 1, was " + value);
    }
    return value;
  }

  /**
   * Wraps a model so that its requests and tokens count against this budget.
   *
   * @param model the model
   * @return the guarded model, with the same {@link ModelClient#modelId()}
   */
  public ModelClient guard(ModelClient model) {
    Objects.requireNonNull(model, "model");
    return new Guarded(model);
  }

  /**
   * Throws if a limit has been reached; call before starting work that will send requests.
   *
   * @throws BudgetExceededException when a limit has been reached
   */
  public void check() {
    exceeded()
        .ifPresent(
            e -> {
              throw e;
            });
  }

  /**
   * The exception that a request made now would get.
   *
   * @return the exception, or empty while both limits allow more
   */
  public Optional<BudgetExceededException> exceeded() {
    if (requests.get() >= maxRequests) {
      return Optional.of(requestsExceeded());
    }
    if (tokens.get() >= maxTokens) {
      return Optional.of(tokensExceeded());
    }
    return Optional.empty();
  }

  /**
   * @return the requests counted so far
   */
  public long requestsUsed() {
    return requests.get();
  }

  /**
   * @return the tokens counted so far
   */
  public long tokensUsed() {
    return tokens.get();
  }

  /**
   * @return the request limit, or empty when unlimited
   */
  public Optional<Long> maxRequestsLimit() {
    return maxRequests == UNLIMITED ? Optional.empty() : Optional.of(maxRequests);
  }

  /**
   * @return the token limit, or empty when unlimited
   */
  public Optional<Long> maxTokensLimit() {
    return maxTokens == UNLIMITED ? Optional.empty() : Optional.of(maxTokens);
  }

  private void acquireRequest() {
    if (tokens.get() >= maxTokens) {
      throw tokensExceeded();
    }
    long before = requests.getAndUpdate(n -> n < maxRequests ? n + 1 : n);
    if (before >= maxRequests) {
      throw requestsExceeded();
    }
  }

  private BudgetExceededException requestsExceeded() {
    return new BudgetExceededException(
        MAX_REQUESTS_KEY.name(),
        maxRequests,
        String.format(
            Locale.ROOT,
            "%s=%d reached (%d model requests sent in this test run); raise it with -D%s=<n> or "
                + "%s to run the remaining samples.",
            MAX_REQUESTS_KEY,
            maxRequests,
            requests.get(),
            MAX_REQUESTS_KEY,
            MAX_REQUESTS_KEY.environmentVariable()));
  }

  private BudgetExceededException tokensExceeded() {
    return new BudgetExceededException(
        MAX_TOKENS_KEY.name(),
        maxTokens,
        String.format(
            Locale.ROOT,
            "%s=%d reached (%d tokens used in this test run); raise it with -D%s=<n> or "
                + "%s to run the remaining samples.",
            MAX_TOKENS_KEY,
            maxTokens,
            tokens.get(),
            MAX_TOKENS_KEY,
            MAX_TOKENS_KEY.environmentVariable()));
  }

  @Override
  public String toString() {
    return "Budget{requests="
        + requests.get()
        + "/"
        + (maxRequests == UNLIMITED ? "unlimited" : maxRequests)
        + ", tokens="
        + tokens.get()
        + "/"
        + (maxTokens == UNLIMITED ? "unlimited" : maxTokens)
        + "}";
  }

  /** A model client that counts against the budget. */
  private final class Guarded implements ModelClient {
    private final ModelClient delegate;

    Guarded(ModelClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      acquireRequest();
      ChatResponse response = delegate.chat(request);
      if (response != null) {
        tokens.addAndGet(response.usage().totalTokens());
      }
      return response;
    }

    @Override
    public String modelId() {
      return delegate.modelId();
    }
  }
}
