package dev.takebot.takes.summary;

import dev.takebot.sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Takes per label per time bucket, oldest first. Bucket sizes are "nice" (minutes, hours, days) and
 * chosen from the discussion's span so that a chart has a readable number of points.
 *
 * @param bucket width of one bucket
 * @param points the buckets, contiguous, oldest first; empty when there are no takes
 */
public record SentimentSeries(Duration bucket, List<Point> points) {

  public SentimentSeries {
    points = List.copyOf(points);
  }

  /**
   * One bucket.
   *
   * @param start start of the bucket (inclusive)
   * @param byLabel takes per label in the bucket; every label present
   */
  public record Point(Instant start, Map<Label, Long> byLabel) {
    public Point {
      EnumMap<Label, Long> copy = new EnumMap<>(Label.class);
      for (Label l : Label.values()) {
        copy.put(l, byLabel.getOrDefault(l, 0L));
      }
      byLabel = Map.copyOf(copy);
    }

    public long total() {
      long n = 0;
      for (long v : byLabel.values()) {
        n += v;
      }
      return n;
    }
  }

  /** Sum over all buckets: equals the summary's take count. */
  public long total() {
    long n = 0;
    for (Point p : points) {
      n += p.total();
    }
    return n;
  }
}
