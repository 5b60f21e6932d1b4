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

  /** The discussion whose thread is {@code threadId}. */
  Optional<Discussion> findDiscussionByThread(long threadId);

  /** Discussions of a guild, newest first. */
  List<Discussion> listDiscussions(long guildId, int limit);

  /**
   * Stores a new take. Idempotent: a second insert of the same message id changes nothing.
   *
   * @return true when the take was new
   */
  boolean insertTake(Take take);

  /**
   * Replaces the text and tag of an existing take after an edit.
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
   * analyser upgrade). A take a moderator corrected keeps the moderator's label.
   *
   * @return true when a take with that id existed
   */
  boolean retag(long messageId, Label label, double score, String analyzerVersion);

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
   * takes whose id is smaller. Either way the page comes back in ascending message-id order.
   */
  List<Take> listTakes(TakeQuery query, long cursor, boolean forward, int limit);

  @Override
  void close();
}
