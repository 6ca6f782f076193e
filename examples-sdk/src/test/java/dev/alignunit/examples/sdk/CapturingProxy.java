package dev.alignunit.examples.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback proxy between an SDK and the model endpoint that keeps every exchange's bodies, so a
 * test can check what went over the wire in both directions.
 */
final class CapturingProxy implements AutoCloseable {

  /** One request and its answer as they went over the wire. */
  record Exchange(String path, String request, int status, String contentType, String response) {}

  private static final List<String> FORWARDED =
      List.of("Authorization", "x-api-key", "anthropic-version", "Accept");

  private final HttpServer server;
  private final URI target;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  CapturingProxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  /**
   * @return the proxy's address for a path below the target, such as a run's base path
   */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getRawPath();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body));
      for (String name : FORWARDED) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
          request.header(name, value);
        }
      }
      HttpResponse<byte[]> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      String contentType = answer.headers().firstValue("Content-Type").orElse("");
      exchanges.add(
          new Exchange(
              path,
              body,
              answer.statusCode(),
              contentType,
              new String(answer.body(), StandardCharsets.UTF_8)));
      exchange.getResponseHeaders().set("Content-Type", contentType);
      answer
          .headers()
          .firstValue("x-should-retry")
          .ifPresent(v -> exchange.getResponseHeaders().set("x-should-retry", v));
      exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
