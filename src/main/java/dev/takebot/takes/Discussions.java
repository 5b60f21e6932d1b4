package dev.takebot.takes;

import java.util.List;
import java.util.Optional;

/**
 * The store's role for posted articles (discussions): what {@link DiscussionService} reads and
 * writes. Every method is thread-safe.
 */
public interface Discussions {

  /** Records a posted article. Idempotent on {@code postMessageId}. */
  void saveDiscussion(Discussion discussion);

  Optional<Discussion> findDiscussion(long postMessageId);

  /**
   * Removes a discussion and any takes of it (with their corrections and aggregates), in one
   * transaction: used when a post could not be completed, so nothing points at a post that is gone.
   *
   * @return true when the discussion existed
   */
  boolean deleteDiscussion(long postMessageId);

  /**
   * The discussion one of whose post messages is {@code messageId}: the post itself or, for a post
   * of two messages, its lead (the video link). A reply to either is a take of that discussion.
   */
  Optional<Discussion> findDiscussionByPostMessage(long messageId);

  /** The discussion whose thread is {@code threadId}. */
  Optional<Discussion> findDiscussionByThread(long threadId);

  /** Discussions of a guild, newest first. */
  List<Discussion> listDiscussions(long guildId, int limit);

  /**
   * Discussions of a guild posted in a channel of {@code scope}, newest first: what a member may
   * pick from. The default filters {@link #listDiscussions(long, int)}; stores push the scope into
   * the query.
   */
  default List<Discussion> listDiscussions(long guildId, ChannelScope scope, int limit) {
    if (scope.isEmpty()) {
      return List.of();
    }
    return listDiscussions(guildId, Integer.MAX_VALUE).stream()
        .filter(scope::allows)
        .limit(Math.max(0, limit))
        .toList();
  }

  /** Earlier posts of the same article, newest first. */
  List<Discussion> findDiscussionsByArticle(String articleKey);

  /**
   * The newest discussion of {@code guildId} about the same article as these keys: when both have a
   * link key, the same link key; otherwise the same {@code articleKey} or the same {@code titleKey}
   * (the rule of {@code article.ArticleIdentity#sameAs}). Each way is an index lookup within the
   * server, however many discussions it has.
   *
   * @param linkKey null when the article has no link
   * @param titleKey null when the article has no date
   */
  Optional<Discussion> findSameArticle(
      long guildId, String articleKey, String linkKey, String titleKey);

  /**
   * Up to {@code limit} discussions of {@code guildId} about the same article as these keys, newest
   * first (see {@link #findSameArticle}).
   */
  List<Discussion> findSameArticles(
      long guildId, String articleKey, String linkKey, String titleKey, int limit);
}
