package dev.alignunit.report.internal;

import dev.alignunit.report.RunMetadata;
import org.apiguardian.api.API;

/**
 * The {@code fork.json} of one fork's entry directory: which run it belongs to and its metadata;
 * {@code metadata.finishedAt} is set once the fork has finished.
 *
 * @param runId the run
 * @param forkId the fork
 * @param metadata the fork's metadata
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ForkState(String runId, String forkId, RunMetadata metadata) {

  /**
   * @return whether the fork has finished
   */
  public boolean finished() {
    return metadata != null && metadata.finishedAt() != null;
  }
}
