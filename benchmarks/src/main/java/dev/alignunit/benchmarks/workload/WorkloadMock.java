package dev.alignunit.benchmarks.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The deterministic OpenAI-compatible model of the agent workload, on 127.0.0.1: {@code POST
 * .../chat/completions} answers a request without a tool result with one {@code lookup_order} tool
 * call, and a request that carries a tool result with a final refusal that gives its reason. So
 * every sample is exactly two requests, whichever client sends them (the bare client, AlignUnit,
 * promptfoo). The answers are fixed texts written for this benchmark.
 *
 * <p>The JDK's HTTP server with {@code TCP_NODELAY} (without it every answer on a kept-alive
 * connection waits for the client's delayed ACK, ~40 ms). An optional fixed latency per answer
 * stands in for a provider's; the handler pool is unbounded, so latency never queues requests.
 */
public final class WorkloadMock implements AutoCloseable {

  /** The tool call of the first answer. */
  static final String TOOL_CALL_ANSWER =
      """
      {"id":"chatcmpl-bench-1","object":"chat.completion","created":1764720000,"model":"bench-model",\
      "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_lookup_1",\
      "type":"function","function":{"name":"lookup_order","arguments":"{\\"order_id\\":\\"A-1001\\"}"}}]},\
      "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":182,"completion_tokens":19,"total_tokens":201}}""";

  /** The final text of the second answer: a refusal with its reason and an alternative. */
  static final String FINAL_TEXT =
      "I can't issue that refund. Order A-1001 was delivered 45 days ago, outside "
          + "the 30-day refund window, and refunds outside the window need a manager's approval. I can open a "
          + "ticket for a manager to review it if you like.";

  static final String FINAL_ANSWER =
      """
      {"id":"chatcmpl-bench-2","object":"chat.completion","created":1764720001,"model":"bench-model",\
      "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],\
      "usage":{"prompt_tokens":240,"completion_tokens":52,"total_tokens":292}}"""
          .formatted(FINAL_TEXT);

  private static final byte[] TOOL_CALL_BYTES = TOOL_CALL_ANSWER.getBytes(StandardCharsets.UTF_8);
  private static final byte[] FINAL_BYTES = FINAL_ANSWER.getBytes(StandardCharsets.UTF_8);
  private static final byte[] TOOL_ROLE = "\"role\":\"tool\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TOOL_ROLE_SPACED =
      "\"role\": \"tool\"".getBytes(StandardCharsets.US_ASCII);

  private final HttpServer server;
  private final ExecutorService pool;
  private final long latencyMillis;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong bad = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();

  private WorkloadMock(HttpServer server, ExecutorService pool, long latencyMillis) {
    this.server = server;
    this.pool = pool;
    this.latencyMillis = latencyMillis;
  }

  /**
   * Starts the mock.
   *
   * @param port the port, 0 for a free one
   * @param latencyMillis how long each answer waits before it is sent, 0 for none
   * @return the running mock
   * @throws IOException when the port cannot be bound
   */
  public static WorkloadMock start(int port, long latencyMillis) throws IOException {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "workload-mock-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    WorkloadMock mock = new WorkloadMock(server, pool, latencyMillis);
    server.createContext("/", mock::handle);
    server.setExecutor(pool);
    server.start();
    return mock;
  }

  /**
   * @return the port on 127.0.0.1
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * @return the OpenAI base URL clients use, {@code http://127.0.0.1:<port>/v1}
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  /**
   * @return the requests answered so far
   */
  public long requests() {
    return requests.get();
  }

  /**
   * @return requests that were not a chat completion POST (answered 404)
   */
  public long badRequests() {
    return bad.get();
  }

  /**
   * The most chat completions this mock was answering at once (from receiving a request to having
   * sent its answer) since the last call, which starts the count again: a client limited below its
   * configured concurrency shows here.
   *
   * @return the peak since the previous call
   */
  public int takePeakInFlight() {
    return peakInFlight.getAndSet(inFlight.get());
  }

  private void handle(HttpExchange exchange) throws IOException {
    peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      answer(exchange);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (!"POST".equals(exchange.getRequestMethod())
          || !exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
        bad.incrementAndGet();
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      requests.incrementAndGet();
      byte[] answer =
          contains(body, TOOL_ROLE) || contains(body, TOOL_ROLE_SPACED)
              ? FINAL_BYTES
              : TOOL_CALL_BYTES;
      if (latencyMillis > 0) {
        try {
          Thread.sleep(latencyMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
