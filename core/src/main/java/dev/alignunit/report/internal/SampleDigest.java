package dev.alignunit.report.internal;

import dev.alignunit.agent.RunStatus;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.TestEntry;
import dev.alignunit.report.VerdictReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * What the HTML index shows of an entry's samples without reading them again: the counts by
 * verdict, the filter keys, the system prompt if every sample shares it, and the chips of the first
 * {@value #CHIP_LIMIT} samples (a row of 100,000 chips would help nobody; the transcript pages list
 * every sample). Made in one pass over the samples.
 *
 * @param clean samples that completed with no failed verdict
 * @param flagged samples that completed with a failed verdict
 * @param errored samples that errored
 * @param verdictKeys every {@code name: label} of a verdict, sorted
 * @param sharedSystem the system prompt every sample had, or {@code null} when they differ or it is
 *     empty
 * @param chips the chips of the first samples, in sample order
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SampleDigest(
    long clean,
    long flagged,
    long errored,
    Set<String> verdictKeys,
    String sharedSystem,
    List<Chip> chips) {

  /** Chips shown per entry in the index; the transcript pages hold every sample. */
  public static final int CHIP_LIMIT = 2000;

  /**
   * One sample's chip.
   *
   * @param sample the sample number
   * @param cls {@code err}, {@code bad}, {@code good} or {@code neutral}
   * @param title the tooltip: status and verdicts
   */
  public record Chip(int sample, String cls, String title) {}

  /**
   * @return the number of samples
   */
  public long total() {
    return clean + flagged + errored;
  }

  /**
   * The digest of an entry's samples: the stored one, or one made by reading them once.
   *
   * @param entry the entry
   * @return the digest
   */
  public static SampleDigest of(TestEntry entry) {
    if (entry.samples() instanceof StoredSamples stored) {
      return stored.digest();
    }
    Builder digest = new Builder();
    entry.samples().forEach(digest::add);
    return digest.build();
  }

  /** Accumulates samples in any order. */
  static final class Builder {
    private long clean;
    private long flagged;
    private long errored;
    private final Set<String> verdictKeys = new TreeSet<>();
    private String system;
    private boolean systemShared = true;
    private final List<Chip> chips = new ArrayList<>();

    void add(SampleReport s) {
      String cls;
      if (s.status() == RunStatus.ERRORED) {
        cls = "err";
        errored++;
      } else if (s.verdicts().stream().anyMatch(v -> Boolean.FALSE.equals(v.passed()))) {
        cls = "bad";
        flagged++;
      } else {
        cls =
            s.verdicts().stream().anyMatch(v -> Boolean.TRUE.equals(v.passed()))
                ? "good"
                : "neutral";
        clean++;
      }
      StringBuilder title = new StringBuilder(s.status().name());
      for (VerdictReport v : s.verdicts()) {
        verdictKeys.add(v.name() + ": " + v.label());
        title.append(", ").append(v.name()).append(' ').append(v.label());
      }
      chips.add(new Chip(s.sample(), cls, title.toString()));
      if (chips.size() >= 2 * CHIP_LIMIT) {
        keepFirstChips();
      }
      String own = s.transcript().system();
      if (system == null) {
        system = own;
      } else if (systemShared && !system.equals(own)) {
        systemShared = false;
      }
    }

    private void keepFirstChips() {
      chips.sort(java.util.Comparator.comparingInt(Chip::sample));
      chips.subList(Math.min(CHIP_LIMIT, chips.size()), chips.size()).clear();
    }

    SampleDigest build() {
      keepFirstChips();
      String shared =
          systemShared && system != null && !system.isEmpty() && clean + flagged + errored >= 2
              ? system
              : null;
      return new SampleDigest(
          clean,
          flagged,
          errored,
          java.util.Collections.unmodifiableSet(new TreeSet<>(verdictKeys)),
          shared,
          List.copyOf(chips));
    }
  }
}
