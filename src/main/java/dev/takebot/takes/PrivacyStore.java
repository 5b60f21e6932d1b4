package dev.takebot.takes;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The store's role for privacy and retention: forgetting a member, purging old takes and the data
 * of guilds the bot left. What {@link PrivacyService} uses. Every method is thread-safe.
 */
public interface PrivacyStore {

  /** Deletes every take of one member in a guild. @return how many */
  int forgetAuthor(long guildId, long authorId);

  /**
   * Deletes every take of one member in a guild and, in the same transaction, remembers that they
   * asked: {@link #forgottenAuthors} then reports their messages up to {@code upToMessageId} as not
   * to be stored again (their messages stay on Discord, where a backfill would otherwise find
   * them).
   *
   * @return how many takes were deleted
   */
  int forgetAuthor(long guildId, long authorId, long upToMessageId);

  /**
   * {@link #forgetAuthor(long, long, long)}, also reporting the bot's reposts among the deleted
   * takes, read in the same transaction. A store that keeps database files scrubs the deleted text
   * from them (the write-ahead log included) before returning.
   */
  ForgetResult forget(long guildId, long authorId, long upToMessageId);

  /**
   * Members of a guild who asked to be forgotten: author id to the newest message id never to store
   * again.
   */
  Map<Long, Long> forgottenAuthors(long guildId);

  /** Retention: deletes every take of a guild created before {@code cutoff}. @return how many */
  int purgeOlderThan(long guildId, Instant cutoff);

  /**
   * Every guild the store holds anything of (discussions, takes, forget requests), connected or
   * not.
   */
  Set<Long> storedGuilds();

  /**
   * Records that the bot left a guild at {@code at}. A guild already recorded keeps its earlier
   * time.
   *
   * @return true when the departure was new
   */
  boolean markGuildDeparted(long guildId, Instant at);

  /**
   * The bot is back in the guild: nothing is purged for it. @return true when a departure was
   * recorded
   */
  boolean cancelGuildDeparture(long guildId);

  /** Guilds the bot left and whose data is still stored, with when it left. */
  Map<Long, Instant> departedGuilds();

  /**
   * Deletes everything stored for a guild the bot left at or before {@code departedBy}:
   * discussions, takes, corrections, aggregates, forget requests and the departure record itself.
   * Works in chunks and re-checks the departure in each, so a guild that re-added the bot meanwhile
   * keeps what is left.
   *
   * @return how many takes were deleted
   */
  int purgeDepartedGuild(long guildId, Instant departedBy);
}
