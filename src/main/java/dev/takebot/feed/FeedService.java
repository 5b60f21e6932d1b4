package dev.takebot.feed;

import dev.takebot.config.FeedSettings;
import dev.takebot.fetch.SafeFetcher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The rules of {@code /feed}: a server follows at most {@code feeds.maxPerServer} feeds, each URL
 * once; adding a feed reads it at once (so a wrong link is refused there and then), remembers all
 * its current items as seen, and hands back at most its newest item to post ({@code feeds.onAdd}).
 */
public final class FeedService {
  private final FeedStore store;
  private final FeedSource source;
  private final FeedSettings settings;
  private final Clock clock;
  private final DoubleSupplier jitter;
  private final Object addLock = new Object();

  /** The longest feed address the store keeps (the {@code feeds.url} column). */
  static final int MAX_URL = 2048;

  public FeedService(FeedStore store, SafeFetcher fetcher, FeedSettings settings, Clock clock) {
    this(store, fetcher, settings, clock, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * @param jitter in [0, 1): how far into its 10% of jitter a new feed's first poll falls
   */
  public FeedService(
      FeedStore store,
      SafeFetcher fetcher,
      FeedSettings settings,
      Clock clock,
      DoubleSupplier jitter) {
    this.jitter = jitter;
    this.store = store;
    this.source = new FeedSource(fetcher);
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A feed just added.
   *
   * @param feed as stored
   * @param firstPost the item to post now, if {@code feeds.onAdd} is {@code newest} and the feed
   *     has one
   */
  public record Added(Feed feed, Optional<FeedItem> firstPost) {}

  /**
   * Follows {@code url} for the server.
   *
   * @param channelId where to post, 0 for the server's post channel
   * @param pollMinutes how often to read it, or 0 for {@code feeds.pollMinutes}
   * @throws FeedRefusal over the cap, a URL already followed, a too short interval
   * @throws dev.takebot.fetch.FetchException when the link is refused or cannot be read
   * @throws FeedFormatException when it is no feed
   */
  public Added add(long guildId, long channelId, String url, long addedBy, int pollMinutes) {
    return add(guildId, channelId, 0, url, addedBy, pollMinutes);
  }

  /**
   * Follows {@code url} for the server, its new items waiting in {@code reviewChannelId} as
   * previews when that is not 0 (see {@link Feed#reviewChannelId()}).
   */
  public Added add(
      long guildId,
      long channelId,
      long reviewChannelId,
      String url,
      long addedBy,
      int pollMinutes) {
    int minutes = pollMinutes == 0 ? settings.pollMinutes() : pollMinutes;
    if (minutes < settings.pollMinutes() || minutes > 1440) {
      throw FeedRefusal.of(
          "feed.error.interval", "min", settings.pollMinutes(), "max", 1440, "minutes", minutes);
    }
    String wanted = SafeFetcher.parse(url).toString();
    List<Feed> existing = store.feeds(guildId);
    if (existing.size() >= settings.maxPerServer()) {
      throw overCap(existing.size());
    }
    FeedSource.Read read = source.discover(wanted);
    String found = read.url().toString();
    if (found.length() > MAX_URL) {
      // Where the site sent us, not what the moderator typed (that is capped by the command).
      throw FeedRefusal.of("feed.error.longAddress", "max", MAX_URL);
    }
    if (existing.stream().anyMatch(f -> f.url().equals(wanted) || f.url().equals(found))) {
      throw FeedRefusal.of("feed.error.alreadyFollowed");
    }
    Instant now = clock.instant();
    String title = read.feed().title().isBlank() ? found : read.feed().title();
    Feed feed =
        new Feed(
            ThreadLocalRandom.current().nextLong(1, 1L << 53),
            guildId,
            channelId,
            reviewChannelId,
            found,
            title.length() > 300 ? title.substring(0, 299) + "…" : title,
            addedBy,
            now,
            minutes,
            false,
            read.validators(),
            FeedPoller.nextPoll(now, minutes, jitter.getAsDouble()),
            0,
            null,
            now);
    // Counted again with the insert, under one lock: two adds at once both passed the first count
    // while their feeds were being read. (A server's commands reach the one process serving it.)
    synchronized (addLock) {
      int count = store.feeds(guildId).size();
      if (count >= settings.maxPerServer()) {
        throw overCap(count);
      }
      if (!store.addFeed(feed)) {
        throw FeedRefusal.of("feed.error.alreadyFollowed");
      }
    }
    Optional<FeedItem> first = settings.postNewestOnAdd() ? read.feed().newest() : Optional.empty();
    // The item a review offers now is remembered by the offer itself (FeedPoller#offered): if the
    // bot stops before, the first poll offers it instead of it being lost.
    String offered = reviewChannelId != 0 && first.isPresent() ? first.get().key() : null;
    store.markSeen(
        feed.id(),
        read.feed().items().stream()
            .filter(i -> !i.key().equals(offered))
            .map(FeedStore.SeenItem::of)
            .toList(),
        now);
    store.markListed(
        feed.id(), read.feed().items().stream().map(FeedStore.SeenItem::of).toList(), now);
    return new Added(feed, first);
  }

  private static FeedRefusal overCap(int count) {
    return FeedRefusal.of("feed.error.cap", "count", count);
  }

  /** The server's feeds. */
  public List<Feed> list(long guildId) {
    return store.feeds(guildId);
  }

  /** Stops following; the feed removed, empty when the server follows no such feed. */
  public Optional<Feed> remove(long guildId, String idOrUrl) {
    return find(guildId, idOrUrl).filter(f -> store.removeFeed(guildId, f.id()));
  }

  /** Pauses or resumes; the feed, empty when the server follows no such feed. */
  public Optional<Feed> setPaused(long guildId, String idOrUrl, boolean paused) {
    return find(guildId, idOrUrl).filter(f -> store.setPaused(guildId, f.id(), paused));
  }

  /** The server's feed with this id or URL (as added or as listed). */
  public Optional<Feed> find(long guildId, String idOrUrl) {
    String u = idOrUrl.strip();
    return store.feeds(guildId).stream()
        .filter(
            f ->
                f.url().equals(u) || f.url().equalsIgnoreCase(u) || Long.toString(f.id()).equals(u))
        .findFirst();
  }
}
