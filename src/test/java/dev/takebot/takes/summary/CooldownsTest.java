package dev.takebot.takes.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cooldowns")
class CooldownsTest {
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final Cooldowns cooldowns = new Cooldowns(Duration.ofSeconds(30), nanos::get);

  @Test
  @DisplayName(
      "lets a member through once, then says how long to wait, then lets them through again")
  void cycle() {
    assertThat(cooldowns.tryAcquire(1)).isEmpty();
    nanos.addAndGet(Duration.ofSeconds(12).toNanos());
    assertThat(cooldowns.tryAcquire(1)).contains(Duration.ofSeconds(18));
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(cooldowns.tryAcquire(1))
        .as("asking again does not restart the wait")
        .contains(Duration.ofSeconds(8));
    nanos.addAndGet(Duration.ofSeconds(8).toNanos());
    assertThat(cooldowns.tryAcquire(1)).isEmpty();
  }

  @Test
  @DisplayName("keeps members apart, and release lifts a cooldown")
  void perMember() {
    assertThat(cooldowns.tryAcquire(1)).isEmpty();
    assertThat(cooldowns.tryAcquire(2)).isEmpty();
    assertThat(cooldowns.tryAcquire(2)).isPresent();
    cooldowns.release(2);
    assertThat(cooldowns.tryAcquire(2)).isEmpty();
    assertThat(cooldowns.tryAcquire(1)).isPresent();
  }

  @Test
  @DisplayName("lets everyone through with a zero cooldown, and refuses a negative one")
  void zeroAndNegative() {
    Cooldowns none = new Cooldowns(Duration.ZERO, nanos::get);
    assertThat(none.tryAcquire(1)).isEmpty();
    assertThat(none.tryAcquire(1)).isEmpty();
    assertThatThrownBy(() -> new Cooldowns(Duration.ofSeconds(-1)))
        .hasMessageContaining("zero (none) or positive");
  }

  @Test
  @DisplayName("remaining tells the wait without starting a cooldown")
  void remaining() {
    assertThat(cooldowns.remaining(1)).isEmpty();
    assertThat(cooldowns.tryAcquire(1)).as("peeking did not start one").isEmpty();
    nanos.addAndGet(Duration.ofSeconds(20).toNanos());
    assertThat(cooldowns.remaining(1)).contains(Duration.ofSeconds(10));
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(cooldowns.remaining(1)).isEmpty();
    assertThat(new Cooldowns(Duration.ZERO, nanos::get).remaining(1)).isEmpty();
  }
}
