package dev.takebot.discord;

/**
 * Turns an article's raw text into the messages to post. Implemented by the {@code article} package's
 * parser and post builder; the bot only posts what it is given.
 */
@FunctionalInterface
public interface ArticlePipeline {

  /**
   * Prepares a post.
   *
   * @param origin where the text came from (file name, "pasted text"), for error messages
   * @param text the article as given
   * @throws IllegalArgumentException with a one-line, user-facing message when the text is no article
   */
  PreparedArticle prepare(String origin, String text);
}
