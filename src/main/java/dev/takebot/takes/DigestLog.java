package dev.takebot.takes;

import java.time.Instant;
import java.util.List;

/**
 * The store's role for digests on a clock ("every N hours"): when each discussion last had a digest
 * and which takes it covered, kept in the database so that the cadence survives restarts and a
 * server's shard moving to another process. Every method is thread-safe.
 */
public interface DigestLog {

  /**
   * Records that {@code postMessageId}'s digest was posted {@code at}, covering every take stored
   * so far.
   */
  void recordDigest(long postMessageId, long guildId, Instant at);

  /**
   * The guild's discussions due for a digest: the last one (or, before the first, the article's
   * post) was at or before {@code lastBy} and a take arrived since it. For a discussion that never
   * had one, only takes with an id above {@code firstSinceTakeId} count as new, so that turning
   * digests on does not post one in every old discussion.
   *
   * @return their post message ids, oldest discussion first
   */
  List<Long> dueDigests(long guildId, Instant lastBy, long firstSinceTakeId);
}
