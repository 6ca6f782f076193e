/**
 * Graders that read transcripts: refusal detection, reasoning-explanation detection, harm detection
 * from tripwires and the LLM judge. Every grader returns a verdict with its evidence.
 */
package dev.alignunit.grading;
