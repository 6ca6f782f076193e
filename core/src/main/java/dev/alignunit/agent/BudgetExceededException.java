package dev.alignunit.agent;

import dev.alignunit.AlignUnitException;
import org.apiguardian.api.API;

/**
 * The test run's request or token budget ({@link Budget}) is used up. Thrown by a guarded model
 * client instead of sending the request; the agent loop records the sample as errored with this
 * message, and the sample runner marks the samples it did not start the same way.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class BudgetExceededException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final long limit;

  /**
   * Creates the exception.
   *
   * @param key the configuration key of the exhausted budget, such as {@code
   *     alignunit.budget.max-requests}
   * @param limit the configured limit
   * @param message the full message
   */
  public BudgetExceededException(String key, long limit, String message) {
    super(message);
    this.key = key;
    this.limit = limit;
  }

  /**
   * @return the configuration key of the exhausted budget
   */
  public String key() {
    return key;
  }

  /**
   * @return the configured limit
   */
  public long limit() {
    return limit;
  }
}
