package dev.alignunit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ModelClients;
import dev.alignunit.model.ProviderSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

  private static HttpTransport transport(double jitter) {
    return new HttpTransport(
        "openai",
        HttpClients.create(Duration.ofSeconds(5), 1, null),
        4,
        1,
        new RetryTiming(d -> {}, ClientTestSupport.CLOCK, () -> jitter),
        ClientTestSupport.KEY,
        "");
  }

  @Test
  void should_double_the_backoff_up_to_the_cap() {
    try (HttpTransport transport = transport(0.0)) {
      assertThat(transport.backoff(1)).isEqualTo(Duration.ofMillis(500));
      assertThat(transport.backoff(2)).isEqualTo(Duration.ofSeconds(1));
      assertThat(transport.backoff(7)).isEqualTo(Duration.ofSeconds(30));
      assertThat(transport.backoff(60)).isEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void should_shorten_the_backoff_by_up_to_half_with_jitter() {
    try (HttpTransport transport = transport(0.999)) {
      assertThat(transport.backoff(2)).isEqualTo(Duration.ofMillis(500));
    }
  }

  @Test
  void should_read_retry_after_as_seconds_milliseconds_or_http_date() {
    Clock clock = ClientTestSupport.CLOCK; // 2026-01-05T10:00:00Z

    assertThat(HttpTransport.retryAfter(Headers.of("Retry-After", "2"), clock))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(HttpTransport.retryAfter(Headers.of("Retry-After", "1.5"), clock))
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(HttpTransport.retryAfter(Headers.of("retry-after-ms", "120"), clock))
        .isEqualTo(Duration.ofMillis(120));
    assertThat(
            HttpTransport.retryAfter(
                Headers.of("Retry-After", "Mon, 05 Jan 2026 10:00:30 GMT"), clock))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(
            HttpTransport.retryAfter(
                Headers.of("Retry-After", "Mon, 05 Jan 2026 09:00:00 GMT"), clock))
        .isEqualTo(Duration.ZERO);
    assertThat(HttpTransport.retryAfter(Headers.of("Retry-After", "3600"), clock))
        .isEqualTo(Duration.ofSeconds(120));
    assertThat(HttpTransport.retryAfter(Headers.of("Retry-After", "soon"), clock)).isNull();
    assertThat(HttpTransport.retryAfter(Headers.of(), clock)).isNull();
  }

  @Test
  void should_retry_only_408_409_429_and_5xx() {
    assertThat(List.of(408, 409, 429, 500, 502, 503, 529)).allMatch(HttpTransport::retryable);
    assertThat(List.of(400, 401, 403, 404, 422)).noneMatch(HttpTransport::retryable);
  }

  @Test
  void should_keep_at_most_concurrency_requests_in_flight() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    CountDownLatch twoArrived = new CountDownLatch(2);
    CountDownLatch thirdArrived = new CountDownLatch(3);
    CountDownLatch release = new CountDownLatch(1);
    try (MockWebServer server = ClientTestSupport.loopbackServer()) {
      server.setDispatcher(
          heldUntil(
              release,
              () -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                twoArrived.countDown();
                thirdArrived.countDown();
              },
              inFlight::decrementAndGet));
      chats(
          server,
          2,
          6,
          () -> {
            assertThat(twoArrived.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(thirdArrived.await(300, TimeUnit.MILLISECONDS)).isFalse();
            release.countDown();
          });
      assertThat(maxInFlight.get()).isEqualTo(2);
      assertThat(server.getRequestCount()).isEqualTo(6);
    }
  }

  /** Answers "ok" to each request once {@code release} opens; the hooks run before and after. */
  private static Dispatcher heldUntil(CountDownLatch release, Runnable arrived, Runnable leaving) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        arrived.run();
        release.await(10, TimeUnit.SECONDS);
        leaving.run();
        return ClientTestSupport.json(200, "{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}");
      }
    };
  }

  /** What a test checks while its requests are in flight. */
  private interface WhileInFlight {
    void check() throws Exception;
  }

  /**
   * Sends {@code requests} chats at once (one thread each) through an OpenAI client of the given
   * concurrency, runs {@code meanwhile}, then expects every answer to be "ok".
   */
  private static void chats(
      MockWebServer server, int concurrency, int requests, WhileInFlight meanwhile)
      throws Exception {
    ProviderSettings settings =
        ProviderSettings.defaults()
            .withConcurrency(concurrency)
            .withOpenAiBaseUrl("http://127.0.0.1:" + server.getPort() + "/v1")
            .withEnvironment(Map.of("OPENAI_API_KEY", "x")::get);
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try (ModelClients clients = new ModelClients(settings)) {
      ModelClient model = clients.create("openai:m");
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        answers.add(
            pool.submit(
                () ->
                    model
                        .chat(new ChatRequest("", List.of(Message.user("x")), null, null))
                        .text()));
      }
      meanwhile.check();
      for (Future<String> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_log_each_retry_at_debug_to_the_logger_named_after_the_transport() throws Exception {
    java.util.logging.Logger logger =
        java.util.logging.Logger.getLogger(HttpTransport.class.getName());
    List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord entry) {
            records.add(entry);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Level level = logger.getLevel();
    logger.setLevel(java.util.logging.Level.ALL);
    logger.addHandler(handler);
    try (MockWebServer server = ClientTestSupport.loopbackServer();
        HttpTransport transport = transport(0.0)) {
      server.enqueue(ClientTestSupport.json(429, "{\"error\":\"slow down\"}"));
      server.enqueue(ClientTestSupport.json(200, "{}"));
      transport.postJson(
          server.url("/v1/chat/completions"),
          Headers.of("Authorization", "Bearer " + ClientTestSupport.KEY),
          "{}");
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(level);
    }
    assertThat(records).hasSize(1);
    assertThat(records.get(0).getLevel()).isEqualTo(java.util.logging.Level.FINE);
    assertThat(records.get(0).getMessage())
        .isEqualTo("openai request #1: HTTP 429 on attempt 1, retry 1 of 4 in 500 ms");
  }

  /**
   * docs/providers.md: {@code alignunit.concurrency} is the only limit on requests in flight to one
   * provider; OkHttp's five requests per host (its dispatcher's, for asynchronous calls) do not
   * apply, and each slot keeps its own connection.
   */
  @Test
  void should_have_as_many_requests_in_flight_to_one_host_as_the_concurrency_allows()
      throws Exception {
    int concurrency = 32;
    CountDownLatch allArrived = new CountDownLatch(concurrency);
    CountDownLatch release = new CountDownLatch(1);
    try (MockWebServer server = ClientTestSupport.loopbackServer()) {
      server.setDispatcher(heldUntil(release, allArrived::countDown, () -> {}));
      chats(
          server,
          concurrency,
          2 * concurrency,
          () -> {
            assertThat(allArrived.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
          });
      assertThat(server.getRequestCount()).isEqualTo(2 * concurrency);
      java.util.Set<Integer> connections = new java.util.HashSet<>();
      for (int i = 0; i < 2 * concurrency; i++) {
        connections.add(server.takeRequest().getConnectionIndex());
      }
      // One connection per slot: the later requests reused the first ones' connections.
      assertThat(connections).hasSize(concurrency);
    }
  }
}
