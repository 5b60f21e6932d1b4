package dev.takebot.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.store.Stores;
import dev.takebot.takes.TakeRepository;
import dev.takebot.testing.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Identify turns shared through PostgreSQL: each "process" has a store (connection pool) and a gate
 * of its own, as two bot processes on one database would.
 */
@DisplayName("Identify gate on PostgreSQL: one IDENTIFY per bucket per window, across processes")
class SharedIdentifyGateTest {
  private static final Duration WINDOW = Duration.ofMillis(400);
  private static final Duration LONG = Duration.ofMinutes(1);
  private static final Duration POLL = Duration.ofMillis(20);

  /**
   * The database stamps expiry in whole milliseconds, the test reads the JVM's clock: they may
   * round a millisecond or two apart.
   */
  private static final long CLOCK_SLACK_MILLIS = 5;

  @RegisterExtension static final PostgresServer postgres = new PostgresServer();
  private final List<TakeRepository> stores = new ArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @BeforeEach
  void emptyDatabase() throws Exception {
    postgres.emptySchema();
  }

  @AfterEach
  void close() {
    pool.shutdownNow();
    stores.forEach(TakeRepository::close);
  }

  /** A bot process's gate: its own connection pool, its own holder name. */
  private SharedIdentifyGate process(String name, Duration window, Duration allowance) {
    TakeRepository store = Stores.open(postgres.url(), "postgres", null);
    stores.add(store);
    return new SharedIdentifyGate(store, name, window, allowance, POLL);
  }

  /** When a turn was granted and when its IDENTIFY was reported, in epoch milliseconds. */
  private record Identify(String who, long granted, long identified) {}

  /** Waits for a turn in {@code bucket}, "connects" for 50 ms, then reports the IDENTIFY. */
  private Future<Identify> shard(SharedIdentifyGate gate, String who, int bucket) {
    return pool.submit(
        () -> {
          IdentifyGate.Turn turn = gate.await(bucket, () -> true).orElseThrow();
          long granted = System.currentTimeMillis();
          Thread.sleep(50);
          long identified = System.currentTimeMillis();
          assertThat(turn.identified()).as("turn of %s still held", who).isTrue();
          return new Identify(who, granted, identified);
        });
  }

  @Test
  @DisplayName(
      "two processes with two shards each in one bucket identify one after another, a window"
          + " apart")
  void contendingProcessesTakeTurns() throws Exception {
    SharedIdentifyGate a = process("a", WINDOW, LONG);
    SharedIdentifyGate b = process("b", WINDOW, LONG);
    List<Future<Identify>> shards =
        List.of(shard(a, "a0", 0), shard(a, "a2", 0), shard(b, "b0", 0), shard(b, "b2", 0));
    List<Identify> identifies = new ArrayList<>();
    for (Future<Identify> f : shards) {
      identifies.add(f.get(1, TimeUnit.MINUTES));
    }
    identifies.sort(Comparator.comparingLong(Identify::granted));
    for (int i = 1; i < identifies.size(); i++) {
      Identify before = identifies.get(i - 1);
      Identify next = identifies.get(i);
      assertThat(next.granted())
          .as("%s's turn came a window after %s identified", next.who(), before.who())
          .isGreaterThanOrEqualTo(before.identified() + WINDOW.toMillis() - CLOCK_SLACK_MILLIS);
    }
  }

  @Test
  @DisplayName("another bucket is not held up by a closed one")
  void bucketsAreIndependent() throws Exception {
    SharedIdentifyGate a = process("a", LONG, LONG);
    SharedIdentifyGate b = process("b", LONG, LONG);
    assertThat(a.await(0, () -> true).orElseThrow().identified()).isTrue();

    // bucket 0 is closed for a minute: b gives up on it after a few attempts ...
    AtomicInteger attempts = new AtomicInteger();
    assertThat(b.await(0, () -> attempts.incrementAndGet() <= 3)).isEmpty();
    assertThat(attempts).hasValue(4);
    // ... and gets bucket 1 at once
    Future<Optional<IdentifyGate.Turn>> other = pool.submit(() -> b.await(1, () -> true));
    assertThat(other.get(30, TimeUnit.SECONDS)).isPresent();
  }

  @Test
  @DisplayName(
      "a process that dies after taking its turn, before identifying, holds the bucket only for"
          + " the connect allowance")
  void aDeadProcessesTurnRunsOut() throws Exception {
    Duration allowance = Duration.ofMillis(300);
    SharedIdentifyGate dead = process("dead", LONG, allowance);
    SharedIdentifyGate next = process("next", LONG, LONG);
    long granted = System.currentTimeMillis();
    assertThat(dead.await(0, () -> true)).isPresent(); // and never reports an IDENTIFY

    Future<Optional<IdentifyGate.Turn>> turn = pool.submit(() -> next.await(0, () -> true));
    assertThat(turn.get(30, TimeUnit.SECONDS)).isPresent();
    assertThat(System.currentTimeMillis())
        .isGreaterThanOrEqualTo(granted + allowance.toMillis() - CLOCK_SLACK_MILLIS);
  }

  @Test
  @DisplayName("a turn reported after it ran out and was taken over says so")
  void aLateIdentifyIsReported() throws Exception {
    SharedIdentifyGate slow = process("slow", WINDOW, Duration.ofMillis(100));
    SharedIdentifyGate other = process("other", WINDOW, LONG);
    IdentifyGate.Turn late = slow.await(0, () -> true).orElseThrow();
    assertThat(pool.submit(() -> other.await(0, () -> true)).get(30, TimeUnit.SECONDS)).isPresent();
    assertThat(late.identified()).isFalse();
  }

  @Test
  @DisplayName("rejects a negative bucket and a window that is not positive")
  void validatesArguments() {
    SharedIdentifyGate gate = process("a", WINDOW, LONG);
    assertThatThrownBy(() -> gate.await(-1, () -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucket");
    assertThatThrownBy(() -> new SharedIdentifyGate(stores.get(0), "a", Duration.ZERO, LONG, POLL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window");
  }
}
