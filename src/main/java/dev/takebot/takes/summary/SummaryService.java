package dev.takebot.takes.summary;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.takebot.i18n.Texts;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Discussions;
import dev.takebot.takes.SummaryData;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves summaries, computing each discussion's summary and chart once and caching the result until
 * a take of that discussion changes. The ingest path must call {@link #invalidate(long)} whenever a
 * take is added, edited, deleted or retagged; entries also expire after {@code ttl} so that
 * reaction counts (which change without a take changing) are picked up eventually.
 *
 * <p>Thread-safe. Concurrent requests for the same discussion compute it once, on the thread of the
 * request that found no entry. An invalidation never waits for a computation in flight (it is
 * called on JDA's event thread, which must not wait on summary work): it drops the pending entry at
 * once, so every request made after it computes afresh, and the dropped computation, when it ends,
 * only answers the requests that were already waiting for it; it never enters the cache.
 */
public final class SummaryService {
  /** Default time a cached summary lives without any change. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

  private final Discussions discussions;
  private final DiscussionSummarizer summarizer;
  private final SummaryChart chart = new SummaryChart();
  private final SummaryRenderer renderer = new SummaryRenderer();
  private final SummaryHistory history;
  private final ReactionCounts reactions;
  private final AsyncCache<Long, Entry> cache;

  /**
   * One discussion's summary, computed once, and its message in each language asked for so far: the
   * trend compares with the previous summary once, whatever language readers see it in.
   */
  private record Entry(DiscussionSummary summary, Map<Locale, RenderedSummary> rendered) {}

  /** Discussions whose summaries stay cached by default (each holds a chart of about 40 KB). */
  public static final long DEFAULT_MAX_DISCUSSIONS = 256;

  /** Production wiring: system ticker, {@link #DEFAULT_TTL}, no reaction counts. */
  public <S extends Discussions & SummaryData> SummaryService(S store, Clock clock) {
    this(store, clock, ReactionCounts.NONE);
  }

  /** Production wiring with reaction counts from the Discord layer. */
  public <S extends Discussions & SummaryData> SummaryService(
      S store, Clock clock, ReactionCounts reactions) {
    this(
        store,
        new DiscussionSummarizer(store, clock),
        reactions,
        Ticker.systemTicker(),
        DEFAULT_TTL,
        DEFAULT_MAX_DISCUSSIONS);
  }

  /**
   * @param discussions where discussions live (the summarizer reads their takes)
   * @param summarizer computes summaries (inject one with a fixed clock in tests)
   * @param reactions reaction counts per take, or {@link ReactionCounts#NONE}
   * @param ticker the cache's time source (a fake one in tests)
   * @param ttl how long an unchanged summary stays cached
   * @param maxDiscussions how many discussions' summaries are cached at most
   */
  public SummaryService(
      Discussions discussions,
      DiscussionSummarizer summarizer,
      ReactionCounts reactions,
      Ticker ticker,
      Duration ttl,
      long maxDiscussions) {
    this.discussions = Objects.requireNonNull(discussions);
    this.summarizer = Objects.requireNonNull(summarizer);
    this.reactions = Objects.requireNonNull(reactions);
    this.history = new SummaryHistory(Math.max(maxDiscussions * 10, 1_000));
    this.cache =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(ttl)
            .maximumSize(maxDiscussions)
            .executor(
                Runnable::run) // maintenance on the caller: deterministic in tests, no pool needed
            .recordStats()
            // Async only for what it does with an entry in flight: the map holds a future, not a
            // lock held
            // while computing, so invalidate() removes it without waiting. Computations run on the
            // caller.
            .buildAsync();
  }

  /**
   * The summary of a discussion, from the cache when nothing changed since it was made.
   *
   * @return empty when no discussion has that post message id
   */
  public Optional<RenderedSummary> summary(long postMessageId) {
    return summary(postMessageId, Locale.ENGLISH);
  }

  /**
   * The summary of a discussion in a language, from the cache when nothing changed since it was
   * made (each language's message and chart are rendered once, from the same data).
   *
   * @return empty when no discussion has that post message id
   */
  public Optional<RenderedSummary> summary(long postMessageId, Locale locale) {
    Texts texts = Texts.forLocale(locale);
    return data(postMessageId)
        .map(e -> e.rendered().computeIfAbsent(texts.locale(), l -> render(e.summary(), texts)));
  }

  private Optional<Entry> data(long postMessageId) {
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    CompletableFuture<Entry> entry = cache.get(postMessageId, (id, executor) -> mine);
    if (entry == mine) {
      try {
        mine.complete(compute(postMessageId)); // null (no such discussion) leaves nothing cached
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(
            e); // and the cache drops the entry: the next request tries again
        throw e;
      }
    }
    return Optional.ofNullable(join(entry));
  }

  /** The result of a computation another request started, failing the way it failed. */
  private static Entry join(CompletableFuture<Entry> entry) {
    try {
      return entry.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Drops the cached summary of a discussion: call on every add, edit, delete or retag of its
   * takes. Returns at once, even while that summary is being computed.
   */
  public void invalidate(long postMessageId) {
    cache
        .asMap()
        .remove(postMessageId); // the future, not its value: the synchronous view would wait for it
  }

  /** Drops every cached summary, e.g. after a bulk delete or when a member asks to be forgotten. */
  public void invalidateAll() {
    cache.asMap().clear();
  }

  /** Cache hits so far, for logs and tests. */
  public long hits() {
    return cache.synchronous().stats().hitCount();
  }

  /** Summaries computed so far (cache misses that found a discussion). */
  public long computations() {
    return cache.synchronous().stats().loadSuccessCount();
  }

  private Entry compute(long postMessageId) {
    Optional<Discussion> discussion = discussions.findDiscussion(postMessageId);
    if (discussion.isEmpty()) {
      return null;
    }
    Discussion d = discussion.get();
    DiscussionSummary raw = summarizer.summarize(d, reactions.of(d), null);
    DiscussionSummary summary =
        raw.withTrend(
            Trend.between(
                history.exchange(postMessageId, raw.baseline()), raw.takes(), raw.meanScore()));
    return new Entry(summary, new ConcurrentHashMap<>());
  }

  private RenderedSummary render(DiscussionSummary summary, Texts texts) {
    byte[] png = summary.takes() == 0 ? null : chart.render(summary, texts);
    return new RenderedSummary(summary, renderer.render(summary, png, texts));
  }
}
