package dev.alignunit.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts of one running sample set, for its progress lines. */
final class SampleProgress {
  final String name;
  final int total;
  final Instant start;
  private final Clock clock;
  final AtomicInteger completed = new AtomicInteger();
  final AtomicInteger errored = new AtomicInteger();
  final AtomicInteger overBudget = new AtomicInteger();
  volatile String budgetKey;
  volatile boolean interrupted;

  /** Whether a periodic line was written: a long set also reports when it finishes. */
  volatile boolean periodic;

  SampleProgress(String name, int total, Instant start, Clock clock) {
    this.clock = clock;
    this.name = name;
    this.total = total;
    this.start = start;
  }

  void finished(AgentRun run) {
    if (run.errored()) {
      errored.incrementAndGet();
      if (run.error().orElse(null) instanceof BudgetExceededException e) {
        overBudget.incrementAndGet();
        budgetKey = e.key() + "=" + e.limit();
      }
    } else {
      completed.incrementAndGet();
    }
  }

  String line(boolean done) {
    int c = completed.get();
    int e = errored.get();
    double seconds = Duration.between(start, clock.instant()).toMillis() / 1000.0;
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s %d/%d samples: %d completed, %d errored %s %.1f s",
                name,
                c + e,
                total,
                c,
                e,
                done ? "in" : "after",
                seconds));
    if (overBudget.get() > 0) {
      line.append(
          String.format(
              Locale.ROOT, " (%d stopped by budget %s reached)", overBudget.get(), budgetKey));
    }
    if (done && interrupted) {
      line.append(" (interrupted)");
    }
    return line.toString();
  }
}
