package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a tool: matrix, controls, baseline beside the rates, sorting, grouping, search,
 * accessibility.
 */
class HtmlReportToolTest {

  @TempDir Path dir;

  /**
   * A fooled agent whose test expects the harm: it passed with harm committed in its only sample.
   */
  static TestEntry control() {
    return TestEntry.builder("com.acme.FooledTest#tripwireCatchesIt", ReportFixtures.SCENARIO.id())
        .displayName("tripwireCatchesIt()")
        .variant(Map.of("tone", "urgent"))
        .model("scripted")
        .mode("test-supplied model")
        .metric("harm:destructive-sql", new RateSummary(1, 1, 0, 0.207, 1.0))
        .sample(ReportFixtures.sample(ReportFixtures.droppingRun(1)))
        .build();
  }

  private Document render(TestEntry... entries) throws IOException {
    ReportWriter.defaults().write(RunReport.of(ReportFixtures.metadata(), List.of(entries)), dir);
    return Jsoup.parse(dir.resolve("index.html").toFile(), "UTF-8");
  }

  @Test
  void should_show_a_scenario_variant_model_matrix_whose_cells_link_to_their_rows()
      throws IOException {
    Document doc = render(ReportFixtures.passing(), ReportFixtures.failing(), control());

    Element matrix = doc.select("section.matrix").first();
    assertThat(matrix.select("h2").text()).isEqualTo("Scenario × variant × model");
    assertThat(matrix.select("thead th").eachText())
        .containsExactly("Scenario [variant]", "openai:gpt-4.1-mini", "scripted");
    assertThat(matrix.select("tbody th").eachText())
        .containsExactly("refusal/drop-table [tone=polite]", "refusal/drop-table [tone=urgent]");
    assertThat(matrix.select("#matrix-metric option[selected]").text())
        .isEqualTo("harm:destructive-sql");
    Element urgentGpt = matrix.select("tbody tr").get(1).select("td").get(0).selectFirst("a.cell");
    assertThat(urgentGpt.text()).isEqualTo("50% (1/2)1 test, 1 not passed");
    assertThat(urgentGpt.className()).isEqualTo("cell heat-2");
    assertThat(urgentGpt.attr("href"))
        .isEqualTo("#" + ReportWriter.anchorOf(ReportFixtures.failing()));
    assertThat(doc.getElementById(ReportWriter.anchorOf(ReportFixtures.failing()))).isNotNull();
    assertThat(urgentGpt.attr("data-rates")).isEqualTo("harm:destructive-sql=0.5 1/2");
    assertThat(matrix.select("tbody tr").get(0).select("td").get(0).text()).isEqualTo("—");
    assertThat(matrix.select("tbody tr").get(1).select("td").get(1).text())
        .isEqualTo("100% (1/1)1 test, expected harm");
  }

  @Test
  void should_mark_expected_harm_controls_and_keep_them_out_of_the_highest_harm_rates()
      throws IOException {
    Document doc = render(ReportFixtures.passing(), control());

    Element row = doc.getElementById(ReportWriter.anchorOf(control()));
    assertThat(row.attr("data-expected-harm")).isEqualTo("true");
    assertThat(row.select(".expected").text()).isEqualTo("expected harm");
    assertThat(row.select(".metric.expected-harm .name").text()).isEqualTo("harm:destructive-sql");
    Element chart = doc.select("section.charts figure").get(1);
    assertThat(chart.select("figcaption").text())
        .isEqualTo(
            "Highest harm rates (bar: observed rate, line: confidence interval; 1 expected-harm control not shown)");
    assertThat(chart.select("g title").eachText()).noneMatch(t -> t.contains("[tone=urgent]"));
    assertThat(
            doc.getElementById(ReportWriter.anchorOf(ReportFixtures.passing())).select(".expected"))
        .isEmpty();
  }

  @Test
  void should_show_the_baseline_rate_beside_the_current_one_with_the_change() throws IOException {
    Document doc = render(ReportFixtures.passing(), ReportFixtures.failing());

    Element failing = doc.getElementById(ReportWriter.anchorOf(ReportFixtures.failing()));
    assertThat(failing.select(".metric .val").text())
        .isEqualTo("1/2 50% [9.5%–90.5%] baseline 0% +50 pts");
    assertThat(failing.select(".delta").hasClass("worse")).isTrue();
    Element passing = doc.getElementById(ReportWriter.anchorOf(ReportFixtures.passing()));
    assertThat(passing.select(".metric .val").first().text())
        .isEqualTo("0/2 0% [0%–65.8%] baseline 0% ±0 pts");
    assertThat(passing.select(".delta").first().hasClass("same")).isTrue();
  }

  @Test
  void should_show_a_single_sample_without_an_interval() throws IOException {
    Document doc = render(control());

    Element metric = doc.getElementById(ReportWriter.anchorOf(control())).selectFirst(".metric");
    assertThat(metric.select(".val").text()).isEqualTo("1/1");
    assertThat(metric.select("svg path")).as("no interval whisker").isEmpty();
  }

  @Test
  void should_offer_search_sorting_and_grouping_with_what_the_script_reads() throws IOException {
    Document doc =
        render(ReportFixtures.passing(), ReportFixtures.failing(), ReportFixtures.errored());

    assertThat(doc.select("label:has(#search)").text()).startsWith("Search");
    assertThat(doc.select("#group option").eachAttr("value"))
        .containsExactly("", "class", "scenario", "outcome");
    assertThat(doc.select("th[data-sort]").eachAttr("data-sort"))
        .containsExactly("outcome", "scenario", "samples", "harm");
    assertThat(doc.select("th[data-sort] button")).hasSize(4);
    Element failing = doc.getElementById(ReportWriter.anchorOf(ReportFixtures.failing()));
    assertThat(failing.attr("data-group-class")).isEqualTo("com.acme.OpsTest");
    assertThat(failing.attr("data-group-scenario")).isEqualTo("refusal/drop-table");
    assertThat(failing.attr("data-sort-outcome")).isEqualTo("0");
    assertThat(failing.attr("data-sort-harm")).isEqualTo("50.0");
  }

  @Test
  void should_have_one_h1_sections_with_headings_landmarks_and_labelled_controls()
      throws IOException {
    Document doc =
        render(ReportFixtures.passing(), ReportFixtures.failing(), ReportFixtures.errored());

    assertThat(doc.select("h1")).hasSize(1);
    assertThat(doc.select("body > header.top")).hasSize(1);
    assertThat(doc.select("body > main")).hasSize(1);
    assertThat(doc.select("main h2").eachText())
        .containsExactly("Charts", "Scenario × variant × model", "Scenario runs");
    assertThat(doc.select("main section"))
        .allSatisfy(
            section ->
                assertThat(section.hasAttr("aria-labelledby") || section.hasAttr("aria-label"))
                    .as(section.className())
                    .isTrue());
    assertThat(doc.select("select, input"))
        .allSatisfy(
            control ->
                assertThat(control.parents().is("label"))
                    .as("labelled: " + control.outerHtml())
                    .isTrue());
    assertThat(doc.select("table.summary thead th"))
        .allSatisfy(th -> assertThat(th.attr("scope")).isEqualTo("col"));
    assertThat(doc.select("svg[role=img]"))
        .allSatisfy(
            svg ->
                assertThat(svg.hasAttr("aria-label") || !svg.select("title").isEmpty()).isTrue());
  }

  @Test
  void should_keep_text_contrast_at_wcag_aa_for_every_colour_pair_of_the_stylesheet()
      throws IOException {
    String css =
        new String(
            HtmlReportToolTest.class
                .getResourceAsStream("/alignunit/report/report.css")
                .readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    Map<String, String> vars = new java.util.HashMap<>();
    Matcher m = Pattern.compile("--([a-z]+):(#[0-9a-f]{6})").matcher(css);
    while (m.find()) {
      vars.put(m.group(1), m.group(2));
    }
    // text colour on background colour, as the stylesheet pairs them
    List<String[]> pairs = new ArrayList<>();
    pairs.add(new String[] {vars.get("ink"), vars.get("bg")});
    pairs.add(new String[] {vars.get("muted"), vars.get("panel")});
    pairs.add(new String[] {vars.get("muted"), vars.get("soft")});
    pairs.add(new String[] {"#ffffff", vars.get("pass")});
    pairs.add(new String[] {"#ffffff", vars.get("fail")});
    pairs.add(new String[] {"#ffffff", vars.get("err")});
    pairs.add(new String[] {"#ffffff", "#5f6b7a"});
    pairs.add(new String[] {vars.get("pass"), "#e3f4ea"});
    pairs.add(new String[] {vars.get("fail"), "#fbe7e7"});
    pairs.add(new String[] {"#8f4a00", "#fdf0e0"});
    pairs.add(new String[] {vars.get("skip"), "#eef0f3"});
    pairs.add(new String[] {vars.get("accent"), "#e8eefc"});
    pairs.add(new String[] {vars.get("muted"), "#fafbfc"});
    pairs.add(new String[] {vars.get("accent"), vars.get("panel")});
    pairs.add(new String[] {"#3d4654", "#eef0f3"});
    pairs.add(new String[] {"#1c2430", "#e88f8f"});
    pairs.add(new String[] {"#b8c4d6", "#18212d"});
    for (String[] pair : pairs) {
      assertThat(contrast(pair[0], pair[1]))
          .as("%s on %s", pair[0], pair[1])
          .isGreaterThanOrEqualTo(4.5);
    }
  }

  private static double contrast(String fg, String bg) {
    double a = luminance(fg);
    double b = luminance(bg);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
