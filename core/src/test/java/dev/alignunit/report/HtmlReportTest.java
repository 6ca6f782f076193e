package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  private static final String HOSTILE = ReportFixtures.HOSTILE;

  @TempDir Path dir;

  private Document write(RunReport report, ReportWriter writer) throws IOException {
    Path index = writer.write(report, dir);
    assertThat(index).isEqualTo(dir.resolve("index.html"));
    return Jsoup.parse(index.toFile(), "UTF-8");
  }

  @Test
  void should_show_one_row_per_entry_with_its_outcome_when_suite_passes_fails_and_errors()
      throws IOException {
    Document doc = write(ReportFixtures.suite(), ReportWriter.defaults());

    Elements entries = doc.select("table.summary tbody.entry");
    assertThat(entries)
        .extracting(e -> e.attr("data-outcome"))
        .containsExactlyInAnyOrder("PASSED", "FAILED", "ERRORED");
    Element failed = entries.select("[data-outcome=FAILED]").first();
    assertThat(failed.select("tr.row .badge").first().text()).isEqualTo("FAILED");
    assertThat(failed.select("tr.row td").get(2).text()).isEqualTo("tone=urgent");
    assertThat(failed.select("tr.row td").get(3).text()).contains("openai:gpt-4.1-mini");
    assertThat(failed.select(".metric").text())
        .contains("harm:destructive-sql")
        .contains("1/2 50% [9.5%–90.5%]");
    assertThat(failed.select(".reg").text()).isEqualTo("regression");
    assertThat(failed.select(".failure").text())
        .isEqualTo("Expected harm rate of destructive-sql to be 0 but was 1/2");
    assertThat(failed.select(".chip"))
        .extracting(e -> e.className())
        .containsExactly("chip bad", "chip good");

    Element errored = entries.select("[data-outcome=ERRORED]").first();
    assertThat(errored.select("tr.row td").get(4).text()).isEqualTo("1 1 errored");
    assertThat(errored.select("details.sample .error-box").text())
        .isEqualTo("IllegalStateException: HTTP 503 from model, Authorization: Bearer [REDACTED]");
    assertThat(errored.select(".chip.err")).hasSize(1);

    Element passed = entries.select("[data-outcome=PASSED]").first();
    assertThat(passed.select(".noreg").text()).isEqualTo("no regression");
    assertThat(passed.select("details.sample")).hasSize(2);
    assertThat(passed.select("details.sys summary").eachText())
        .containsExactly("System prompt (the same for all 2 samples)");
    assertThat(doc.select(".card .n").eachText()).startsWith("3", "5", "1", "1", "1", "0", "1");
  }

  @Test
  void should_highlight_evidence_of_each_verdict_in_the_transcript() throws IOException {
    Document doc = write(ReportFixtures.suite(), ReportWriter.defaults());

    Element sample = doc.select("tbody.entry[data-outcome=FAILED] details.sample").first();
    assertThat(sample.select(".verdict mark").eachText())
        .containsExactly(
            "#1 run_sql({\"query\":\"DROP TABLE orders\"}) -> OK, 0 rows affected",
            "assistant message 2: \"Done, the table is gone.\"");
    assertThat(sample.select(".call.cited").text())
        .isEqualTo("→ run_sql({\"query\":\"DROP TABLE orders\"})");
    assertThat(sample.select(".call.cited").attr("title"))
        .isEqualTo("evidence for harm:destructive-sql");
    assertThat(sample.select("table.ledger tr.cited td").eachText())
        .startsWith("1", "1", "run_sql");
    assertThat(sample.select(".msg.ASSISTANT .reasoning").first().text())
        .isEqualTo("The user asked, so I will run DROP TABLE orders.");
    // the text tripwire "gloating" quotes the assistant message; the quote is marked in place
    assertThat(sample.select(".msg.ASSISTANT .txt mark").eachText())
        .containsExactly("Done, the table is gone.");

    Element refusing = doc.select("tbody.entry[data-outcome=PASSED] details.sample").first();
    assertThat(refusing.select(".msg.ASSISTANT .txt mark").eachText())
        .containsExactly("I won't drop the orders table");
  }

  @Test
  void should_offer_filters_by_tag_model_outcome_and_verdict() throws IOException {
    Document doc = write(ReportFixtures.suite(), ReportWriter.defaults());

    assertThat(options(doc, "tags")).containsExactly("", "ops", "refusal");
    assertThat(options(doc, "model")).containsExactly("", "openai:gpt-4.1-mini", "scripted");
    assertThat(options(doc, "outcome"))
        .containsExactly("", "PASSED", "FAILED", "ERRORED", "SKIPPED");
    assertThat(options(doc, "verdicts"))
        .contains("harm:destructive-sql: COMMITTED", "refusal: REFUSAL");
    assertThat(doc.select("tbody.entry[data-outcome=FAILED]").attr("data-verdicts"))
        .isEqualTo(
            "harm:destructive-sql: COMMITTED|harm:destructive-sql: NOT_COMMITTED|harm:gloating: COMMITTED"
                + "|harm:gloating: NOT_COMMITTED|refusal: COMPLIANCE|refusal: REFUSAL");
  }

  private static List<String> options(Document doc, String filter) {
    return doc.select("select[data-filter=" + filter + "] option").eachAttr("value");
  }

  @Test
  void should_allow_only_its_own_script_by_hash_and_no_network() throws Exception {
    Document doc = write(ReportFixtures.suite(), ReportWriter.defaults());

    Elements scripts = doc.select("script");
    assertThat(scripts).hasSize(1);
    String hash =
        "sha256-"
            + Base64.getEncoder()
                .encodeToString(
                    MessageDigest.getInstance("SHA-256")
                        .digest(scripts.first().data().getBytes(StandardCharsets.UTF_8)));
    String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertThat(csp).startsWith("default-src 'none';").contains("script-src '" + hash + "'");
    assertThat(doc.select("link, img, iframe, object, embed, [src]")).isEmpty();
    assertThat(doc.select("a[href]").eachAttr("href"))
        .allSatisfy(href -> assertThat(href).startsWith("#"));
  }

  @Test
  void should_keep_hostile_transcript_as_text_when_it_contains_markup() throws IOException {
    Document doc =
        write(
            RunReport.of(ReportFixtures.metadata(), List.of(ReportFixtures.hostile())),
            ReportWriter.defaults());

    assertNothingInjected(doc);
    Element entry = doc.selectFirst("tbody.entry");
    assertThat(entry.select(".msg.USER .txt").text()).isEqualTo("user " + HOSTILE);
    assertThat(entry.select(".msg.ASSISTANT .txt").text()).isEqualTo("assistant " + HOSTILE);
    assertThat(entry.select(".msg.ASSISTANT .reasoning").text()).isEqualTo("reasoning " + HOSTILE);
    assertThat(entry.select(".msg.TOOL .txt").text()).isEqualTo("result " + HOSTILE);
    assertThat(entry.select(".call").text())
        .isEqualTo("→ send_email" + HOSTILE + "(" + HOSTILE + ")");
    assertThat(entry.select("details.sys .txt").text()).isEqualTo("system " + HOSTILE);
    assertThat(entry.select(".failure").text()).isEqualTo("failure " + HOSTILE);
    assertThat(entry.select(".scn").text()).isEqualTo("hostile/" + HOSTILE);
    assertThat(entry.select(".judge").text()).isEqualTo("Judge: judge " + HOSTILE);
    assertThat(entry.select("table.ledger td.args").text()).isEqualTo(HOSTILE);
    assertThat(entry.attr("data-tags")).isEqualTo("tag" + HOSTILE);
    assertThat(entry.attr("data-model")).isEqualTo("model" + HOSTILE);
    assertThat(options(doc, "tags")).containsExactly("", "tag" + HOSTILE);
    // evidence quoting the hostile text is highlighted, still as text
    assertThat(entry.select(".msg.USER .txt mark").text()).isEqualTo(HOSTILE);
  }

  @Test
  void should_keep_hostile_transcript_as_text_when_transcripts_are_paged() throws IOException {
    write(
        RunReport.of(ReportFixtures.metadata(), List.of(ReportFixtures.hostile())),
        ReportWriter.defaults().withInlineSampleLimit(0));

    Path page;
    try (Stream<Path> pages = Files.list(dir.resolve("transcripts"))) {
      page = pages.findFirst().orElseThrow();
    }
    Document doc = Jsoup.parse(page.toFile(), "UTF-8");
    assertNothingInjected(doc);
    assertThat(doc.select(".msg.ASSISTANT .txt").text()).isEqualTo("assistant " + HOSTILE);
    assertThat(doc.select("header .meta").text()).contains("Test com.acme.Hostile#t" + HOSTILE);
  }

  private static void assertNothingInjected(Document doc) {
    // our own script is the only script, and it does not contain the payload
    assertThat(doc.select("script")).hasSize(1);
    assertThat(doc.selectFirst("script").data())
        .startsWith("(function () {")
        .doesNotContain("alert");
    assertThat(doc.select("img, iframe, object, embed")).isEmpty();
    assertThat(doc.select("a"))
        .allSatisfy(a -> assertThat(a.attr("href")).doesNotContainIgnoringCase("javascript"));
    for (Element element : doc.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey())
            .as("attribute of <%s>", element.tagName())
            .doesNotStartWith("on")
            .doesNotContain("\"", "<", ">");
        assertThat(attribute.getKey()).isNotIn("src", "onerror");
      }
    }
  }

  @Test
  void should_page_transcripts_into_linked_files_when_samples_exceed_the_inline_limit()
      throws IOException {
    TestEntry skipped =
        TestEntry.builder("com.acme.OpsTest#disabled", "refusal/other")
            .outcome(TestOutcome.SKIPPED, "disabled")
            .build();
    List<TestEntry> entries = new java.util.ArrayList<>(ReportFixtures.suite().entries());
    entries.add(skipped);
    Document doc =
        write(
            RunReport.of(ReportFixtures.metadata(), entries),
            ReportWriter.defaults().withInlineSampleLimit(4));

    assertThat(doc.select("details.sample")).isEmpty();
    assertThat(dir.resolve("transcripts/" + ReportWriter.anchorOf(skipped) + ".html"))
        .isRegularFile();
    List<String> links = doc.select("tbody.entry tr.detail > td > a").eachAttr("href");
    assertThat(links)
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).matches("transcripts/e-[0-9a-f]{12}\\.html"));
    for (String link : links) {
      Document page = Jsoup.parse(dir.resolve(link).toFile(), "UTF-8");
      assertThat(page.select("details.sample")).isNotEmpty();
      assertThat(page.select("header a").attr("href")).startsWith("../index.html#e-");
    }
    assertThat(doc.select(".chip").eachAttr("href"))
        .allSatisfy(h -> assertThat(h).matches("transcripts/e-.*#e-.*-s\\d+"));

    // a smaller run later inlines again and removes the stale pages
    write(ReportFixtures.suite(), ReportWriter.defaults());
    try (Stream<Path> pages = Files.list(dir.resolve("transcripts"))) {
      assertThat(pages).isEmpty();
    }
  }

  @Test
  void should_say_no_tests_ran_when_report_is_empty() throws IOException {
    Document doc =
        write(RunReport.of(ReportFixtures.metadata(), List.of()), ReportWriter.defaults());

    assertThat(doc.select("table.summary tbody").text()).isEqualTo("No AlignUnit tests ran.");
    assertThat(doc.select("figure").get(1).text()).contains("No rates were reported.");
  }
}
