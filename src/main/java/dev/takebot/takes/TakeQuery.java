package dev.takebot.takes;

import dev.takebot.sentiment.Label;

/**
 * Which takes of a guild a listing shows: optionally one discussion, one tag and one member.
 *
 * @param guildId the guild (always required: listings never cross servers)
 * @param postMessageId only this discussion, or {@code null} for all of the guild's
 * @param label only takes with this (effective, i.e. corrected if corrected) tag, or {@code null}
 * @param authorId only this member's takes, or {@code null}
 */
public record TakeQuery(long guildId, Long postMessageId, Label label, Long authorId) {

  /** Every take of one member in a guild. */
  public static TakeQuery byAuthor(long guildId, long authorId) {
    return new TakeQuery(guildId, null, null, authorId);
  }
}
