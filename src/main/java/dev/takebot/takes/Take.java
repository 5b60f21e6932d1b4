package dev.takebot.takes;

import dev.takebot.sentiment.Label;
import java.time.Instant;

/**
 * One member's take on a discussion.
 *
 * @param messageId the Discord message id; unique, makes inserts idempotent
 * @param postMessageId the discussion it belongs to
 * @param channelId where the message lives (the thread, or the post's channel for replies)
 * @param authorId member's user id
 * @param authorName member's display name at the time
 * @param text what they wrote
 * @param createdAt when it was posted
 * @param editedAt last edit, or {@code null}
 * @param label sentiment tag (a moderator's correction wins over the analyser)
 * @param score sentiment score in [-1, 1]
 * @param analyzerVersion the analyser version that produced the tag, or "moderator" for a
 *     correction
 */
public record Take(
    long messageId,
    long postMessageId,
    long channelId,
    long authorId,
    String authorName,
    String text,
    Instant createdAt,
    Instant editedAt,
    Label label,
    double score,
    String analyzerVersion) {}
