package dev.takebot.takes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Posted articles (discussions): recording a post, finding the discussion a message or thread
 * belongs to, listing what a member may pick from, and taking back a post that could not be
 * completed. Obtained from {@link TakeService#discussions()}, which shares its listeners.
 */
public final class DiscussionService {
  private final Discussions discussions;
  private final TakeChanges changes;

  DiscussionService(Discussions discussions, TakeChanges changes) {
    this.discussions = Objects.requireNonNull(discussions, "discussions");
    this.changes = Objects.requireNonNull(changes, "changes");
  }

  /** Records a posted article. Idempotent on its post message id. */
  public void save(Discussion discussion) {
    discussions.saveDiscussion(Objects.requireNonNull(discussion, "discussion"));
  }

  public Optional<Discussion> find(long postMessageId) {
    return discussions.findDiscussion(postMessageId);
  }

  /** The discussion {@code postMessageId} belongs to, when it is one of {@code guildId}'s. */
  public Optional<Discussion> find(long guildId, long postMessageId) {
    return find(postMessageId).filter(d -> d.guildId() == guildId);
  }

  /**
   * The discussion whose post (or its lead message) is {@code messageId}: replies to it are takes.
   */
  public Optional<Discussion> byPostMessage(long messageId) {
    return discussions.findDiscussionByPostMessage(messageId);
  }

  /** The discussion whose thread is {@code threadId}. */
  public Optional<Discussion> byThread(long threadId) {
    return discussions.findDiscussionByThread(threadId);
  }

  /** A guild's discussions, newest first. */
  public List<Discussion> list(long guildId, int limit) {
    return discussions.listDiscussions(guildId, limit);
  }

  /** A guild's discussions posted in a channel of {@code scope}, newest first. */
  public List<Discussion> list(long guildId, ChannelScope scope, int limit) {
    return discussions.listDiscussions(guildId, scope, limit);
  }

  /** Earlier posts of the same article, newest first. */
  public List<Discussion> byArticle(String articleKey) {
    return discussions.findDiscussionsByArticle(articleKey);
  }

  /**
   * The newest discussion of {@code guildId} about the same article, see {@link
   * Discussions#findSameArticle}.
   */
  public Optional<Discussion> sameArticle(
      long guildId, String articleKey, String linkKey, String titleKey) {
    return discussions.findSameArticle(guildId, articleKey, linkKey, titleKey);
  }

  /**
   * Up to {@code limit} discussions of {@code guildId} about the same article, newest first, see
   * {@link Discussions#findSameArticles}.
   */
  public List<Discussion> sameArticles(
      long guildId, String articleKey, String linkKey, String titleKey, int limit) {
    return discussions.findSameArticles(guildId, articleKey, linkKey, titleKey, limit);
  }

  /**
   * Removes a discussion and its takes (a post that could not be completed) and tells the
   * listeners, so no cached summary of it outlives it.
   *
   * @return true when the discussion existed
   */
  public boolean delete(long postMessageId) {
    if (!discussions.deleteDiscussion(postMessageId)) {
      return false;
    }
    changes.changed(postMessageId);
    return true;
  }
}
