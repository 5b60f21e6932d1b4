package dev.takebot.schedule;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Turns for starting gateway sessions. Discord lets a bot token start {@code max_concurrency}
 * sessions per 5 s, one in each bucket {@code shard_id % max_concurrency}, counted over every
 * process on that token; an IDENTIFY sooner than that gets an invalid session and is retried
 * seconds later. A gate hands out one turn per bucket at a time: the holder identifies, reports
 * {@link Turn#identified()}, and the bucket stays closed for the window after that.
 *
 * <p>{@link SharedIdentifyGate} keeps the turns in the database the bot processes share, so several
 * processes start in turn; a single process (SQLite) needs none of this.
 */
public interface IdentifyGate {

  /**
   * Blocks until this caller's turn in {@code bucket} comes, or until {@code wanted} turns false
   * (the session was cancelled meanwhile); checked between attempts.
   *
   * @return the turn, or empty when no longer wanted
   * @throws InterruptedException when interrupted while waiting
   */
  Optional<Turn> await(int bucket, BooleanSupplier wanted) throws InterruptedException;

  /** One IDENTIFY's turn in its bucket. */
  interface Turn {
    /**
     * The IDENTIFY was delivered (or failed): the bucket stays closed for the gate's window from
     * now.
     *
     * @return false when the turn had run out before this (connecting took longer than the gate
     *     allows), so another process may have identified in the same window
     */
    boolean identified();
  }
}
