package dev.alignunit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request's JSON body is encoded by the JDK, with the bytes and content type OkHttp gave a string
 * body of {@code application/json}.
 */
class RequestBodyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"model\":\"m\"}",
        "{\"content\":\"Ünïcödé – “quoted” 中文 🚀\"}",
        "{\"content\":\"lone high \uD83D and lone low \uDE80, reversed \uDE80\uD83D\"}",
        "{\"content\":\"ends high \uD83D\"}",
        ""
      })
  void should_send_the_bytes_and_content_type_of_a_string_body(String json) throws IOException {
    RequestBody expected = RequestBody.create(json, MediaType.get("application/json"));
    RequestBody actual = HttpTransport.body(json);

    assertThat(actual.contentType()).hasToString(expected.contentType().toString());
    assertThat(actual.contentType()).hasToString("application/json; charset=utf-8");
    assertThat(actual.contentLength()).isEqualTo(expected.contentLength());
    assertThat(bytes(actual)).isEqualTo(bytes(expected));
  }

  private static String bytes(RequestBody body) throws IOException {
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return buffer.readByteString().hex();
  }
}
