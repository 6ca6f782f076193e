package dev.alignunit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.grading.ReasoningDetector;
import dev.alignunit.grading.ReasoningVerdict;
import dev.alignunit.grading.RefusalDetector;
import dev.alignunit.grading.RefusalVerdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the full verdict (label, evidence, reason; for reasoning also the concepts) of both
 * heuristic detectors for every response of the dev files, one line per response, so that a
 * performance change can be checked for "no verdict changed" by a byte-for-byte diff of two dumps
 * (one made with the old classes on the classpath, one with the new).
 *
 * <p>Run from the repository root: {@code java -cp <core classes + dependencies + benchmarks
 * classes> dev.alignunit.benchmarks.VerdictDump [data dir] > dump.txt}. {@code
 * benchmarks/data/reasoning-own-labels.jsonl} labels rows of the refusal files, which are all
 * dumped through both detectors, so it needs no file of its own.
 */
public final class VerdictDump {

  private VerdictDump() {}

  /**
   * Writes the dump to standard output.
   *
   * @param args optional data directory (default {@code ../shared/data})
   * @throws IOException when a data file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
    RefusalDetector refusal = RefusalDetector.heuristic();
    ReasoningDetector reasoning = ReasoningDetector.heuristic();
    List<String> files =
        List.of(
            "refusal-dev.jsonl",
            "refusal-dev-gptfuzz.jsonl",
            "refusal-dev-chatgpt.jsonl",
            "reasoning-dev.jsonl");
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    for (String file : files) {
      Path path = dir.resolve(file);
      if (!Files.isRegularFile(path)) {
        throw new IOException("No dev data file " + path.toAbsolutePath());
      }
      int line = 0;
      for (JsonNode row : GraderAccuracy.read(path)) {
        line++;
        String text = row.get("response").asText();
        RefusalVerdict r = refusal.detect(text);
        ReasoningVerdict e = reasoning.detect(text);
        out.println(
            file
                + ":"
                + line
                + "\t"
                + row.path("id").asText()
                + "\trefusal="
                + r.label()
                + "\tevidence="
                + escape(r.evidence())
                + "\treason="
                + escape(r.reason())
                + "\texplains="
                + e.explains()
                + "\tevidence="
                + escape(String.valueOf(e.evidence()))
                + "\tconcepts="
                + e.concepts()
                + "\treason="
                + escape(e.reason()));
      }
    }
    out.flush();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
  }
}
