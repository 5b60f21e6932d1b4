package dev.takebot.feed;

import dev.takebot.fetch.Validators;
import java.time.Instant;
import java.util.Objects;

/**
 * A feed one server follows, with its polling state.
 *
 * @param id the feed's id (random, positive)
 * @param guildId the server
 * @param channelId where its items are posted; 0 for the server's post channel
 * @param reviewChannelId the moderators' channel where new items wait as previews ("review first"),
 *     or 0 to post them at once
 * @param url the feed's address as added
 * @param title the feed's title when added (for {@code /feed list})
 * @param addedBy who added it
 * @param addedAt when
 * @param pollMinutes how often it is read when all is well
 * @param paused true while a moderator paused it
 * @param validators the last answer's ETag and Last-Modified
 * @param nextPollAt when it is next read
 * @param failures errors in a row (0 after a good poll); the wait doubles with each
 * @param lastError the last error in one line, or {@code null} after a good poll
 * @param lastPolledAt when it was last read, or {@code null}
 */
public record Feed(
    long id,
    long guildId,
    long channelId,
    long reviewChannelId,
    String url,
    String title,
    long addedBy,
    Instant addedAt,
    int pollMinutes,
    boolean paused,
    Validators validators,
    Instant nextPollAt,
    int failures,
    String lastError,
    Instant lastPolledAt) {

  /** True when new items wait for a moderator in the review channel. */
  public boolean reviewFirst() {
    return reviewChannelId != 0;
  }

  public Feed {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(addedAt, "addedAt");
    Objects.requireNonNull(nextPollAt, "nextPollAt");
    validators = Objects.requireNonNullElse(validators, Validators.NONE);
  }
}
