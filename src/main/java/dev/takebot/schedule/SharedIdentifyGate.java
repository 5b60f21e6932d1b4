package dev.takebot.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link IdentifyGate} whose turns are {@link Leases} in the shared database, one lease per
 * bucket ({@code identify-<bucket>}): taking a turn is taking the lease, which only succeeds once
 * it has expired, and {@link Turn#identified()} sets it to expire one window later. Expiry follows
 * the database's clock, so processes agree on it whatever their own clocks say.
 *
 * <p>Every turn has a holder of its own (this process's name and a counter): a lease renews for its
 * own holder, and two shards of one process in one bucket must wait for each other too. A process
 * that dies between taking a turn and identifying blocks the bucket for the {@code
 * connectAllowance} at most; one that dies afterwards, for the window, as on Discord.
 *
 * <p>Waiting is polling: the lease API says whether a turn was taken, not when the next one comes,
 * and start-up is the only time shards queue for long. Thread-safe.
 */
public final class SharedIdentifyGate implements IdentifyGate {
  private static final Logger log = LoggerFactory.getLogger(SharedIdentifyGate.class);

  /** Discord's: one IDENTIFY per bucket per 5 s. */
  public static final Duration DISCORD_WINDOW = Duration.ofSeconds(5);

  /**
   * How long a turn may take from being granted to {@link Turn#identified()}: a gateway connect and
   * the READY that follows. Longer holds the bucket up only when a process dies while connecting.
   */
  public static final Duration CONNECT_ALLOWANCE = Duration.ofSeconds(20);

  static final Duration POLL = Duration.ofMillis(200);

  private final Leases leases;
  private final String holder;
  private final Duration window;
  private final Duration connectAllowance;
  private final Duration poll;
  private final AtomicLong turns = new AtomicLong();

  /** Discord's window, for this process. */
  public SharedIdentifyGate(Leases leases) {
    this(leases, Leases.processHolder(), DISCORD_WINDOW, CONNECT_ALLOWANCE, POLL);
  }

  /**
   * @param holder this process's name in the lease table
   * @param window how long a bucket stays closed after an IDENTIFY
   * @param connectAllowance how long a turn holds its bucket before it has identified
   * @param poll how long to wait between two attempts at a closed bucket
   */
  public SharedIdentifyGate(
      Leases leases, String holder, Duration window, Duration connectAllowance, Duration poll) {
    this.leases = Objects.requireNonNull(leases, "leases");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.window = positive(window, "window");
    this.connectAllowance = positive(connectAllowance, "connectAllowance");
    this.poll = positive(poll, "poll");
  }

  /** The lease that holds {@code bucket}'s turns. */
  static String leaseName(int bucket) {
    return "identify-" + bucket;
  }

  @Override
  public Optional<Turn> await(int bucket, BooleanSupplier wanted) throws InterruptedException {
    if (bucket < 0) {
      throw new IllegalArgumentException("bucket must not be negative, got " + bucket);
    }
    String name = leaseName(bucket);
    String turn = holder + "#" + turns.incrementAndGet();
    boolean failing = false;
    while (wanted.getAsBoolean()) {
      try {
        if (leases.tryAcquire(name, turn, connectAllowance)) {
          return Optional.of(() -> identified(name, turn));
        }
        failing = false;
      } catch (RuntimeException e) {
        // The database is away for a moment: the shard waits, as it would for a closed bucket.
        if (!failing) {
          log.warn("Could not ask the database for an identify turn in bucket {}", bucket, e);
        }
        failing = true;
      }
      Thread.sleep(poll.toMillis());
    }
    return Optional.empty();
  }

  private boolean identified(String name, String turn) {
    try {
      if (leases.renew(name, turn, window)) {
        return true;
      }
      log.warn(
          "An identify took longer than {} to connect; another process may have identified in"
              + " the same window",
          connectAllowance);
      return false;
    } catch (RuntimeException e) {
      // The turn expires by itself after the connect allowance, which is longer than the window.
      log.warn("Could not record an identify in the database", e);
      return false;
    }
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
    return d;
  }
}
