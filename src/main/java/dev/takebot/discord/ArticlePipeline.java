package dev.takebot.discord;

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
}
