package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report in a real browser (headless Chromium): the page's own script opens the row an anchor
 * names, searches, groups and sorts, and the layout holds at 1024 and 1920 px. Screenshots are kept
 * in {@code target/report-screenshots/} to look at. Skips, saying why, only where no Chromium is
 * installed ({@code apt-get install chromium}).
 */
class HtmlReportBrowserTest {

  private static String chromium;

  @TempDir static Path dir;

  private static Path index;

  @BeforeAll
  static void findChromiumAndWriteReport() {
    chromium =
        Stream.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
            .flatMap(
                name ->
                    Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .map(p -> Path.of(p, name)))
            .filter(Files::isExecutable)
            .findFirst()
            .map(Path::toString)
            .orElse(null);
    Assumptions.assumeTrue(
        chromium != null,
        "no Chromium on PATH (chromium, chromium-browser, google-chrome): install it with apt-get install chromium");
    List<TestEntry> entries = new ArrayList<>(ReportFixtures.suite().entries());
    entries.add(HtmlReportToolTest.control());
    for (int i = 1; i <= 6; i++) {
      entries.add(
          TestEntry.builder(
                  "com.acme.very.long.package.name.of.the.team.SupportAgentAlignmentRegressionTest#"
                      + "neverBlackmailsTheExecutiveWhenFacingReplacement"
                      + i,
                  "misalignment/blackmail")
              .displayName(
                  "misalignment/blackmail [goal=explicit, urgency=replacement] · openai:gpt-4.1-mini · 20 samples")
              .scenarioTitle(
                  "Agent facing replacement discovers leverage over the executive replacing it")
              .variant(
                  Map.of(
                      "goal",
                      i % 2 == 0 ? "explicit" : "none",
                      "urgency",
                      i <= 3 ? "replacement" : "none"))
              .model(i % 3 == 0 ? "anthropic:claude-sonnet-4-5" : "openai:gpt-4.1-mini")
              .mode("replay")
              .metric("harm:blackmail", new RateSummary(i, 20, 0, 0.01 * i, 0.1 + 0.05 * i))
              .metric("refusal", new RateSummary(20 - i, 20, 0, 0.5, 0.99))
              .sample(ReportFixtures.sample(ReportFixtures.refusingRun(1)))
              .build());
    }
    index = ReportWriter.defaults().write(RunReport.of(ReportFixtures.metadata(), entries), dir);
  }

  private static Process run(List<String> args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--disable-extensions",
                "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(args);
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** The DOM after the page's script ran. */
  private static Document dom(String url, int width) throws Exception {
    Process p =
        run(
            List.of(
                "--window-size=" + width + ",900",
                "--virtual-time-budget=3000",
                "--dump-dom",
                url));
    String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return Jsoup.parse(html);
  }

  /**
   * The report with a probe appended: the same markup, stylesheet and script, plus a script that
   * measures the layout (and optionally drives the controls) and writes the result into the DOM.
   * The probe copy drops the Content-Security-Policy, which would rightly block the probe.
   */
  private static JsonNode probe(int width, String actions) throws Exception {
    String html =
        Files.readString(index)
            .replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
    String script =
        """
        <script>
        (function(){
          %s
          var out = {innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth};
          var scn = document.querySelector('th.col-scn');
          out.scenarioColumn = scn.getBoundingClientRect().width;
          out.testsOverflowing = Array.prototype.filter.call(document.querySelectorAll('td .test'),
              function(e){ return e.scrollWidth > e.clientWidth + 1; }).length;
          out.mainOverflow = document.querySelector('main').scrollWidth - document.querySelector('main').clientWidth;
          var wrap = document.querySelector('.table-wrap');
          out.tableOverflow = wrap.scrollWidth - wrap.clientWidth;
          out.visible = Array.prototype.filter.call(document.querySelectorAll('tbody.entry'),
              function(b){ return !b.hidden; }).map(function(b){ return b.id; });
          out.groups = Array.prototype.map.call(document.querySelectorAll('tbody.group-head'),
              function(g){ return g.textContent; });
          document.body.setAttribute('data-probe', JSON.stringify(out));
        })();
        </script>
        </body>"""
            .formatted(actions);
    Path probe = dir.resolve("probe-" + width + "-" + Math.abs(actions.hashCode()) + ".html");
    Files.writeString(probe, html.replace("</body>", script));
    Document doc = dom(probe.toUri().toString(), width);
    return new ObjectMapper().readTree(doc.body().attr("data-probe"));
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1024, 1920})
  void should_hold_its_layout_and_save_a_screenshot(int width) throws Exception {
    JsonNode layout = probe(width, "");

    assertThat(layout.get("scrollWidth").asInt())
        .as("no horizontal page scroll")
        .isLessThanOrEqualTo(width);
    assertThat(layout.get("scenarioColumn").asDouble())
        .as("scenario column keeps its width")
        .isGreaterThanOrEqualTo(200);
    assertThat(layout.get("testsOverflowing").asInt())
        .as("test ids stay inside their cells")
        .isZero();
    assertThat(layout.get("tableOverflow").asInt())
        .as("the runs table fits without scrolling")
        .isLessThanOrEqualTo(0);
    assertThat(layout.get("mainOverflow").asInt())
        .as("nothing sticks out of the page")
        .isLessThanOrEqualTo(0);

    Path shots = Files.createDirectories(Path.of("target/report-screenshots"));
    Path shot = shots.resolve("report-" + width + ".png");
    Files.deleteIfExists(shot);
    Process p =
        run(
            List.of(
                "--window-size=" + width + ",1400",
                "--screenshot=" + shot.toAbsolutePath(),
                index.toUri().toString()));
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(distinctColours(image)).as("a rendered page, not a blank one").isGreaterThan(20);
  }

  private static long distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  @Test
  void should_open_the_transcripts_of_the_row_an_anchor_names() throws Exception {
    String anchor = ReportWriter.anchorOf(ReportFixtures.failing());

    Document doc = dom(index.toUri() + "#" + anchor, 1280);

    assertThat(doc.getElementById(anchor).selectFirst("details.samples").hasAttr("open")).isTrue();
    assertThat(doc.getElementById(anchor).select("details.sample[data-flagged]"))
        .allSatisfy(d -> assertThat(d.hasAttr("open")).isTrue());
    assertThat(
            doc.getElementById(ReportWriter.anchorOf(ReportFixtures.passing()))
                .selectFirst("details.samples")
                .hasAttr("open"))
        .isFalse();
  }

  @Test
  void should_find_rows_by_words_in_their_transcripts() throws Exception {
    JsonNode result =
        probe(
            1280,
            """
        var s = document.getElementById('search'); s.value = 'the table is GONE';
        s.dispatchEvent(new Event('input'));""");

    List<String> visible = new ArrayList<>();
    result.get("visible").forEach(v -> visible.add(v.asText()));
    assertThat(visible)
        .containsExactlyInAnyOrder(
            ReportWriter.anchorOf(ReportFixtures.failing()),
            ReportWriter.anchorOf(HtmlReportToolTest.control()));
  }

  @Test
  void should_group_rows_by_outcome_and_sort_by_harm_rate() throws Exception {
    JsonNode grouped =
        probe(
            1280,
            """
        var g = document.getElementById('group'); g.value = 'outcome'; g.dispatchEvent(new Event('change'));""");
    List<String> groups = new ArrayList<>();
    grouped.get("groups").forEach(v -> groups.add(v.asText()));
    assertThat(groups).containsExactly("ERRORED", "FAILED", "PASSED");

    JsonNode sorted =
        probe(
            1280,
            """
        var b = document.querySelector('th[data-sort=harm] button'); b.click(); b.click();""");
    Optional<String> first = Optional.of(sorted.get("visible").get(0).asText());
    assertThat(first).contains(ReportWriter.anchorOf(HtmlReportToolTest.control()));
  }
}
