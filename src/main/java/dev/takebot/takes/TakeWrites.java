package dev.takebot.takes;

import dev.takebot.sentiment.Label;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The store's role for writing takes: what {@link TakeService} (and its {@link RetagJob}) change.
 * Every method is thread-safe; a take counts as stored once the call returns.
 */
public interface TakeWrites {

  /**
   * Stores a new take. Idempotent: a second insert of the same message id changes nothing.
   *
   * @return true when the take was new
   */
  boolean insertTake(Take take);

  /**
   * Stores a new take like {@link #insertTake(Take)}; with {@code viaShare} it also records that
   * the message is the bot's own repost of the member's "Share your take" submission, which {@link
   * PrivacyStore#forget} reports so the repost can be deleted for them.
   */
  boolean insertTake(Take take, boolean viaShare);

  /**
   * Stores many takes in one transaction (backfill). Idempotent per message id like {@link
   * #insertTake}.
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
   * Stores the newest known version of a take: inserts it when absent (as {@link #insertTake},
   * forgotten authors included), otherwise replaces the stored text and tag only when {@code
   * take.editedAt()} is newer than the stored edit time (a stored take never edited counts as
   * oldest; an unedited take never replaces anything). So a live edit that arrives before the
   * take's row exists is kept, and a backfill that read an older version of the message afterwards
   * cannot write it back. A take a moderator corrected keeps the moderator's label.
   *
   * @return true when the store changed
   */
  boolean upsertTake(Take take);

  /**
   * Replaces the text and tag of an existing take after an edit, unless the stored edit is newer.
   *
   * @return true when a take with that id existed
   */
  boolean updateTake(
      long messageId,
      String text,
      Instant editedAt,
      Label label,
      double score,
      String analyzerVersion);

  /** Removes a take (its author deleted it). @return true when it existed */
  boolean deleteTake(long messageId);

  /** Removes many takes at once (bulk delete). @return how many existed */
  int deleteTakes(Collection<Long> messageIds);

  /** A moderator's correction of a tag; wins over the analyser from then on. */
  void correctLabel(long messageId, Label label, long moderatorId, Instant at);

  /**
   * Replaces the analyser's tag of a take without touching its text or edit time (re-tagging after
   * an analyser upgrade), only while its text is still {@code scoredText}, the text the tag was
   * computed from: an edit that landed meanwhile has tagged the new text itself, and must not get
   * the old text's tag. A take a moderator corrected keeps the moderator's label.
   *
   * @return true when the take existed with that text and was re-tagged
   */
  boolean retag(
      long messageId, String scoredText, Label label, double score, String analyzerVersion);
}
