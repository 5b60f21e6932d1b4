package dev.takebot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Progress of long jobs")
class ProgressTest {
  /** A clock the test moves. */
  private static final class Manual extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  @DisplayName("reports at most once per period, with done, total, rate and time left")
  void steadyCadence() {
    Manual clock = new Manual();
    List<String> lines = new ArrayList<>();
    Progress p = new Progress("Backfill", "discussions", clock, Duration.ofSeconds(10), lines::add);
    p.expect(100);
    for (int i = 0; i < 9; i++) {
      clock.now = clock.now.plusSeconds(1);
      p.advance(2);
    }
    assertThat(lines).isEmpty();
    clock.now = clock.now.plusSeconds(1);
    p.advance(2); // 20 done in 10 s
    assertThat(lines)
        .containsExactly("Backfill: 20 of 100 discussions (20%), 2.0/s, about 40 s left");
    clock.now = clock.now.plusSeconds(5);
    p.advance(10);
    assertThat(lines).hasSize(1);
  }

  @Test
  @DisplayName("without a known total it reports the count and the rate")
  void unknownTotal() {
    Manual clock = new Manual();
    List<String> lines = new ArrayList<>();
    Progress p = new Progress("Re-tagging", "takes", clock, Duration.ofSeconds(10), lines::add);
    clock.now = clock.now.plusSeconds(10);
    p.advance(500);
    assertThat(lines).containsExactly("Re-tagging: 500 takes, 50.0/s");
  }
}
