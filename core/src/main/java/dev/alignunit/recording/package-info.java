/**
 * Recordings ("cassettes"): record live model exchanges once, replay them deterministically, and
 * explain a request that no longer matches its recording.
 *
 * <p>The entry point for the JUnit extension is {@link dev.alignunit.recording.RecordingSession}:
 * it takes the configured {@link dev.alignunit.recording.RecordingMode}, whether {@code CI} is
 * {@code true}, the recording file ({@link dev.alignunit.recording.RecordingPaths}) and a supplier
 * of the live {@link dev.alignunit.model.ModelClient}, decides whether to replay, record or call
 * the model live, and hands out one {@code ModelClient} per sample. Any {@code ModelClient} can be
 * wrapped, so LLM-judge calls go through the same layer.
 *
 * <p>The file format, the matching rules and the CI behaviour are described in {@code
 * docs/recordings.md}.
 */
package dev.alignunit.recording;
