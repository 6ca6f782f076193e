package dev.alignunit.endpoint;

import com.sun.net.httpserver.HttpServer;
import dev.alignunit.AlignUnitException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * A model endpoint on the loopback interface that speaks the providers' wire formats, so an
 * application that calls a model through the official OpenAI or Anthropic SDK (or any client of
 * those APIs, in this JVM or another process) runs unchanged against the run's model: scripted,
 * recorded, replayed or live, whatever the test configured.
 *
 * <p>Served below each session's {@link EndpointSession#baseUri() base URL} ({@code
 * http://127.0.0.1:PORT/runs/KEY}):
 *
 * <ul>
 *   <li>OpenAI Chat Completions: {@code POST [/v1]/chat/completions}, whole or streamed ({@code
 *       stream: true}, with {@code stream_options.include_usage});
 *   <li>Anthropic Messages: {@code POST [/v1]/messages}, whole or streamed.
 * </ul>
 *
 * <p>It binds {@code 127.0.0.1} on a free port and nothing else, answers only requests whose {@code
 * Host} names the loopback address (a web page cannot reach it through DNS rebinding), and only for
 * sessions it opened and that are still open: a request for another run, or after the run ended,
 * gets HTTP 404 in the provider's error shape. Failures of the run's model are answered with HTTP
 * 500 and {@code x-should-retry: false}, so SDKs do not retry them. It logs nothing and never
 * echoes a header: API keys an application sends are neither stored nor shown.
 *
 * <pre>{@code
 * try (ModelEndpoint endpoint = ModelEndpoint.start();
 *      EndpointSession session = endpoint.open()) {
 *   session.attach(context);                                   // the run's AgentContext
 *   OpenAIClient client = OpenAIOkHttpClient.builder()
 *       .baseUrl(session.openAiBaseUri().toString()).apiKey(session.apiKey()).build();
 *   // ... the application talks to the run's model ...
 * }
 * }</pre>
 *
 * <p>{@link EndpointAgent} and {@link AgentProcess} do this for every run. Thread-safe; {@link
 * #close()} stops the server and frees the port.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelEndpoint implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";
  private static final AtomicInteger SERVER_NUMBER = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUri;
  private final Map<String, EndpointSession> sessions = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private ModelEndpoint(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
    this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Starts an endpoint on {@code 127.0.0.1} and a free port.
   *
   * @return the running endpoint
   * @throws AlignUnitException when no loopback port can be bound
   */
  public static ModelEndpoint start() {
    noDelay();
    int number = SERVER_NUMBER.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread =
                  new Thread(
                      task, "alignunit-endpoint-" + number + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    HttpServer server;
    try {
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new AlignUnitException(
          "Cannot start the AlignUnit model endpoint on 127.0.0.1: " + e.getMessage(), e);
    }
    ModelEndpoint endpoint = new ModelEndpoint(server, executor);
    server.createContext("/", new EndpointHandler(endpoint));
    server.setExecutor(executor);
    server.start();
    return endpoint;
  }

  /**
   * The JDK's server writes a response's headers and body separately; without TCP_NODELAY the body
   * then waits for the client's delayed ACK, 40 ms per exchange on a kept-alive Linux connection.
   * The JDK reads this property once, when its first server starts; a value set by the user is
   * kept.
   */
  private static void noDelay() {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  /**
   * Opens a session for one run, with its own base URL and API key. Attach it to the run's context
   * before the application sends its first request.
   *
   * @return the session
   * @throws IllegalStateException when the endpoint is closed
   */
  public EndpointSession open() {
    if (closed) {
      throw new IllegalStateException("The model endpoint is closed.");
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    EndpointSession session = new EndpointSession(this, HexFormat.of().formatHex(bytes));
    sessions.put(session.key(), session);
    return session;
  }

  /**
   * The server's address, {@code http://127.0.0.1:PORT}; requests need a session's path below it.
   *
   * @return the address
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * The bound socket address: always the loopback address and the chosen port.
   *
   * @return the address
   */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /**
   * @return the open session of a run key, if any
   */
  Optional<EndpointSession> session(String key) {
    return Optional.ofNullable(sessions.get(key));
  }

  void forget(EndpointSession session) {
    sessions.remove(session.key());
  }

  /**
   * Stops the server at once: open sessions are closed (their unreported tool calls recorded),
   * connections are dropped and the port is released. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      sessions.values().forEach(EndpointSession::close);
    } finally {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "ModelEndpoint[" + baseUri + (closed ? ", closed]" : "]");
  }
}
