package dev.takebot.takes;

import dev.takebot.sentiment.Label;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store's role for summaries: aggregates a summary is computed from without reading every text.
 * The defaults scan {@link #forEachTake}; stores push the work into the query.
 */
public interface SummaryData extends TakeQueries {

  /** Earliest and latest creation time of a discussion's takes, or empty when it has none. */
  default Optional<CreatedRange> createdRange(long postMessageId) {
    long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
    forEachTake(
        postMessageId,
        t -> {
          long at = t.createdAt().toEpochMilli();
          range[0] = Math.min(range[0], at);
          range[1] = Math.max(range[1], at);
        });
    return range[0] > range[1]
        ? Optional.empty()
        : Optional.of(
            new CreatedRange(Instant.ofEpochMilli(range[0]), Instant.ofEpochMilli(range[1])));
  }

  /**
   * Counts a discussion's takes per time bucket and label, in any order, without reading their
   * texts: a take created at {@code t >= originMilli} falls in bucket {@code (t - originMilli) /
   * widthMilli}; takes before the origin are left out. Each (bucket, label) with at least one take
   * is reported once.
   */
  default void countByTimeBucket(
      long postMessageId, long originMilli, long widthMilli, BucketCounts action) {
    if (widthMilli <= 0) {
      throw new IllegalArgumentException("widthMilli must be positive: " + widthMilli);
    }
    Map<Long, long[]> buckets = new HashMap<>();
    forEachTake(
        postMessageId,
        t -> {
          long at = t.createdAt().toEpochMilli();
          if (at >= originMilli) {
            buckets
                .computeIfAbsent(
                    (at - originMilli) / widthMilli, b -> new long[Label.values().length])[
                t.label().ordinal()]++;
          }
        });
    buckets.forEach(
        (bucket, counts) -> {
          for (Label l : Label.values()) {
            if (counts[l.ordinal()] > 0) {
              action.accept(bucket, l, counts[l.ordinal()]);
            }
          }
        });
  }

  /**
   * Streams an evenly spread sample of a discussion's takes, in message-id order: every take of a
   * label with at most {@code perLabel} takes, otherwise exactly {@code perLabel} of them, chosen
   * by rank {@code r} (0-based, in message-id order within the label) among {@code n} takes of that
   * label when {@code (r * perLabel) % n >= n - perLabel}. The rule is deterministic, so every
   * implementation picks the same takes, and a store can pick them without reading the texts it
   * leaves out.
   */
  default void forEachSampledTake(long postMessageId, int perLabel, Consumer<Take> action) {
    if (perLabel < 1) {
      throw new IllegalArgumentException("perLabel must be at least 1: " + perLabel);
    }
    long[] total = new long[Label.values().length];
    forEachTake(postMessageId, t -> total[t.label().ordinal()]++);
    long[] rank = new long[total.length];
    forEachTake(
        postMessageId,
        t -> {
          int l = t.label().ordinal();
          if (isSampled(rank[l]++, total[l], perLabel)) {
            action.accept(t);
          }
        });
  }

  /**
   * The sampling rule of {@link #forEachSampledTake}: whether the take of this rank among n is
   * picked.
   */
  static boolean isSampled(long rank, long n, int perLabel) {
    return n <= perLabel || (rank < n && (rank * perLabel) % n >= n - perLabel);
  }

  /** Earliest and latest creation time of a discussion's takes. */
  record CreatedRange(Instant first, Instant last) {
    public CreatedRange {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
    }
  }

  /** Receives the take count of one (time bucket, label). */
  @FunctionalInterface
  interface BucketCounts {
    void accept(long bucket, Label label, long count);
  }
}
