package dev.alignunit.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.model.AuthenticationException;
import dev.alignunit.model.BadRequestException;
import dev.alignunit.model.MalformedResponseException;
import dev.alignunit.model.ModelClientException;
import dev.alignunit.model.ModelIoException;
import dev.alignunit.model.RateLimitException;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.model.ServerErrorException;
import java.io.IOException;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Turns what went wrong with a request of an {@link HttpTransport} into the {@link
 * ModelClientException} subclass a caller can act on, with a message that says what happened, to
 * which request, after how many attempts, and what to change.
 *
 * <p>Kept apart from the transport so that the sending and retry loop reads on its own, and so that
 * every message is built in one place that redacts: nothing leaves here without passing through the
 * {@link SecretRedactor}.
 */
final class HttpFailures {

  private static final int MAX_QUOTED_BODY = 500;

  private final String provider;
  private final int maxRetries;
  private final SecretRedactor redactor;
  private final String authHint;

  /**
   * Creates the mapping for one provider.
   *
   * @param provider the provider's name for messages
   * @param maxRetries the transport's retries, quoted in "retries exhausted"
   * @param redactor removes the key and URL credentials from every message
   * @param authHint the sentence added to 401/403 messages
   */
  HttpFailures(String provider, int maxRetries, SecretRedactor redactor, String authHint) {
    this.provider = provider;
    this.maxRetries = maxRetries;
    this.redactor = redactor;
    this.authHint = authHint;
  }

  /** A request made after the transport was closed; it was not sent. */
  ModelClientException closed(HttpUrl url, long number) {
    return new ModelIoException(
        provider,
        0,
        number,
        0,
        provider
            + " request #"
            + number
            + " to "
            + redactor.redact(url.toString())
            + " was not sent: the"
            + " model clients were closed because the test run ended. Create clients from a new ModelClients.",
        null);
  }

  /** A non-2xx answer that is not retried, or the last one after the retries ran out. */
  ModelClientException httpFailure(
      HttpUrl url, int status, String body, long number, int attempts) {
    String quoted = providerMessage(body);
    String head =
        provider
            + " request #"
            + number
            + " to "
            + redactor.redact(url.toString())
            + " failed with HTTP "
            + status
            + " after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts");
    if (status == 401 || status == 403) {
      return new AuthenticationException(
          provider,
          status,
          number,
          attempts,
          head + " (not retried): " + quoted + ". " + authHint,
          null);
    }
    if (!HttpTransport.retryable(status)) {
      return new BadRequestException(
          provider,
          status,
          number,
          attempts,
          head
              + " (not retried): "
              + quoted
              + ". Retrying cannot fix this; check the model name, the base URL and the request.",
          null);
    }
    String exhausted = head + " (" + maxRetries + " retries exhausted): " + quoted + ". ";
    if (status == 429) {
      return new RateLimitException(
          provider,
          status,
          number,
          attempts,
          exhausted
              + "Lower "
              + ConfigurationKeys.CONCURRENCY
              + ", raise "
              + ConfigurationKeys.HTTP_MAX_RETRIES
              + ", "
              + "or check the account's rate limits.",
          null);
    }
    return new ServerErrorException(
        provider,
        status,
        number,
        attempts,
        exhausted
            + "The provider is failing; try again later or raise "
            + ConfigurationKeys.HTTP_MAX_RETRIES
            + ".",
        null);
  }

  /** No HTTP answer at all on the last attempt. */
  ModelClientException ioFailure(HttpUrl url, IOException e, long number, int attempts) {
    String what =
        e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + redactor.redact(e.getMessage()));
    return new ModelIoException(
        provider,
        0,
        number,
        attempts,
        provider
            + " request #"
            + number
            + " to "
            + redactor.redact(url.toString())
            + " got no HTTP answer after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + " ("
            + maxRetries
            + " retries exhausted): "
            + what
            + ". Check that the server is reachable at that address, or raise "
            + ConfigurationKeys.HTTP_TIMEOUT
            + " / "
            + ConfigurationKeys.HTTP_MAX_RETRIES
            + ".",
        e);
  }

  /** A 2xx answer that no attempt delivered as the protocol's answer. */
  ModelClientException malformed(
      HttpUrl url,
      int status,
      String contentType,
      String body,
      long number,
      int attempts,
      HttpTransport.Protocol<?> protocol,
      MalformedAnswer e) {
    String type =
        contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json")
            ? ""
            : " (Content-Type " + quote(contentType) + ")";
    return new MalformedResponseException(
        provider,
        status,
        number,
        attempts,
        provider
            + " request #"
            + number
            + " to "
            + redactor.redact(url.toString())
            + " got HTTP "
            + status
            + type
            + " but an answer that is not "
            + protocol.name()
            + " after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + " ("
            + maxRetries
            + " retries exhausted): "
            + redactor.redact(e.getMessage())
            + ". Body starts with: "
            + (body == null || body.isBlank() ? "(empty body)" : quote(body.strip()))
            + ". "
            + protocol.hint(),
        null); // not chained: the parser's message may quote the body, secrets and all
  }

  /** The thread was interrupted while waiting for a permit or between attempts. */
  ModelClientException interrupted(long number, int attempts, InterruptedException e) {
    return new ModelIoException(
        provider,
        0,
        number,
        attempts,
        provider
            + " request #"
            + number
            + " was interrupted after "
            + attempts
            + " attempt(s); the test run is probably being cancelled.",
        e);
  }

  /**
   * The provider's error message from {@code {"error":{"message":...}}} (both OpenAI and Anthropic
   * use it), else the body itself, shortened and with secrets redacted.
   *
   * @param body the response body
   * @return the message
   */
  String providerMessage(String body) {
    String message = null;
    try {
      JsonNode tree = dev.alignunit.internal.JsonTrees.read(body);
      if (tree != null) {
        JsonNode error = tree.path("error");
        if (error.isTextual()) {
          message = error.asText();
        } else if (error.path("message").isTextual()) {
          message = error.path("message").asText();
        } else if (tree.path("message").isTextual()) {
          message = tree.path("message").asText();
        }
      }
    } catch (IOException notJson) {
      message = null;
    }
    if (message == null) {
      message = body == null || body.isBlank() ? "(empty body)" : body.strip();
    }
    String quoted = quote(message).strip();
    // The message is followed by ". " and advice; avoid a doubled full stop.
    while (quoted.endsWith(".")) {
      quoted = quoted.substring(0, quoted.length() - 1);
    }
    return quoted;
  }

  /**
   * Shortens a text for a message and removes secrets.
   *
   * @param text the text
   * @return the text, at most 500 characters
   */
  String quote(String text) {
    String clean = redactor.redact(text == null ? "" : text);
    return clean.length() > MAX_QUOTED_BODY ? clean.substring(0, MAX_QUOTED_BODY) + "..." : clean;
  }
}
