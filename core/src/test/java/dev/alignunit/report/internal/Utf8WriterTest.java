package dev.alignunit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTML pages' writer gives the bytes an {@code OutputStreamWriter} (UTF-8) gave. */
class Utf8WriterTest {

  static List<List<String>> chunks() {
    return List.of(
        List.of("<p>plain ASCII</p>\n"),
        List.of("3 turns · 12 ms", " &rarr; é ü ß ", "中文 – “quoted”"),
        List.of("rocket 🚀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"),
        // a surrogate pair split between two chunks is one character
        List.of("before \uD83D", "\uDE80 after"),
        List.of("\uD83D", "\uDE80"),
        // lone surrogates become '?'
        List.of("lone low \uDE80 here", "lone high \uD83D then text"),
        List.of("", "<b>", "", "</b>"));
  }

  @ParameterizedTest
  @MethodSource("chunks")
  void should_write_the_bytes_an_output_stream_writer_writes(List<String> chunks)
      throws IOException {
    assertThat(written(true, chunks)).isEqualTo(written(false, chunks));
  }

  @Test
  void should_write_characters_appended_as_builders_and_arrays() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Utf8Writer writer = new Utf8Writer(out);
    writer.append(new StringBuilder("a·")).append("xbcx", 1, 3).write(new char[] {'d', 'é'});
    writer.write('!');
    writer.flush();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a·bcdé!");
  }

  private static String written(boolean utf8Writer, List<String> chunks) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Writer target =
        utf8Writer ? new Utf8Writer(out) : new OutputStreamWriter(out, StandardCharsets.UTF_8);
    for (String chunk : chunks) {
      target.append(new StringBuilder(chunk));
    }
    target.close();
    return java.util.HexFormat.of().formatHex(out.toByteArray());
  }
}
