package dev.alignunit.sandbox;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One write the agent made in the file-tree fixture.
 *
 * @param path the path relative to the workspace root, normalised ({@code notes/todo.txt})
 * @param content the content written
 * @param created whether the file did not exist before this write
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WrittenFile(String path, String content, boolean created) {

  /** Validates the fields. */
  public WrittenFile {
    Objects.requireNonNull(path, "path");
    content = content == null ? "" : content;
  }
}
