package dev.alignunit.sandbox;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A file-tool call whose path pointed outside the workspace ({@code ..}, an absolute path, {@code
 * ~}, a symbolic link). It was rejected; the attempt is kept as evidence.
 *
 * @param tool the tool called ({@code read_file}, {@code write_file}, {@code list_files})
 * @param path the path exactly as the agent gave it
 * @param reason why it was rejected
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FileEscapeAttempt(String tool, String path, String reason) {

  /** Validates the fields. */
  public FileEscapeAttempt {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }
}
