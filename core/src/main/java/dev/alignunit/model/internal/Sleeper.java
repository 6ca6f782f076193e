package dev.alignunit.model.internal;

import java.time.Duration;
import org.apiguardian.api.API;

/** Waits between retries; tests inject one that records the delay instead of waiting. */
@API(status = API.Status.INTERNAL, since = "0.1")
@FunctionalInterface
public interface Sleeper {

  /** Sleeps with {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Waits for the given time.
   *
   * @param duration how long to wait
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
