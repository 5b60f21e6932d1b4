package dev.takebot.takes.summary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * A per-member cooldown: after one request a member must wait {@code cooldown} before the next one
 * is allowed. Entries expire on their own, so memory holds only members who asked recently. A zero
 * cooldown (config {@code takes.summaryCooldownSeconds: 0}) lets every request through.
 * Thread-safe.
 */
public final class Cooldowns {
  /** Default wait between two summaries asked by the same member. */
  public static final Duration DEFAULT = Duration.ofSeconds(30);

  private final Cache<Long, Long> lastRequest;
  private final Ticker ticker;
  private final long cooldownNanos;

  public Cooldowns(Duration cooldown) {
    this(cooldown, Ticker.systemTicker());
  }

  public Cooldowns(Duration cooldown, Ticker ticker) {
    if (cooldown.isNegative()) {
      throw new IllegalArgumentException("cooldown must be zero (none) or positive: " + cooldown);
    }
    this.ticker = ticker;
    this.cooldownNanos = cooldown.toNanos();
    this.lastRequest =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(cooldown)
            .executor(Runnable::run)
            .build();
  }

  /**
   * Lets the member go ahead and starts their cooldown, or tells how long they must still wait.
   *
   * @return empty when allowed; otherwise the time left (the cooldown is not restarted)
   */
  public Optional<Duration> tryAcquire(long memberId) {
    if (cooldownNanos == 0) {
      return Optional.empty();
    }
    long now = ticker.read();
    boolean[] allowed = {false};
    long since =
        lastRequest
            .asMap()
            .computeIfAbsent(
                memberId,
                id -> {
                  allowed[0] = true;
                  return now;
                });
    if (allowed[0]) {
      return Optional.empty();
    }
    long left = cooldownNanos - (now - since);
    return Optional.of(Duration.ofNanos(Math.max(1, left)));
  }

  /**
   * How long the member must still wait, without starting a cooldown (to refuse early, before the
   * request that will {@link #tryAcquire} it).
   */
  public Optional<Duration> remaining(long memberId) {
    if (cooldownNanos == 0) {
      return Optional.empty();
    }
    Long since = lastRequest.getIfPresent(memberId);
    if (since == null) {
      return Optional.empty();
    }
    long left = cooldownNanos - (ticker.read() - since);
    return left > 0 ? Optional.of(Duration.ofNanos(left)) : Optional.empty();
  }

  /** Lifts a member's cooldown, e.g. when their request failed and should not count. */
  public void release(long memberId) {
    lastRequest.invalidate(memberId);
  }
}
