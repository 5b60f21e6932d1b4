package dev.takebot.feed;

import dev.takebot.fetch.Validators;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store's role for feeds: what each server follows, each feed's polling state, and the items
 * already seen (by key and by hash) so that no item is ever posted twice, across restarts and
 * processes. Implemented in {@code store} on both engines; every method is thread-safe.
 */
public interface FeedStore {

  /**
   * Adds a feed; {@code false} when the server already follows that URL.
   *
   * @param feed a new feed ({@link Feed#id()} chosen by the caller)
   */
  boolean addFeed(Feed feed);

  /** The server's feeds, oldest first. */
  List<Feed> feeds(long guildId);

  /** One feed of a server by its URL. */
  Optional<Feed> feed(long guildId, String url);

  /** Removes a feed and what it remembers; false when the server had no such feed. */
  boolean removeFeed(long guildId, long feedId);

  /** Pauses or resumes a feed; false when the server had no such feed. */
  boolean setPaused(long guildId, long feedId, boolean paused);

  /**
   * Feeds not paused whose next poll is due at {@code now}, soonest first, of the servers on the
   * given shards: a guild lives on shard {@code (guildId >> 22) % shardTotal}.
   */
  List<Feed> dueFeeds(Instant now, int shardTotal, Collection<Integer> shardIds, int limit);

  /** Stores the outcome of a poll. */
  void recordPoll(
      long feedId,
      Validators validators,
      Instant polledAt,
      Instant nextPollAt,
      int failures,
      String lastError);

  /** True when an item with this key, or with this hash, was seen on the feed. */
  boolean seen(long feedId, String key, String hash);

  /**
   * Remembers items as seen; an item already remembered is left as it is.
   *
   * @return how many of them were new
   */
  int markSeen(long feedId, Collection<SeenItem> items, Instant at);

  /** Forgets one item again (its post failed, so the next poll tries it again). */
  void forgetSeen(long feedId, String key);

  /**
   * Remembers an item as seen and offered for review until {@code until} by the poller {@code
   * offeredBy}; an item already remembered is left as it is.
   *
   * @return whether it was new
   */
  boolean markOffered(long feedId, SeenItem item, Instant at, long offeredBy, Instant until);

  /**
   * Items offered for review and not decided whose offer another poller made (a previous run of the
   * bot, whose previews are gone) or lapsed by {@code now}: those to offer again.
   */
  List<SeenItem> undecided(long feedId, long offeredBy, Instant now);

  /**
   * Takes over an undecided item's offer for {@code offeredBy} until {@code until}, provided it is
   * still undecided and not already offered by {@code offeredBy} and alive at {@code now}: of two
   * pollers at once, one gets it.
   */
  boolean reoffer(long feedId, String key, long offeredBy, Instant until, Instant now);

  /** Lets an undecided item's offer lapse at {@code now} (it failed), so it is offered again. */
  void lapse(long feedId, String key, Instant now);

  /**
   * Marks an offered item, found by key or by hash, decided (posted or cancelled): it is never
   * offered again.
   *
   * @return false when it was not undecided
   */
  boolean decide(long feedId, SeenItem item);

  /**
   * Records a full read of the feed at {@code at}: the remembered items among {@code listed} (by
   * key or by hash) were listed then, and this is the feed's latest full read.
   */
  void markListed(long feedId, Collection<SeenItem> listed, Instant at);

  /**
   * Forgets, in the feeds of the servers on the given shards, the items that cannot matter any
   * more: not listed by their feed's latest full read, last listed before {@code listedBefore}, and
   * not waiting undecided for review. A feed never read in full since {@link #markListed} existed
   * forgets nothing.
   *
   * @return how many items were forgotten
   */
  int prune(Instant listedBefore, int shardTotal, Collection<Integer> shardIds);

  /** An item's key and hash, see {@link FeedItem#key()} and {@link FeedItem#hash()}. */
  record SeenItem(String key, String hash) {
    public static SeenItem of(FeedItem item) {
      return new SeenItem(item.key(), item.hash());
    }
  }
}
