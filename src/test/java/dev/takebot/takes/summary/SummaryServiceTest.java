package dev.takebot.takes.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.takebot.sentiment.Label;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SummaryService")
class SummaryServiceTest {
  private static final long POST = SeedDiscussion.POST;
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final AtomicInteger sampledReads = new AtomicInteger();
  private JdbcTakeStore store;
  private TakeRepository repo;
  private SummaryService service;

  @BeforeEach
  void openStore(@TempDir Path dir) {
    store = SeedDiscussion.store(dir);
    repo = TestStores.countingSampledReads(store, sampledReads);
    service =
        new SummaryService(
            repo,
            new DiscussionSummarizer(repo, DiscussionSummarizerTest.CLOCK),
            d -> java.util.Map.of(1005L, 3),
            ticker,
            Duration.ofMinutes(10),
            100);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private DiscussionSummary summary() {
    return service.summary(POST).orElseThrow().summary();
  }

  private static Take take(long id, Label label, double score, String text) {
    return new Take(
        id,
        POST,
        POST,
        id,
        "new" + id,
        text,
        Instant.parse("2026-02-01T13:00:00Z"),
        null,
        label,
        score,
        "t");
  }

  @Test
  @DisplayName("serves a repeated request from the cache without reading the takes again")
  void cacheHit() {
    RenderedSummary first = service.summary(POST).orElseThrow();
    RenderedSummary second = service.summary(POST).orElseThrow();
    assertThat(second).isSameAs(first);
    assertThat(sampledReads.get()).isEqualTo(1);
    assertThat(service.hits()).isEqualTo(1);
    assertThat(first.chartPng()).isPresent();
    assertThat(first.message().files()).hasSize(1);
    assertThat(first.summary().mostReacted())
        .get()
        .extracting(Representative::messageId)
        .isEqualTo(1005L);
  }

  @Test
  @DisplayName("knows nothing of an unknown discussion and does not cache the miss")
  void unknown() {
    assertThat(service.summary(4242)).isEmpty();
    assertThat(service.computations()).isZero();
  }

  @Test
  @DisplayName("recomputes after a take is added and the ingest path invalidates")
  void add() {
    assertThat(summary().takes()).isEqualTo(29);
    repo.insertTake(
        take(2001, Label.NEGATIVE, -0.9, "Russia and Wagner again, this is awful for Mali"));
    assertThat(summary().takes()).as("still cached until invalidated").isEqualTo(29);
    service.invalidate(POST);
    assertThat(summary().takes()).isEqualTo(30);
    assertThat(summary().byLabel().get(Label.NEGATIVE)).isEqualTo(11);
  }

  @Test
  @DisplayName("recomputes after an edit")
  void edit() {
    summary();
    repo.updateTake(
        1005,
        "Actually Russia and Wagner did keep some towns safe, I changed my mind",
        Instant.parse("2026-02-01T14:00:00Z"),
        Label.POSITIVE,
        0.4,
        "t");
    service.invalidate(POST);
    DiscussionSummary s = summary();
    assertThat(s.byLabel().get(Label.NEGATIVE)).isEqualTo(9);
    assertThat(s.byLabel().get(Label.POSITIVE)).isEqualTo(9);
    assertThat(s.mostReacted())
        .get()
        .extracting(Representative::text)
        .asString()
        .startsWith("Actually");
  }

  @Test
  @DisplayName("recomputes after a delete")
  void delete() {
    summary();
    repo.deleteTake(1001);
    service.invalidate(POST);
    assertThat(summary().takes()).isEqualTo(28);
  }

  @Test
  @DisplayName("recomputes after a moderator retags a take")
  void retag() {
    summary();
    repo.correctLabel(1018, Label.NEGATIVE, 77, Instant.parse("2026-02-01T15:00:00Z"));
    service.invalidate(POST);
    assertThat(summary().byLabel().get(Label.NEGATIVE)).isEqualTo(11);
    assertThat(summary().byLabel().get(Label.NEUTRAL)).isEqualTo(8);
  }

  @Test
  @DisplayName("expires an unchanged summary after its time to live, by the injected ticker")
  void expiry() {
    summary();
    nanos.addAndGet(Duration.ofMinutes(9).toNanos());
    summary();
    assertThat(sampledReads.get()).isEqualTo(1);
    nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    summary();
    assertThat(sampledReads.get()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "tells which way the tone moved since the previous summary, even across a mere expiry")
  void direction() {
    assertThat(summary().trend().direction()).isEqualTo(Trend.Direction.FIRST);
    for (long id : List.of(2001L, 2002L, 2003L, 2004L, 2005L)) {
      repo.insertTake(
          take(id, Label.NEGATIVE, -0.9, "Russia is a disaster for the Sahel, take " + id));
    }
    service.invalidate(POST);
    DiscussionSummary cooler = summary();
    assertThat(cooler.trend().direction()).isEqualTo(Trend.Direction.COOLER);
    assertThat(cooler.trend().newTakes()).isEqualTo(5);
    nanos.addAndGet(Duration.ofHours(1).toNanos());
    assertThat(summary().trend())
        .as("nothing changed: still compared with the summary before")
        .isEqualTo(cooler.trend());
  }

  @Test
  @DisplayName("invalidateAll drops every discussion")
  void invalidateAll() {
    summary();
    service.invalidateAll();
    summary();
    assertThat(sampledReads.get()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "Regression (#11): invalidate() returned only after an in-flight summary finished (273 ms on JDA's"
          + " event thread); now it returns while the computation is still blocked, and its outdated result is"
          + " never served to a later request")
  void invalidateNeverWaitsForAComputation() throws Exception {
    Duration wait = Duration.ofSeconds(15);
    AtomicReference<Map<Long, Integer>> reactions = new AtomicReference<>(Map.of(1005L, 3));
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger reads = new AtomicInteger();
    ReactionCounts slowFirstRead =
        d -> {
          Map<Long, Integer> read =
              reactions.get(); // what the first computation saw: the old counts
          if (reads.getAndIncrement() == 0) {
            computing.countDown();
            try {
              release.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return read;
        };
    SummaryService slow =
        new SummaryService(
            repo,
            new DiscussionSummarizer(repo, DiscussionSummarizerTest.CLOCK),
            slowFirstRead,
            ticker,
            Duration.ofMinutes(10),
            100);

    CompletableFuture<RenderedSummary> old =
        CompletableFuture.supplyAsync(() -> slow.summary(POST).orElseThrow());
    try {
      assertThat(computing.await(wait.toMillis(), TimeUnit.MILLISECONDS))
          .as("the first computation started")
          .isTrue();
      reactions.set(Map.of(1001L, 9)); // the change...
      Thread invalidating = new Thread(() -> slow.invalidate(POST), "invalidating");
      invalidating.start(); // ...announced while the old computation is still blocked
      invalidating.join(wait.toMillis());
      assertThat(invalidating.isAlive())
          .as("invalidate() returned while the computation was blocked")
          .isFalse();
      assertThat(release.getCount()).as("the computation is still blocked").isEqualTo(1);

      assertThat(slow.summary(POST).orElseThrow().summary().mostReacted())
          .get()
          .extracting(Representative::messageId)
          .isEqualTo(1001L);
    } finally {
      release.countDown();
    }
    assertThat(old.get(wait.toMillis(), TimeUnit.MILLISECONDS).summary().mostReacted())
        .get()
        .extracting(Representative::messageId)
        .as("the request that was waiting gets what it asked for")
        .isEqualTo(1005L);
    assertThat(slow.summary(POST).orElseThrow().summary().mostReacted())
        .get()
        .extracting(Representative::messageId)
        .as("the outdated result did not enter the cache")
        .isEqualTo(1001L);
    assertThat(reads.get()).isEqualTo(2);
  }
}
