package dev.takebot.takes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.takebot.sentiment.Label;
import dev.takebot.sentiment.Sentiment;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("RetagJob: background re-tagging after an analyser upgrade, on the real SQLite store")
class RetagJobTest {
  private static final long GUILD = 1;
  private static final long POST = 100;
  private static final long OTHER_POST = 200;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private TakeRepository store;

  /** v1 reads everything as neutral; v2 reads "good" as positive and "bad" as negative. */
  private static class TwoVersionAnalyzer implements SentimentAnalyzer {
    private final String version;
    final AtomicInteger calls = new AtomicInteger();

    TwoVersionAnalyzer(String version) {
      this.version = version;
    }

    @Override
    public Sentiment analyze(String text) {
      calls.incrementAndGet();
      if (version.equals("v1")) {
        return Sentiment.neutral();
      }
      boolean good = text.contains("good");
      boolean bad = text.contains("bad");
      return good == bad
          ? Sentiment.neutral()
          : new Sentiment(
              good ? Label.POSITIVE : Label.NEGATIVE,
              good ? 0.6 : -0.6,
              List.of(good ? "good" : "bad"));
    }

    @Override
    public String version() {
      return version;
    }
  }

  @BeforeEach
  void open() {
    store = Stores.open("jdbc:sqlite:" + dir.resolve("takes.db"), null, null);
    store.saveDiscussion(new Discussion(POST, GUILD, 10, POST, "a", "A", CLOCK.instant()));
    store.saveDiscussion(
        new Discussion(OTHER_POST, GUILD, 10, OTHER_POST, "b", "B", CLOCK.instant()));
    TakeService v1 = new TakeService(store, new TwoVersionAnalyzer("v1"), CLOCK);
    for (int i = 1; i <= 303; i++) {
      v1.ingest(
          i,
          i % 2 == 0 ? POST : OTHER_POST,
          10,
          i % 7,
          "m" + (i % 7),
          i % 3 == 0 ? "a good move" : i % 3 == 1 ? "a bad move" : "a move",
          null);
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<Take> all(long post) {
    List<Take> out = new ArrayList<>();
    store.forEachTake(post, out::add);
    return out;
  }

  @Test
  @DisplayName(
      "given takes tagged by v1, when v2 starts, then every take carries v2's tag, corrections excepted")
  void retagsEverythingButCorrections() throws InterruptedException {
    TakeService v2 = new TakeService(store, new TwoVersionAnalyzer("v2"), CLOCK);
    v2.correct(3, Label.MIXED, 42); // "a good move", but a moderator says mixed
    List<Long> changed = new ArrayList<>();
    v2.addListener(changed::add);

    try (RetagJob job = new RetagJob(v2, 100)) {
      job.start();
      assertThat(job.awaitIdle(30, TimeUnit.SECONDS)).isTrue();
    }

    List<Take> takes = new ArrayList<>(all(POST));
    takes.addAll(all(OTHER_POST));
    assertThat(takes).hasSize(303);
    for (Take t : takes) {
      if (t.messageId() == 3) {
        assertThat(t.label()).isEqualTo(Label.MIXED);
        assertThat(t.analyzerVersion()).isEqualTo("moderator");
        continue;
      }
      Label expected =
          t.text().contains("good")
              ? Label.POSITIVE
              : t.text().contains("bad") ? Label.NEGATIVE : Label.NEUTRAL;
      assertThat(t.label()).as("take %d", t.messageId()).isEqualTo(expected);
      assertThat(t.analyzerVersion()).isEqualTo("v2");
    }
    // Stats are kept with the tags: 101 "good" (one corrected to mixed), 101 "bad", 101 plain.
    TakeStats a = store.stats(POST);
    TakeStats b = store.stats(OTHER_POST);
    assertThat(a.byLabel().get(Label.POSITIVE) + b.byLabel().get(Label.POSITIVE)).isEqualTo(100);
    assertThat(a.byLabel().get(Label.NEGATIVE) + b.byLabel().get(Label.NEGATIVE)).isEqualTo(101);
    assertThat(a.byLabel().get(Label.MIXED) + b.byLabel().get(Label.MIXED)).isEqualTo(1);
    // Both discussions were reported, so their cached summaries were dropped.
    assertThat(changed).contains(POST, OTHER_POST);
  }

  @Test
  @DisplayName(
      "given a run that stopped half way, when it runs again, then it resumes and skips finished takes")
  void resumesWhereItStopped() {
    TwoVersionAnalyzer analyzer = new TwoVersionAnalyzer("v2");
    TakeService v2 = new TakeService(store, analyzer, CLOCK);
    // Simulate an interrupted run: the first 150 takes were re-tagged before the process stopped.
    List<Take> firstPart = new ArrayList<>();
    store.forEachTakeWithVersionNot("v2", 0, 150, firstPart::add);
    firstPart.forEach(t -> store.retag(t.messageId(), t.text(), Label.NEUTRAL, 0, "v2"));

    int retagged;
    try (RetagJob job = new RetagJob(v2, 50)) {
      retagged = job.runNow();
    }

    assertThat(retagged).isEqualTo(153);
    assertThat(analyzer.calls).hasValue(153);
    assertThat(store.forEachTakeWithVersionNot("v2", 0, 10, t -> {})).isZero();
    try (RetagJob again = new RetagJob(v2, 50)) {
      assertThat(again.runNow()).as("nothing left on a second start").isZero();
    }
  }

  @Test
  @DisplayName("closing the job stops a run promptly and leaves no thread behind")
  void closeStops() {
    TwoVersionAnalyzer slow =
        new TwoVersionAnalyzer("v2") {
          @Override
          public Sentiment analyze(String text) {
            try {
              Thread.sleep(5);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.analyze(text);
          }
        };
    RetagJob job = new RetagJob(new TakeService(store, slow, CLOCK), 20);
    job.start();
    // stop it mid-run: once it has scored a take, about 150 more take 5 ms each
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> slow.calls.get() > 0);
    long start = System.nanoTime();
    job.close();

    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("takebot-retag") && t.isAlive());
    assertThat(store.forEachTakeWithVersionNot("v2", 0, 1_000, t -> {}))
        .as("some takes left for the next start")
        .isPositive();
  }

  /**
   * Regression: the job scored a batch, then wrote every tag unconditionally, so an edit landing in
   * between was left with the old text's tag at the new analyser version, and no later run
   * revisited it.
   */
  @Test
  @DisplayName(
      "given an edit landing between scoring and writing, the edited take keeps the tag of its new text")
  void editBetweenScoringAndWritingWins() throws Exception {
    CountDownLatch scored = new CountDownLatch(1);
    CountDownLatch edited = new CountDownLatch(1);
    AtomicBoolean armed = new AtomicBoolean(true);
    Thread[] retagThread = new Thread[1];
    // Take 3 reads "a good move"; the job stops right after scoring it until the test has edited
    // it.
    TwoVersionAnalyzer hooked =
        new TwoVersionAnalyzer("v2") {
          @Override
          public Sentiment analyze(String text) {
            Sentiment s = super.analyze(text);
            if (Thread.currentThread() == retagThread[0]
                && text.equals("a good move")
                && armed.getAndSet(false)) {
              scored.countDown();
              try {
                edited.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return s;
          }
        };
    TakeService v2 = new TakeService(store, hooked, CLOCK);

    int retagged;
    try (RetagJob job = new RetagJob(v2, 100)) {
      CompletableFuture<Integer> run =
          CompletableFuture.supplyAsync(
              () -> {
                retagThread[0] = Thread.currentThread();
                return job.runNow();
              },
              r -> new Thread(r, "retag-under-test").start());
      assertThat(scored.await(30, TimeUnit.SECONDS)).as("the job scored take 3").isTrue();
      assertThat(v2.edit(3, "a bad move after all", CLOCK.instant().plusSeconds(5))).isTrue();
      edited.countDown();
      retagged = run.get(30, TimeUnit.SECONDS);
    }

    Take t = store.findTake(3).orElseThrow();
    assertThat(t.text()).isEqualTo("a bad move after all");
    assertThat(t.label()).as("the new text's tag, from the edit").isEqualTo(Label.NEGATIVE);
    assertThat(t.analyzerVersion()).isEqualTo("v2");
    assertThat(retagged).as("every take but the edited one, which the edit tagged").isEqualTo(302);
    TakeStats a = store.stats(POST);
    TakeStats b = store.stats(OTHER_POST);
    assertThat(a.byLabel().get(Label.POSITIVE) + b.byLabel().get(Label.POSITIVE)).isEqualTo(100);
    assertThat(a.byLabel().get(Label.NEGATIVE) + b.byLabel().get(Label.NEGATIVE)).isEqualTo(102);
  }
}
