package dev.alignunit.model.anthropic;

import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.model.internal.Endpoints;
import dev.alignunit.model.internal.HttpTransport;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.apiguardian.api.API;

/**
 * A {@link ModelClient} for the Anthropic Messages API.
 *
 * <p>Wire format ({@code POST <base-url>/v1/messages}, headers {@code x-api-key} and {@code
 * anthropic-version: }{@value #API_VERSION}): the system prompt is the top-level {@code system};
 * {@code max_tokens} is always sent (the request's value, else the client's default, which is
 * raised by the thinking budget when one is set so the answer has room); tools are {@code {name,
 * description, input_schema}}; user text is a {@code text} block; tool results are {@code
 * tool_result} blocks ({@code is_error: true} for errors) in a {@code user} message, all results of
 * one assistant turn in one message; assistant turns go back as their thinking blocks ({@code
 * thinking} with {@code signature}, {@code redacted_thinking} with {@code data}) unchanged and in
 * original order, then text, then {@code tool_use} blocks. Unsigned reasoning (from another
 * provider) is not sent. Tool arguments that are not a JSON object are sent as {@code
 * {"invalid_arguments": "<raw text>"}}. {@code temperature} is sent when set; a thinking budget
 * sends {@code thinking: {type: enabled, budget_tokens}}; the seed is ignored (the API has none).
 *
 * <p>Answers: text blocks are concatenated; {@code tool_use} input becomes the call's arguments;
 * {@code thinking}/{@code redacted_thinking} become {@link dev.alignunit.model.ReasoningBlock}s;
 * {@code stop_reason} {@code end_turn}, {@code tool_use}, {@code max_tokens}, {@code
 * stop_sequence}, {@code refusal} map to the neutral values, {@code pause_turn} and unknown ones to
 * {@code OTHER}; usage from {@code input_tokens}/{@code output_tokens}.
 *
 * <p>Create it with {@link dev.alignunit.model.ModelClients#create(String)}. Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AnthropicChatClient implements ModelClient {

  private static final HttpTransport.Protocol<ChatResponse> PROTOCOL =
      new HttpTransport.Protocol<>(
          "a Messages API response",
          "Check that the base URL points at the Anthropic API.",
          AnthropicCodec::decode);

  /** The {@code anthropic-version} header value sent with every request. */
  public static final String API_VERSION = "2023-06-01";

  /** The {@code max_tokens} sent when the request sets none and no other default is given. */
  public static final int DEFAULT_MAX_TOKENS = 4096;

  private final String model;
  private final HttpUrl endpoint;
  private final Headers headers;
  private final int defaultMaxTokens;
  private final HttpTransport transport;

  /**
   * Creates the client; normally done by {@link dev.alignunit.model.ModelClients}.
   *
   * @param model the model name sent as {@code model}, such as {@code claude-sonnet-4-5}
   * @param baseUrl the API base URL, such as {@code https://api.anthropic.com}
   * @param apiKey the key sent as {@code x-api-key}; {@code null} or empty sends none
   * @param defaultMaxTokens the {@code max_tokens} for requests that set none
   * @param transport the provider's shared transport (internal type)
   */
  public AnthropicChatClient(
      String model, String baseUrl, String apiKey, int defaultMaxTokens, HttpTransport transport) {
    this.model = Objects.requireNonNull(model, "model");
    this.endpoint = endpoint(baseUrl);
    if (defaultMaxTokens < 1) {
      throw new IllegalArgumentException(
          "defaultMaxTokens must be >= 1 but was " + defaultMaxTokens);
    }
    this.defaultMaxTokens = defaultMaxTokens;
    this.transport = Objects.requireNonNull(transport, "transport");
    Headers.Builder builder =
        new Headers.Builder()
            .add("Accept", "application/json")
            .add("anthropic-version", API_VERSION);
    if (apiKey != null && !apiKey.isEmpty()) {
      builder.add("x-api-key", apiKey);
    }
    this.headers = builder.build();
  }

  static HttpUrl endpoint(String baseUrl) {
    return Endpoints.of(baseUrl, "/v1/messages", "https://api.anthropic.com");
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    Objects.requireNonNull(request, "request");
    String json = AnthropicCodec.encode(model, request, defaultMaxTokens).toString();
    return transport.postJson(endpoint, headers, json, PROTOCOL).value();
  }

  @Override
  public String modelId() {
    return "anthropic:" + model;
  }

  /**
   * The endpoint requests go to.
   *
   * @return the {@code .../v1/messages} URL
   */
  public HttpUrl endpoint() {
    return endpoint;
  }

  @Override
  public String toString() {
    return "AnthropicChatClient["
        + modelId()
        + " at "
        + SecretRedactor.defaults().redact(endpoint.toString())
        + "]";
  }
}
