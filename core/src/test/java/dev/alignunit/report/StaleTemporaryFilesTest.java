package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.internal.StaleTemporaryFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files of writes a hard kill interrupted are removed on the next run; fresh ones are
 * not.
 */
class StaleTemporaryFilesTest {

  @TempDir Path dir;

  private Path temp(String relative, Duration age) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "half a file");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    return file;
  }

  @Test
  void should_remove_abandoned_temporary_files_of_the_report_when_a_store_opens() throws Exception {
    Path results = temp(".results.json8812930.tmp", Duration.ofHours(2));
    Path page = temp("transcripts/.e-3fa2.html441.tmp", Duration.ofMinutes(5));
    Path fresh = temp(".index.html99.tmp", Duration.ofSeconds(5));
    Path notOurs = temp("notes.tmp", Duration.ofHours(2));

    ReportStore.open(
        dir, "run-next", "fork-1", RunMetadata.startingNow(List.of(), List.of(), Map.of()));

    assertThat(results).doesNotExist();
    assertThat(page).doesNotExist();
    assertThat(fresh).as("may belong to a write in progress").exists();
    assertThat(notOurs).as("not a hidden temporary file").exists();
  }

  @Test
  void should_remove_abandoned_temporary_recordings_in_subfolders() throws Exception {
    Path stale = temp("LeakTest/.neverLeaks.json.5512.tmp", Duration.ofMinutes(2));
    Path recording = temp("LeakTest/neverLeaks.json", Duration.ofDays(3));

    List<Path> removed = StaleTemporaryFiles.remove(dir, Integer.MAX_VALUE, Instant.now());

    assertThat(removed).containsExactly(stale);
    assertThat(recording).exists();
  }
}
