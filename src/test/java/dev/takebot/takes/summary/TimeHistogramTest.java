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
    assertThat(s.points()).hasSizeLessThanOrEqualTo(TimeHistogram.MAX_POINTS).hasSizeGreaterThan(10);
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
}
