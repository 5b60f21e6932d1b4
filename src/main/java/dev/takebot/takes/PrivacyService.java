package dev.takebot.takes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * What members and operators may ask the bot to forget: one member's takes ({@code /takes forget}),
 * takes past the retention period, everything of a guild the bot left. Each removal tells the
 * listeners about the guild's discussions, since any of them may have held a removed take. Obtained
 * from {@link TakeService#privacy()}, which shares its listeners.
 */
public final class PrivacyService {
  private final PrivacyStore store;
  private final Discussions discussions;
  private final TakeChanges changes;

  PrivacyService(PrivacyStore store, Discussions discussions, TakeChanges changes) {
    this.store = Objects.requireNonNull(store, "store");
    this.discussions = Objects.requireNonNull(discussions, "discussions");
    this.changes = Objects.requireNonNull(changes, "changes");
  }

  /**
   * Deletes every take of one member in a guild, remembers that their messages up to {@code
   * upToMessageId} must not be stored again, and reports the bot's "Share your take" reposts among
   * the deleted takes for the caller to delete on Discord (the member cannot).
   */
  public ForgetResult forget(long guildId, long authorId, long upToMessageId) {
    List<Discussion> before = discussions.listDiscussions(guildId, Integer.MAX_VALUE);
    ForgetResult result = store.forget(guildId, authorId, upToMessageId);
    if (result.takes() > 0) {
      before.forEach(d -> changes.changed(d.postMessageId()));
    }
    return result;
  }

  /**
   * Members of a guild who asked to be forgotten: author id to the newest message id never to store
   * again.
   */
  public Map<Long, Long> forgottenAuthors(long guildId) {
    return store.forgottenAuthors(guildId);
  }

  /**
   * Retention: deletes a guild's takes created before {@code cutoff} and tells the listeners.
   *
   * @return how many takes were deleted
   */
  public int purgeOlderThan(long guildId, Instant cutoff) {
    return changingGuild(guildId, () -> store.purgeOlderThan(guildId, cutoff));
  }

  /**
   * Retention for a guild the bot left at or before {@code departedBy}: deletes everything stored
   * for it and tells the listeners about each of its discussions.
   *
   * @return how many takes were deleted
   */
  public int purgeDepartedGuild(long guildId, Instant departedBy) {
    List<Discussion> before = discussions.listDiscussions(guildId, Integer.MAX_VALUE);
    int removed = store.purgeDepartedGuild(guildId, departedBy);
    before.forEach(d -> changes.changed(d.postMessageId()));
    return removed;
  }

  /** Every guild the store holds anything of, connected or not. */
  public Set<Long> storedGuilds() {
    return store.storedGuilds();
  }

  /** Records that the bot left a guild at {@code at}. @return true when the departure was new */
  public boolean markDeparted(long guildId, Instant at) {
    return store.markGuildDeparted(guildId, at);
  }

  /**
   * The bot is back in the guild: nothing is purged for it. @return true when a departure was
   * recorded
   */
  public boolean cancelDeparture(long guildId) {
    return store.cancelGuildDeparture(guildId);
  }

  /** Guilds the bot left and whose data is still stored, with when it left. */
  public Map<Long, Instant> departedGuilds() {
    return store.departedGuilds();
  }

  private int changingGuild(long guildId, IntSupplier change) {
    List<Discussion> before = discussions.listDiscussions(guildId, Integer.MAX_VALUE);
    int removed = change.getAsInt();
    if (removed > 0) {
      before.forEach(d -> changes.changed(d.postMessageId()));
    }
    return removed;
  }
}
