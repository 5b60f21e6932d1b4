package dev.takebot.takes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.takebot.sentiment.Context;
import dev.takebot.sentiment.Sentiment;
import dev.takebot.sentiment.SentimentAnalyzer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Discord messages into stored, tagged takes: ingest, edit, delete, bulk delete. Knows
 * nothing of Discord; the {@code discord} package decides which messages are takes and calls in
 * here.
 *
 * <p>Thread-safe: the gateway delivers events on several threads, and every write is idempotent in
 * the repository, so a duplicated event changes nothing.
 *
 * <p>Live events win over history read earlier. A backfill reads a page of history, then writes it;
 * a message deleted live in between had no row to delete, so while a backfill runs every live
 * deletion is remembered (a tombstone) and no take of a tombstoned message is kept. Outside
 * backfills the latest deletions are remembered for {@link #RECENT_DELETIONS} too: a message
 * deleted between being sent and being stored (a moderator removing a shared take at once, a
 * replayed create after its delete) never becomes a take, since Discord never reuses a deleted
 * message's id. An edit carries its edit time and the store keeps the newest version of a take, so
 * neither an older page nor a late event writes back older text.
 */
public final class TakeService {
  private static final Logger log = LoggerFactory.getLogger(TakeService.class);

  private final TakeWrites writes;
  private final TakeQueries reads;
  private final DiscussionService discussions;
  private final PrivacyService privacy;
  private final SentimentAnalyzer analyzer;
  private final Clock clock;
  private final TakeChanges changes = new TakeChanges();
  private final AtomicBoolean warnedEmptyContent = new AtomicBoolean();

  /** Backfills under way; tombstones are kept while there is one. */
  private final AtomicInteger backfills = new AtomicInteger();

  /**
   * Messages deleted live while a backfill runs. Kept in memory, only for the backfill's duration:
   * a backfill that starts after a deletion reads a history without the message, and a backfill cut
   * short by a crash starts again from scratch. Bounded by the deletions seen during one backfill.
   */
  private final Set<Long> tombstones = ConcurrentHashMap.newKeySet();

  /**
   * How long a deletion is remembered outside backfills: far longer than any send-then-store gap.
   */
  static final Duration RECENT_DELETIONS = Duration.ofMinutes(30);

  /**
   * Deletions of the last {@link #RECENT_DELETIONS}, bounded so a mass deletion cannot grow the
   * heap.
   */
  private final Cache<Long, Boolean> recentDeletions =
      Caffeine.newBuilder().expireAfterWrite(RECENT_DELETIONS).maximumSize(100_000).build();

  /** Services over one store, which plays every role. */
  public TakeService(TakeRepository store, SentimentAnalyzer analyzer, Clock clock) {
    this(store, store, store, store, analyzer, clock);
  }

  /**
   * Services over the store's roles: this one writes and reads takes, {@link #discussions()} and
   * {@link #privacy()} get only theirs, and all three share the listeners.
   */
  public TakeService(
      TakeWrites writes,
      TakeQueries reads,
      Discussions discussions,
      PrivacyStore privacy,
      SentimentAnalyzer analyzer,
      Clock clock) {
    this.writes = Objects.requireNonNull(writes, "writes");
    this.reads = Objects.requireNonNull(reads, "reads");
    this.discussions = new DiscussionService(discussions, changes);
    this.privacy = new PrivacyService(privacy, discussions, changes);
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Registers a callback run after every change to a discussion's takes, whichever service made it.
   */
  public void addListener(TakeListener listener) {
    changes.add(listener);
  }

  /** Posted articles: saving, finding, listing, taking back. */
  public DiscussionService discussions() {
    return discussions;
  }

  /** Forgetting members, retention and the data of guilds the bot left. */
  public PrivacyService privacy() {
    return privacy;
  }

  /** The take stored for a message, if it is one. */
  public Optional<Take> find(long messageId) {
    return reads.findTake(messageId);
  }

  /**
   * The take stored for a message when its discussion is one of {@code guildId}'s, posted in a
   * channel of {@code scope}: a message id from a button or an option is input, and may point
   * anywhere.
   */
  public Optional<Take> find(long guildId, ChannelScope scope, long messageId) {
    return find(messageId)
        .filter(
            t -> discussions.find(guildId, t.postMessageId()).filter(scope::allows).isPresent());
  }

  /** Aggregates of one discussion, without scanning its takes. */
  public TakeStats stats(long postMessageId) {
    return reads.stats(postMessageId);
  }

  /** Streams a discussion's takes in message-id order without loading them all at once. */
  public void forEachTake(long postMessageId, Consumer<Take> action) {
    reads.forEachTake(postMessageId, action);
  }

  /** Streams a guild's moderator corrections with the corrected text, in message-id order. */
  public void forEachCorrection(long guildId, Consumer<Correction> action) {
    reads.forEachCorrection(guildId, action);
  }

  /**
   * One page of takes matching {@code query} by keyset on the message id, in ascending order: after
   * {@code cursor} with {@code forward}, otherwise before it. See {@link TakeQueries#listTakes}.
   */
  public List<Take> page(TakeQuery query, long cursor, boolean forward, int limit) {
    return reads.listTakes(query, cursor, forward, limit);
  }

  /** The cheap headline summary of a discussion (one pass over its takes). */
  public BasicSummary basicSummary(Discussion discussion) {
    return BasicSummary.of(reads, discussion);
  }

  public Clock clock() {
    return clock;
  }

  /** The analyser that tags new and edited takes. */
  public SentimentAnalyzer analyzer() {
    return analyzer;
  }

  /**
   * The reading of a take's text: every take answers a news post, so it is read as about the news
   * ({@link Context#NEWS}) whether or not it names an actor of it ("great job guys 👏").
   */
  public Sentiment read(String text) {
    return analyzer.analyze(text, Context.NEWS);
  }

  /**
   * Stores a moderator's correction of a take's tag; it wins over the analyser from then on (edits
   * and re-tags keep it) and the discussion's summaries are refreshed.
   *
   * @return the corrected take, or empty when the message is not (or no longer) a take
   */
  public Optional<Take> correct(
      long messageId, dev.takebot.sentiment.Label label, long moderatorId) {
    Objects.requireNonNull(label, "label");
    Optional<Take> existing = reads.findTake(messageId);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    try {
      writes.correctLabel(messageId, label, moderatorId, clock.instant());
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // deleted between the lookup and the correction
    }
    notifyChanged(existing.get().postMessageId());
    return reads.findTake(messageId);
  }

  /**
   * Marks a backfill as running until the returned handle is closed: live deletions meanwhile
   * become tombstones, so the history page the backfill read before them cannot bring their takes
   * back.
   */
  public BackfillScope startBackfill() {
    backfills.incrementAndGet();
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true) && backfills.decrementAndGet() == 0) {
        // A deletion racing this clear may leave one id behind until the next backfill ends:
        // harmless,
        // since a deleted message's id never comes back.
        tombstones.clear();
      }
    };
  }

  /** A running backfill; closing it ends it. */
  @FunctionalInterface
  public interface BackfillScope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Tags and stores a new take. A message seen twice (gateway replay, several processes) is stored
   * once.
   *
   * @param createdAt when the message was posted, or {@code null} for "now"
   * @return the stored take, or empty when the text was blank or the take already existed
   */
  public Optional<Take> ingest(
      long messageId,
      long postMessageId,
      long channelId,
      long authorId,
      String authorName,
      String text,
      Instant createdAt) {
    return ingest(
        messageId, postMessageId, channelId, authorId, authorName, text, createdAt, null, false);
  }

  /**
   * {@link #ingest(long, long, long, long, String, String, Instant)}, where {@code viaShare} says
   * the message is the bot's own repost of the author's "Share your take" submission (so {@link
   * #forget} can delete it for them). Such a message is the bot's, so it is never edited.
   */
  public Optional<Take> ingest(
      long messageId,
      long postMessageId,
      long channelId,
      long authorId,
      String authorName,
      String text,
      Instant createdAt,
      boolean viaShare) {
    return ingest(
        messageId, postMessageId, channelId, authorId, authorName, text, createdAt, null, viaShare);
  }

  /**
   * {@link #ingest(long, long, long, long, String, String, Instant, Instant, boolean)} of a
   * member's message.
   */
  public Optional<Take> ingest(
      long messageId,
      long postMessageId,
      long channelId,
      long authorId,
      String authorName,
      String text,
      Instant createdAt,
      Instant editedAt) {
    return ingest(
        messageId,
        postMessageId,
        channelId,
        authorId,
        authorName,
        text,
        createdAt,
        editedAt,
        false);
  }

  /**
   * Tags and stores a version of a message: a new take, or a newer version of a stored one. The
   * store keeps the version with the newest edit time, so a version read earlier (a backfill's
   * page) never replaces one that arrived live, and a live edit of a take whose row is not written
   * yet is kept. A message deleted live during a backfill is not stored.
   *
   * @param createdAt when the message was posted, or {@code null} for "now"
   * @param editedAt when this version was written, or {@code null} for a message never edited
   * @param viaShare the message is the bot's repost of a "Share your take" submission
   * @return the stored take, or empty when the text was blank, the store already held this version
   *     or a newer one, or the message was deleted
   */
  public Optional<Take> ingest(
      long messageId,
      long postMessageId,
      long channelId,
      long authorId,
      String rawAuthorName,
      String rawText,
      Instant createdAt,
      Instant editedAt,
      boolean viaShare) {
    // Discord has delivered NUL characters in content; PostgreSQL refuses them in text, so such a
    // take would never be stored there (and every backfill would try again).
    String text = withoutNul(rawText);
    String authorName = withoutNul(rawAuthorName);
    if (isBlank(text) || isTombstoned(messageId)) {
      return Optional.empty();
    }
    if (editedAt != null
        && reads.findTake(messageId).filter(t -> t.text().equals(text)).isPresent()) {
      return Optional.empty(); // an update that did not touch the text (embeds resolved, pins…)
    }
    Sentiment s = read(text);
    Take take =
        new Take(
            messageId,
            postMessageId,
            channelId,
            authorId,
            Objects.requireNonNullElse(authorName, ""),
            text,
            createdAt != null ? createdAt : clock.instant(),
            editedAt,
            s.label(),
            s.score(),
            analyzer.version());
    // A version never edited can only be new: for it an upsert is an insert.
    if (!(editedAt == null ? writes.insertTake(take, viaShare) : writes.upsertTake(take))) {
      return Optional.empty();
    }
    // Checked again after the write: a deletion that recorded its tombstone meanwhile either
    // deleted
    // this row already or is seen here, so the take never outlives it.
    if (isTombstoned(messageId)) {
      writes.deleteTake(messageId);
      notifyChanged(postMessageId);
      return Optional.empty();
    }
    notifyChanged(postMessageId);
    return Optional.of(take);
  }

  /**
   * Re-tags a take after its author edited it. Messages that are not takes are ignored.
   *
   * @param editedAt when it was edited, or {@code null} for "now"
   * @return true when a take was updated
   */
  public boolean edit(long messageId, String rawText, Instant editedAt) {
    String text = withoutNul(rawText);
    if (isBlank(text)) {
      return false;
    }
    Optional<Take> existing = reads.findTake(messageId);
    if (existing.isEmpty() || existing.get().text().equals(text)) {
      return false; // not a take, or an update that did not touch the text (embeds resolved, pins…)
    }
    Sentiment s = read(text);
    boolean updated =
        writes.updateTake(
            messageId,
            text,
            editedAt != null ? editedAt : clock.instant(),
            s.label(),
            s.score(),
            analyzer.version());
    if (updated) {
      notifyChanged(existing.get().postMessageId());
    }
    return updated;
  }

  /** Forgets a take whose message was deleted. @return true when it was a take */
  public boolean delete(long messageId) {
    tombstone(messageId);
    Optional<Take> existing = reads.findTake(messageId);
    if (existing.isEmpty() || !writes.deleteTake(messageId)) {
      return false;
    }
    notifyChanged(existing.get().postMessageId());
    return true;
  }

  /** Forgets the takes among many deleted messages (bulk delete). @return how many were takes */
  public int deleteAll(Collection<Long> messageIds) {
    messageIds.forEach(this::tombstone);
    Set<Long> discussions = new LinkedHashSet<>();
    for (long id : messageIds) {
      reads.findTake(id).ifPresent(t -> discussions.add(t.postMessageId()));
    }
    if (discussions.isEmpty()) {
      return 0;
    }
    int removed = writes.deleteTakes(messageIds);
    discussions.forEach(this::notifyChanged);
    return removed;
  }

  /** Remembers a live deletion; recorded before the row is deleted (see ingest). */
  private void tombstone(long messageId) {
    recentDeletions.put(messageId, Boolean.TRUE);
    if (backfills.get() > 0) {
      tombstones.add(messageId);
    }
  }

  private boolean isTombstoned(long messageId) {
    return tombstones.contains(messageId) || recentDeletions.getIfPresent(messageId) != null;
  }

  private static String withoutNul(String text) {
    return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
  }

  /** True when text is blank; warns once that the Message Content intent is likely missing. */
  private boolean isBlank(String text) {
    if (text != null && !text.isBlank()) {
      return false;
    }
    if (warnedEmptyContent.compareAndSet(false, true)) {
      log.warn(
          "A take arrived with empty text: the bot most likely lacks the privileged Message Content"
              + " intent. Enable it in the Discord Developer Portal (your application > Bot > Privileged"
              + " Gateway Intents > Message Content Intent) and restart. Until then empty messages are not"
              + " stored; members can still use the \"Share your take\" button.");
    }
    return true;
  }

  /** Tells every listener that a discussion's takes changed (also used by {@link RetagJob}). */
  void notifyChanged(long postMessageId) {
    changes.changed(postMessageId);
  }

  /**
   * Visits up to {@code limit} uncorrected takes tagged by another analyser version (see {@link
   * RetagJob}).
   */
  int forEachOutdated(String version, long afterMessageId, int limit, Consumer<Take> action) {
    return reads.forEachTakeWithVersionNot(version, afterMessageId, limit, action);
  }

  /** Re-tags a take while its text is still {@code scoredText} (see {@link RetagJob}). */
  boolean retag(long messageId, String scoredText, Sentiment s) {
    return writes.retag(messageId, scoredText, s.label(), s.score(), analyzer.version());
  }
}
