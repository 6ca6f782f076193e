package dev.alignunit.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Replaces strings that look like API keys with {@value #REDACTED} before anything is stored:
 * {@code sk-...} keys (OpenAI {@code sk-proj-...}, Anthropic {@code sk-ant-...}; at least 16
 * characters after {@code sk-}), {@code Bearer <token>}, and any exact secret value passed in
 * (such as the configured API key; values shorter than 8 characters are ignored, they would
 * redact ordinary words).
 *
 * <pre>{@code
 * SecretRedactor redactor = SecretRedactor.withSecrets(List.of(System.getenv("OPENAI_API_KEY")));
 * redactor.redact("key sk-proj-abcdefghijklmnop1234");   // "key [REDACTED]"
 * }</pre>
 *
 * <p>Redaction returns the same instance when nothing changed, so it costs little on the replay
 * path, where every request is redacted the same way before it is compared with its recording.
 * Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SecretRedactor {

  /** The replacement text, {@value}. */
  public static final String REDACTED = "[REDACTED]";

  /** The shortest exact secret that is redacted, {@value}. */
  public static final int MIN_SECRET_LENGTH = 8;

  private static final Pattern SK_KEY = Pattern.compile("(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{16,}");
  private static final Pattern BEARER = Pattern.compile("Bearer\\s+[A-Za-z0-9._~+/=-]{8,}");

  private static final SecretRedactor DEFAULT = new SecretRedactor(List.of());

  private final List<String> secrets;

  private SecretRedactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * The redactor of key-shaped strings only.
   *
   * @return the redactor
   */
  public static SecretRedactor defaults() {
    return DEFAULT;
  }

  /**
   * A redactor that also redacts the given exact values; {@code null}, blank and short values
   * are ignored.
   *
   * @param secrets the secret values, such as the configured API keys
   * @return the redactor
   */
  public static SecretRedactor withSecrets(Collection<String> secrets) {
    List<String> kept = new ArrayList<>();
    if (secrets != null) {
      for (String s : secrets) {
        if (s != null && s.strip().length() >= MIN_SECRET_LENGTH) {
          kept.add(s.strip());
        }
      }
    }
    // Longest first, so a secret that contains another is redacted whole.
    kept.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return kept.isEmpty() ? DEFAULT : new SecretRedactor(List.copyOf(kept));
  }

  /**
   * Redacts one string.
   *
   * @param text the text, may be {@code null}
   * @return the redacted text; the same instance when nothing looked like a secret
   */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets) {
      if (result.contains(secret)) {
        result = result.replace(secret, REDACTED);
      }
    }
    if (result.contains("sk-")) {
      result = SK_KEY.matcher(result).replaceAll(REDACTED);
    }
    if (result.contains("Bearer")) {
      result = BEARER.matcher(result).replaceAll("Bearer " + REDACTED);
    }
    return result.equals(text) ? text : result;
  }

  /**
   * Redacts every string of a request, tool schemas included.
   *
   * @param request the request
   * @return the redacted request; the same instance when nothing changed
   */
  public ChatRequest redact(ChatRequest request) {
    String system = redact(request.system());
    List<Message> messages = mapList(request.messages(), this::redact);
    List<ToolSpec> tools = mapList(request.tools(), this::redact);
    if (system == request.system() && messages == request.messages() && tools == request.tools()) {
      return request;
    }
    return new ChatRequest(system, messages, tools, request.parameters());
  }

  /**
   * Redacts every string of a response.
   *
   * @param response the response
   * @return the redacted response; the same instance when nothing changed
   */
  public ChatResponse redact(ChatResponse response) {
    Message.Assistant message = (Message.Assistant) redact(response.message());
    String refusal = redact(response.providerRefusal());
    if (message == response.message() && Objects.equals(refusal, response.providerRefusal())) {
      return response;
    }
    return new ChatResponse(message, response.stopReason(), response.usage(), refusal);
  }

  /**
   * Redacts every string of a message.
   *
   * @param message the message
   * @return the redacted message; the same instance when nothing changed
   */
  public Message redact(Message message) {
    if (message instanceof Message.User user) {
      String text = redact(user.text());
      return text == user.text() ? user : new Message.User(text);
    }
    if (message instanceof Message.ToolResult result) {
      String text = redact(result.text());
      String id = redact(result.toolCallId());
      String name = redact(result.toolName());
      return text == result.text() && id == result.toolCallId() && name == result.toolName()
          ? result
          : new Message.ToolResult(id, name, text, result.error());
    }
    Message.Assistant assistant = (Message.Assistant) message;
    String text = redact(assistant.text());
    List<ToolCall> calls = mapList(assistant.toolCalls(), this::redact);
    List<ReasoningBlock> reasoning = mapList(assistant.reasoning(), this::redact);
    return text == assistant.text() && calls == assistant.toolCalls() && reasoning == assistant.reasoning()
        ? assistant
        : new Message.Assistant(text, calls, reasoning);
  }

  private ToolCall redact(ToolCall call) {
    String id = redact(call.id());
    String name = redact(call.name());
    String arguments = redact(call.arguments());
    return id == call.id() && name == call.name() && arguments == call.arguments()
        ? call
        : new ToolCall(id, name, arguments);
  }

  private ReasoningBlock redact(ReasoningBlock block) {
    String text = redact(block.text());
    String signature = redact(block.signature());
    String data = redact(block.redactedData());
    return text == block.text() && signature == block.signature() && data == block.redactedData()
        ? block
        : new ReasoningBlock(text, signature, data);
  }

  private ToolSpec redact(ToolSpec spec) {
    String name = redact(spec.name());
    String description = redact(spec.description());
    JsonNode parameters = redact(spec.parameters());
    return name == spec.name() && description == spec.description() && parameters == spec.parameters()
        ? spec
        : new ToolSpec(name, description, parameters);
  }

  /**
   * Redacts every string value of a JSON tree (field names are kept).
   *
   * @param node the tree, may be {@code null}
   * @return the redacted tree; the same instance when nothing changed
   */
  public JsonNode redact(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String text = redact(node.textValue());
      return text == node.textValue() ? node : TextNode.valueOf(text);
    }
    if (node.isObject()) {
      ObjectNode copy = null;
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode value = redact(e.getValue());
        if (value != e.getValue()) {
          if (copy == null) {
            copy = ((ObjectNode) node).deepCopy();
          }
          copy.set(e.getKey(), value);
        }
      }
      return copy == null ? node : copy;
    }
    if (node.isArray()) {
      ArrayNode copy = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode value = redact(node.get(i));
        if (value != node.get(i)) {
          if (copy == null) {
            copy = ((ArrayNode) node).deepCopy();
          }
          copy.set(i, value);
        }
      }
      return copy == null ? node : copy;
    }
    return node;
  }

  private static <T> List<T> mapList(List<T> list, UnaryOperator<T> f) {
    List<T> copy = null;
    for (int i = 0; i < list.size(); i++) {
      T value = f.apply(list.get(i));
      if (value != list.get(i)) {
        if (copy == null) {
          copy = new ArrayList<>(list);
        }
        copy.set(i, value);
      }
    }
    return copy == null ? list : copy;
  }
}
