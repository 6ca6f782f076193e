package dev.alignunit.report.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Writes files so readers never see half a file: a temporary sibling, then a move. Files are
 * readable by everyone ({@code rw-r--r--} where the file system has POSIX permissions), so a CI web
 * server running as another user can serve the report; a temporary file alone would be {@code
 * rw-------}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AtomicFiles {

  private static final Set<PosixFilePermission> READABLE =
      PosixFilePermissions.fromString("rw-r--r--");

  private AtomicFiles() {}

  /**
   * Writes bytes to a file atomically, creating parent directories.
   *
   * @param target the file
   * @param content the bytes
   * @throws IOException when writing fails
   */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, out -> out.write(content));
  }

  /** Produces a file's content. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the content.
     *
     * @param out the stream to write to; closed by the caller
     * @throws IOException when writing fails
     */
    void writeTo(java.io.OutputStream out) throws IOException;
  }

  /**
   * Writes a file atomically from a stream, creating parent directories.
   *
   * @param target the file
   * @param content writes the content
   * @throws IOException when writing fails
   */
  public static void write(Path target, Content content) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
    try {
      try (java.io.OutputStream out =
          new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        content.writeTo(out);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Moves a finished temporary file into place atomically (readable by all, like every report
   * file).
   *
   * @param temp the written file, in the target's directory
   * @param target where it goes
   * @throws IOException when it cannot be moved
   */
  public static void move(Path temp, Path target) throws IOException {
    if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(temp, READABLE);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
