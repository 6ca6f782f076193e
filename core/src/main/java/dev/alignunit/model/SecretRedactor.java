package dev.alignunit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The one redactor of AlignUnit: every output (recordings, report entries and their files, console
 * lines, exception and assertion messages) passes through it before it is written, so a secret that
 * a server echoes, a model repeats or a tool returns never reaches a file or a message. It replaces
 * with {@value #REDACTED}:
 *
 * <ul>
 *   <li>the exact value of every <em>configured secret</em>: the API keys AlignUnit reads (they are
 *       {@linkplain #register(Collection) registered} when a client is created or a test run
 *       starts), the passwords of base URLs, and any value given to {@link
 *       #withSecrets(Collection)}; values shorter than {@value #MIN_SECRET_LENGTH} characters are
 *       ignored (a local server's placeholder key such as {@code x} would redact ordinary words);
 *   <li>anything that looks like a key: {@code sk-...}, {@code pk-...}, {@code rk-...} (6 or more
 *       characters after the dash, which covers {@code sk-proj-...} and {@code sk-ant-...}), {@code
 *       Bearer <token>} and {@code Basic <token>} (8 or more token characters; in other letter
 *       cases, such as {@code bearer}, the token needs a digit or 20 characters, so prose like "the
 *       bearer of bad news" stays), and the value of {@code api_key=...}, {@code api-key: ...},
 *       {@code x-api-key: ...} and {@code authorization: ...};
 *   <li>the credentials of URLs: {@code https://user:password@host} becomes {@code
 *       https://[REDACTED]@host}.
 * </ul>
 *
 * <pre>{@code
 * SecretRedactor.register(List.of(System.getenv("MY_GATEWAY_TOKEN")));   // once, for every output
 * SecretRedactor.defaults().redact("key sk-proj-abcdefghijklmnop1234");    // "key [REDACTED]"
 * }</pre>
 *
 * <p>Redaction returns the same instance when nothing changed, so it costs little on the replay
 * path, where every request is redacted the same way before it is compared with its recording.
 * Every pattern runs in linear time. Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SecretRedactor {

  /** The replacement text, {@value}. */
  public static final String REDACTED = "[REDACTED]";

  /** The shortest exact secret that is redacted, {@value}. */
  public static final int MIN_SECRET_LENGTH = 8;

  /**
   * Key-shaped strings. Each alternative starts only where a word starts (a look-behind), and no
   * quantifier backtracks into another, so the scan is linear in the text's length.
   */
  /** A token: 8 or more token characters with a digit among them, or 20 or more. */
  private static final String TOKEN =
      "(?:(?=[A-Za-z._~+/=*-]*+[0-9])[A-Za-z0-9._~+/=*-]{8,}+|[A-Za-z0-9._~+/=*-]{20,}+)";

  /**
   * Key-shaped strings. Each alternative starts only where a word starts (a look-behind), and no
   * quantifier backtracks into another, so the scan is linear in the text's length. Groups: 1 the
   * scheme word ({@code Bearer}), 2 and 3 the name and separator of an assignment, 4 a URL scheme.
   */
  static final Pattern KEY_LIKE =
      Pattern.compile(
          "(?<![A-Za-z0-9_-])(?:sk|pk|rk)-[A-Za-z0-9_*-]{6,}+"
              + "|(?<![A-Za-z0-9])((?:Bearer|BEARER|Basic|BASIC)\\s++(?=[A-Za-z0-9._~+/=*-]{8})"
              + "|(?i:bearer|basic)\\s++(?="
              + TOKEN
              + "))[A-Za-z0-9._~+/=*-]++"
              + "|(?<![A-Za-z0-9_-])(?i:(x-api-key|api[_-]?key|authorization))(\"?\\s*+[:=]\\s*+\"?)"
              + TOKEN
              + "|(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*+://)[^/?#@\\s]++@");

  /** Secrets registered for every output of this JVM, longest first; copy on write. */
  private static volatile List<String> registered = List.of();

  private static final SecretRedactor DEFAULT = new SecretRedactor(List.of());

  private final List<String> secrets;

  private SecretRedactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * The redactor of key-shaped strings, URL credentials and the {@linkplain #register(Collection)
   * registered} secrets.
   *
   * @return the redactor
   */
  public static SecretRedactor defaults() {
    return DEFAULT;
  }

  /**
   * A redactor that also redacts the given exact values; {@code null}, blank and short values are
   * ignored.
   *
   * @param secrets the secret values, such as the configured API keys
   * @return the redactor
   */
  public static SecretRedactor withSecrets(Collection<String> secrets) {
    List<String> kept = usable(secrets);
    return kept.isEmpty() ? DEFAULT : new SecretRedactor(kept);
  }

  /**
   * Registers secret values for every redactor of this JVM from now on, so that outputs written far
   * from where a key was read (report entries, assertion messages) still redact it. AlignUnit
   * registers the API keys it reads and the passwords of configured base URLs itself; register
   * other secrets your agent under test handles (a gateway token, a database password) so they are
   * redacted too. {@code null}, blank and short values are ignored; registering twice is harmless.
   *
   * @param secrets the secret values
   */
  public static synchronized void register(Collection<String> secrets) {
    List<String> added = usable(secrets);
    if (added.isEmpty()) {
      return;
    }
    List<String> all = new ArrayList<>(registered);
    added.stream().filter(s -> !all.contains(s)).forEach(all::add);
    all.sort((a, b) -> Integer.compare(b.length(), a.length()));
    registered = List.copyOf(all);
  }

  /**
   * Redacts only the {@linkplain #register(Collection) registered} secrets, for text that already
   * went through {@link #redact} in this JVM (key shapes and URL credentials do not change with
   * time; registered secrets may have been added since).
   *
   * @param text the text, may be {@code null}
   * @return the text without a registered secret
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public static String redactRegistered(String text) {
    return text == null || text.isEmpty() ? text : replaceAll(text, registered);
  }

  /**
   * @return how many secrets are registered (only grows): a {@link #redactRegistered} epoch
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public static int registeredCount() {
    return registered.size();
  }

  /**
   * Registers the password (and a user name of {@value #MIN_SECRET_LENGTH} or more characters) of a
   * URL such as {@code https://user:password@gateway.example/v1}; URLs without credentials are
   * ignored.
   *
   * @param url the URL, may be {@code null}
   */
  public static void registerUrlCredentials(String url) {
    if (url == null) {
      return;
    }
    int scheme = url.indexOf("://");
    int at = scheme < 0 ? -1 : url.indexOf('@', scheme + 3);
    int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    if (at < 0 || (slash >= 0 && slash < at)) {
      return;
    }
    String userInfo = url.substring(scheme + 3, at);
    int colon = userInfo.indexOf(':');
    List<String> parts = new ArrayList<>();
    parts.add(colon < 0 ? userInfo : userInfo.substring(0, colon));
    if (colon >= 0) {
      parts.add(userInfo.substring(colon + 1));
      parts.add(decode(userInfo.substring(colon + 1)));
    }
    register(parts);
  }

  private static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(
          text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static List<String> usable(Collection<String> secrets) {
    List<String> kept = new ArrayList<>();
    if (secrets != null) {
      for (String s : secrets) {
        if (s != null && s.strip().length() >= MIN_SECRET_LENGTH && !kept.contains(s.strip())) {
          kept.add(s.strip());
        }
      }
    }
    // Longest first, so a secret that contains another is redacted whole.
    kept.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return List.copyOf(kept);
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
    String result = replaceAll(text, secrets);
    result = replaceAll(result, registered);
    Matcher m = mayHoldKey(result) ? KEY_LIKE.matcher(result) : null;
    if (m != null && m.find()) {
      StringBuilder out = new StringBuilder(result.length());
      int last = 0;
      do {
        out.append(result, last, m.start());
        if (m.group(1) != null) {
          out.append(m.group(1).strip()).append(' ').append(REDACTED);
        } else if (m.group(2) != null) {
          out.append(result, m.start(), m.end(3)).append(REDACTED);
        } else if (m.group(4) != null) {
          out.append(m.group(4)).append(REDACTED).append('@');
        } else {
          out.append(REDACTED);
        }
        last = m.end();
      } while (m.find());
      result = out.append(result, last, result.length()).toString();
    }
    return result.equals(text) ? text : result;
  }

  /**
   * Whether {@link #KEY_LIKE} could match: each of its alternatives contains {@code k-} ({@code
   * sk-}, {@code pk-}, {@code rk-}), {@code bearer}, {@code basic}, {@code api} or {@code
   * authorization} (any case) or {@code ://}. One pass over the characters instead of the pattern's
   * look-behinds at every position: most texts of a report hold none, and the report redacts every
   * text it stores.
   */
  static boolean mayHoldKey(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      switch (text.charAt(i)) {
        case 'k' -> {
          if (i + 1 < n && text.charAt(i + 1) == '-') {
            return true;
          }
        }
        case ':' -> {
          if (text.startsWith("//", i + 1)) {
            return true;
          }
        }
        case 'a', 'A' -> {
          // The second letter first ("p" or "u", any case; no other character folds to them):
          // prose has many a's, few of them start "api" or "authorization".
          int next = i + 1 < n ? text.charAt(i + 1) | 0x20 : 0;
          if ((next == 'p' || next == 'u')
              && (text.regionMatches(true, i, "api", 0, 3)
                  || text.regionMatches(true, i, "authorization", 0, 13))) {
            return true;
          }
        }
        case 'b', 'B' -> {
          int next = i + 1 < n ? text.charAt(i + 1) | 0x20 : 0;
          if ((next == 'e' || next == 'a')
              && (text.regionMatches(true, i, "bearer", 0, 6)
                  || text.regionMatches(true, i, "basic", 0, 5))) {
            return true;
          }
        }
        default -> {}
      }
    }
    return false;
  }

  /**
   * Replaces every occurrence of each secret, and every fragment of one that starts with its first
   * or ends with its last {@value #MIN_SECRET_LENGTH} characters: a text cut for a message ({@code
   * "...sk-live-4f9a"}) must not show a key's beginning or end either.
   */
  private static String replaceAll(String text, List<String> values) {
    String result = text;
    for (String secret : values) {
      result = replaceFragments(result, secret, true);
      result = replaceFragments(result, secret, false);
    }
    return result;
  }

  private static String replaceFragments(String text, String secret, boolean head) {
    String probe =
        head
            ? secret.substring(0, MIN_SECRET_LENGTH)
            : secret.substring(secret.length() - MIN_SECRET_LENGTH);
    int at = text.indexOf(probe);
    if (at < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (at >= 0) {
      int start;
      int end;
      if (head) {
        int n = MIN_SECRET_LENGTH;
        while (n < secret.length()
            && at + n < text.length()
            && text.charAt(at + n) == secret.charAt(n)) {
          n++;
        }
        start = at;
        end = at + n;
      } else {
        int n = MIN_SECRET_LENGTH;
        int secretEnd = secret.length() - MIN_SECRET_LENGTH;
        while (n < secret.length()
            && at - (n - MIN_SECRET_LENGTH) - 1 >= last
            && text.charAt(at - (n - MIN_SECRET_LENGTH) - 1)
                == secret.charAt(secretEnd - (n - MIN_SECRET_LENGTH) - 1)) {
          n++;
        }
        start = at - (n - MIN_SECRET_LENGTH);
        end = at + MIN_SECRET_LENGTH;
      }
      out.append(text, last, start).append(REDACTED);
      last = end;
      at = text.indexOf(probe, end);
    }
    return out.append(text, last, text.length()).toString();
  }

  /**
   * Redacts the message of a throwable and of its causes and suppressed throwables. Returns the
   * same throwable when no message holds a secret; otherwise a copy of the same type where it can
   * be made ({@link AssertionError}s keep their type, with the redacted message), else a {@link
   * dev.alignunit.AlignUnitException} naming the original type. Stack traces are kept.
   *
   * @param failure the throwable
   * @return the throwable without secrets in any message
   */
  public Throwable redact(Throwable failure) {
    return Redacted.of(failure, this);
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
    return text == assistant.text()
            && calls == assistant.toolCalls()
            && reasoning == assistant.reasoning()
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
    return name == spec.name()
            && description == spec.description()
            && parameters == spec.parameters()
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
