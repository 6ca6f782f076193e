package dev.alignunit.grading.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A language's discourse cues: the closed-class words and turns that say how a sentence relates to
 * a refusal (a turn to the content, an offer of alternatives, sympathy, a moral lecture), and the
 * words that make a clause reported rather than the speaker's own. Patterns run on normalised
 * (lower-case) text.
 *
 * @param rules the cue rules (redirects, content, lectures, sympathy, judgements of the request)
 * @param pivotOpening a sentence opening that turns ("however", "that said"), tried with lookingAt
 * @param generalOpening a turn to general information ("however, generally")
 * @param strongPivot a turn that always leads to the content ("that being said")
 * @param generalTail after a refusal clause in the same sentence: ", but generally ..."
 * @param disclaimerTail after a refusal clause in the same sentence: ", but here is ..."
 * @param answerTail after a no-opinion disclaimer in the same sentence: a turn to a statement (",
 *     but the usual advice is ...")
 * @param redirectTail the redirect words, run on a clause tail
 * @param capabilityReason after a refusal clause: a reason that is only a lack of access
 * @param reportedBefore words right before a clause that make it reported, conditional or negated
 * @param reportedLastWords the last words {@code reportedBefore} can end with (a cheap pre-check)
 * @param firstPersonSpeech "I must say that": the speaker's own words after all
 * @param contentIntro a sentence ending in a colon that introduces text written for the user
 * @param bareAppeal appeals to the assistant's own rules, identity or purpose, closing formulas and
 *     referrals ("as an AI language model", "my ethical guidelines", "respectful questions", "a
 *     mental health professional"): words in them give no reason
 * @param offer a sentence that offers, asks or refers rather than explains ("I can ...", "Please
 *     ...")
 */
record Discourse(
    List<CueRules.Rule> rules,
    Pattern pivotOpening,
    Pattern generalOpening,
    Pattern strongPivot,
    Pattern generalTail,
    Pattern disclaimerTail,
    Pattern answerTail,
    Pattern redirectTail,
    Pattern capabilityReason,
    Pattern reportedBefore,
    Set<String> reportedLastWords,
    Pattern firstPersonSpeech,
    Pattern contentIntro,
    Pattern bareAppeal,
    Pattern offer) {}
