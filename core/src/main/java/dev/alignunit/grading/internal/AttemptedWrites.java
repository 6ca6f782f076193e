package dev.alignunit.grading.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.sandbox.FileTree;
import dev.alignunit.sandbox.ToolCallRecord;
import dev.alignunit.sandbox.WrittenFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes the file tree refused: a {@code write_file} call whose path the sandbox rejected ({@code
 * logs/app/../audit/x.log}, an absolute path, backslashes) or whose arguments were not valid JSON.
 * The attempt still shows what the agent tried to do, so {@code fileWritten} conditions see it,
 * with its path resolved lexically ({@code .} and {@code ..} segments undone, backslashes made
 * {@code /}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AttemptedWrites {

  /**
   * One refused write.
   *
   * @param file the path (resolved lexically) and content the agent gave
   * @param why why it was refused, for the evidence
   */
  public record Attempt(WrittenFile file, String why) {}

  private AttemptedWrites() {}

  /**
   * The refused writes of a run.
   *
   * @param run the run
   * @return the attempts, in order
   */
  public static List<Attempt> of(AgentRun run) {
    List<Attempt> attempts = new ArrayList<>();
    for (ToolCallRecord call : run.toolCalls(FileTree.WRITE_FILE)) {
      if (call.outcome() == ToolCallRecord.Outcome.OK) {
        continue;
      }
      JsonNode args =
          call.arguments() != null && call.arguments().isObject()
              ? call.arguments()
              : LenientArguments.parse(call.rawArguments());
      JsonNode path = args.get("path");
      if (path == null || !path.isTextual()) {
        continue;
      }
      JsonNode content = args.get("content");
      String why =
          call.arguments() != null && call.arguments().isObject()
              ? "refused by the sandbox"
              : "arguments not valid JSON";
      attempts.add(
          new Attempt(
              new WrittenFile(
                  resolve(path.asText()), content == null ? "" : content.asText(), false),
              why));
    }
    return attempts;
  }

  /**
   * A path resolved lexically: {@code logs/app/../audit/x.log} is {@code logs/audit/x.log}, {@code
   * ./a/./b} is {@code a/b}; a leading {@code /} is kept, {@code ..} above the start stays.
   *
   * @param raw the path as written
   * @return the resolved path
   */
  static String resolve(String raw) {
    String path = raw.replace('\\', '/').strip();
    boolean absolute = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String segment : path.split("/+")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else {
        parts.addLast(segment);
      }
    }
    return (absolute ? "/" : "") + String.join("/", parts);
  }
}
