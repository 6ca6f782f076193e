package dev.alignunit.model.internal;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.apiguardian.api.API;

/**
 * The time sources of the retry policy, injectable so tests never really wait.
 *
 * @param sleeper waits between attempts
 * @param clock the clock that {@code Retry-After} HTTP dates are compared with
 * @param jitter returns a value in {@code [0, 1)} that spreads the backoff delays
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RetryTiming(Sleeper sleeper, Clock clock, DoubleSupplier jitter) {

  /** Validates the fields. */
  public RetryTiming {
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(jitter, "jitter");
  }

  /**
   * Real sleeping, the UTC system clock and thread-local random jitter.
   *
   * @return the production timing
   */
  public static RetryTiming system() {
    return new RetryTiming(
        Sleeper.SYSTEM, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
  }
}
