package dev.alignunit.endpoint;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.model.anthropic.AnthropicServerCodec;
import dev.alignunit.model.internal.WireFormatException;
import dev.alignunit.model.internal.WireRequest;
import dev.alignunit.model.openai.OpenAiServerCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes the endpoint's HTTP requests: checks the host and the run, reads the request with the
 * protocol's server codec, lets the run's session answer it, and writes the answer whole or as
 * server-sent events. Every failure is answered in the provider's error shape; nothing is logged.
 */
final class EndpointHandler implements HttpHandler {

  /** The largest request body read, 32 MiB; larger ones get HTTP 413. */
  static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  private static final Pattern RUN_PATH = Pattern.compile("/runs/([0-9a-f]{32})(/.*)?");
  private static final AtomicLong IDS = new AtomicLong();

  private enum Protocol {
    OPENAI,
    ANTHROPIC
  }

  private final ModelEndpoint endpoint;

  EndpointHandler(ModelEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      serve(exchange);
    } catch (IOException e) {
      // the client went away mid-answer; nothing to tell it
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    Matcher run = RUN_PATH.matcher(path);
    String rest = run.matches() && run.group(2) != null ? run.group(2) : path;
    Protocol protocol = protocol(rest);
    Protocol shape =
        protocol != null
            ? protocol
            : rest.contains("messages") ? Protocol.ANTHROPIC : Protocol.OPENAI;
    String requestId = "req_" + Long.toString(IDS.incrementAndGet(), 36);
    exchange.getResponseHeaders().set("x-request-id", requestId);
    exchange.getResponseHeaders().set("request-id", requestId);
    if (!loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
      fail(
          exchange,
          shape,
          403,
          "The AlignUnit model endpoint answers only requests addressed to 127.0.0.1 or "
              + "localhost.",
          requestId);
      return;
    }
    if (!run.matches()) {
      fail(
          exchange,
          shape,
          404,
          "No AlignUnit run at "
              + abbreviate(path)
              + ". Requests go below a run's base URL, "
              + "http://127.0.0.1:"
              + endpoint.address().getPort()
              + "/runs/<run key>, as given by EndpointSession.baseUri().",
          requestId);
      return;
    }
    Optional<EndpointSession> session = endpoint.session(run.group(1));
    if (session.isEmpty() || session.get().closed()) {
      fail(
          exchange,
          shape,
          404,
          "No AlignUnit run "
              + run.group(1)
              + " on this endpoint: the run has ended, or the "
              + "URL belongs to another test's run. Each run gets its own base URL; do not reuse one across runs.",
          requestId);
      return;
    }
    if (protocol == null) {
      fail(
          exchange,
          shape,
          404,
          "The AlignUnit model endpoint serves POST "
              + "[/v1]/chat/completions and POST "
              + "[/v1]/messages below the run's base URL, not "
              + abbreviate(rest)
              + ".",
          requestId);
      return;
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      fail(exchange, shape, 405, "Use POST for " + rest + ".", requestId);
      return;
    }
    String presented = presentedKey(exchange.getRequestHeaders());
    if (presented != null
        && presented.startsWith("alignunit-run-")
        && !presented.equals(session.get().apiKey())) {
      fail(
          exchange,
          shape,
          403,
          "The API key belongs to another AlignUnit run. Use the key of this run "
              + "(EndpointSession.apiKey()) or any key that is not an AlignUnit run key.",
          requestId);
      return;
    }
    byte[] body = readBody(exchange.getRequestBody());
    if (body == null) {
      fail(
          exchange,
          shape,
          413,
          "The request body is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB.",
          requestId);
      return;
    }
    answer(exchange, protocol, session.get(), new String(body, StandardCharsets.UTF_8), requestId);
  }

  private void answer(
      HttpExchange exchange,
      Protocol protocol,
      EndpointSession session,
      String body,
      String requestId)
      throws IOException {
    WireRequest request;
    try {
      request =
          protocol == Protocol.OPENAI
              ? OpenAiServerCodec.decodeRequest(body)
              : AnthropicServerCodec.decodeRequest(body);
    } catch (WireFormatException e) {
      session.failed(e);
      fail(exchange, protocol, 400, e.getMessage(), requestId, e.param());
      return;
    }
    ChatResponse response;
    try {
      response = session.exchange(request.request());
    } catch (EndpointSession.SessionClosedException e) {
      fail(exchange, protocol, 404, "The AlignUnit run of this URL has ended.", requestId);
      return;
    } catch (RuntimeException e) {
      fail(exchange, protocol, 500, "The run's model failed: " + e.getMessage(), requestId);
      return;
    }
    String id =
        (protocol == Protocol.OPENAI ? "chatcmpl-" : "msg_") + "alignunit" + requestId.substring(4);
    long created = Instant.now().getEpochSecond();
    if (request.stream()) {
      List<String> events =
          protocol == Protocol.OPENAI
              ? OpenAiServerCodec.encodeStream(
                  response, request.model(), id, created, request.streamUsage())
              : AnthropicServerCodec.encodeStream(response, request.model(), id);
      stream(exchange, events);
    } else {
      String json =
          protocol == Protocol.OPENAI
              ? OpenAiServerCodec.encodeResponse(response, request.model(), id, created)
              : AnthropicServerCodec.encodeResponse(response, request.model(), id);
      send(exchange, 200, json);
    }
  }

  private static Protocol protocol(String rest) {
    return switch (rest) {
      case "/v1/chat/completions", "/chat/completions" -> Protocol.OPENAI;
      case "/v1/messages", "/messages" -> Protocol.ANTHROPIC;
      default -> null;
    };
  }

  /** The key the client sent, never logged or echoed: only compared with run keys. */
  private static String presentedKey(Headers headers) {
    String apiKey = headers.getFirst("x-api-key");
    if (apiKey != null) {
      return apiKey.strip();
    }
    String authorization = headers.getFirst("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).strip();
    }
    return null;
  }

  private boolean loopbackHost(String host) {
    if (host == null) {
      return true; // HTTP/1.0 without Host: it reached the loopback socket, nothing was rebound
    }
    String port = ":" + endpoint.address().getPort();
    return host.equals("127.0.0.1" + port)
        || host.equals("localhost" + port)
        || host.equals("127.0.0.1")
        || host.equals("localhost");
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void fail(
      HttpExchange exchange, Protocol shape, int status, String message, String requestId)
      throws IOException {
    fail(exchange, shape, status, message, requestId, null);
  }

  private static void fail(
      HttpExchange exchange,
      Protocol shape,
      int status,
      String message,
      String requestId,
      String param)
      throws IOException {
    String safe = SecretRedactor.defaults().redact(message);
    String json =
        shape == Protocol.OPENAI
            ? OpenAiServerCodec.error(
                openAiType(status), safe, param, status == 404 ? "not_found" : null)
            : AnthropicServerCodec.error(anthropicType(status), safe, requestId);
    // A failure of the run's model is final: retrying would ask the model (or the recording) again.
    exchange.getResponseHeaders().set("x-should-retry", "false");
    send(exchange, status, json);
  }

  private static String openAiType(int status) {
    return switch (status) {
      case 400, 404, 405, 413 -> "invalid_request_error";
      case 403 -> "permission_error";
      default -> "server_error";
    };
  }

  private static String anthropicType(int status) {
    return switch (status) {
      case 400, 405 -> "invalid_request_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      default -> "api_error";
    };
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void stream(HttpExchange exchange, List<String> events) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (String event : events) {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }
}
