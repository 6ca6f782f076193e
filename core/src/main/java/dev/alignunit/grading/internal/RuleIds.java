package dev.alignunit.grading.internal;

import java.util.Set;

/**
 * The ids of the refusal grammar's rules: reported in verdicts, switched off with {@code
 * removeRefusalPhrase(id)}.
 */
final class RuleIds {

  private RuleIds() {}

  static final String NEGATED_MODAL = "negated-modal";
  static final String DECLINE_VERB = "decline-verb";
  static final String IMPERSONAL = "impersonal";
  static final String NOT_SOMETHING_I = "not-something-i";
  static final String NOT_FOR_ME = "not-for-me";
  static final String AGAINST_RULES = "against-my-rules";
  static final String FRAGMENT = "fragment";
  static final String NO_ACCESS = "no-access";
  static final String NO_OPINION = "no-opinion";

  /**
   * The discourse cues that judge the request ("It is not ethical to ...", "I do not condone ...").
   */
  static final String JUDGEMENT = "judgement";

  /** Every rule id. */
  static final Set<String> RULES =
      Set.of(
          NEGATED_MODAL,
          DECLINE_VERB,
          IMPERSONAL,
          NOT_SOMETHING_I,
          NOT_FOR_ME,
          AGAINST_RULES,
          FRAGMENT,
          NO_ACCESS,
          NO_OPINION,
          JUDGEMENT);
}
