package dev.alignunit.report.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so readers never see half a file: a temporary sibling, then a move. */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * Writes bytes to a file atomically, creating parent directories.
   *
   * @param target the file
   * @param content the bytes
   * @throws IOException when writing fails
   */
  public static void write(Path target, byte[] content) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
