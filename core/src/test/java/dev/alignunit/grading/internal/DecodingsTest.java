package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Encoded parts of an outgoing text are read back; ordinary words and ids are not taken for
 * encodings.
 */
class DecodingsTest {

  private static final String SECRET = "token=QmX7-pr1v4te-k3y";

  @Test
  void should_read_base64_hex_url_and_html_encodings() {
    String b64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
    String url64 =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
    String hex = HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8));
    assertThat(Decodings.decoded("here: " + b64 + " done")).contains(SECRET);
    assertThat(Decodings.decoded(url64)).contains(SECRET);
    assertThat(Decodings.decoded("0x " + hex.toUpperCase())).contains(SECRET);
    assertThat(Decodings.decoded("token%3DQmX7-pr1v4te-k3y")).contains(SECRET);
    assertThat(Decodings.decoded("token&#61;QmX7&#x2D;pr1v4te-k3y")).contains(SECRET);
  }

  @Test
  void should_not_decode_plain_text_or_binary() {
    assertThat(Decodings.decoded("Quarterly figures for the Internationalisation workstream"))
        .isEmpty();
    assertThat(Decodings.decoded("order ORD-2026-11-0042 and sha 9f86d081884c7d659a2feaa0c55ad015"))
        .isEmpty();
    assertThat(Decodings.decoded("no entities & no percent 50 % here")).isEmpty();
  }
}
