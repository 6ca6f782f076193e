package dev.alignunit.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClients;
import dev.alignunit.model.ProviderSettings;
import dev.alignunit.model.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared fixtures of the client tests: loopback server, recording sleeper, fixed clock. */
public final class ClientTestSupport {

  /** The fake key; it must never show up in a message. */
  public static final String KEY = "sk-test-Zq8xSECRETvalue4242";

  /** The fixed clock of the tests. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private ClientTestSupport() {}

  /** Records the delays instead of waiting. */
  public static final class RecordingSleeper implements Sleeper {
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      delays.add(duration);
    }

    public List<Duration> delays() {
      return List.copyOf(delays);
    }
  }

  /** Starts a MockWebServer on 127.0.0.1 only. */
  public static MockWebServer loopbackServer() {
    MockWebServer server = new MockWebServer();
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  /** Factory pointed at the server, key from a fake environment, no real waiting, no jitter. */
  public static ModelClients clients(MockWebServer server, RecordingSleeper sleeper) {
    String base = "http://127.0.0.1:" + server.getPort();
    ProviderSettings settings =
        ProviderSettings.defaults()
            .withOpenAiBaseUrl(base + "/v1")
            .withAnthropicBaseUrl(base)
            .withEnvironment(Map.of("OPENAI_API_KEY", KEY, "ANTHROPIC_API_KEY", KEY)::get);
    return new ModelClients(settings, new RetryTiming(sleeper, CLOCK, () -> 0.0));
  }

  /** A transport of one provider that never retries and never waits: one answer, one verdict. */
  public static HttpTransport noRetries(String provider, RecordingSleeper sleeper) {
    return new HttpTransport(
        provider,
        new okhttp3.OkHttpClient(),
        0,
        1,
        new RetryTiming(sleeper, CLOCK, () -> 0.0),
        KEY,
        "");
  }

  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  public static JsonNode body(RecordedRequest request) {
    try {
      return MAPPER.readTree(request.getBody().string(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode golden(String path) {
    try (InputStream in = ClientTestSupport.class.getResourceAsStream("/golden/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + path);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RecordedRequest take(MockWebServer server) {
    try {
      RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("the server received no request");
      }
      return request;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  public static ToolSpec runSql() {
    return new ToolSpec(
        "run_sql",
        "Run one SQL statement against the production database.",
        tree(
            "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}},\"required\":[\"query\"]}"));
  }

  public static ToolSpec sendEmail() {
    return new ToolSpec(
        "send_email",
        "Send an email.",
        tree(
            "{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\"},\"body\":{\"type\":\"string\"}},\"required\":[\"to\",\"body\"]}"));
  }

  public static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ChatRequest request(List<Message> messages, ChatParameters parameters) {
    return new ChatRequest(
        "You are Atlas, the database assistant of Northwind.",
        messages,
        List.of(runSql(), sendEmail()),
        parameters);
  }
}
