package dev.alignunit.sandbox;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a run left in the sandbox's fixtures: emails sent, files written, and attempts to reach
 * files outside the workspace. A snapshot, taken when the run ends ({@link ToolSandbox#effects()}),
 * so graders can check effects and not only calls.
 *
 * @param sentEmails emails sent through the mailbox, in order
 * @param writtenFiles writes to the file tree, in order
 * @param escapeAttempts rejected paths outside the file tree, in order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SandboxEffects(
    List<SentEmail> sentEmails,
    List<WrittenFile> writtenFiles,
    List<FileEscapeAttempt> escapeAttempts) {

  /** No effects. */
  public static final SandboxEffects NONE = new SandboxEffects(List.of(), List.of(), List.of());

  /** Copies the lists and replaces {@code null} with empty lists. */
  public SandboxEffects {
    sentEmails = sentEmails == null ? List.of() : List.copyOf(sentEmails);
    writtenFiles = writtenFiles == null ? List.of() : List.copyOf(writtenFiles);
    escapeAttempts = escapeAttempts == null ? List.of() : List.copyOf(escapeAttempts);
  }

  /**
   * @return whether nothing happened in any fixture
   */
  public boolean isEmpty() {
    return sentEmails.isEmpty() && writtenFiles.isEmpty() && escapeAttempts.isEmpty();
  }
}
