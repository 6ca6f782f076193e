package dev.alignunit.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.AlignUnitException;
import dev.alignunit.agent.AgentContext;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ToolCall;
import dev.alignunit.sandbox.ToolResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * One agent run's view of a {@link ModelEndpoint}: its own base URLs and API key, and the binding
 * of every request that arrives on them to that run's {@link AgentContext}.
 *
 * <p>While attached, each request is answered by the run's model through {@link
 * AgentContext#model()}, so every exchange lands in the run's transcript (and goes through its
 * recording, replay and budget). Tool calls in the model's answers are remembered; when the
 * application sends a call's result back in a later request, the call and that result land in the
 * ledger (so tripwires trip even when the application ran the tool itself); a call the application
 * runs through the sandbox's MCP server instead ({@link #executeTool}) is executed and recorded
 * once, under the model's call id. Calls whose result never came back are recorded when the session
 * closes. Requests on a closed session, or a session's URL on another endpoint, are refused.
 *
 * <p>Thread-safe: an application may send requests concurrently.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EndpointSession implements AutoCloseable {

  private static final ObjectMapper JSON = dev.alignunit.internal.Json.mapper();

  private final ModelEndpoint endpoint;
  private final String key;
  private final Map<String, URI> addresses = new LinkedHashMap<>();
  private final Map<String, ToolCall> pending = new LinkedHashMap<>();
  private final Set<String> recorded = new HashSet<>();
  private final AtomicInteger exchanges = new AtomicInteger();
  private final AtomicInteger outOfBandCalls = new AtomicInteger();
  private AgentContext context;
  private RuntimeException lastFailure;
  private boolean closed;

  EndpointSession(ModelEndpoint endpoint, String key) {
    this.endpoint = endpoint;
    this.key = key;
  }

  /**
   * The run's base URL, {@code http://127.0.0.1:PORT/runs/KEY}. Both protocols are served below it,
   * with and without {@code /v1}: give it to an Anthropic client as is (it appends {@code
   * /v1/messages}), and to an OpenAI client as is or as {@link #openAiBaseUri()}.
   *
   * @return the base URL
   */
  public URI baseUri() {
    return endpoint.baseUri().resolve("/runs/" + key);
  }

  /**
   * The base URL for OpenAI clients, {@code http://127.0.0.1:PORT/runs/KEY/v1}; they append {@code
   * /chat/completions}.
   *
   * @return the base URL
   */
  public URI openAiBaseUri() {
    return URI.create(baseUri() + "/v1");
  }

  /**
   * The base URL for Anthropic clients (they append {@code /v1/messages}); the same as {@link
   * #baseUri()}.
   *
   * @return the base URL
   */
  public URI anthropicBaseUri() {
    return baseUri();
  }

  /**
   * The run's API key, {@code alignunit-run-KEY}. Any key is accepted (an application may send a
   * dummy or even a real one; it is never logged or echoed), except another run's.
   *
   * @return the key
   */
  public String apiKey() {
    return "alignunit-run-" + key;
  }

  /**
   * The address a {@link SessionService} published under a name, such as the sandbox's MCP server
   * under {@code mcp}.
   *
   * @param name the service's name
   * @return the address, or empty when no such service is attached
   */
  public synchronized Optional<URI> address(String name) {
    return Optional.ofNullable(addresses.get(name));
  }

  /**
   * Publishes a service's address for this run: {@link #address(String)} returns it and {@link
   * #environment()} holds it as {@code ALIGNUNIT_<NAME>_URL}.
   *
   * @param name the service's name, letters, digits and {@code -}
   * @param address its address
   */
  public synchronized void publish(String name, URI address) {
    if (!name.matches("[A-Za-z][A-Za-z0-9-]*")) {
      throw new IllegalArgumentException(
          "Service name '" + name + "' must be letters, digits and '-'");
    }
    addresses.put(name, Objects.requireNonNull(address, "address"));
  }

  /**
   * The environment variables an agent process needs to reach this run: {@code OPENAI_BASE_URL} and
   * {@code OPENAI_API_KEY}, {@code ANTHROPIC_BASE_URL} and {@code ANTHROPIC_API_KEY} (the variables
   * the official SDKs read), {@code ALIGNUNIT_MODEL_ENDPOINT} (the base URL) and {@code
   * ALIGNUNIT_<NAME>_URL} for every published service, such as {@code ALIGNUNIT_MCP_URL}.
   *
   * @return the variables, in a stable order
   */
  public synchronized Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("ALIGNUNIT_MODEL_ENDPOINT", baseUri().toString());
    environment.put("OPENAI_BASE_URL", openAiBaseUri().toString());
    environment.put("OPENAI_API_KEY", apiKey());
    environment.put("ANTHROPIC_BASE_URL", anthropicBaseUri().toString());
    environment.put("ANTHROPIC_API_KEY", apiKey());
    addresses.forEach(
        (name, address) ->
            environment.put(
                "ALIGNUNIT_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL",
                address.toString()));
    return environment;
  }

  /**
   * Binds the session to a run: from now on its requests are answered by the run's model.
   *
   * @param value the run's context
   * @throws IllegalStateException when already attached or closed
   */
  public synchronized void attach(AgentContext value) {
    Objects.requireNonNull(value, "context");
    if (closed) {
      throw new IllegalStateException(
          "This endpoint session is closed; open a new one for the run.");
    }
    if (context != null) {
      throw new IllegalStateException(
          "This endpoint session already serves a run; open one session per run.");
    }
    context = value;
  }

  /**
   * Executes a tool call that arrived out of band (the sandbox's MCP server) in the run's sandbox.
   * When the model asked for exactly this call (same tool, equal arguments) and its result has not
   * come back yet, the call is recorded under the model's call id, and its result in a later
   * request is not recorded a second time.
   *
   * @param name the tool's name
   * @param arguments the arguments as JSON text
   * @return the sandbox's result
   */
  public ToolResult executeTool(String name, String arguments) {
    AgentContext run;
    ToolCall call;
    synchronized (this) {
      run = requireServing();
      call = claimPending(name, arguments);
      if (call == null) {
        call = new ToolCall("mcp_" + outOfBandCalls.incrementAndGet(), name, arguments);
      }
      recorded.add(call.id());
    }
    return run.execute(call);
  }

  private ToolCall claimPending(String name, String arguments) {
    JsonNode wanted = parse(arguments);
    for (ToolCall call : pending.values()) {
      if (call.name().equals(name) && Objects.equals(parse(call.arguments()), wanted)) {
        pending.remove(call.id());
        return call;
      }
    }
    return null;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json == null || json.isBlank() ? "{}" : json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /**
   * Answers one request through the run's model (called by the endpoint).
   *
   * @param request the neutral request
   * @return the model's answer
   */
  ChatResponse exchange(ChatRequest request) {
    AgentContext run;
    synchronized (this) {
      run = requireServing();
      for (Message message : request.messages()) {
        if (message instanceof Message.ToolResult result
            && pending.containsKey(result.toolCallId())) {
          ToolCall call = pending.remove(result.toolCallId());
          recorded.add(call.id());
          run.recordToolCall(call, new ToolResult(result.text(), result.error()));
        }
      }
    }
    exchanges.incrementAndGet();
    try {
      ChatResponse response = run.model().chat(request);
      synchronized (this) {
        lastFailure = null;
        for (ToolCall call : response.toolCalls()) {
          if (!recorded.contains(call.id())) {
            pending.put(call.id(), call);
          }
        }
      }
      return response;
    } catch (RuntimeException e) {
      failed(e);
      throw e;
    }
  }

  /** Remembers a failed request: a run whose last request failed is errored, never graded. */
  synchronized void failed(RuntimeException failure) {
    lastFailure = failure;
  }

  private AgentContext requireServing() {
    if (closed) {
      throw new SessionClosedException();
    }
    if (context == null) {
      throw new AlignUnitException(
          "The AlignUnit model endpoint received a request for run "
              + key
              + " before the run started; start the application from the agent, after attach(context).");
    }
    return context;
  }

  /**
   * The failure of the last request, when no request succeeded after it: a model error, a recording
   * that no longer matches, or a request the endpoint could not read.
   *
   * @return the failure, or empty
   */
  public synchronized Optional<RuntimeException> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /**
   * The number of requests answered or attempted so far.
   *
   * @return the count
   */
  public int exchanges() {
    return exchanges.get();
  }

  /**
   * @return the run key in this session's URLs
   */
  String key() {
    return key;
  }

  /**
   * @return whether requests for this session are refused
   */
  synchronized boolean closed() {
    return closed;
  }

  /**
   * Ends the session: tool calls whose result never came back are recorded in the ledger (the model
   * asked for them, and the application may have run them), and later requests are refused with
   * HTTP 404. Idempotent.
   */
  @Override
  public void close() {
    AgentContext run;
    ArrayList<ToolCall> unreported;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      run = context;
      unreported = new ArrayList<>(pending.values());
      pending.clear();
    }
    endpoint.forget(this);
    if (run != null) {
      unreported.forEach(call -> run.recordToolCall(call, null));
    }
  }

  /** Thrown for a request on a closed session; the endpoint answers 404. */
  static final class SessionClosedException extends AlignUnitException {
    private static final long serialVersionUID = 1L;

    SessionClosedException() {
      super("closed");
    }
  }
}
