package dev.takebot.takes;

import java.time.Instant;

/**
 * One posted article: the message that carries it and the thread that holds its takes.
 *
 * @param postMessageId id of the bot's message carrying the embed (the thread hangs off it)
 * @param guildId guild it was posted in
 * @param channelId channel it was posted in
 * @param threadId thread holding the takes (on Discord the same id as the message it starts from)
 * @param articleKey stable key of the article (hash of its text), to find earlier posts of the same
 *     article
 * @param title article title, as parsed
 * @param postedAt when the post went out
 * @param leadMessageId id of the message sent just before the post as part of it (the video link of
 *     a two-message post), or 0 when the post is one message. Both messages are the post: a reply
 *     to either is a take.
 * @param linkKey the key of the article's link, or {@code null} when it had none (or was posted
 *     before links were recorded): with {@code titleKey} and {@code articleKey}, what finds an
 *     earlier post of the same article in a server (see {@code article.ArticleIdentity})
 * @param titleKey the key of the article's dated title, or {@code null} when it had no date
 */
public record Discussion(
    long postMessageId,
    long guildId,
    long channelId,
    long threadId,
    String articleKey,
    String title,
    Instant postedAt,
    long leadMessageId,
    String linkKey,
    String titleKey) {

  public Discussion {
    if (leadMessageId < 0 || (leadMessageId != 0 && leadMessageId == postMessageId)) {
      throw new IllegalArgumentException(
          "leadMessageId must be 0 or another message than the post: " + leadMessageId);
    }
  }

  /** A post of one message, its article known by its text only. */
  public Discussion(
      long postMessageId,
      long guildId,
      long channelId,
      long threadId,
      String articleKey,
      String title,
      Instant postedAt) {
    this(postMessageId, guildId, channelId, threadId, articleKey, title, postedAt, 0, null, null);
  }

  /** Whether {@code messageId} is one of the post's messages, so that a reply to it is a take. */
  public boolean isPostMessage(long messageId) {
    return messageId == postMessageId || (leadMessageId != 0 && messageId == leadMessageId);
  }
}
