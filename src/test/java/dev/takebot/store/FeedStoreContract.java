package dev.takebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.feed.Feed;
import dev.takebot.feed.FeedStore;
import dev.takebot.feed.FeedStore.SeenItem;
import dev.takebot.fetch.Validators;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What both engines must do for feeds (migration V10). */
abstract class FeedStoreContract {
  /** A guild on shard 0 of 2 and one on shard 1: (id >> 22) % 2. */
  static final long GUILD_SHARD0 = 2L << 22;

  static final long GUILD_SHARD1 = 3L << 22;
  static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

  JdbcTakeStore store;
  FeedStore feeds;

  abstract JdbcTakeStore openEmpty() throws Exception;

  abstract JdbcTakeStore reopen() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openEmpty();
    feeds = store.feeds();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Feed feed(long id, long guild, String url, Instant next) {
    return new Feed(
        id, guild, 0, 0, url, "Feed " + id, 7, T0, 15, false, Validators.NONE, next, 0, null, null);
  }

  @Test
  @DisplayName("a feed is added once per server and URL, and listed oldest first")
  void addAndList() {
    assertThat(feeds.addFeed(feed(1, GUILD_SHARD0, "https://a.example/rss", T0))).isTrue();
    assertThat(feeds.addFeed(feed(2, GUILD_SHARD0, "https://a.example/rss", T0))).isFalse();
    assertThat(feeds.addFeed(feed(3, GUILD_SHARD1, "https://a.example/rss", T0))).isTrue();

    assertThat(feeds.feeds(GUILD_SHARD0)).extracting(Feed::id).containsExactly(1L);
    assertThat(feeds.feed(GUILD_SHARD1, "https://a.example/rss")).isPresent();
  }

  @Test
  @DisplayName("due feeds: not paused, due by now, of this process's shards only")
  void dueFeeds() {
    feeds.addFeed(feed(1, GUILD_SHARD0, "https://a.example/1", T0));
    feeds.addFeed(feed(2, GUILD_SHARD0, "https://a.example/2", T0.plusSeconds(60)));
    feeds.addFeed(feed(3, GUILD_SHARD1, "https://a.example/3", T0));
    feeds.addFeed(feed(4, GUILD_SHARD0, "https://a.example/4", T0));
    feeds.setPaused(GUILD_SHARD0, 4, true);

    assertThat(feeds.dueFeeds(T0, 2, Set.of(0), 10)).extracting(Feed::id).containsExactly(1L);
    assertThat(feeds.dueFeeds(T0, 2, Set.of(1), 10)).extracting(Feed::id).containsExactly(3L);
    assertThat(feeds.dueFeeds(T0.plusSeconds(60), 1, Set.of(0), 10))
        .extracting(Feed::id)
        .containsExactly(1L, 3L, 2L);
  }

  @Test
  @DisplayName("a poll's outcome is stored: validators, next poll, failures and the reason")
  void recordPoll() throws Exception {
    feeds.addFeed(feed(1, GUILD_SHARD0, "https://a.example/1", T0));
    feeds.recordPoll(
        1,
        new Validators("\"v1\"", "Sun, 01 Feb 2026 00:00:00 GMT"),
        T0,
        T0.plusSeconds(1800),
        2,
        "the site answered HTTP 500");
    store.close();
    store = reopen();

    Feed f = store.feeds().feeds(GUILD_SHARD0).get(0);
    assertThat(f.validators()).isEqualTo(new Validators("\"v1\"", "Sun, 01 Feb 2026 00:00:00 GMT"));
    assertThat(f.nextPollAt()).isEqualTo(T0.plusSeconds(1800));
    assertThat(f.failures()).isEqualTo(2);
    assertThat(f.lastError()).isEqualTo("the site answered HTTP 500");
    assertThat(f.lastPolledAt()).isEqualTo(T0);
  }

  @Test
  @DisplayName(
      "items are seen by key or by hash, remembered once, forgotten on demand and on removal")
  void seenItems() throws Exception {
    feeds.addFeed(feed(1, GUILD_SHARD0, "https://a.example/1", T0));

    assertThat(feeds.markSeen(1, List.of(new SeenItem("k1", "h1"), new SeenItem("k2", "h2")), T0))
        .isEqualTo(2);
    assertThat(feeds.markSeen(1, List.of(new SeenItem("k1", "h1")), T0)).isZero();
    assertThat(feeds.seen(1, "k1", "x")).isTrue();
    assertThat(feeds.seen(1, "other", "h2")).as("a new guid, the same item").isTrue();
    assertThat(feeds.seen(1, "k3", "h3")).isFalse();

    feeds.forgetSeen(1, "k1");
    assertThat(feeds.seen(1, "k1", "h1")).isFalse();

    store.close();
    store = reopen();
    feeds = store.feeds();
    assertThat(feeds.seen(1, "k2", "h2")).as("after a restart").isTrue();
    assertThat(feeds.removeFeed(GUILD_SHARD1, 1)).as("another server's").isFalse();
    assertThat(feeds.removeFeed(GUILD_SHARD0, 1)).isTrue();
    assertThat(feeds.seen(1, "k2", "h2")).isFalse();
    assertThat(feeds.markSeen(1, List.of(new SeenItem("k9", "h9")), T0))
        .as("a removed feed remembers nothing")
        .isZero();
  }

  @Test
  @DisplayName(
      "an item offered for review waits undecided across a reopen: offered again by another run or"
          + " once lapsed, taken over by one run only, decided for good")
  void offeredItems() throws Exception {
    feeds.addFeed(feed(1, GUILD_SHARD0, "https://a.example/1", T0));
    Instant until = T0.plusSeconds(3600);
    assertThat(feeds.markOffered(1, new SeenItem("k1", "h1"), T0, 11, until)).isTrue();
    assertThat(feeds.markOffered(1, new SeenItem("k1", "h1"), T0, 11, until)).isFalse();
    assertThat(feeds.markSeen(1, List.of(new SeenItem("k2", "h2")), T0)).isOne();
    assertThat(feeds.seen(1, "k1", "h1")).as("seen: never offered as new").isTrue();

    store.close();
    store = reopen();
    feeds = store.feeds();
    assertThat(feeds.undecided(1, 11, T0)).as("its own live offer").isEmpty();
    assertThat(feeds.undecided(1, 11, until))
        .as("lapsed")
        .containsExactly(new SeenItem("k1", "h1"));
    assertThat(feeds.undecided(1, 12, T0))
        .as("another run's")
        .containsExactly(new SeenItem("k1", "h1"));

    Instant later = until.plusSeconds(3600);
    assertThat(feeds.reoffer(1, "k1", 12, later, T0)).isTrue();
    assertThat(feeds.reoffer(1, "k1", 12, later, T0)).as("already this run's").isFalse();
    assertThat(feeds.reoffer(1, "k2", 12, later, T0)).as("never offered").isFalse();
    assertThat(feeds.undecided(1, 12, T0)).isEmpty();

    feeds.lapse(1, "k1", T0);
    assertThat(feeds.undecided(1, 12, T0)).as("its offer failed").hasSize(1);

    assertThat(feeds.decide(1, new SeenItem("other-guid", "h1"))).as("by hash").isTrue();
    assertThat(feeds.decide(1, new SeenItem("k1", "h1"))).as("once").isFalse();
    assertThat(feeds.undecided(1, 13, later)).isEmpty();
    assertThat(feeds.reoffer(1, "k1", 13, later, later)).isFalse();
    assertThat(feeds.seen(1, "k1", "h1")).isTrue();
  }

  @Test
  @DisplayName(
      "pruning forgets items gone from their feed's latest full read for long enough, and only"
          + " those: listed ones (however old), undecided offers and other shards' feeds stay")
  void pruning() {
    feeds.addFeed(feed(1, GUILD_SHARD0, "https://a.example/1", T0));
    feeds.addFeed(feed(2, GUILD_SHARD0, "https://a.example/2", T0));
    feeds.addFeed(feed(3, GUILD_SHARD1, "https://a.example/3", T0));
    SeenItem gone = new SeenItem("gone", "h-gone");
    SeenItem listed = new SeenItem("listed", "h-listed");
    SeenItem renamed = new SeenItem("renamed", "h-renamed");
    feeds.markSeen(1, List.of(gone, listed, renamed), T0);
    feeds.markOffered(1, new SeenItem("offered", "h-offered"), T0, 11, T0.plusSeconds(60));
    feeds.markSeen(2, List.of(gone), T0); // never read in full since: it forgets nothing
    feeds.markSeen(3, List.of(gone), T0);
    Instant later = T0.plus(java.time.Duration.ofDays(100));
    // The latest full reads list "listed", and "renamed" under a new guid (found by its hash).
    feeds.markListed(1, List.of(listed, new SeenItem("new-guid", "h-renamed")), later);
    feeds.markListed(3, List.of(), later);

    assertThat(feeds.prune(T0, 2, Set.of(0))).as("nothing listed before T0").isZero();
    Instant muchLater = later.plus(java.time.Duration.ofDays(365)); // the feed then said "304"
    assertThat(feeds.prune(muchLater, 2, Set.of(0))).isOne();

    assertThat(feeds.seen(1, "gone", "x")).isFalse();
    assertThat(feeds.seen(1, "listed", "x")).isTrue();
    assertThat(feeds.seen(1, "renamed", "x")).isTrue();
    assertThat(feeds.seen(1, "offered", "x")).as("waiting for a moderator").isTrue();
    assertThat(feeds.seen(2, "gone", "x")).as("no full read recorded").isTrue();
    assertThat(feeds.seen(3, "gone", "x")).as("another process's shard").isTrue();
    assertThat(feeds.prune(muchLater, 2, Set.of(1))).isOne();
    assertThat(feeds.seen(3, "gone", "x")).isFalse();
  }

  @Test
  @DisplayName("a server the bot left for good is purged with its feeds and all they remember")
  void departedServerLosesItsFeeds() {
    feeds.addFeed(feed(1, GUILD_SHARD0, "https://a.example/1", T0));
    feeds.addFeed(feed(2, GUILD_SHARD1, "https://a.example/1", T0));
    feeds.markSeen(1, List.of(new SeenItem("k1", "h1")), T0);
    feeds.markSeen(2, List.of(new SeenItem("k1", "h1")), T0);
    store.markGuildDeparted(GUILD_SHARD0, T0);

    store.purgeDepartedGuild(GUILD_SHARD0, T0);

    assertThat(feeds.feeds(GUILD_SHARD0)).isEmpty();
    assertThat(feeds.seen(1, "k1", "h1")).isFalse();
    assertThat(feeds.feeds(GUILD_SHARD1)).as("another server's").hasSize(1);
    assertThat(feeds.seen(2, "k1", "h1")).isTrue();
  }
}
