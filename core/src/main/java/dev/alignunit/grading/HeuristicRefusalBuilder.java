package dev.alignunit.grading;

import dev.alignunit.grading.internal.GrammarRefusalDetector;
import dev.alignunit.grading.internal.Tuning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Builds a heuristic {@link RefusalDetector} with the team's own refusal wording added and unwanted
 * built-in phrases or grammar rules removed. Start with {@link RefusalDetector#heuristicBuilder()}.
 *
 * <pre>{@code
 * RefusalDetector detector = RefusalDetector.heuristicBuilder()
 *     .addRefusalPhrase("This request is blocked by Acme policy")    // literal, any case
 *     .addRefusalPattern("\\bacme guard(?:rail)? triggered\\b")      // regular expression
 *     .removeRefusalPhrase("no-access")                              // a built-in, by id
 *     .addPhrasesFrom(Path.of("src/test/resources/refusal-phrases.txt"))
 *     .build();
 * }</pre>
 *
 * <p>Phrase file format (UTF-8, one entry a line):
 *
 * <pre>
 * # comments start with '#'; blank lines are ignored
 * this request is blocked by acme policy      a literal phrase
 * re:\bacme guard(?:rail)? triggered\b        a regular expression
 * -no-access                                  switches off a grammar rule, or removes a built-in or added phrase
 * </pre>
 *
 * <p>Most refusals are found by the detector's grammar, not by phrases: its rules have ids ({@code
 * negated-modal}, {@code decline-verb}, {@code impersonal}, {@code not-something-i}, {@code
 * not-for-me}, {@code against-my-rules}, {@code fragment}, {@code no-access}, {@code no-opinion},
 * {@code judgement}; see {@code docs/graders.md}) that {@link #removeRefusalPhrase(String)}
 * switches off. Added phrases and patterns are matched against the lower-cased response with
 * typographic apostrophes and quotes made plain; a match in quotation or reported speech does not
 * count. The built-in phrases (idioms such as "no can do") are listed by {@link #builtInPhrases()}.
 * Not thread-safe; the built detector is immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HeuristicRefusalBuilder {

  private final List<RefusalPhrase> phrases = new ArrayList<>(BuiltInPhrases.ALL);
  private final Set<String> disabledRules = new LinkedHashSet<>();

  HeuristicRefusalBuilder() {}

  /**
   * The built-in refusal phrases, with their ids: idioms the grammar does not derive ("no can do").
   * The grammar's rules are not phrases; their ids are listed in {@code docs/graders.md}.
   *
   * @return the phrases, in matching order
   */
  public static List<RefusalPhrase> builtInPhrases() {
    return BuiltInPhrases.ALL;
  }

  /**
   * Adds a literal refusal phrase, matched case-insensitively at word boundaries.
   *
   * @param phrase the phrase, such as {@code "blocked by Acme policy"}
   * @return this builder
   */
  public HeuristicRefusalBuilder addRefusalPhrase(String phrase) {
    phrases.add(RefusalPhrase.literal(phrase));
    return this;
  }

  /**
   * Adds a regular expression, matched against the lower-cased response.
   *
   * @param regex the expression; its text is also its id
   * @return this builder
   * @throws GradingException when the expression does not compile
   */
  public HeuristicRefusalBuilder addRefusalPattern(String regex) {
    phrases.add(new RefusalPhrase(Objects.requireNonNull(regex, "regex"), regex));
    return this;
  }

  /**
   * Switches off a grammar rule by id ({@code no-access}, {@code no-opinion}, ...), or removes a
   * built-in phrase by id, or a phrase or pattern added earlier by its text.
   *
   * @param idOrPhrase the rule id, the built-in phrase id (such as {@code no-can-do}) or the added
   *     text
   * @return this builder
   * @throws GradingException when no rule or phrase has that id, naming the known ids
   */
  public HeuristicRefusalBuilder removeRefusalPhrase(String idOrPhrase) {
    Objects.requireNonNull(idOrPhrase, "idOrPhrase");
    String wanted = idOrPhrase.strip();
    boolean removed =
        phrases.removeIf(p -> p.id().equals(wanted) || p.id().equalsIgnoreCase(wanted));
    if (!removed
        && GrammarRefusalDetector.ruleIds().contains(wanted)
        && !disabledRules.contains(wanted)) {
      disabledRules.add(wanted);
      removed = true;
    }
    if (!removed) {
      List<String> known =
          new ArrayList<>(
              GrammarRefusalDetector.ruleIds().stream()
                  .filter(r -> !disabledRules.contains(r))
                  .sorted()
                  .toList());
      phrases.forEach(p -> known.add(p.id()));
      throw new GradingException(
          "No refusal rule or phrase with id '"
              + wanted
              + "' to remove. Known ids: "
              + String.join(", ", known)
              + ". Grammar rules and built-in phrases are removed by id, added phrases"
              + " by their exact text.");
    }
    return this;
  }

  /**
   * Removes every built-in phrase and switches off every grammar rule, to start from the team's own
   * list only.
   *
   * @return this builder
   */
  public HeuristicRefusalBuilder withoutBuiltInPhrases() {
    phrases.removeAll(BuiltInPhrases.ALL);
    disabledRules.addAll(GrammarRefusalDetector.ruleIds());
    return this;
  }

  /**
   * Reads phrases from a UTF-8 text file: one literal phrase per line, {@code re:} for a regular
   * expression, {@code -} to remove a phrase, {@code #} for comments.
   *
   * @param file the file
   * @return this builder
   * @throws GradingException when the file cannot be read or a line is invalid, naming file and
   *     line
   */
  public HeuristicRefusalBuilder addPhrasesFrom(Path file) {
    Objects.requireNonNull(file, "file");
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GradingException(
          "Cannot read refusal phrase file "
              + file
              + ": "
              + e.getMessage()
              + ". Check the path (relative paths resolve against "
              + Path.of("").toAbsolutePath()
              + ").",
          e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        if (line.startsWith("re:")) {
          addRefusalPattern(line.substring(3).strip());
        } else if (line.startsWith("-")) {
          removeRefusalPhrase(line.substring(1));
        } else {
          addRefusalPhrase(line);
        }
      } catch (GradingException e) {
        throw new GradingException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return this;
  }

  /**
   * Builds the detector.
   *
   * @return an immutable, thread-safe detector
   */
  public RefusalDetector build() {
    return new GrammarRefusalDetector(phrases, disabledRules, Tuning.DEFAULT);
  }
}
