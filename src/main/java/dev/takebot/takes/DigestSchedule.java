package dev.takebot.takes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when an article gets a digest: each time its take count reaches a new multiple of {@code
 * every} (25, 50, 75… for {@code every = 25}). Deleting takes and adding them back does not post
 * the same milestone twice. Memory holds one number per discussion seen since start; after a
 * restart the next milestone above the current count is the next digest, so none is posted twice in
 * a row. A deleted discussion's number is dropped with {@link #forget(long)}. Thread-safe.
 */
public final class DigestSchedule {
  private final long every;
  private final Map<Long, Long> lastMilestone = new ConcurrentHashMap<>();

  /** The smallest N: a digest after every take would flood the thread. */
  public static final int MIN_EVERY = 2;

  public DigestSchedule(long every) {
    if (every < MIN_EVERY) {
      throw new IllegalArgumentException(
          "a digest needs at least 2 takes between posts, got " + every);
    }
    this.every = every;
  }

  /**
   * Records a discussion's current take count, called after each change to its takes.
   *
   * @return true exactly when this count reached a milestone not reached before
   */
  public boolean reached(long postMessageId, long takeCount) {
    return reached(postMessageId, takeCount, 1);
  }

  /**
   * Records a discussion's current take count after {@code changes} changes to its takes, counted
   * once for all of them (a burst coalesced into one check).
   *
   * @return true exactly when this count reached a milestone not reached before
   */
  public boolean reached(long postMessageId, long takeCount, int changes) {
    long milestone = takeCount / every;
    boolean[] due = {false};
    lastMilestone.compute(
        postMessageId,
        (id, last) -> {
          // First sight: each change added at most one take, so before them the count was at least
          // takeCount - changes. A burst that crossed a milestone before its first check still
          // posts it.
          long previous =
              last != null ? last : Math.max(0, takeCount - Math.max(1, changes)) / every;
          due[0] = milestone > previous;
          return Math.max(previous, milestone);
        });
    return due[0];
  }

  /** Drops what is remembered of a discussion, e.g. because it was deleted. */
  /** The N of "every N takes". */
  public long every() {
    return every;
  }

  public void forget(long postMessageId) {
    lastMilestone.remove(postMessageId);
  }
}
