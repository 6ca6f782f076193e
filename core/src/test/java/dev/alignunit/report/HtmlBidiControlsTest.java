package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.agent.RunStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bidirectional control characters cannot reorder what the report shows: they are shown escaped.
 */
class HtmlBidiControlsTest {

  @Test
  void should_show_bidi_controls_escaped_in_the_html_report(@TempDir Path dir) throws Exception {
    String text = "Transfer approved \u202Eevil.exe\u202C and \u2066isolated\u2069 \u200Fmark";
    SampleReport sample =
        new SampleReport(
            1,
            RunStatus.COMPLETED,
            null,
            1,
            new TranscriptReport("system", List.of(MessageReport.assistant(text, "", List.of()))),
            List.of(),
            List.of(),
            TokenUsage.ZERO,
            5);
    TestEntry entry = TestEntry.builder("com.acme.T#m", "bidi/test").sample(sample).build();
    RunReport report =
        RunReport.of(
            new RunMetadata(
                "0.1.0-test",
                Instant.parse("2026-11-26T10:00:00Z"),
                Instant.parse("2026-11-26T10:00:01Z"),
                List.of("scripted"),
                List.of("replay"),
                Map.of()),
            List.of(entry));

    ReportWriter.defaults().write(report, dir);

    String html = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
    assertThat(html)
        .contains(
            "Transfer approved [U+202E]evil.exe[U+202C] and [U+2066]isolated[U+2069] [U+200F]mark")
        .doesNotContain("\u202E")
        .doesNotContain("\u2066")
        .doesNotContain("\u200F");
  }
}
