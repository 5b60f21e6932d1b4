package dev.takebot.takes;

import dev.takebot.sentiment.Label;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Durable storage of discussions and takes. Implemented in {@code store} (SQLite by default,
 * PostgreSQL for scale). Every method is thread-safe; a take counts as stored once the call returns.
 */
public interface TakeRepository extends AutoCloseable {

  /** Records a posted article. Idempotent on {@code postMessageId}. */
  void saveDiscussion(Discussion discussion);

  Optional<Discussion> findDiscussion(long postMessageId);

  /**
   * Removes a discussion and any takes of it (with their corrections and aggregates), in one
   * transaction: used when a post could not be completed, so nothing points at a post that is gone.
   *
   * @return true when the discussion existed
   */
  boolean deleteDiscussion(long postMessageId);

  /**
   * The discussion one of whose post messages is {@code messageId}: the post itself or, for a post of two
   * messages, its lead (the video link). A reply to either is a take of that discussion.
   */
  Optional<Discussion> findDiscussionByPostMessage(long messageId);

  /** The discussion whose thread is {@code threadId}. */
  Optional<Discussion> findDiscussionByThread(long threadId);

  /** Discussions of a guild, newest first. */
  List<Discussion> listDiscussions(long guildId, int limit);

  /**
   * Discussions of a guild posted in a channel of {@code scope}, newest first: what a member may pick
   * from. The default filters {@link #listDiscussions(long, int)}; stores push the scope into the query.
   */
  default List<Discussion> listDiscussions(long guildId, ChannelScope scope, int limit) {
    if (scope.isEmpty()) {
      return List.of();
    }
    return listDiscussions(guildId, Integer.MAX_VALUE).stream().filter(scope::allows).limit(Math.max(0, limit))
        .toList();
  }

  /**
   * Stores a new take. Idempotent: a second insert of the same message id changes nothing.
   *
   * @return true when the take was new
   */
  boolean insertTake(Take take);

  /**
   * Stores the newest known version of a take: inserts it when absent (as {@link #insertTake}, forgotten
   * authors included), otherwise replaces the stored text and tag only when {@code take.editedAt()} is newer
   * than the stored edit time (a stored take never edited counts as oldest; an unedited take never replaces
   * anything). So a live edit that arrives before the take's row exists is kept, and a backfill that read
   * an older version of the message afterwards cannot write it back. A take a moderator corrected keeps the
   * moderator's label.
   *
   * @return true when the store changed
   */
  boolean upsertTake(Take take);

  /**
   * Replaces the text and tag of an existing take after an edit, unless the stored edit is newer.
   *
   * @return true when a take with that id existed
   */
  boolean updateTake(long messageId, String text, Instant editedAt, Label label, double score, String analyzerVersion);

  /** Removes a take (its author deleted it). @return true when it existed */
  boolean deleteTake(long messageId);

  /** Removes many takes at once (bulk delete). @return how many existed */
  int deleteTakes(Collection<Long> messageIds);

  Optional<Take> findTake(long messageId);

  /** Aggregates of one discussion, without scanning its takes. */
  TakeStats stats(long postMessageId);

  /** Streams a discussion's takes in message-id order without loading them all at once. */
  void forEachTake(long postMessageId, Consumer<Take> action);

  /** The highest message id stored for a discussion, or 0: where a backfill resumes. */
  long lastTakeMessageId(long postMessageId);

  /** Deletes every take of one member in a guild. @return how many */
  int forgetAuthor(long guildId, long authorId);

  /**
   * Deletes every take of one member in a guild and, in the same transaction, remembers that they asked:
   * {@link #forgottenAuthors} then reports their messages up to {@code upToMessageId} as not to be stored
   * again (their messages stay on Discord, where a backfill would otherwise find them).
   *
   * @return how many takes were deleted
   */
  int forgetAuthor(long guildId, long authorId, long upToMessageId);

  /** Members of a guild who asked to be forgotten: author id to the newest message id never to store again. */
  Map<Long, Long> forgottenAuthors(long guildId);

  /** A moderator's correction of a tag; wins over the analyser from then on. */
  void correctLabel(long messageId, Label label, long moderatorId, Instant at);

  // --- Added for durable storage (#4) ---

  /** Earlier posts of the same article, newest first. */
  List<Discussion> findDiscussionsByArticle(String articleKey);

  /**
   * Stores many takes in one transaction (backfill). Idempotent per message id like {@link #insertTake}.
   *
   * @return how many were new
   */
  default int insertTakes(List<Take> takes) {
    int inserted = 0;
    for (Take take : takes) {
      if (insertTake(take)) {
        inserted++;
      }
    }
    return inserted;
  }

  /**
   * Replaces the analyser's tag of a take without touching its text or edit time (re-tagging after an
   * analyser upgrade), only while its text is still {@code scoredText}, the text the tag was computed from:
   * an edit that landed meanwhile has tagged the new text itself, and must not get the old text's tag. A
   * take a moderator corrected keeps the moderator's label.
   *
   * @return true when the take existed with that text and was re-tagged
   */
  boolean retag(long messageId, String scoredText, Label label, double score, String analyzerVersion);

  /**
   * Visits up to {@code limit} uncorrected takes whose analyser version differs from {@code version}, in
   * message-id order starting after {@code afterMessageId}: a resumable cursor for re-tagging.
   *
   * @return how many takes were visited (less than {@code limit} when the cursor is exhausted)
   */
  int forEachTakeWithVersionNot(String version, long afterMessageId, int limit, Consumer<Take> action);

  /** Streams a guild's moderator corrections with the corrected text, in message-id order (labelled data). */
  void forEachCorrection(long guildId, Consumer<Correction> action);

  /** Retention: deletes every take of a guild created before {@code cutoff}. @return how many */
  int purgeOlderThan(long guildId, Instant cutoff);

  // --- Added for listings (#6) ---

  /**
   * One page of takes matching {@code query}, by keyset on the message id: with {@code forward} the
   * first {@code limit} takes whose id is greater than {@code cursor}, otherwise the last {@code limit}
   * takes whose id is smaller. Either way the page comes back in ascending message-id order. Only
   * takes of discussions posted in a channel of {@link TakeQuery#scope()} are ever returned.
   */
  List<Take> listTakes(TakeQuery query, long cursor, boolean forward, int limit);

  // --- Added for store-side summaries (#6) ---

  /** Earliest and latest creation time of a discussion's takes, or empty when it has none. */
  default Optional<CreatedRange> createdRange(long postMessageId) {
    long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
    forEachTake(postMessageId, t -> {
      long at = t.createdAt().toEpochMilli();
      range[0] = Math.min(range[0], at);
      range[1] = Math.max(range[1], at);
    });
    return range[0] > range[1] ? Optional.empty()
        : Optional.of(new CreatedRange(Instant.ofEpochMilli(range[0]), Instant.ofEpochMilli(range[1])));
  }

  /**
   * Counts a discussion's takes per time bucket and label, in any order, without reading their texts:
   * a take created at {@code t >= originMilli} falls in bucket {@code (t - originMilli) / widthMilli};
   * takes before the origin are left out. Each (bucket, label) with at least one take is reported once.
   */
  default void countByTimeBucket(long postMessageId, long originMilli, long widthMilli, BucketCounts action) {
    if (widthMilli <= 0) {
      throw new IllegalArgumentException("widthMilli must be positive: " + widthMilli);
    }
    Map<Long, long[]> buckets = new java.util.HashMap<>();
    forEachTake(postMessageId, t -> {
      long at = t.createdAt().toEpochMilli();
      if (at >= originMilli) {
        buckets.computeIfAbsent((at - originMilli) / widthMilli, b -> new long[Label.values().length])
            [t.label().ordinal()]++;
      }
    });
    buckets.forEach((bucket, counts) -> {
      for (Label l : Label.values()) {
        if (counts[l.ordinal()] > 0) {
          action.accept(bucket, l, counts[l.ordinal()]);
        }
      }
    });
  }

  /**
   * Streams an evenly spread sample of a discussion's takes, in message-id order: every take of a label
   * with at most {@code perLabel} takes, otherwise exactly {@code perLabel} of them, chosen by rank
   * {@code r} (0-based, in message-id order within the label) among {@code n} takes of that label when
   * {@code (r * perLabel) % n >= n - perLabel}. The rule is deterministic, so every implementation picks
   * the same takes, and a store can pick them without reading the texts it leaves out.
   */
  default void forEachSampledTake(long postMessageId, int perLabel, Consumer<Take> action) {
    if (perLabel < 1) {
      throw new IllegalArgumentException("perLabel must be at least 1: " + perLabel);
    }
    long[] total = new long[Label.values().length];
    forEachTake(postMessageId, t -> total[t.label().ordinal()]++);
    long[] rank = new long[total.length];
    forEachTake(postMessageId, t -> {
      int l = t.label().ordinal();
      if (isSampled(rank[l]++, total[l], perLabel)) {
        action.accept(t);
      }
    });
  }

  /** The sampling rule of {@link #forEachSampledTake}: whether the take of this rank among n is picked. */
  static boolean isSampled(long rank, long n, int perLabel) {
    return n <= perLabel || (rank < n && (rank * perLabel) % n >= n - perLabel);
  }

  // --- Added for privacy (#11) ---

  /**
   * Stores a new take like {@link #insertTake(Take)}; with {@code viaShare} it also records that the
   * message is the bot's own repost of the member's "Share your take" submission, which
   * {@link #forget} reports so the repost can be deleted for them.
   */
  default boolean insertTake(Take take, boolean viaShare) {
    return insertTake(take);
  }

  /**
   * {@link #forgetAuthor(long, long, long)}, also reporting the bot's reposts among the deleted takes, read
   * in the same transaction. A store that keeps database files scrubs the deleted text from them (the
   * write-ahead log included) before returning.
   */
  default ForgetResult forget(long guildId, long authorId, long upToMessageId) {
    return new ForgetResult(forgetAuthor(guildId, authorId, upToMessageId), List.of());
  }

  /** Every guild the store holds anything of (discussions, takes, forget requests), connected or not. */
  java.util.Set<Long> storedGuilds();

  /**
   * Records that the bot left a guild at {@code at}. A guild already recorded keeps its earlier time.
   *
   * @return true when the departure was new
   */
  boolean markGuildDeparted(long guildId, Instant at);

  /** The bot is back in the guild: nothing is purged for it. @return true when a departure was recorded */
  boolean cancelGuildDeparture(long guildId);

  /** Guilds the bot left and whose data is still stored, with when it left. */
  Map<Long, Instant> departedGuilds();

  /**
   * Deletes everything stored for a guild the bot left at or before {@code departedBy}: discussions,
   * takes, corrections, aggregates, forget requests and the departure record itself. Works in chunks and
   * re-checks the departure in each, so a guild that re-added the bot meanwhile keeps what is left.
   *
   * @return how many takes were deleted
   */
  int purgeDepartedGuild(long guildId, Instant departedBy);

  /** Earliest and latest creation time of a discussion's takes. */
  record CreatedRange(Instant first, Instant last) {
    public CreatedRange {
      java.util.Objects.requireNonNull(first, "first");
      java.util.Objects.requireNonNull(last, "last");
    }
  }

  /** Receives the take count of one (time bucket, label). */
  @FunctionalInterface
  interface BucketCounts {
    void accept(long bucket, Label label, long count);
  }

  @Override
  void close();
}
