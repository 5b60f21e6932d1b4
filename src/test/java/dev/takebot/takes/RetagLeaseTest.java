package dev.takebot.takes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.Label;
import dev.takebot.sentiment.Sentiment;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.store.Stores;
import dev.takebot.testing.PostgresServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two bot processes on one PostgreSQL database, each with its own store (connection pool), take
 * service and re-tagging job: the lease lets one re-tag at a time and the saved cursor lets the
 * other carry on.
 */
@DisplayName("Re-tagging across processes: one lease holder at a time, resuming from its cursor")
class RetagLeaseTest {
  private static final long GUILD = 1;
  private static final long POST = 100;
  private static final int TAKES = 1_000;
  private static final Duration TTL = Duration.ofMinutes(1);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  @RegisterExtension static final PostgresServer postgres = new PostgresServer();
  private final List<TakeRepository> stores = new ArrayList<>();

  /** Reads "good" as positive, anything else as negative; remembers every text it was asked. */
  private static class CountingAnalyzer implements SentimentAnalyzer {
    final Queue<String> analysed = new ConcurrentLinkedQueue<>();

    @Override
    public Sentiment analyze(String text) {
      analysed.add(text);
      return text.contains("good")
          ? new Sentiment(Label.POSITIVE, 0.6, List.of("good"))
          : new Sentiment(Label.NEGATIVE, -0.6, List.of());
    }

    @Override
    public String version() {
      return "v2";
    }
  }

  /** Holds its caller at the {@code stopAt}th take until it is interrupted (the process stops). */
  private static final class StoppingAnalyzer extends CountingAnalyzer {
    private final int stopAt;
    final CountDownLatch reached = new CountDownLatch(1);

    StoppingAnalyzer(int stopAt) {
      this.stopAt = stopAt;
    }

    @Override
    public Sentiment analyze(String text) {
      if (analysed.size() + 1 == stopAt) {
        reached.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // the job stops after this take
        }
      }
      return super.analyze(text);
    }
  }

  @BeforeEach
  void seed() throws Exception {
    postgres.emptySchema();
    TakeRepository store = process();
    store.saveDiscussion(new Discussion(POST, GUILD, 10, POST, "a", "A", CLOCK.instant()));
    List<Take> takes = new ArrayList<>();
    for (int i = 1; i <= TAKES; i++) {
      takes.add(
          new Take(
              i,
              POST,
              POST,
              i % 7,
              "m",
              "take " + i + (i % 3 == 0 ? " good" : " bad"),
              CLOCK.instant(),
              null,
              Label.NEUTRAL,
              0,
              "v1"));
    }
    store.insertTakes(takes);
  }

  @AfterEach
  void closeStores() {
    stores.forEach(TakeRepository::close);
  }

  /** A store of its own, as another bot process on the same database has. */
  private TakeRepository process() {
    TakeRepository store = Stores.open(postgres.url(), "postgres", null);
    stores.add(store);
    return store;
  }

  private RetagJob job(TakeRepository store, SentimentAnalyzer analyzer, String holder, int batch) {
    return new RetagJob(new TakeService(store, analyzer, CLOCK), batch, store, holder, TTL);
  }

  private void assertEveryTakeOnV2Once(List<CountingAnalyzer> analyzers) {
    List<String> all = new ArrayList<>();
    analyzers.forEach(a -> all.addAll(a.analysed));
    assertThat(all).as("analyser calls over both processes").hasSize(TAKES);
    assertThat(new HashSet<>(all)).as("distinct takes analysed").hasSize(TAKES);
    List<Take> stored = new ArrayList<>();
    stores.get(0).forEachTake(POST, stored::add);
    assertThat(stored)
        .hasSize(TAKES)
        .allSatisfy(t -> assertThat(t.analyzerVersion()).isEqualTo("v2"));
    assertThat(stored)
        .filteredOn(t -> t.text().contains("good"))
        .allSatisfy(t -> assertThat(t.label()).isEqualTo(Label.POSITIVE));
  }

  @Test
  @DisplayName(
      "given two processes asking at once, when one holds the lease, then the other defers and"
          + " every take is re-tagged exactly once")
  void twoProcessesRetagEveryTakeOnce() throws Exception {
    StoppingAnalyzer first = new StoppingAnalyzer(300);
    CountingAnalyzer second = new CountingAnalyzer();
    try (RetagJob a = job(process(), first, "process-a", 100);
        RetagJob b = job(process(), second, "process-b", 100)) {
      a.start();
      assertThat(first.reached.await(1, TimeUnit.MINUTES)).isTrue();

      RetagJob.Result meanwhile = b.run();

      assertThat(meanwhile.deferred()).as("b while a holds the lease").isTrue();
      assertThat(second.analysed).isEmpty();
      a.close(); // releases the lease after the take it was on
      RetagJob.Result after = b.run();
      assertThat(after.deferred()).isFalse();
      assertThat(after.retagged()).isEqualTo(TAKES - 300);
    }
    assertEveryTakeOnV2Once(List.of(first, second));
  }

  @Test
  @DisplayName(
      "given a process stopped mid-way, when another starts, then it resumes after the first's"
          + " saved cursor and no take is analysed twice")
  void stoppedProcessIsResumedFromItsCursor() throws Exception {
    StoppingAnalyzer first = new StoppingAnalyzer(450);
    CountingAnalyzer second = new CountingAnalyzer();
    TakeRepository storeA = process();
    try (RetagJob a = job(storeA, first, "process-a", 100)) {
      a.start();
      assertThat(first.reached.await(1, TimeUnit.MINUTES)).isTrue();
    } // close(): the process stops between two takes

    assertThat(storeA.cursor(RetagJob.LEASE)).as("saved where a stopped").contains("450 v2");
    try (RetagJob b = job(process(), second, "process-b", 100)) {
      assertThat(b.run().retagged()).isEqualTo(TAKES - 450);
    }
    assertThat(second.analysed).first().isEqualTo("take 451 bad");
    assertThat(storeA.cursor(RetagJob.LEASE)).as("cleared once the run went through").isEmpty();
    assertEveryTakeOnV2Once(List.of(first, second));
  }

  @Test
  @DisplayName(
      "given a process that died holding the lease, when the lease expires, then the next process"
          + " takes over after the dead one's cursor, and clears it once through")
  void deadHoldersLeaseExpiresAndItsCursorIsUsed() throws Exception {
    TakeRepository dead = process();
    assertThat(dead.tryAcquire(RetagJob.LEASE, "dead", Duration.ofMillis(300))).isTrue();
    // Its last saved progress; what it did is not under test, only that the next one trusts it.
    assertThat(dead.saveCursor(RetagJob.LEASE, "dead", "600 v2")).isTrue();
    CountingAnalyzer next = new CountingAnalyzer();

    try (RetagJob b = job(process(), next, "process-b", 100)) {
      RetagJob.Result r =
          Awaitility.await("the dead lease expires")
              .atMost(Duration.ofSeconds(30))
              .pollDelay(Duration.ZERO)
              .pollInterval(Duration.ofMillis(20))
              .until(b::run, result -> !result.deferred());

      assertThat(r.retagged()).isEqualTo(TAKES - 600);
      assertThat(next.analysed).first().isEqualTo("take 601 bad");
      assertThat(dead.cursor(RetagJob.LEASE)).isEmpty();
      assertThat(b.run().retagged()).as("the next run starts over").isEqualTo(600);
    }
    assertThat(dead.renew(RetagJob.LEASE, "dead", TTL)).isFalse();
    assertEveryTakeOnV2Once(List.of(next));
  }

  @Test
  @DisplayName("a cursor saved for another analyser is not progress for this one")
  void cursorOfAnotherAnalyserIsIgnored() {
    TakeRepository store = process();
    assertThat(store.tryAcquire(RetagJob.LEASE, "old", TTL)).isTrue();
    assertThat(store.saveCursor(RetagJob.LEASE, "old", "600 v1.5")).isTrue();
    store.release(RetagJob.LEASE, "old");
    CountingAnalyzer analyzer = new CountingAnalyzer();

    try (RetagJob job = job(store, analyzer, "process-b", 100)) {
      assertThat(job.run().retagged()).isEqualTo(TAKES);
    }
    assertEveryTakeOnV2Once(List.of(analyzer));
  }

  @Test
  @DisplayName(
      "given a batch that outlasts the lease's time to live, the holder renews within the batch and"
          + " keeps it")
  void slowBatchKeepsTheLease() {
    TakeRepository other = process();
    TakeRepository store = process();
    Duration ttl = Duration.ofMillis(600);
    List<Boolean> otherGotIt = new ArrayList<>();
    CountingAnalyzer slow =
        new CountingAnalyzer() {
          @Override
          public Sentiment analyze(String text) {
            try {
              Thread.sleep(2); // 1,000 takes in one batch: well over the lease's 600 ms
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            if (text.startsWith("take 900 ")) {
              otherGotIt.add(other.tryAcquire(RetagJob.LEASE, "process-b", TTL));
            }
            return super.analyze(text);
          }
        };

    try (RetagJob job =
        new RetagJob(new TakeService(store, slow, CLOCK), TAKES, store, "process-a", ttl)) {
      assertThat(job.run().retagged()).isEqualTo(TAKES);
    }

    assertThat(otherGotIt).as("another process asking late in the batch").containsExactly(false);
    assertEveryTakeOnV2Once(List.of(slow));
  }
}
