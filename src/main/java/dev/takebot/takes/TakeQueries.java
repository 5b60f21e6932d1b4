package dev.takebot.takes;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store's role for reading takes: lookups, aggregates, pages and streams. Every method is
 * thread-safe.
 */
public interface TakeQueries {

  Optional<Take> findTake(long messageId);

  /** Aggregates of one discussion, without scanning its takes. */
  TakeStats stats(long postMessageId);

  /** Streams a discussion's takes in message-id order without loading them all at once. */
  void forEachTake(long postMessageId, Consumer<Take> action);

  /** The highest message id stored for a discussion, or 0: where a backfill resumes. */
  long lastTakeMessageId(long postMessageId);

  /**
   * One page of takes matching {@code query}, by keyset on the message id: with {@code forward} the
   * first {@code limit} takes whose id is greater than {@code cursor}, otherwise the last {@code
   * limit} takes whose id is smaller. Either way the page comes back in ascending message-id order.
   * Only takes of discussions posted in a channel of {@link TakeQuery#scope()} are ever returned.
   */
  List<Take> listTakes(TakeQuery query, long cursor, boolean forward, int limit);

  /**
   * Visits up to {@code limit} uncorrected takes whose analyser version differs from {@code
   * version}, in message-id order starting after {@code afterMessageId}: a resumable cursor for
   * re-tagging.
   *
   * @return how many takes were visited (less than {@code limit} when the cursor is exhausted)
   */
  int forEachTakeWithVersionNot(
      String version, long afterMessageId, int limit, Consumer<Take> action);

  /**
   * Streams a guild's moderator corrections with the corrected text, in message-id order (labelled
   * data).
   */
  void forEachCorrection(long guildId, Consumer<Correction> action);
}
