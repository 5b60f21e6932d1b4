package dev.takebot.discord;

import dev.takebot.article.ArticlePost;
import dev.takebot.message.DiscordLimits;
import dev.takebot.message.MessageSpec;
import java.util.List;
import java.util.Objects;

/**
 * An article ready to post.
 *
 * @param title article title, as parsed
 * @param articleKey stable key of the article (hash of its text)
 * @param threadName name of the discussion thread (≤ 100 chars)
 * @param messages the messages to post, in order (e.g. the video link, then the embed)
 * @param postIndex which of {@code messages} is "the post": it carries the button and the thread
 * @param source the built post these messages come from, so a preview can change its title, summary
 *     and hashtags and render it again; {@code null} for a post made by other means, which can be
 *     posted as is but not edited
 */
public record PreparedArticle(
    String title,
    String articleKey,
    String threadName,
    List<MessageSpec> messages,
    int postIndex,
    ArticlePost source) {

  /** A post that cannot be edited (see {@link #source}). */
  public PreparedArticle(
      String title,
      String articleKey,
      String threadName,
      List<MessageSpec> messages,
      int postIndex) {
    this(title, articleKey, threadName, messages, postIndex, null);
  }

  public PreparedArticle {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(articleKey, "articleKey");
    messages = List.copyOf(messages);
    if (threadName == null
        || threadName.isBlank()
        || threadName.length() > DiscordLimits.THREAD_NAME) {
      throw new IllegalArgumentException("thread name must be 1-100 chars: " + threadName);
    }
    if (postIndex < 0 || postIndex >= messages.size()) {
      throw new IllegalArgumentException(
          "postIndex " + postIndex + " outside " + messages.size() + " messages");
    }
  }

  /** Whether a preview may offer to edit it. */
  public boolean editable() {
    return source != null;
  }
}
