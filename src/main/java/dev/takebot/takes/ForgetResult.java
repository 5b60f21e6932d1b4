package dev.takebot.takes;

import java.util.List;
import java.util.Objects;

/**
 * What {@code /takes forget} removed from the store.
 *
 * @param takes how many takes were deleted
 * @param reposts the bot's own "Share your take" messages among them: the member cannot delete
 *     those on Discord, so the caller deletes them on the member's behalf
 */
public record ForgetResult(int takes, List<Repost> reposts) {
  public ForgetResult {
    reposts = List.copyOf(Objects.requireNonNull(reposts, "reposts"));
  }

  /** A message the bot posted for a member, by the channel (or thread) it is in and its id. */
  public record Repost(long channelId, long messageId) {}
}
