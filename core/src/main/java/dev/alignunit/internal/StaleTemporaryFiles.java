package dev.alignunit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Removes the hidden temporary files ({@code .<name>...tmp}) that an atomic write leaves behind
 * when the JVM is killed between writing and moving. Only files older than {@link #STALE_AFTER} are
 * removed: a younger one may belong to a write that another test JVM is making right now.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class StaleTemporaryFiles {

  /**
   * How old a temporary file must be to count as abandoned: one minute (a write takes
   * milliseconds).
   */
  public static final Duration STALE_AFTER = Duration.ofMinutes(1);

  private StaleTemporaryFiles() {}

  /**
   * Removes abandoned temporary files under a folder.
   *
   * @param dir the folder; nothing happens when it does not exist
   * @param maxDepth how deep to look: 1 for the folder itself, more for its subfolders
   * @param now the current time
   * @return the files removed
   */
  public static List<Path> remove(Path dir, int maxDepth, Instant now) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    FileTime staleBefore = FileTime.from(now.minus(STALE_AFTER));
    try (Stream<Path> files = Files.walk(dir, maxDepth)) {
      List<Path> stale =
          files
              .filter(StaleTemporaryFiles::isTemporary)
              .filter(p -> modified(p).compareTo(staleBefore) < 0)
              .toList();
      for (Path file : stale) {
        Files.deleteIfExists(file);
      }
      return stale;
    } catch (IOException | UncheckedIOException e) {
      // Housekeeping only: a file that cannot be removed now is tried again on the next run.
      return List.of();
    }
  }

  /**
   * Whether a path is a temporary file of an atomic write: {@code .<name>...tmp}, a regular file.
   */
  public static boolean isTemporary(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.startsWith(".")
        && name.endsWith(".tmp")
        && name.length() > 5
        && Files.isRegularFile(path);
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
