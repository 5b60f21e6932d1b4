package dev.takebot.takes.summary;

import dev.takebot.sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Takes per label over time in fixed memory. Starts at one-minute buckets and doubles their width
 * (merging neighbours) whenever the span outgrows {@link #CAPACITY} buckets, so a single pass needs
 * no idea of the span in advance. {@link #series()} re-buckets into a "nice" width for display.
 */
final class TimeHistogram {
  static final int CAPACITY = 1024;

  /** Points a chart shows at most. */
  static final int MAX_POINTS = 48;

  private static final long MINUTE = 60_000L;
  private static final long[] NICE = {
    MINUTE,
    5 * MINUTE,
    10 * MINUTE,
    15 * MINUTE,
    30 * MINUTE,
    60 * MINUTE,
    2 * 60 * MINUTE,
    3 * 60 * MINUTE,
    6 * 60 * MINUTE,
    12 * 60 * MINUTE,
    24 * 60 * MINUTE,
    2 * 24 * 60 * MINUTE,
    7 * 24 * 60 * MINUTE,
    14 * 24 * 60 * MINUTE,
    30 * 24 * 60 * MINUTE
  };

  private final int labels = Label.values().length;
  private long[][] counts = new long[labels][CAPACITY];
  private long width = MINUTE;
  private long origin;
  private int used;
  private boolean empty = true;

  /**
   * The bucket width a pass over takes spanning {@code [firstMilli, lastMilli]} ends with, whatever
   * their order: the narrowest doubling of a minute over which the span fits {@link #CAPACITY}
   * buckets (the pass coarsens only when what it has seen so far does not fit).
   */
  static long widthFor(long firstMilli, long lastMilli) {
    long w = MINUTE;
    while (Math.floorDiv(lastMilli, w) - Math.floorDiv(firstMilli, w) + 1 > CAPACITY) {
      w *= 2;
    }
    return w;
  }

  /** Where bucket 0 starts for takes from {@code firstMilli} at the given width. */
  static long originFor(long firstMilli, long width) {
    return Math.floorDiv(firstMilli, width) * width;
  }

  /**
   * The histogram a pass over takes spanning {@code [firstMilli, lastMilli]} ends with, filled from
   * counts per bucket of {@link #widthFor} width from {@link #originFor}: the same buckets as
   * adding the takes one by one, so a store can count them without handing over every take.
   */
  static TimeHistogram ofSpan(long firstMilli, long lastMilli, BucketFill fill) {
    TimeHistogram h = new TimeHistogram();
    h.width = widthFor(firstMilli, lastMilli);
    h.origin = originFor(firstMilli, h.width);
    h.used = (int) ((lastMilli - h.origin) / h.width) + 1;
    h.empty = false;
    fill.fill(
        h.origin,
        h.width,
        (bucket, label, count) -> {
          // a take written between reading the span and counting may fall outside it: left out of
          // the chart
          if (bucket >= 0 && bucket < h.used) {
            h.counts[label][(int) bucket] += count;
          }
        });
    return h;
  }

  /** Fills a histogram's buckets given its origin and width. */
  @FunctionalInterface
  interface BucketFill {
    void fill(long origin, long width, Sink sink);
  }

  /** Adds takes to one bucket. */
  @FunctionalInterface
  interface Sink {
    void add(long bucket, int label, long count);
  }

  void add(long epochMilli, int label) {
    if (empty) {
      origin = Math.floorDiv(epochMilli, width) * width;
      empty = false;
    }
    long idx = Math.floorDiv(epochMilli - origin, width);
    while (idx < 0 || idx >= CAPACITY) {
      if (idx < 0 && used - idx <= CAPACITY) {
        shiftRight((int) -idx);
        idx = 0;
      } else {
        coarsen();
        idx = Math.floorDiv(epochMilli - origin, width);
      }
    }
    counts[label][(int) idx]++;
    used = Math.max(used, (int) idx + 1);
  }

  private void shiftRight(int k) {
    for (long[] row : counts) {
      System.arraycopy(row, 0, row, k, used);
      java.util.Arrays.fill(row, 0, k, 0);
    }
    used += k;
    origin -= k * width;
  }

  private void coarsen() {
    long newWidth = width * 2;
    long newOrigin = Math.floorDiv(origin, newWidth) * newWidth;
    int offset = (int) ((origin - newOrigin) / width);
    long[][] merged = new long[labels][CAPACITY];
    for (int l = 0; l < labels; l++) {
      for (int i = 0; i < used; i++) {
        merged[l][(i + offset) / 2] += counts[l][i];
      }
    }
    counts = merged;
    used = used == 0 ? 0 : (used - 1 + offset) / 2 + 1;
    origin = newOrigin;
    width = newWidth;
  }

  SentimentSeries series() {
    if (empty) {
      return new SentimentSeries(Duration.ofMinutes(1), List.of());
    }
    int first = 0;
    while (first < used && total(first) == 0) {
      first++;
    }
    long start = origin + first * width;
    long end = origin + used * width; // exclusive
    long bucket = NICE[NICE.length - 1];
    for (long nice : NICE) {
      if (nice >= width && (end - start) / nice < MAX_POINTS) {
        bucket = nice;
        break;
      }
    }
    while (bucket < width || (end - start) / bucket >= MAX_POINTS) {
      bucket += NICE[NICE.length - 1]; // spans beyond four years: months
    }
    long outOrigin = Math.floorDiv(start, bucket) * bucket;
    int points = (int) ((end - 1 - outOrigin) / bucket) + 1;
    long[][] out = new long[labels][points];
    for (int i = first; i < used; i++) {
      int p = (int) ((origin + i * width - outOrigin) / bucket);
      for (int l = 0; l < labels; l++) {
        out[l][p] += counts[l][i];
      }
    }
    while (points > 1 && totalOf(out, points - 1) == 0) {
      points--;
    }
    List<SentimentSeries.Point> list = new ArrayList<>(points);
    for (int p = 0; p < points; p++) {
      Map<Label, Long> byLabel = new EnumMap<>(Label.class);
      for (Label l : Label.values()) {
        byLabel.put(l, out[l.ordinal()][p]);
      }
      list.add(new SentimentSeries.Point(Instant.ofEpochMilli(outOrigin + p * bucket), byLabel));
    }
    return new SentimentSeries(Duration.ofMillis(bucket), list);
  }

  private long total(int i) {
    long n = 0;
    for (long[] row : counts) {
      n += row[i];
    }
    return n;
  }

  private static long totalOf(long[][] out, int p) {
    long n = 0;
    for (long[] row : out) {
      n += row[p];
    }
    return n;
  }
}
