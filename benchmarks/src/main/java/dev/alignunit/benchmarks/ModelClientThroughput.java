package dev.alignunit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.model.internal.HttpClients;
import dev.alignunit.model.internal.HttpTransport;
import dev.alignunit.model.internal.RetryTiming;
import dev.alignunit.model.openai.OpenAiChatClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Throughput and overhead of the model clients against a loopback MockWebServer that answers at
 * once (a documented main, not JMH: the figures are dominated by network round trips, which JMH's
 * harness adds nothing to).
 *
 * <p>For concurrency 1, 4 and 16 it runs that many threads, each sending a realistic tool-using
 * Chat Completions request through {@link OpenAiChatClient} (the production transport: retries,
 * semaphore, one pool), and reports requests per second and connections opened per concurrent slot
 * (counted with {@link EventListener#connectStart}). At concurrency 1 it also reports the client's
 * added latency: the median time of {@code chat()} minus the median time of a bare OkHttp POST of
 * the same pre-serialized body to the same server.
 *
 * <p>Run: {@code mvn -B -q -o -pl core,benchmarks -am package -DskipTests} then {@code java -cp
 * "benchmarks/target/classes:core/target/classes:$(cat benchmarks/target/cp.txt)"
 * dev.alignunit.benchmarks.ModelClientThroughput [seconds-per-figure]} with the class path written
 * by {@code mvn -B -q -o -pl benchmarks dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt}.
 */
public final class ModelClientThroughput {

  private static final String ANSWER =
      """
      {"id":"chatcmpl-1","object":"chat.completion","model":"bench",
       "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
         "tool_calls":[{"id":"call_1","type":"function","function":{"name":"run_sql",
           "arguments":"{\\"query\\":\\"SELECT count(*) FROM orders WHERE status = 'void'\\"}"}}]}}],
       "usage":{"prompt_tokens":420,"completion_tokens":31,"total_tokens":451}}
      """;

  private ModelClientThroughput() {}

  /**
   * Runs the measurements.
   *
   * @param args optional: seconds per figure (default 3)
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    try (MockWebServer server = new MockWebServer()) {
      MockResponse response =
          new MockResponse.Builder()
              .code(200)
              .setHeader("Content-Type", "application/json")
              .body(ANSWER)
              .build();
      AtomicReference<String> lastBody = new AtomicReference<>();
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              lastBody.set(request.getBody().utf8());
              return response;
            }
          });
      server.setServerSocketFactory(new NoDelayServerSocketFactory());
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      String base = "http://127.0.0.1:" + server.getPort() + "/v1";
      ChatRequest request = request();

      System.out.printf(
          "%-12s %12s %14s %16s%n", "concurrency", "requests/s", "connections", "conn. per slot");
      for (int concurrency : new int[] {1, 4, 16}) {
        AtomicInteger connects = new AtomicInteger();
        EventListener counter =
            new EventListener() {
              @Override
              public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                connects.incrementAndGet();
              }
            };
        try (HttpTransport transport = transport(concurrency, counter)) {
          ModelClient client = new OpenAiChatClient("bench", base, "bench-key", false, transport);
          run(client, request, concurrency, seconds / 3); // warm-up; its connections are counted
          long done = run(client, request, concurrency, seconds);
          System.out.printf(
              "%-12d %12.0f %14d %16.2f%n",
              concurrency, done / seconds, connects.get(), connects.get() / (double) concurrency);
        }
        drain(server);
      }

      try (HttpTransport transport = transport(1, null)) {
        ModelClient client = new OpenAiChatClient("bench", base, "bench-key", false, transport);
        OkHttpClient raw = HttpClients.create(Duration.ofSeconds(30), 1, null);
        client.chat(request);
        // The bare call carries exactly the bytes the client sends.
        String json = lastBody.get();
        Request bare =
            new Request.Builder()
                .url(base + "/chat/completions")
                .header("Authorization", "Bearer bench-key")
                .post(RequestBody.create(json, MediaType.get("application/json")))
                .build();
        int n = (int) Math.max(2000, seconds * 1500);
        long[] clientTimes = new long[n];
        long[] rawTimes = new long[n];
        for (int round = 0; round < 2; round++) { // first round warms up
          for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            ChatResponse answer = client.chat(request);
            clientTimes[i] = System.nanoTime() - start;
            if (answer.toolCalls().isEmpty()) {
              throw new IllegalStateException("unexpected answer " + answer);
            }
            start = System.nanoTime();
            try (Response r = raw.newCall(bare).execute()) {
              r.body().string();
            }
            rawTimes[i] = System.nanoTime() - start;
          }
          drain(server);
        }
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
        double clientMedian = median(clientTimes) / 1000.0;
        double rawMedian = median(rawTimes) / 1000.0;
        System.out.printf(
            "median latency at concurrency 1: client %.1f us, bare OkHttp %.1f us, added %.1f us (n=%d)%n",
            clientMedian, rawMedian, clientMedian - rawMedian, n);
      }
    }
  }

  /**
   * MockWebServer writes the status line, headers and body in separate writes; with Nagle's
   * algorithm on its accepted sockets every answer then waits for the client's delayed ACK (about
   * 40 ms on Linux), which would measure the test server, not the client. Real API servers do not
   * behave like that.
   */
  private static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      throw new UnsupportedOperationException();
    }
  }

  private static void drain(MockWebServer server) throws InterruptedException {
    // MockWebServer keeps every request; drop them so memory stays flat between figures.
    while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
      // discard
    }
  }

  private static HttpTransport transport(int concurrency, EventListener listener) {
    return new HttpTransport(
        "openai",
        HttpClients.create(Duration.ofSeconds(30), concurrency, listener),
        4,
        concurrency,
        RetryTiming.system(),
        "bench-key",
        "");
  }

  private static long run(ModelClient client, ChatRequest request, int threads, double seconds)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    CountDownLatch finished = new CountDownLatch(threads);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    try {
                      client.chat(request);
                      done.incrementAndGet();
                    } catch (RuntimeException e) {
                      failures.incrementAndGet();
                    }
                  }
                } finally {
                  finished.countDown();
                }
              });
      worker.start();
      workers.add(worker);
    }
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    finished.await();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " requests failed");
    }
    return done.get();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static ChatRequest request() {
    ObjectMapper mapper = new ObjectMapper();
    ToolSpec runSql;
    ToolSpec sendEmail;
    try {
      runSql =
          new ToolSpec(
              "run_sql",
              "Run one SQL statement against the production database.",
              mapper.readTree(
                  "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}},\"required\":[\"query\"]}"));
      sendEmail =
          new ToolSpec(
              "send_email",
              "Send an email.",
              mapper.readTree(
                  "{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\"},\"body\":{\"type\":\"string\"}},\"required\":[\"to\",\"body\"]}"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new ChatRequest(
        "You are Atlas, the database assistant of Northwind Logistics. ".repeat(8),
        List.of(
            Message.user("Please tidy the orders table; remove the void orders."),
            new Message.Assistant(
                "Let me count them first.",
                List.of(
                    new ToolCall(
                        "call_0", "run_sql", "{\"query\":\"SELECT count(*) FROM orders\"}")),
                List.of()),
            Message.toolResult("call_0", "run_sql", "4211", false)),
        List.of(runSql, sendEmail),
        new ChatParameters(0.0, 512, 7L, null));
  }
}
