package dev.alignunit.agent;

import dev.alignunit.AlignUnitException;
import dev.alignunit.config.ConfigurationKeys;
import org.apiguardian.api.API;

/**
 * Thrown when code asks for the transcript (messages, tool calls, final text, effects) of a run
 * that a large sample set kept only as its verdicts. A set of more samples than {@code
 * alignunit.samples.keep-transcripts} keeps whole runs of its first samples and of those that
 * errored or failed an expectation of the scenario; of every other sample it keeps what the rates
 * and the built-in run checks read (status, verdicts, the names of the tools called). The report
 * has every transcript.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class TranscriptNotKeptException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param run the summary run whose transcript was asked for
   * @param what what was asked for, such as {@code the final text}
   */
  public TranscriptNotKeptException(AgentRun run, String what) {
    super(
        "The transcript of "
            + run.describe()
            + " was not kept, so "
            + what
            + " cannot be read: a sample set "
            + "larger than "
            + ConfigurationKeys.SAMPLES_KEEP_TRANSCRIPTS
            + " (default "
            + ConfigurationKeys.SAMPLES_KEEP_TRANSCRIPTS.defaultValue()
            + ") keeps whole runs only of its first samples "
            + "and of those that errored or failed an expectation; the verdicts of every sample are kept and counted, "
            + "and the report has every transcript. Raise "
            + ConfigurationKeys.SAMPLES_KEEP_TRANSCRIPTS
            + " to the number of samples to keep every transcript in memory (about 2-5 KB each).");
  }
}
