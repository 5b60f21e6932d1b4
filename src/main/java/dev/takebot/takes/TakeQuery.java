package dev.takebot.takes;

import dev.takebot.sentiment.Label;
import java.util.Objects;

/**
 * Which takes of a guild a listing shows: optionally one discussion, one tag and one member, and
 * always only discussions within a {@link ChannelScope} (what the reader may see).
 *
 * @param guildId the guild (always required: listings never cross servers)
 * @param postMessageId only this discussion, or {@code null} for all of the guild's
 * @param label only takes with this (effective, i.e. corrected if corrected) tag, or {@code null}
 * @param authorId only this member's takes, or {@code null}
 * @param scope only takes of discussions posted in these channels
 */
public record TakeQuery(
    long guildId, Long postMessageId, Label label, Long authorId, ChannelScope scope) {

  public TakeQuery {
    Objects.requireNonNull(scope, "scope");
  }

  /** Every take of one member in a guild, within {@code scope}. */
  public static TakeQuery byAuthor(long guildId, long authorId, ChannelScope scope) {
    return new TakeQuery(guildId, null, null, authorId, scope);
  }

  /** The same filters, within {@code other} channels. */
  public TakeQuery within(ChannelScope other) {
    return new TakeQuery(guildId, postMessageId, label, authorId, other);
  }

  /** The same filters, for one discussion only. */
  public TakeQuery onPost(long post) {
    return new TakeQuery(guildId, post, label, authorId, scope);
  }
}
