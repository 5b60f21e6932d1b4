package dev.takebot.takes.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TimeHistogram")
class TimeHistogramTest {
  private static final long T0 = Instant.parse("2026-02-01T09:00:00Z").toEpochMilli();

  @Test
  @DisplayName("uses one-minute buckets for a ten-minute thread")
  void minutes() {
    TimeHistogram h = new TimeHistogram();
    for (int i = 0; i < 10; i++) {
      h.add(T0 + i * 60_000L + 5_000, i % 4);
    }
    SentimentSeries s = h.series();
    assertThat(s.bucket()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.points()).hasSize(10);
    assertThat(s.points().get(0).start()).isEqualTo(Instant.ofEpochMilli(T0));
    assertThat(s.points().get(3).byLabel().get(Label.MIXED)).isEqualTo(1);
  }

  @Test
  @DisplayName("keeps every take and picks a nice bucket for a year, even with takes out of order")
  void yearOutOfOrder() {
    TimeHistogram h = new TimeHistogram();
    Random r = new Random(7);
    long year = Duration.ofDays(365).toMillis();
    int n = 50_000;
    h.add(T0 + year / 2, 0); // the first take is in the middle: later ones land before it
    for (int i = 1; i < n; i++) {
      h.add(T0 + (long) (r.nextDouble() * year), r.nextInt(4));
    }
    SentimentSeries s = h.series();
    assertThat(s.total()).isEqualTo(n);
    assertThat(s.points())
        .hasSizeLessThanOrEqualTo(TimeHistogram.MAX_POINTS)
        .hasSizeGreaterThan(10);
    assertThat(s.bucket()).isIn(Duration.ofDays(14), Duration.ofDays(30));
    List<SentimentSeries.Point> p = s.points();
    for (int i = 1; i < p.size(); i++) {
      assertThat(Duration.between(p.get(i - 1).start(), p.get(i).start())).isEqualTo(s.bucket());
    }
  }

  @Test
  @DisplayName("chooses hour buckets for a two-day thread")
  void days() {
    TimeHistogram h = new TimeHistogram();
    for (int i = 0; i <= 48 * 6; i++) {
      h.add(T0 + i * 600_000L, 1);
    }
    SentimentSeries s = h.series();
    assertThat(s.bucket()).isEqualTo(Duration.ofHours(2));
    assertThat(s.total()).isEqualTo(48 * 6 + 1);
  }

  @Test
  @DisplayName(
      "built from counts per bucket over the span, gives exactly the histogram of adding the takes one by one")
  void ofSpanMatchesStreaming() {
    Random r = new Random(3);
    for (long span : new long[] {0, 59_000, 3_600_000, 86_400_000L * 3 + 17, 86_400_000L * 400}) {
      long[] at = new long[5_000];
      int[] label = new int[at.length];
      TimeHistogram streamed = new TimeHistogram();
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (int i = 0; i < at.length; i++) {
        at[i] = T0 + 1_234 + (long) (r.nextDouble() * span);
        label[i] = r.nextInt(4);
        streamed.add(at[i], label[i]);
        first = Math.min(first, at[i]);
        last = Math.max(last, at[i]);
      }
      TimeHistogram built =
          TimeHistogram.ofSpan(
              first,
              last,
              (origin, width, sink) -> {
                for (int i = 0; i < at.length; i++) {
                  sink.add((at[i] - origin) / width, label[i], 1);
                }
              });
      assertThat(built.series()).as("span %d ms", span).isEqualTo(streamed.series());
    }
  }
}
