package dev.takebot.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.takebot.config.FeedSettings;
import dev.takebot.config.FetchSettings;
import dev.takebot.fetch.FetchException;
import dev.takebot.fetch.FixtureServer;
import dev.takebot.fetch.SafeFetcher;
import dev.takebot.fetch.Validators;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.store.Stores;
import dev.takebot.testing.MovableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Feed polling: conditional GET, jitter, backoff, bounded posts, never twice")
class FeedPollerTest {
  static final long GUILD = 2L << 22; // shard 0 of 1
  static final Set<Integer> SHARDS = Set.of(0);

  @TempDir Path dir;
  final FixtureServer server = new FixtureServer();
  final MovableClock clock = new MovableClock(Instant.parse("2026-02-10T12:00:00Z"));
  final List<String> items = new CopyOnWriteArrayList<>(); // newest first, as feeds list them
  final List<String> posted = new CopyOnWriteArrayList<>();
  final Map<String, Instant> dates = new ConcurrentHashMap<>(); // items dated, by guid
  volatile int status = 200;
  JdbcTakeStore store;
  SafeFetcher fetcher;
  FeedSettings settings = new FeedSettings(15, 120, 3, "newest", 2);

  @BeforeEach
  void start() {
    store = Stores.open("jdbc:sqlite:" + dir.resolve("takebot.db"), null, null);
    fetcher =
        new SafeFetcher(
            new FetchSettings(true, 2, 2, 5, null, null)); // the test server is on loopback
    server.route(
        "/feed.xml",
        ex -> {
          if (status != 200) {
            ex.sendResponseHeaders(status, -1);
            return;
          }
          String xml = rss(items, dates);
          String etag = "\"" + Integer.toHexString(xml.hashCode()) + "\"";
          ex.getResponseHeaders().add("ETag", etag);
          if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
          }
          FixtureServer.send(ex, 200, "application/rss+xml", xml.getBytes(StandardCharsets.UTF_8));
        });
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  static String rss(List<String> ids) {
    return rss(ids, Map.of());
  }

  static String rss(List<String> ids, Map<String, Instant> dates) {
    StringBuilder s =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test feed</title>");
    for (String id : ids) {
      String item = item(id, "Story " + id, "https://news.example.com/" + id);
      Instant date = dates.get(id);
      if (date != null) {
        item =
            item.replace(
                "</item>",
                "<pubDate>"
                    + DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atZone(ZoneOffset.UTC))
                    + "</pubDate></item>");
      }
      s.append(item);
    }
    return s.append("</channel></rss>").toString();
  }

  static String item(String guid, String title, String link) {
    return "<item><title>"
        + title
        + "</title><link>"
        + link
        + "</link><guid isPermaLink=\"false\">"
        + guid
        + "</guid><description>The text of the story, long enough to be a paragraph.</description>"
        + "</item>";
  }

  FeedService service() {
    return new FeedService(store.feeds(), fetcher, settings, clock, () -> 0.5);
  }

  FeedPoller poller() {
    return new FeedPoller(store.feeds(), fetcher, settings, clock, () -> 0.5);
  }

  int poll() {
    return poller().pollDue(1, SHARDS, (feed, item) -> posted.add(item.guid()));
  }

  Feed feed() {
    return store.feeds().feeds(GUILD).get(0);
  }

  @Test
  @DisplayName("adding a feed posts at most its newest item and remembers all the others")
  void addPostsOnlyTheNewest() {
    items.addAll(List.of("c", "b", "a"));

    FeedService.Added added = service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);

    assertThat(added.firstPost()).map(FeedItem::guid).contains("c");
    assertThat(added.feed().title()).isEqualTo("Test feed");
    clock.advance(Duration.ofHours(1));
    poll();
    assertThat(posted).as("a, b and c were there when it was added").isEmpty();
  }

  @Test
  @DisplayName("onAdd: none posts nothing when a feed is added")
  void addPostsNothingWhenConfigured() {
    settings = new FeedSettings(15, 120, 3, "none", 2);
    items.add("a");

    assertThat(service().add(GUILD, 0, server.url("/feed.xml"), 7, 0).firstPost()).isEmpty();
  }

  @Test
  @DisplayName(
      "a feed is read at its interval plus jitter, with a conditional GET; a new item posts once")
  void pollsAtItsIntervalConditionally() {
    items.add("a");
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    int asked = server.count("/feed.xml");

    clock.advance(Duration.ofMinutes(15)); // jitter 0.5 → due at 15 min 45 s
    assertThat(poll()).isZero();
    assertThat(server.count("/feed.xml")).isEqualTo(asked);

    clock.advance(Duration.ofSeconds(45));
    assertThat(poll()).isOne();
    assertThat(server.requests("/feed.xml").get(asked).header("If-None-Match")).isNotNull();
    assertThat(posted).isEmpty();
    assertThat(feed().nextPollAt()).isEqualTo(clock.instant().plusSeconds(15 * 60 + 45));

    items.add(0, "b");
    clock.advance(Duration.ofMinutes(16));
    poll();
    clock.advance(Duration.ofMinutes(16));
    poll();
    assertThat(posted).containsExactly("b");
  }

  @Test
  @DisplayName("a restart (a new poller on the reopened store) never reposts an item")
  void restartNeverReposts() {
    items.add("a");
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    items.add(0, "b");
    clock.advance(Duration.ofMinutes(20));
    poll();
    assertThat(posted).containsExactly("b");

    store.close();
    store = Stores.open("jdbc:sqlite:" + dir.resolve("takebot.db"), null, null);
    store
        .feeds()
        .recordPoll(
            feed().id(),
            dev.takebot.fetch.Validators.NONE,
            clock.instant(),
            clock.instant(),
            0,
            null);
    poll();

    assertThat(posted).containsExactly("b");
  }

  /** A "review first" feed, its review channel 99; its items [b, c] offered by {@code run}. */
  Feed reviewFeedOffered(FeedPoller run) {
    settings = new FeedSettings(15, 120, 3, "none", 2);
    items.add("a");
    service().add(GUILD, 0, 99, server.url("/feed.xml"), 7, 0);
    items.add(0, "b");
    items.add(0, "c");
    clock.advance(Duration.ofMinutes(20));
    poll(run);
    assertThat(posted).containsExactly("b", "c");
    posted.clear();
    return feed();
  }

  int poll(FeedPoller run) {
    return run.pollDue(1, SHARDS, (feed, item) -> posted.add(item.guid()));
  }

  /** Makes the feed due now. */
  void due() {
    store
        .feeds()
        .recordPoll(feed().id(), feed().validators(), clock.instant(), clock.instant(), 0, null);
  }

  @Test
  @DisplayName(
      "review first: after a restart, items offered and not decided are offered again once;"
          + " posted or cancelled ones never")
  void undecidedReviewsAreOfferedAgainAfterARestart() {
    FeedPoller before = poller();
    Feed feed = reviewFeedOffered(before);
    FeedItem b = item(feed, "b");
    before.decided(feed, b); // a moderator posted (or cancelled) b; c waits when the bot stops

    store.close();
    store = Stores.open("jdbc:sqlite:" + dir.resolve("takebot.db"), null, null);
    FeedPoller after = poller();
    due();
    poll(after);
    assertThat(posted).as("c offered again, b decided").containsExactly("c");
    assertThat(
            server.requests("/feed.xml").get(server.count("/feed.xml") - 1).header("If-None-Match"))
        .as("read in full, to rebuild the item")
        .isNull();

    clock.advance(Duration.ofMinutes(20));
    poll(after);
    assertThat(posted).as("not again while its new preview waits").containsExactly("c");

    after.decided(feed(), item(feed(), "c"));
    FeedPoller third = poller();
    clock.advance(Duration.ofMinutes(20));
    poll(third);
    assertThat(posted).as("decided: never again").containsExactly("c");
  }

  @Test
  @DisplayName("review first: an offer whose preview expired undecided is offered again")
  void expiredReviewsAreOfferedAgain() {
    FeedPoller run = poller();
    reviewFeedOffered(run);

    clock.advance(FeedPoller.REVIEW_LIFETIME.minusMinutes(30));
    due();
    poll(run);
    assertThat(posted).as("still waiting").isEmpty();

    clock.advance(Duration.ofMinutes(32));
    due();
    poll(run);
    assertThat(posted).containsExactly("b", "c");
  }

  @Test
  @DisplayName(
      "review first: the newest item offered when the feed is added is offered again after a"
          + " restart, and an item gone from the feed stops being waited for")
  void newestOfferedOnAddSurvivesARestart() {
    items.add("a");
    FeedService.Added added = service().add(GUILD, 0, 99, server.url("/feed.xml"), 7, 0);
    FeedPoller before = poller();
    before.offered(added.feed(), added.firstPost().orElseThrow());
    clock.advance(Duration.ofMinutes(5));
    poll(before);
    assertThat(posted).isEmpty();

    FeedPoller after = poller();
    due();
    poll(after);
    assertThat(posted).containsExactly("a");

    items.clear();
    items.add("z");
    FeedPoller third = poller();
    clock.advance(Duration.ofMinutes(20));
    poll(third);
    clock.advance(Duration.ofMinutes(20));
    poll(third);
    assertThat(posted)
        .as("a left the feed undecided: it is not waited for")
        .containsExactly("a", "z");
    assertThat(store.feeds().undecided(feed().id(), 0, clock.instant()))
        .extracting(FeedStore.SeenItem::key)
        .containsExactly("z");
  }

  @Test
  @DisplayName("review first: a failed offer is offered again at the next poll")
  void failedOfferIsRetried() {
    FeedPoller run = poller();
    reviewFeedOffered(run);
    FeedPoller after = poller();
    due();
    after.pollDue(
        1,
        SHARDS,
        (feed, item) -> {
          throw new IllegalStateException("the review channel is gone");
        });
    assertThat(posted).isEmpty();

    due();
    poll(after);
    assertThat(posted).containsExactly("b", "c");
  }

  FeedItem item(Feed feed, String guid) {
    return FeedReader.read(
            rss(List.of(guid)).getBytes(StandardCharsets.UTF_8), "application/rss+xml")
        .items()
        .get(0);
  }

  @Test
  @DisplayName("an edited item or one whose guid changed is not posted again")
  void editsAndNewGuidsAreNotReposted() {
    items.add("a");
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    server.route(
        "/feed.xml",
        ex ->
            FixtureServer.send(
                ex,
                200,
                "application/rss+xml",
                ("<rss version=\"2.0\"><channel><title>T</title>"
                        + item("a-regenerated-guid", "Story a", "https://news.example.com/a")
                        + "</channel></rss>")
                    .getBytes(StandardCharsets.UTF_8)));
    clock.advance(Duration.ofMinutes(20));
    poll();

    assertThat(posted).isEmpty();
  }

  @Test
  @DisplayName(
      "forgetting old items never reposts: what the feed still lists stays remembered through"
          + " months of 'not modified', and an item forgotten after it left is not new when back")
  void forgettingNeverReposts() {
    settings = new FeedSettings(15, 120, 3, "none", 2, 30, 1);
    items.addAll(List.of("c", "b", "a"));
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    long feedId = feed().id();

    // Months of "not modified": a, b and c were seen long ago but are still listed.
    for (int month = 0; month < 4; month++) {
      clock.advance(Duration.ofDays(31));
      due();
      poll();
    }
    assertThat(store.feeds().seen(feedId, "a", "x")).isTrue();
    items.add(0, "d");
    clock.advance(Duration.ofDays(1));
    due();
    poll();
    assertThat(posted)
        .as("only the new item, none of the still listed old ones")
        .containsExactly("d");

    // "a" leaves the feed; 31 days later it is forgotten, the listed ones are not.
    dates.put("a", clock.instant());
    items.remove("a");
    clock.advance(Duration.ofDays(1));
    due();
    poll();
    clock.advance(Duration.ofDays(31));
    due();
    poll();
    assertThat(store.feeds().seen(feedId, "a", "x")).as("forgotten").isFalse();
    assertThat(store.feeds().seen(feedId, "b", "x")).isTrue();

    // Back in the feed, "a" is older than what is remembered: not posted; a new dated item is.
    items.add("a");
    dates.put("e", clock.instant());
    items.add(0, "e");
    clock.advance(Duration.ofHours(1));
    due();
    poll();
    assertThat(posted).containsExactly("d", "e");
  }

  @Test
  @Timeout(30)
  @DisplayName(
      "a feed that hangs delays only its own server: another server's feed is read and posted"
          + " meanwhile, and each server's feeds are still read one after the other")
  void hangingFeedDelaysOnlyItsServer() throws Exception {
    long otherGuild = 3L << 22;
    fetcher = new SafeFetcher(new FetchSettings(true, 2, 30, 30, null, null)); // a 30 s budget
    CountDownLatch release = new CountDownLatch(1);
    List<String> read = new CopyOnWriteArrayList<>();
    String stuck = rss(List.of("s1"));
    server.route(
        "/stuck.xml",
        ex -> {
          if (read.add("stuck") && read.stream().filter("stuck"::equals).count() > 1) {
            try {
              release.await(30, TimeUnit.SECONDS); // hangs until the test lets it go
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          FixtureServer.send(
              ex, 200, "application/rss+xml", stuck.getBytes(StandardCharsets.UTF_8));
        });
    service().add(GUILD, 0, server.url("/stuck.xml"), 7, 0); // read once, not stuck
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0); // the same server's second feed
    service().add(otherGuild, 0, server.url("/feed.xml"), 7, 0);
    items.add("n1");
    // Due in this order: the stuck feed, its server's other feed, the other server's feed (read
    // in turn, it would wait for the stuck one).
    List<Feed> inOrder =
        List.of(
            store.feeds().feed(GUILD, server.url("/stuck.xml")).orElseThrow(),
            store.feeds().feed(GUILD, server.url("/feed.xml")).orElseThrow(),
            store.feeds().feeds(otherGuild).get(0));
    for (int i = 0; i < inOrder.size(); i++) {
      Instant due = clock.instant().plusMillis(i);
      store.feeds().recordPoll(inOrder.get(i).id(), Validators.NONE, due, due, 0, null);
    }
    clock.advance(Duration.ofSeconds(1));
    ExecutorService workers = Executors.newFixedThreadPool(2);
    List<String> where = new CopyOnWriteArrayList<>();
    try {
      FeedPoller parallel =
          new FeedPoller(store.feeds(), fetcher, settings, clock, () -> 0.5, workers);
      CompletableFuture<Integer> polling =
          CompletableFuture.supplyAsync(
              () ->
                  parallel.pollDue(
                      1, SHARDS, (feed, item) -> where.add(feed.guildId() + ":" + item.guid())));

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(where).contains(otherGuild + ":n1"));
      assertThat(polling).as("the stuck feed still hangs").isNotDone();
      assertThat(where)
          .as("the stuck feed's server waits for it before its next feed")
          .doesNotContain(GUILD + ":n1");

      release.countDown();
      assertThat(polling.get(20, TimeUnit.SECONDS)).isEqualTo(3);
      assertThat(where).containsExactlyInAnyOrder(otherGuild + ":n1", GUILD + ":n1");
    } finally {
      release.countDown();
      workers.shutdownNow();
    }
  }

  @Test
  @Timeout(30)
  @DisplayName(
      "a server whose feed hangs holds no tick past its patience: the next ticks read the other"
          + " servers' feeds again, and never the hanging server's while its read goes on")
  void hangingServerDoesNotHoldTheNextTicks() throws Exception {
    long otherGuild = 3L << 22;
    fetcher = new SafeFetcher(new FetchSettings(true, 2, 30, 30, null, null)); // a 30 s budget
    CountDownLatch release = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger stuckReads =
        new java.util.concurrent.atomic.AtomicInteger();
    String stuck = rss(List.of("s1"));
    server.route(
        "/stuck.xml",
        ex -> {
          if (stuckReads.incrementAndGet() > 1) { // the first read is the add's
            try {
              release.await(30, TimeUnit.SECONDS); // hangs until the test lets it go
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          FixtureServer.send(
              ex, 200, "application/rss+xml", stuck.getBytes(StandardCharsets.UTF_8));
        });
    service().add(GUILD, 0, server.url("/stuck.xml"), 7, 0);
    service().add(otherGuild, 0, server.url("/feed.xml"), 7, 0);
    ExecutorService workers = Executors.newFixedThreadPool(2);
    List<String> where = new CopyOnWriteArrayList<>();
    FeedPoller.Publisher publisher = (feed, item) -> where.add(feed.guildId() + ":" + item.guid());
    try {
      FeedPoller ticks =
          new FeedPoller(
              store.feeds(), fetcher, settings, clock, () -> 0.5, workers, Duration.ZERO);
      items.add("n1");
      clock.advance(Duration.ofMinutes(20));

      assertThat(ticks.pollDue(1, SHARDS, publisher)).as("returns without waiting").isEqualTo(2);
      await().atMost(Duration.ofSeconds(10)).until(() -> where.contains(otherGuild + ":n1"));
      await().atMost(Duration.ofSeconds(10)).until(() -> stuckReads.get() == 2);

      // Both feeds are due again; the hanging one's read still goes on.
      items.add(0, "n2");
      clock.advance(Duration.ofMinutes(20));
      assertThat(ticks.pollDue(1, SHARDS, publisher)).as("only the other server's").isOne();
      await().atMost(Duration.ofSeconds(10)).until(() -> where.contains(otherGuild + ":n2"));
      assertThat(stuckReads).as("never read twice at once").hasValue(2);

      // Once its read ended, a later tick reads it again.
      release.countDown();
      clock.advance(Duration.ofMinutes(20));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                ticks.pollDue(1, SHARDS, publisher);
                return stuckReads.get() == 3;
              });
    } finally {
      release.countDown();
      workers.shutdown(); // the reads end before the store closes
      assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  @DisplayName("50 new items at once: at most 2 per poll, oldest first, each exactly once")
  void floodIsBounded() {
    items.add("old");
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    for (int i = 1; i <= 50; i++) {
      items.add(0, "n" + i);
    }

    List<Integer> perPoll = new ArrayList<>();
    for (int p = 0; p < 30; p++) {
      clock.advance(Duration.ofMinutes(20));
      int before = posted.size();
      poll();
      perPoll.add(posted.size() - before);
    }

    assertThat(perPoll).allMatch(n -> n <= 2);
    assertThat(posted).hasSize(50).doesNotHaveDuplicates();
    assertThat(posted.subList(0, 4)).containsExactly("n1", "n2", "n3", "n4");
  }

  @Test
  @DisplayName("errors back off exponentially up to the cap, with the reason kept; success resets")
  void backoff() {
    items.add("a");
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    status = 500;

    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clock.set(feed().nextPollAt());
      poll();
      waits.add(Duration.between(clock.instant(), feed().nextPollAt()));
    }

    assertThat(waits)
        .containsExactly(
            Duration.ofMinutes(30),
            Duration.ofMinutes(60),
            Duration.ofMinutes(120),
            Duration.ofMinutes(120),
            Duration.ofMinutes(120));
    assertThat(feed().failures()).isEqualTo(5);
    assertThat(storedError()).isEqualTo("the site answered HTTP 500");

    status = 200;
    clock.set(feed().nextPollAt());
    poll();
    assertThat(feed().failures()).isZero();
    assertThat(feed().lastError()).isNull();
  }

  @Test
  @DisplayName("a post that fails is forgotten and tried again at the next poll")
  void failedPostIsRetried() {
    items.add("a");
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    items.add(0, "b");
    clock.advance(Duration.ofMinutes(20));
    poller()
        .pollDue(
            1,
            SHARDS,
            (feed, item) -> {
              throw new IllegalStateException("the channel is gone");
            });
    // An exception that is no phrase is a library's or a bug's English: moderators get ours.
    assertThat(storedError()).isEqualTo("posting failed: something went wrong on my side");

    clock.set(feed().nextPollAt());
    poll();
    assertThat(posted).containsExactly("b");
  }

  @Test
  @DisplayName("a feed paused while it is being read posts nothing, and its items wait for resume")
  void pausedWhileReadPostsNothing() {
    items.add("a");
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    items.add(0, "b");
    clock.advance(Duration.ofMinutes(20));
    long id = feed().id();
    java.util.concurrent.atomic.AtomicBoolean pausedOnce =
        new java.util.concurrent.atomic.AtomicBoolean();
    // The moderator's /feed pause lands while the site is answering.
    server.route(
        "/feed.xml",
        ex -> {
          if (pausedOnce.compareAndSet(false, true)) {
            store.feeds().setPaused(GUILD, id, true);
          }
          FixtureServer.send(
              ex, 200, "application/rss+xml", rss(items).getBytes(StandardCharsets.UTF_8));
        });

    poll();

    assertThat(posted).isEmpty();
    store.feeds().setPaused(GUILD, id, false);
    clock.advance(Duration.ofHours(1));
    poll();
    assertThat(posted).containsExactly("b");
  }

  @Test
  @DisplayName(
      "a feed paused or removed while its new items are being posted posts no further item: the"
          + " rest waits for resume (paused) or is never posted (removed)")
  void pausedOrRemovedBetweenTwoPostsStops() {
    settings = new FeedSettings(15, 120, 3, "none", 3);
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    items.addAll(List.of("c", "b", "a"));
    clock.advance(Duration.ofMinutes(20));
    long id = feed().id();
    // The moderator's /feed pause lands while the first new item is being posted.
    poller()
        .pollDue(
            1,
            SHARDS,
            (feed, item) -> {
              posted.add(item.guid());
              store.feeds().setPaused(GUILD, id, true);
            });
    assertThat(posted).containsExactly("a");

    store.feeds().setPaused(GUILD, id, false);
    clock.advance(Duration.ofHours(1));
    poller()
        .pollDue(
            1,
            SHARDS,
            (feed, item) -> {
              posted.add(item.guid());
              store.feeds().removeFeed(GUILD, id);
            });
    assertThat(posted).containsExactly("a", "b");
  }

  @Test
  @Timeout(30)
  @DisplayName(
      "a read cut short because the bot is stopping records no error and no backoff: after the"
          + " restart the feed is read on time, with no failure shown in /feed list")
  void stoppingWhileReadingRecordsNoFailure() throws Exception {
    items.add("a");
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    items.add(0, "b");
    clock.advance(Duration.ofMinutes(20));
    Instant due = feed().nextPollAt();
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    // A name lookup the stop interrupts (a total budget of 30 s: the stop, not the budget, ends
    // it).
    SafeFetcher slowName =
        new SafeFetcher(
            new FetchSettings(true, 2, 2, 30, null, null),
            dev.takebot.fetch.AddressPolicy.any(),
            host -> {
              asked.countDown();
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new java.net.UnknownHostException(host);
            });
    FeedPoller stopping = new FeedPoller(store.feeds(), slowName, settings, clock, () -> 0.5);
    Thread reader =
        new Thread(() -> stopping.pollDue(1, SHARDS, (feed, item) -> posted.add(item.guid())));
    try {
      reader.start();
      assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
      reader.interrupt(); // what stopping the routines does to the threads reading feeds
      reader.join(10_000);
      assertThat(reader.isAlive()).isFalse();
    } finally {
      never.countDown();
    }

    assertThat(posted).isEmpty();
    assertThat(feed().lastError()).isNull();
    assertThat(feed().failures()).isZero();
    assertThat(feed().nextPollAt()).isEqualTo(due);
  }

  @Test
  @Timeout(30)
  @DisplayName(
      "a read cut short by the stop while the site is still sending records no failure either")
  void stoppingWhileTheSiteAnswersRecordsNoFailure() throws Exception {
    items.add("a");
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    clock.advance(Duration.ofMinutes(20));
    Instant due = feed().nextPollAt();
    server.slow("/feed.xml", "application/rss+xml", 50); // a site that drips its answer for ever
    SafeFetcher patient = new SafeFetcher(new FetchSettings(true, 2, 5, 30, null, null));
    FeedPoller stopping = new FeedPoller(store.feeds(), patient, settings, clock, () -> 0.5);
    int before = server.count("/feed.xml");
    Thread reader =
        new Thread(() -> stopping.pollDue(1, SHARDS, (feed, item) -> posted.add(item.guid())));
    reader.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.count("/feed.xml") > before);
    reader.interrupt();
    reader.join(10_000);
    assertThat(reader.isAlive()).isFalse();

    assertThat(feed().lastError()).isNull();
    assertThat(feed().failures()).isZero();
    assertThat(feed().nextPollAt()).isEqualTo(due);
  }

  @Test
  @DisplayName(
      "a feed of a server the bot is no longer in is not read: its site is not asked, the reason is"
          + " kept and it backs off")
  void feedOfALeftServerIsNotRead() {
    items.add("a");
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    int reads = server.count("/feed.xml");
    clock.advance(Duration.ofMinutes(20));
    FeedPoller.Publisher gone =
        new FeedPoller.Publisher() {
          @Override
          public void publish(Feed feed, FeedItem item) {
            throw new AssertionError("nothing to post in a server the bot left");
          }

          @Override
          public boolean serves(Feed feed) {
            return false;
          }
        };

    assertThat(poller().pollDue(1, SHARDS, gone)).isOne();

    assertThat(server.count("/feed.xml")).isEqualTo(reads);
    assertThat(storedError()).isEqualTo("the bot is not in that server any more");
    assertThat(feed().failures()).isOne();
    assertThat(Duration.between(clock.instant(), feed().nextPollAt()))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  @DisplayName("only feeds of servers on this process's shards are polled")
  void onlyOwnShards() {
    items.add("a");
    service().add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    clock.advance(Duration.ofMinutes(20));

    assertThat(poller().pollDue(2, Set.of(1), (f, i) -> {})).isZero();
    assertThat(poller().pollDue(2, Set.of(0), (f, i) -> {})).isOne();
  }

  @Test
  @DisplayName("the per-server cap, a feed followed twice and a page that is no feed are refused")
  void refusals() {
    items.add("a");
    FeedService service = service();
    service.add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    server.fixture("/atom.xml", "application/atom+xml", "atom.xml");
    server.fixture("/yt.xml", "application/atom+xml", "youtube.xml");
    server.text("/page", "text/html", "<html><body><p>No feed here.</p></body></html>");

    assertThatThrownBy(() -> service.add(GUILD, 0, server.url("/feed.xml"), 7, 0))
        .isInstanceOf(FeedRefusal.class)
        .hasMessage("this server already follows that feed");
    assertThatThrownBy(() -> service.add(GUILD, 0, server.url("/page"), 7, 0))
        .isInstanceOf(FeedFormatException.class)
        .hasMessage("that page is not a feed and names none");
    assertThatThrownBy(() -> service.add(GUILD, 0, server.url("/missing"), 7, 0))
        .isInstanceOf(FetchException.class)
        .hasMessage("the site answered HTTP 404");
    service.add(GUILD, 0, server.url("/atom.xml"), 7, 0);
    service.add(GUILD, 0, server.url("/yt.xml"), 7, 0);
    assertThatThrownBy(() -> service.add(GUILD, 0, server.url("/other.xml"), 7, 0))
        .isInstanceOf(FeedRefusal.class)
        .hasMessage("this server already follows 3 feeds, the most it may: remove one first");
  }

  @Test
  @DisplayName("two moderators adding feeds at once cannot pass the per-server cap between them")
  void concurrentAddsKeepTheCap() throws Exception {
    items.add("a");
    FeedService service = service();
    service.add(GUILD, 0, server.url("/feed.xml"), 7, 0);
    server.fixture("/atom.xml", "application/atom+xml", "atom.xml");
    service.add(GUILD, 0, server.url("/atom.xml"), 7, 0);
    // Both reads are held until both have started: each add has counted 2 of 3 feeds by then.
    java.util.concurrent.CyclicBarrier bothReading = new java.util.concurrent.CyclicBarrier(2);
    for (String path : List.of("/one.xml", "/two.xml")) {
      server.route(
          path,
          ex -> {
            try {
              bothReading.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new java.io.IOException(e);
            }
            FixtureServer.send(
                ex,
                200,
                "application/rss+xml",
                rss(List.of(path)).getBytes(StandardCharsets.UTF_8));
          });
    }
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<?>> adds = new ArrayList<>();
      for (String path : List.of("/one.xml", "/two.xml")) {
        adds.add(two.submit(() -> service.add(GUILD, 0, server.url(path), 7, 0)));
      }
      int refused = 0;
      for (java.util.concurrent.Future<?> f : adds) {
        try {
          f.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause())
              .isInstanceOf(FeedRefusal.class)
              .hasMessage("this server already follows 3 feeds, the most it may: remove one first");
          refused++;
        }
      }
      assertThat(refused).isOne();
      assertThat(store.feeds().feeds(GUILD)).hasSize(3);
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "a feed whose site redirects to an address longer than the store keeps (2048) is refused")
  void overlongAddressAfterRedirectRefused() {
    items.add("a");
    server.redirect("/moved", 302, server.url("/feed.xml?pad=" + "a".repeat(2100)));

    assertThatThrownBy(() -> service().add(GUILD, 0, server.url("/moved"), 7, 0))
        .isInstanceOf(FeedRefusal.class)
        .hasMessage("that feed's address is longer than 2048 characters");
    assertThat(store.feeds().feeds(GUILD)).isEmpty();
  }

  @Test
  @DisplayName("a page that names its feed leads to the feed")
  void discovery() {
    items.add("a");
    server.text(
        "/",
        "text/html",
        "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">"
            + "</head><body></body></html>");

    assertThat(service().add(GUILD, 0, server.url("/"), 7, 0).feed().url())
        .isEqualTo(server.url("/feed.xml"));
  }

  /** The stored error in English: it is stored as a phrase, worded for each reader. */
  private String storedError() {
    return dev.takebot.i18n.Phrase.decode(feed().lastError()).orElseThrow().english();
  }
}
