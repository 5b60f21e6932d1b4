package dev.takebot.discord;

import dev.takebot.article.ArticleIdentity;
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
 * @param identity what tells whether a server already discusses this article; a moderator's edit
 *     keeps the identity of the article as it was read
 */
public record PreparedArticle(
    String title,
    String articleKey,
    String threadName,
    List<MessageSpec> messages,
    int postIndex,
    ArticlePost source,
    ArticleIdentity identity) {

  /** A post with the identity of its article as built, or of its text when it has no source. */
  public PreparedArticle(
      String title,
      String articleKey,
      String threadName,
      List<MessageSpec> messages,
      int postIndex,
      ArticlePost source) {
    this(
        title,
        articleKey,
        threadName,
        messages,
        postIndex,
        source,
        source == null ? ArticleIdentity.ofText(articleKey) : ArticleIdentity.of(source.article()));
  }

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
    Objects.requireNonNull(identity, "identity");
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

  /** The same post, known by {@code identity} (e.g. that of the article before an edit). */
  PreparedArticle withIdentity(ArticleIdentity identity) {
    return new PreparedArticle(
        title, articleKey, threadName, messages, postIndex, source, identity);
  }

  /** Whether a preview may offer to edit it. */
  public boolean editable() {
    return source != null;
  }
}
