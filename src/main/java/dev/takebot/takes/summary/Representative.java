package dev.takebot.takes.summary;

import dev.takebot.sentiment.Label;
import java.time.Instant;

/**
 * A take quoted in a summary. The text is kept as written (possibly already cut to a bounded
 * length); renderers must quote it through {@code SafeText}.
 *
 * @param messageId the take's message id, for the jump link
 * @param channelId the channel the take lives in, for the jump link
 * @param authorId the member's id
 * @param authorName the member's display name at the time
 * @param text what they wrote (at most {@link DiscussionSummarizer#MAX_KEPT_TEXT} characters)
 * @param label its sentiment tag
 * @param score its sentiment score
 * @param createdAt when it was posted
 * @param reactions reactions it received, or 0 when unknown
 */
public record Representative(
    long messageId,
    long channelId,
    long authorId,
    String authorName,
    String text,
    Label label,
    double score,
    Instant createdAt,
    int reactions) {

  /** {@code https://discord.com/channels/{guild}/{channel}/{message}}. */
  public String jumpUrl(long guildId) {
    return "https://discord.com/channels/" + guildId + "/" + channelId + "/" + messageId;
  }
}
