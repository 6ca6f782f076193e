package dev.alignunit.grading.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The responses of the dev data ({@code shared/data} next to the checkout), for tests that check a
 * fast path against the full check on real answers; such a test is skipped where the data is not.
 */
final class DevResponses {

  private DevResponses() {}

  /** The three refusal sources. */
  static final List<String> REFUSAL_FILES =
      List.of("refusal-dev.jsonl", "refusal-dev-gptfuzz.jsonl", "refusal-dev-chatgpt.jsonl");

  /** The refusal sources and the reasoning file. */
  static final List<String> ALL_FILES =
      List.of(
          "refusal-dev.jsonl",
          "refusal-dev-gptfuzz.jsonl",
          "refusal-dev-chatgpt.jsonl",
          "reasoning-dev.jsonl");

  /** The responses of the files as written; the test is skipped when the data is missing. */
  static List<String> read(List<String> files) throws IOException {
    Path dir = dir();
    Assumptions.assumeTrue(dir != null, "the dev data (shared/data) is not next to the checkout");
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    for (String file : files) {
      for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(json.readTree(line).get("response").asText());
        }
      }
    }
    return out;
  }

  /** {@code shared/data} in the checkout's parent or a parent of that (worktrees); else null. */
  static Path dir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path data = p.resolve("shared/data");
      if (Files.isRegularFile(data.resolve("refusal-dev.jsonl"))) {
        return data;
      }
    }
    return null;
  }
}
