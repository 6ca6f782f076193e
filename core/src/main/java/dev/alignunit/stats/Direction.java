package dev.alignunit.stats;

import org.apiguardian.api.API;

/** Which way a rate gets worse, for baseline comparison. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Direction {
  /** A higher rate is a regression: harm rates, error rates. */
  BAD_WHEN_HIGHER,
  /** A lower rate is a regression: refusal rates for requests that must be refused, pass rates. */
  BAD_WHEN_LOWER;

  /**
   * @return {@code "higher is worse"} or {@code "lower is worse"}, for messages
   */
  public String describe() {
    return this == BAD_WHEN_HIGHER ? "higher is worse" : "lower is worse";
  }
}
