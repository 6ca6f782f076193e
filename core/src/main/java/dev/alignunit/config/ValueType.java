package dev.alignunit.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The type of a configuration value: how a raw text becomes a value, what it accepts (for messages
 * and the README), and how a value is written back (for defaults).
 *
 * @param accepted what is accepted, as the end of "expected ...", such as {@code a whole number
 *     from 1 to 1024}
 * @param parser turns a trimmed, non-blank text into a value; throws {@link
 *     IllegalArgumentException} (or a subclass) for a text it does not accept
 * @param formatter writes a value as text, such as {@code 120s} for a duration
 * @param valueShown whether messages may repeat an invalid value ({@code false} for values that may
 *     be a secret)
 * @param <T> the Java type of the values
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ValueType<T>(
    String accepted,
    Function<String, T> parser,
    Function<T, String> formatter,
    boolean valueShown) {

  private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Checks that no part is missing. */
  public ValueType {
    Objects.requireNonNull(accepted, "accepted");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(formatter, "formatter");
  }

  /**
   * Whole numbers in a range, such as {@code 1} to {@code 1024}.
   *
   * @param min the smallest accepted value
   * @param max the largest accepted value ({@link Integer#MAX_VALUE} for no upper limit)
   * @return the type
   */
  public static ValueType<Integer> wholeNumber(int min, int max) {
    String accepted =
        max == Integer.MAX_VALUE
            ? "a whole number of at least " + min
            : "a whole number from " + min + " to " + max;
    return new ValueType<>(
        accepted,
        text -> {
          int value = Integer.parseInt(text);
          require(value >= min && value <= max);
          return value;
        },
        String::valueOf,
        true);
  }

  /**
   * Whole numbers of at least {@code min}, as {@code long}, such as token budgets.
   *
   * @param min the smallest accepted value
   * @return the type
   */
  public static ValueType<Long> count(long min) {
    return new ValueType<>(
        "a whole number of at least " + min,
        text -> {
          long value = Long.parseLong(text);
          require(value >= min);
          return value;
        },
        String::valueOf,
        true);
  }

  /**
   * Numbers between 0 and 1, such as a tolerated fraction or a significance level.
   *
   * @param zeroAllowed whether 0 itself is accepted
   * @param oneAllowed whether 1 itself is accepted
   * @return the type
   */
  public static ValueType<Double> fraction(boolean zeroAllowed, boolean oneAllowed) {
    String accepted =
        "a number "
            + (zeroAllowed ? "from 0" : "above 0")
            + (oneAllowed ? " to 1" : " and below 1");
    return new ValueType<>(
        accepted,
        text -> {
          double value = Double.parseDouble(text);
          require((zeroAllowed ? value >= 0 : value > 0) && (oneAllowed ? value <= 1 : value < 1));
          return value;
        },
        value -> BigDecimal.valueOf(value).stripTrailingZeros().toPlainString(),
        true);
  }

  /**
   * {@code true} or {@code false}, ignoring case.
   *
   * @return the type
   */
  public static ValueType<Boolean> bool() {
    return new ValueType<>(
        "true or false",
        text ->
            switch (text.toLowerCase(Locale.ROOT)) {
              case "true" -> true;
              case "false" -> false;
              default -> throw new IllegalArgumentException(text);
            },
        String::valueOf,
        true);
  }

  /**
   * One of a few words, ignoring case; the value is the word in lower case.
   *
   * @param values the words, in the order messages list them
   * @return the type
   */
  public static ValueType<String> oneOf(String... values) {
    List<String> words = List.of(values);
    String accepted =
        words.size() == 1
            ? words.get(0)
            : String.join(", ", words.subList(0, words.size() - 1))
                + " or "
                + words.get(words.size() - 1);
    return new ValueType<>(
        accepted,
        text -> {
          String word = text.toLowerCase(Locale.ROOT);
          require(words.contains(word));
          return word;
        },
        Function.identity(),
        true);
  }

  /**
   * A positive duration: {@code 500ms}, {@code 120s}, {@code 2m}, a plain number of seconds, or
   * ISO-8601 ({@code PT2M}).
   *
   * @return the type
   */
  public static ValueType<Duration> duration() {
    return new ValueType<>(
        "a positive duration such as 120s, 2m, 500ms or PT2M",
        text -> {
          Duration value = parseDuration(text.toLowerCase(Locale.ROOT));
          require(!value.isNegative() && !value.isZero());
          return value;
        },
        ValueType::formatDuration,
        true);
  }

  /**
   * A file system path.
   *
   * @param what what the path names, such as {@code a directory}
   * @return the type
   */
  public static ValueType<Path> path(String what) {
    return new ValueType<>(what, Path::of, Path::toString, true);
  }

  /**
   * An absolute {@code http://} or {@code https://} URL.
   *
   * @return the type
   */
  public static ValueType<String> httpUrl() {
    return new ValueType<>(
        "an http:// or https:// URL such as http://127.0.0.1:8080/v1",
        text -> {
          try {
            URI uri = new URI(text);
            require(
                ("http".equalsIgnoreCase(uri.getScheme())
                        || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null);
            return text;
          } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
          }
        },
        Function.identity(),
        true);
  }

  /**
   * The name of an environment variable, such as {@code OPENAI_API_KEY}. An invalid value is not
   * repeated in messages: it may be the API key itself, given where its variable's name belongs.
   *
   * @param example an example name for messages
   * @return the type
   */
  public static ValueType<String> environmentVariableName(String example) {
    return new ValueType<>(
        "the name of an environment variable (letters, digits and _), such as " + example,
        text -> {
          require(ENVIRONMENT_NAME.matcher(text).matches());
          return text;
        },
        Function.identity(),
        false);
  }

  /**
   * An identifier such as a run id: 1 to 100 letters, digits, '.', '_' or '-', not starting with
   * '.', so that it is safe as a folder name.
   *
   * @param example an example value, for messages
   * @return the type
   */
  public static ValueType<String> identifier(String example) {
    return new ValueType<>(
        "1-100 letters, digits, '.', '_' or '-', not starting with '.', such as " + example,
        text -> {
          require(text.matches("[A-Za-z0-9._-]{1,100}") && !text.startsWith("."));
          return text;
        },
        Function.identity(),
        true);
  }

  /**
   * Any text that is not blank; what it means is decided by the code that reads the key (such as a
   * model spec, parsed by {@code dev.alignunit.model.ModelSpec}).
   *
   * @param accepted what the text must look like, for messages
   * @return the type
   */
  public static ValueType<String> text(String accepted) {
    return new ValueType<>(accepted, Function.identity(), Function.identity(), true);
  }

  /**
   * Parses a text.
   *
   * @param text the trimmed, non-blank text
   * @return the value
   * @throws IllegalArgumentException when the text is not accepted
   */
  public T parse(String text) {
    T value = parser.apply(text);
    if (value == null) {
      throw new IllegalArgumentException(text);
    }
    return value;
  }

  /**
   * Writes a value as text, as a user would configure it.
   *
   * @param value the value
   * @return the text
   */
  public String format(T value) {
    return formatter.apply(value);
  }

  private static void require(boolean accepted) {
    if (!accepted) {
      throw new IllegalArgumentException("not accepted");
    }
  }

  private static Duration parseDuration(String text) {
    try {
      if (text.startsWith("p")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).strip()));
      }
      if (text.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1).strip()));
      }
      if (text.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1).strip()));
      }
      return Duration.ofSeconds(Long.parseLong(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String formatDuration(Duration value) {
    if (value.toMillis() % 1000 != 0) {
      return value.toMillis() + "ms";
    }
    return value.toSeconds() + "s";
  }
}
