package dev.takebot.article;

import dev.takebot.message.MessageSpec;
import java.util.List;
import java.util.Objects;

/**
 * What the bot posts for one article.
 *
 * @param threadName name of the thread that will hold the takes (≤ 100 chars)
 * @param messages the messages in posting order; the last one carries the summary embed and is the
 *     one the thread starts from (see {@link #threadAnchor()})
 * @param article the parsed article
 * @param summary the summary sentences as chosen, unescaped, in article order
 * @param hashtags the hashtags shown, without '#'
 */
public record ArticlePost(
    String threadName,
    List<MessageSpec> messages,
    Article article,
    List<String> summary,
    List<String> hashtags) {

  public ArticlePost {
    Objects.requireNonNull(threadName, "threadName");
    Objects.requireNonNull(article, "article");
    messages = List.copyOf(messages);
    summary = List.copyOf(summary);
    hashtags = List.copyOf(hashtags);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a post needs at least one message");
    }
  }

  /**
   * The message the takes thread starts from: the summary embed, which ends with the call to
   * action.
   */
  public MessageSpec threadAnchor() {
    return messages.get(messages.size() - 1);
  }
}
