package dev.takebot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues Discord snowflakes whose timestamp part is the current time on the Discord epoch, strictly
 * increasing. JDA derives creation times (and an interaction hook's 15-minute expiry) from ids, so
 * they must be real.
 */
final class Snowflakes {
  /** 2015-01-01T00:00:00Z, the Discord epoch. */
  static final long DISCORD_EPOCH = 1_420_070_400_000L;

  private final Clock clock;
  private final AtomicLong last = new AtomicLong();
  private final AtomicLong backdated = new AtomicLong();

  Snowflakes(Clock clock) {
    this.clock = clock;
  }

  /** A new id, later than any issued before. */
  long nextLong() {
    long timeBased = (clock.millis() - DISCORD_EPOCH) << 22 | 1L << 17 | 1L << 12;
    return last.accumulateAndGet(timeBased, (prev, candidate) -> Math.max(prev + 1, candidate));
  }

  /**
   * A new id whose millisecond differs from every id issued before, so consecutive guilds land on
   * consecutive shards ({@code (id >> 22) % n}); may run a few milliseconds ahead of the clock.
   */
  String nextInNewMillisecond() {
    long timeBased = (clock.millis() - DISCORD_EPOCH) << 22 | 1L << 17 | 1L << 12;
    return Long.toUnsignedString(
        last.accumulateAndGet(
            timeBased, (prev, candidate) -> Math.max(((prev >>> 22) + 1) << 22, candidate)));
  }

  String next() {
    return Long.toUnsignedString(nextLong());
  }

  /**
   * An id minted {@code ago} before now, as Discord's id of something it created then and delivers
   * only now. Unique, but out of order: its worker bits (2) differ from {@link #next()}'s (1).
   */
  String minted(Duration ago) {
    long at = clock.millis() - ago.toMillis() - DISCORD_EPOCH;
    return Long.toUnsignedString(at << 22 | 2L << 17 | (backdated.incrementAndGet() & 0xFFF));
  }

  /** The instant a snowflake was minted. */
  static Instant timeOf(String id) {
    return Instant.ofEpochMilli((Long.parseUnsignedLong(id) >>> 22) + DISCORD_EPOCH);
  }
}
