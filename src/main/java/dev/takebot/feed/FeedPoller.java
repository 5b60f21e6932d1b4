package dev.takebot.feed;

import dev.takebot.config.FeedSettings;
import dev.takebot.fetch.FetchException;
import dev.takebot.fetch.SafeFetcher;
import dev.takebot.fetch.Validators;
import dev.takebot.i18n.Phrase;
import dev.takebot.i18n.Phrased;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the feeds that are due and posts what is new, the way a site's owner would accept:
 *
 * <ul>
 *   <li>conditional GET: the last ETag and Last-Modified are sent, and a 304 costs nothing more;
 *   <li>each feed at its own interval plus up to 10% jitter, so feeds added together drift apart;
 *   <li>after an error the wait doubles (interval × 2^errors, at most {@code
 *       feeds.maxBackoffMinutes}) and the reason is kept for {@code /feed list};
 *   <li>at most {@code feeds.maxPostsPerPoll} items per poll, oldest first; the rest wait for the
 *       next polls (the validators are then not kept, so the next poll reads the feed again);
 *   <li>an item is remembered before it is posted, by key and by hash, so a restart, an edited item
 *       or a changed id never reposts it; a post that fails is forgotten again and retried;
 *   <li>an item is forgotten {@code feeds.forgetAfterDays} after its feed last listed it (never
 *       while the latest full read lists it), and an item dated before that is never new;
 *   <li>a "review first" feed's item is remembered as offered until a moderator posts or cancels it
 *       ({@link #decided}); previews live in memory, so after a restart, or once its preview
 *       expired, an undecided item is offered again while the feed still lists it.
 * </ul>
 *
 * <p>Time comes from the injected clock, so tests drive polling and backoff without waiting.
 */
public final class FeedPoller {
  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

  /** Feeds polled per call at most; the rest are due at the next tick. */
  static final int BATCH = 50;

  /**
   * The longest stored error (the column's size); a phrase that does not fit is stored as its
   * English words.
   */
  private static final int MAX_ERROR = 300;

  /** Posts one item of a feed; throws with a one-line message when it cannot. */
  @FunctionalInterface
  public interface Publisher {
    void publish(Feed feed, FeedItem item);

    /**
     * Whether the feed's server is one the bot is in: a feed of a server it left (or cannot reach
     * now) is not read, so its site is not asked on behalf of nobody.
     */
    default boolean serves(Feed feed) {
      return true;
    }
  }

  /**
   * How long an item offered for review waits for a moderator (its preview's life); undecided by
   * then, it is offered again.
   */
  public static final Duration REVIEW_LIFETIME = Duration.ofHours(24);

  /** Past an offer's end, so its preview has surely expired before the item is offered again. */
  private static final Duration REOFFER_GRACE = Duration.ofMinutes(1);

  private final FeedStore store;
  private final FeedSource source;
  private final FeedSettings settings;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Executor workers;

  /** How long a tick waits for its reads; null: until they end. */
  private final Duration patience;

  /** Servers whose feeds are being read (by this tick or one before it that stopped waiting). */
  private final Set<Long> reading = ConcurrentHashMap.newKeySet();

  /**
   * This poller's run: previews live in memory, so the items another run offered and nobody decided
   * (the bot restarted) are offered again.
   */
  private final long run = new SecureRandom().nextLong();

  /** How often items gone from their feeds are forgotten. */
  static final Duration PRUNE_PERIOD = Duration.ofDays(1);

  /** When items are next forgotten; null before the first poll. */
  private Instant nextPrune;

  /** Reads the due feeds one after the other, on the caller's thread. */
  public FeedPoller(
      FeedStore store,
      SafeFetcher fetcher,
      FeedSettings settings,
      Clock clock,
      DoubleSupplier random) {
    this(store, fetcher, settings, clock, random, Runnable::run);
  }

  /**
   * Reads the due feeds of different servers at once on {@code workers}, each call waiting until
   * they are all read.
   */
  public FeedPoller(
      FeedStore store,
      SafeFetcher fetcher,
      FeedSettings settings,
      Clock clock,
      DoubleSupplier random,
      Executor workers) {
    this(store, fetcher, settings, clock, random, workers, null);
  }

  /**
   * @param random jitter in [0, 1)
   * @param workers where the feeds of different servers are read at the same time; as many threads
   *     as {@code feeds.parallelServers}
   * @param patience how long {@link #pollDue} waits for its reads (null: until they end); a server
   *     whose feeds take longer goes on being read meanwhile, and later calls skip it until it is
   *     done
   */
  public FeedPoller(
      FeedStore store,
      SafeFetcher fetcher,
      FeedSettings settings,
      Clock clock,
      DoubleSupplier random,
      Executor workers,
      Duration patience) {
    this.workers = workers;
    this.patience = patience;
    this.store = store;
    this.source = new FeedSource(fetcher);
    this.settings = settings;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Polls every due feed of the servers on {@code shardIds} (of {@code shardTotal}), except those
   * of a server still being read by an earlier call.
   *
   * @return how many feeds were polled (or are being read, past the patience)
   */
  public synchronized int pollDue(
      int shardTotal, Collection<Integer> shardIds, Publisher publisher) {
    if (shardIds.isEmpty()) {
      return 0;
    }
    // Taken before the due feeds are asked for: a server whose read ends after this is skipped
    // this time, and one not in it had no read going on, so what the store says of it is current.
    // Either way no feed is read twice at once.
    Set<Long> busy = Set.copyOf(reading);
    List<Feed> due =
        store.dueFeeds(
            clock.instant(),
            shardTotal,
            shardIds,
            BATCH + busy.size() * settings.maxPerServer()); // room for the busy ones' feeds
    // One server's feeds one after the other (its posts keep their order and never race each
    // other); different servers' at once, so a site that hangs costs only its own server a wait.
    Map<Long, List<Feed>> byServer = new LinkedHashMap<>();
    int polled = 0;
    for (Feed feed : due) {
      if (polled < BATCH && !busy.contains(feed.guildId())) {
        byServer.computeIfAbsent(feed.guildId(), g -> new ArrayList<>()).add(feed);
        polled++;
      }
    }
    List<CompletableFuture<Void>> reads = new ArrayList<>();
    try {
      for (Map.Entry<Long, List<Feed>> server : byServer.entrySet()) {
        reads.add(read(server.getKey(), server.getValue(), publisher));
      }
      CompletableFuture<Void> all =
          CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new));
      if (patience == null) {
        all.get();
      } else {
        all.get(patience.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (RejectedExecutionException e) {
      log.debug("Feed readers stopped; the due feeds wait for the next run");
      return polled;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down: the workers are interrupted too
      return polled;
    } catch (TimeoutException e) {
      log.info(
          "Feeds of {} servers are still being read after {}; the next polls skip them until done",
          reads.stream().filter(r -> !r.isDone()).count(),
          patience);
    } catch (ExecutionException e) {
      // logged where it failed
    }
    pruneWhenDue(shardTotal, shardIds);
    return polled;
  }

  /** Reads one server's feeds on a worker, marking the server busy until they are all read. */
  private CompletableFuture<Void> read(long guildId, List<Feed> feeds, Publisher publisher) {
    reading.add(guildId);
    try {
      return CompletableFuture.runAsync(() -> pollInTurn(feeds, publisher), workers)
          .whenComplete(
              (done, failure) -> {
                reading.remove(guildId);
                if (failure != null) {
                  log.warn("Reading the feeds of guild {} failed", guildId, failure);
                }
              });
    } catch (RuntimeException e) {
      reading.remove(guildId);
      throw e;
    }
  }

  private void pollInTurn(List<Feed> feeds, Publisher publisher) {
    for (Feed feed : feeds) {
      if (Thread.currentThread().isInterrupted()) {
        return; // shutting down
      }
      poll(feed, publisher);
    }
  }

  /**
   * Once a day, forgets the items of this process's feeds that can no longer matter (see {@link
   * FeedStore#prune}): gone from their feed for {@code feeds.forgetAfterDays}. Such an item, if its
   * feed listed it again, is not posted when dated ({@link #outOfMemory}); only an undated item
   * that left its feed for that long and came back would be new again.
   */
  private void pruneWhenDue(int shardTotal, Collection<Integer> shardIds) {
    Instant now = clock.instant();
    synchronized (this) {
      if (nextPrune != null && now.isBefore(nextPrune)) {
        return;
      }
      nextPrune = now.plus(PRUNE_PERIOD);
    }
    try {
      int n = store.prune(now.minus(forgetAfter()), shardTotal, shardIds);
      if (n > 0) {
        log.info("Forgot {} feed items gone from their feeds for {}", n, forgetAfter());
      }
    } catch (RuntimeException e) {
      log.warn("Forgetting old feed items failed; trying again in {}", PRUNE_PERIOD, e);
    }
  }

  private Duration forgetAfter() {
    return Duration.ofDays(settings.forgetAfterDays());
  }

  /**
   * True for an item dated before what the store remembers: it may have been seen and forgotten, so
   * it is never posted as new.
   */
  private boolean outOfMemory(FeedItem item, Instant now) {
    return item.published() != null && item.published().isBefore(now.minus(forgetAfter()));
  }

  /** Polls one feed now and records the outcome. */
  void poll(Feed feed, Publisher publisher) {
    Instant now = clock.instant();
    if (!publisher.serves(feed)) {
      failed(feed, now, Phrase.of("feed.error.notInServer"));
      return;
    }
    try {
      List<FeedStore.SeenItem> again =
          feed.reviewFirst() ? store.undecided(feed.id(), run, now) : List.of();
      // Items to offer again are rebuilt from the feed, so it is read in full this time.
      FeedSource.Read read =
          source.poll(feed.url(), again.isEmpty() ? feed.validators() : Validators.NONE);
      if (read == null) {
        succeeded(feed, feed.validators(), now);
        return;
      }
      List<FeedItem> fresh = new ArrayList<>();
      Map<FeedItem, String> earlierKeys = new HashMap<>();
      Set<String> found = new HashSet<>();
      for (FeedItem item : read.feed().oldestFirst()) {
        Optional<FeedStore.SeenItem> earlier =
            again.stream()
                .filter(a -> a.key().equals(item.key()) || a.hash().equals(item.hash()))
                .findFirst();
        if (earlier.isPresent()) {
          if (found.add(earlier.get().key())) {
            earlierKeys.put(item, earlier.get().key());
            fresh.add(item);
          }
        } else if (!outOfMemory(item, now) && !store.seen(feed.id(), item.key(), item.hash())) {
          fresh.add(item);
        }
      }
      for (FeedStore.SeenItem gone : again) {
        if (!found.contains(gone.key()) && store.decide(feed.id(), gone)) {
          log.info("Feed {} item {} left the feed undecided; not offered again", feed.id(), gone);
        }
      }
      int posts = Math.min(fresh.size(), settings.maxPostsPerPoll());
      Instant until = now.plus(REVIEW_LIFETIME).plus(REOFFER_GRACE);
      for (FeedItem item : fresh.subList(0, posts)) {
        // Asked before each post: a moderator may pause or remove the feed while it is read (a
        // batch of slow feeds takes minutes) or while its items go out (each post takes seconds),
        // and then nothing more of it may go out; the rest waits for a resume.
        if (!stillWanted(feed)) {
          return;
        }
        String earlier = earlierKeys.get(item);
        boolean mine =
            earlier != null
                ? store.reoffer(feed.id(), earlier, run, until, now)
                : feed.reviewFirst()
                    ? store.markOffered(feed.id(), FeedStore.SeenItem.of(item), now, run, until)
                    : store.markSeen(feed.id(), List.of(FeedStore.SeenItem.of(item)), now) == 1;
        if (!mine) {
          continue; // remembered or taken over meanwhile
        }
        try {
          publisher.publish(feed, item);
        } catch (RuntimeException e) {
          if (earlier != null) {
            store.lapse(feed.id(), earlier, now);
          } else {
            store.forgetSeen(feed.id(), item.key());
          }
          throw new PostFailed(e);
        }
      }
      store.markListed(
          feed.id(), read.feed().items().stream().map(FeedStore.SeenItem::of).toList(), now);
      // Items left for later: keep asking unconditionally until they are all out.
      succeeded(feed, fresh.size() > posts ? feed.validators() : read.validators(), now);
      if (fresh.size() > posts) {
        log.info(
            "Feed {} of guild {}: {} new items, {} posted, the rest at the next polls",
            feed.id(),
            feed.guildId(),
            fresh.size(),
            posts);
      }
    } catch (FetchException | FeedFormatException | PostFailed e) {
      if (stopping(feed)) {
        return;
      }
      // Moderators see the phrase; what the library said is only for the log.
      log.info(
          "Polling feed {} of guild {} failed: {}{}",
          feed.id(),
          feed.guildId(),
          e.getMessage(),
          e.getCause() == null ? "" : " (" + oneLine(e.getCause().toString()) + ")");
      failed(feed, now, ((Phrased) e).phrase());
    } catch (RuntimeException e) {
      if (stopping(feed)) {
        return;
      }
      log.warn("Polling feed {} of guild {} failed", feed.id(), feed.guildId(), e);
      failed(feed, now, Phrase.of("feed.error.internal"));
    }
  }

  /** Whether the feed is still there, as the same feed, and not paused. */
  private boolean stillWanted(Feed feed) {
    Optional<Feed> current = store.feed(feed.guildId(), feed.url());
    return current.isPresent() && current.get().id() == feed.id() && !current.get().paused();
  }

  /**
   * Whether this read failed because the bot is stopping (its thread was interrupted): the site did
   * nothing wrong, so no error is shown and no backoff added; the feed is simply due after the
   * restart.
   */
  private static boolean stopping(Feed feed) {
    if (!Thread.currentThread().isInterrupted()) {
      return false;
    }
    log.info("Reading feed {} of guild {} stopped: the bot is stopping", feed.id(), feed.guildId());
    return true;
  }

  /**
   * Remembers an item offered for review outside a poll (the newest one when a feed is added) as
   * offered by this run, so a restart before a moderator decides offers it again.
   */
  public void offered(Feed feed, FeedItem item) {
    Instant now = clock.instant();
    store.markOffered(
        feed.id(),
        FeedStore.SeenItem.of(item),
        now,
        run,
        now.plus(REVIEW_LIFETIME).plus(REOFFER_GRACE));
  }

  /**
   * Marks an item a moderator posted or cancelled (or that turned out to be no article) as decided:
   * it is never offered again.
   */
  public void decided(Feed feed, FeedItem item) {
    store.decide(feed.id(), FeedStore.SeenItem.of(item));
  }

  private void succeeded(Feed feed, Validators validators, Instant now) {
    store.recordPoll(
        feed.id(),
        validators,
        now,
        nextPoll(now, feed.pollMinutes(), random.getAsDouble()),
        0,
        null);
  }

  /**
   * Records a failed poll. The reason is stored as a phrase ({@link Phrase#encode}), so {@code
   * /feed list} shows it in each moderator's language.
   */
  private void failed(Feed feed, Instant now, Phrase reason) {
    int failures = feed.failures() + 1;
    Instant next = now.plus(backoff(feed.pollMinutes(), failures));
    String stored = reason.encode(MAX_ERROR).orElseGet(() -> oneLine(reason.english()));
    store.recordPoll(feed.id(), feed.validators(), now, next, failures, stored);
  }

  /** The wait after {@code failures} errors in a row: the interval doubled each time, capped. */
  Duration backoff(int pollMinutes, int failures) {
    long minutes = pollMinutes;
    for (int i = 0; i < failures && minutes < settings.maxBackoffMinutes(); i++) {
      minutes *= 2;
    }
    return Duration.ofMinutes(Math.min(minutes, settings.maxBackoffMinutes()));
  }

  /** The next poll: the interval plus {@code jitter} × 10% of it. */
  static Instant nextPoll(Instant now, int pollMinutes, double jitter) {
    long seconds = pollMinutes * 60L;
    return now.plusSeconds(seconds + (long) (seconds * 0.1 * jitter));
  }

  private static String oneLine(String s) {
    String line = s == null ? "unknown error" : s.replaceAll("\\s+", " ").strip();
    return line.length() > 300 ? line.substring(0, 299) + "…" : line;
  }

  /** A post that failed; its message is the publisher's. */
  private static final class PostFailed extends RuntimeException implements Phrased {
    private static final long serialVersionUID = 1L;

    private final transient Phrase phrase;

    PostFailed(RuntimeException cause) {
      this(
          Phrase.of(
              "feed.error.postFailed",
              "reason",
              // Anything else is a library's English text (JDA's, the network's): never shown.
              cause instanceof Phrased p ? p.phrase() : Phrase.of("feed.error.internal")),
          cause);
    }

    private PostFailed(Phrase phrase, RuntimeException cause) {
      super(phrase.english(), cause, false, false);
      this.phrase = phrase;
    }

    @Override
    public Phrase phrase() {
      return phrase;
    }
  }
}
