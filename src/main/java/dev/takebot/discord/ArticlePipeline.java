package dev.takebot.discord;

import dev.takebot.article.ArticleDraft;

/**
 * Turns an article's raw text into the messages to post. Implemented by the {@code article}
 * package's parser and post builder; the bot only posts what it is given.
 */
@FunctionalInterface
public interface ArticlePipeline {

  /**
   * Prepares a post.
   *
   * @param origin where the text came from (file name, "pasted text"), for error messages
   * @param text the article as given
   * @throws UserError with a one-line message for the moderator when the text is no article; any
   *     other exception is a bug, reported to them only as a reference to the log
   */
  PreparedArticle prepare(String origin, String text);

  /**
   * Prepares a post for a server that reads {@code serverLocale} (its date and buttons); the
   * article's own language still decides its call to action. Pipelines that know no languages
   * ignore it.
   */
  default PreparedArticle prepare(String origin, String text, java.util.Locale serverLocale) {
    return prepare(origin, text);
  }

  /**
   * Prepares a post from an article read from a web page or a feed item.
   *
   * @throws UserError when the draft is no article (e.g. "no article text found")
   */
  default PreparedArticle prepare(String origin, ArticleDraft draft) {
    throw UserError.of("post.noLinks");
  }

  /** {@link #prepare(String, ArticleDraft)} for a server that reads {@code serverLocale}. */
  default PreparedArticle prepare(
      String origin, ArticleDraft draft, java.util.Locale serverLocale) {
    return prepare(origin, draft);
  }
}
