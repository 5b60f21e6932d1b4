package dev.takebot.takes.summary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers the last summaries of each discussion so the next one can say which way the tone moved.
 * A summary identical to the last one (nothing changed, the cache merely expired) keeps comparing
 * with the one before, so the direction does not flatten to "steady" just because someone asked
 * twice. Bounded: the least recently used discussions are forgotten.
 */
public final class SummaryHistory {
  private final Cache<Long, Entry> entries;

  public SummaryHistory() {
    this(10_000);
  }

  public SummaryHistory(long maxDiscussions) {
    this.entries =
        Caffeine.newBuilder().maximumSize(maxDiscussions).executor(Runnable::run).build();
  }

  /**
   * Records {@code current} for a discussion and returns the baseline it should be compared with,
   * or {@code null} when there is none.
   */
  public Baseline exchange(long postMessageId, Baseline current) {
    Baseline[] result = new Baseline[1];
    entries
        .asMap()
        .compute(
            postMessageId,
            (id, old) -> {
              if (old == null) {
                return new Entry(null, current);
              }
              if (old.last.takes() == current.takes()
                  && old.last.meanScore() == current.meanScore()) {
                result[0] = old.previous;
                return old;
              }
              result[0] = old.last;
              return new Entry(old.last, current);
            });
    return result[0];
  }

  /** Forgets a discussion (e.g. it was deleted). */
  public void forget(long postMessageId) {
    entries.invalidate(postMessageId);
  }

  private record Entry(Baseline previous, Baseline last) {}
}
