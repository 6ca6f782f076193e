package dev.alignunit.model.internal;

import dev.alignunit.model.MalformedResponseException;
import dev.alignunit.model.ModelClientException;
import dev.alignunit.model.SecretRedactor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apiguardian.api.API;

/**
 * Sends JSON requests to one provider over one shared {@link OkHttpClient} (one connection pool),
 * at most {@code concurrency} at a time, with retries.
 *
 * <p>Retry policy: HTTP 408, 409, 429 and 5xx, I/O failures (refused or reset connection, timeout)
 * and 2xx answers that are not the protocol's (see {@link #postJson(HttpUrl, Headers, String,
 * Protocol)}) are retried up to {@code maxRetries} times. The wait before retry {@code n} (1-based)
 * is {@code min(30 s, 500 ms * 2^(n-1))} shortened by up to half at random (jitter), unless the
 * answer carried {@code retry-after-ms} or {@code Retry-After} (seconds or an HTTP date), which are
 * honoured exactly, capped at {@value #MAX_RETRY_AFTER_SECONDS} s. Other 4xx answers fail at once.
 * A permit is held during the waits, so a rate-limited provider sees less traffic.
 *
 * <p>Messages of the thrown {@link ModelClientException}s never contain the API key or URL
 * credentials: every message passes through the {@link SecretRedactor}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HttpTransport implements AutoCloseable {

  /** Delay before the first retry when the server gives no {@code Retry-After}. */
  public static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);

  /** Longest computed backoff delay. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** Longest {@code Retry-After} that is honoured; longer ones are cut to this. */
  public static final long MAX_RETRY_AFTER_SECONDS = 120;

  /**
   * What OkHttp made of {@code application/json} for a string body: it adds the charset it encodes
   * with.
   */
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final String provider;
  private final LazyClient client;
  private final int maxRetries;
  private final Semaphore permits;
  private final RetryTiming timing;
  private final HttpFailures failures;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates the transport.
   *
   * @param provider the provider's name for messages, such as {@code openai}
   * @param client the provider's HTTP client; closed by {@link #close()}
   * @param maxRetries retries after the first attempt, at least 0
   * @param concurrency requests in flight at most, at least 1
   * @param timing sleeper, clock and jitter
   * @param apiKey the key, only used to redact it from messages; may be {@code null}
   * @param authHint the sentence added to 401/403 messages, naming the key's variable
   */
  public HttpTransport(
      String provider,
      OkHttpClient client,
      int maxRetries,
      int concurrency,
      RetryTiming timing,
      String apiKey,
      String authHint) {
    this(provider, () -> client, maxRetries, concurrency, timing, apiKey, authHint);
    Objects.requireNonNull(client, "client");
  }

  /**
   * Creates the transport with a client made on the first request.
   *
   * @param provider the provider's name for messages, such as {@code openai}
   * @param client makes the provider's HTTP client, at most once; closed by {@link #close()}
   * @param maxRetries retries after the first attempt, at least 0
   * @param concurrency requests in flight at most, at least 1
   * @param timing sleeper, clock and jitter
   * @param apiKey the key, only used to redact it from messages; may be {@code null}
   * @param authHint the sentence added to 401/403 messages, naming the key's variable
   */
  public HttpTransport(
      String provider,
      java.util.function.Supplier<OkHttpClient> client,
      int maxRetries,
      int concurrency,
      RetryTiming timing,
      String apiKey,
      String authHint) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0 but was " + maxRetries);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1 but was " + concurrency);
    }
    this.provider = Objects.requireNonNull(provider, "provider");
    this.client = new LazyClient(Objects.requireNonNull(client, "client"));
    this.maxRetries = maxRetries;
    this.permits = new Semaphore(concurrency, true);
    this.timing = Objects.requireNonNull(timing, "timing");
    this.failures =
        new HttpFailures(
            provider,
            maxRetries,
            SecretRedactor.withSecrets(apiKey == null ? List.of() : List.of(apiKey)),
            authHint == null ? "" : authHint);
  }

  /**
   * The shared HTTP client of this provider, made on first use.
   *
   * @return the client
   */
  public OkHttpClient client() {
    return client.get();
  }

  /**
   * A successful (2xx) answer.
   *
   * @param body the response body
   * @param status the HTTP status
   * @param requestNumber the 1-based request number
   * @param attempts how many attempts it took
   */
  public record Answer(String body, int status, long requestNumber, int attempts) {}

  /**
   * Reads the body of a 2xx answer as the protocol's response.
   *
   * @param <T> what the body decodes to
   */
  @FunctionalInterface
  public interface Decoder<T> {
    /**
     * Decodes a body.
     *
     * @param body the response body
     * @return the decoded answer
     * @throws MalformedAnswer when the body is not the protocol's answer
     */
    T decode(String body) throws MalformedAnswer;
  }

  /**
   * What a provider's answers must be, for decoding and for the message of a {@link
   * MalformedResponseException}.
   *
   * @param <T> what a body decodes to
   * @param name the answer's name in messages, such as {@code a Chat Completions response}
   * @param hint the sentence that ends the message, such as {@code Check that the base URL points
   *     at an OpenAI-compatible API.}
   * @param decoder reads a body
   */
  public record Protocol<T>(String name, String hint, Decoder<T> decoder) {
    /** Validates the fields. */
    public Protocol {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(hint, "hint");
      Objects.requireNonNull(decoder, "decoder");
    }
  }

  /**
   * POSTs a JSON body and returns the 2xx answer, retrying as described on the class; the body is
   * not decoded.
   *
   * @param url the endpoint
   * @param headers the request headers (authentication included)
   * @param json the JSON body
   * @return the answer
   * @throws ModelClientException (a subclass) when no 2xx answer came
   */
  public Answer postJson(HttpUrl url, Headers headers, String json) {
    return postJson(url, headers, json, new Protocol<>("an answer", "", body -> body)).answer();
  }

  /**
   * POSTs a JSON body and decodes the 2xx answer, retrying as described on the class. An answer the
   * decoder rejects is retried like a 5xx answer: a server that sends half a body or the wrong
   * document once usually sends the right one next time.
   *
   * @param <T> what the body decodes to
   * @param url the endpoint
   * @param headers the request headers (authentication included)
   * @param json the JSON body
   * @param protocol what the answer must be
   * @return the decoded answer with its HTTP facts
   * @throws ModelClientException (a subclass) when no 2xx answer came, or {@link
   *     MalformedResponseException} when no attempt returned the protocol's answer
   */
  public <T> Decoded<T> postJson(HttpUrl url, Headers headers, String json, Protocol<T> protocol) {
    Objects.requireNonNull(protocol, "protocol");
    long number = requests.incrementAndGet();
    if (closed.get()) {
      throw failures.closed(url, number);
    }
    Request request = new Request.Builder().url(url).headers(headers).post(body(json)).build();
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failures.interrupted(number, 0, e);
    }
    try {
      return send(request, number, protocol);
    } finally {
      permits.release();
    }
  }

  /**
   * A JSON body, encoded with {@link String#getBytes} (the JDK's fast encoder) rather than by
   * OkHttp's character loop: the same bytes (a lone surrogate becomes {@code ?} in both) and the
   * same {@code Content-Type}, {@code application/json; charset=utf-8}.
   */
  static RequestBody body(String json) {
    return RequestBody.create(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), JSON);
  }

  /**
   * A decoded answer.
   *
   * @param <T> what the body decoded to
   * @param value the decoded answer
   * @param answer the HTTP answer it came from
   */
  public record Decoded<T>(T value, Answer answer) {}

  private <T> Decoded<T> send(Request request, long number, Protocol<T> protocol) {
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      try (Response response = client().newCall(request).execute()) {
        String body = response.body().string();
        int status = response.code();
        if (status >= 200 && status < 300) {
          try {
            return new Decoded<>(
                protocol.decoder().decode(body), new Answer(body, status, number, attempt));
          } catch (MalformedAnswer e) {
            if (attempt > maxRetries) {
              throw failures.malformed(
                  request.url(),
                  status,
                  response.header("Content-Type"),
                  body,
                  number,
                  attempt,
                  protocol,
                  e);
            }
            wait = backoff(attempt);
            logRetry(number, "a malformed HTTP " + status + " answer", attempt, wait);
          }
        } else {
          if (!retryable(status) || attempt > maxRetries) {
            throw failures.httpFailure(request.url(), status, body, number, attempt);
          }
          Duration hinted = retryAfter(response.headers(), timing.clock());
          wait = hinted != null ? hinted : backoff(attempt);
          logRetry(number, "HTTP " + status, attempt, wait);
        }
      } catch (IOException e) {
        if (attempt > maxRetries) {
          throw failures.ioFailure(request.url(), e, number, attempt);
        }
        wait = backoff(attempt);
        logRetry(number, e.getClass().getSimpleName(), attempt, wait);
      }
      try {
        timing.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failures.interrupted(number, attempt, e);
      }
    }
  }

  private void logRetry(long number, String what, int attempt, Duration wait) {
    // Only numbers and class names: nothing here can carry the key or a provider's text.
    RetryLog.LOG.log(
        System.Logger.Level.DEBUG,
        () ->
            provider
                + " request #"
                + number
                + ": "
                + what
                + " on attempt "
                + attempt
                + ", retry "
                + attempt
                + " of "
                + maxRetries
                + " in "
                + wait.toMillis()
                + " ms");
  }

  /**
   * Whether an HTTP status is worth retrying: 408, 409, 429 and 5xx.
   *
   * @param status the status
   * @return {@code true} when it is retried
   */
  public static boolean retryable(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /**
   * The computed backoff before retry {@code retry} (1-based), with jitter.
   *
   * @param retry the retry number, 1 for the first retry
   * @return the delay
   */
  Duration backoff(int retry) {
    long base = INITIAL_BACKOFF.toMillis() << Math.min(retry - 1, 20);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    double factor = 1.0 - 0.5 * timing.jitter().getAsDouble();
    return Duration.ofMillis(Math.round(capped * factor));
  }

  /**
   * The delay a server asked for with {@code retry-after-ms} or {@code Retry-After}.
   *
   * @param headers the response headers
   * @param clock the clock for HTTP dates
   * @return the delay, capped at {@value #MAX_RETRY_AFTER_SECONDS} s, or {@code null} for none
   */
  public static Duration retryAfter(Headers headers, Clock clock) {
    Duration result = null;
    String millis = headers.get("retry-after-ms");
    if (millis != null) {
      try {
        result = Duration.ofNanos(Math.round(Double.parseDouble(millis.trim()) * 1_000_000));
      } catch (NumberFormatException e) {
        result = null;
      }
    }
    String value = headers.get("Retry-After");
    if (result == null && value != null) {
      try {
        result = Duration.ofNanos(Math.round(Double.parseDouble(value.trim()) * 1_000_000_000));
      } catch (NumberFormatException e) {
        try {
          ZonedDateTime at =
              ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
          result = Duration.between(clock.instant(), at.toInstant());
        } catch (DateTimeParseException ignored) {
          result = null;
        }
      }
    }
    if (result == null) {
      return null;
    }
    if (result.isNegative()) {
      return Duration.ZERO;
    }
    Duration cap = Duration.ofSeconds(MAX_RETRY_AFTER_SECONDS);
    return result.compareTo(cap) > 0 ? cap : result;
  }

  /**
   * Shortens a text for a message and removes secrets.
   *
   * @param text the text
   * @return the text, at most 500 characters
   */
  public String quote(String text) {
    return failures.quote(text);
  }

  /**
   * The provider's name, such as {@code openai}.
   *
   * @return the provider
   */
  public String provider() {
    return provider;
  }

  /**
   * How many requests were started (not attempts).
   *
   * @return the count
   */
  public long requestCount() {
    return requests.get();
  }

  /** Shuts the dispatcher down and evicts the pooled connections. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.closeIfMade();
    }
  }

  /**
   * The retry logger, made on the first retry: {@code System.getLogger} sets up the platform's
   * logging (java.util.logging reads its configuration), about 40 ms of CPU that a run without a
   * retry does not need.
   */
  private static final class RetryLog {
    static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());

    private RetryLog() {}
  }
}
