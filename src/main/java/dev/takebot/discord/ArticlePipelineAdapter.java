package dev.takebot.discord;

import dev.takebot.article.Article;
import dev.takebot.article.ArticleDraft;
import dev.takebot.article.ArticleFormatException;
import dev.takebot.article.ArticleParser;
import dev.takebot.article.ArticlePost;
import dev.takebot.article.PostBuilder;
import dev.takebot.article.PostEdit;

/**
 * Feeds the bot's {@code /article post} with the {@code article} package's parser and post builder.
 */
public final class ArticlePipelineAdapter implements ArticlePipeline {
  /** The origin of an article pasted rather than attached, named in the member's language. */
  static final String PASTED = "pasted text";

  private final int hashtagLimit;

  public ArticlePipelineAdapter(int hashtagLimit) {
    this.hashtagLimit = hashtagLimit;
  }

  @Override
  public PreparedArticle prepare(String origin, String text) {
    return prepare(origin, text, java.util.Locale.ENGLISH);
  }

  @Override
  public PreparedArticle prepare(String origin, String text, java.util.Locale serverLocale) {
    try {
      return prepared(PostBuilder.build(ArticleParser.parse(text), hashtagLimit, serverLocale));
    } catch (ArticleFormatException e) {
      Object where = PASTED.equals(origin) ? (UserError.Term) t -> t.get("post.pasted") : origin;
      throw UserError.caused(
          e, "post.unusable", "origin", where, "reason", (UserError.Term) e::message);
    }
  }

  @Override
  public PreparedArticle prepare(String origin, ArticleDraft draft) {
    return prepare(origin, draft, java.util.Locale.ENGLISH);
  }

  @Override
  public PreparedArticle prepare(String origin, ArticleDraft draft, java.util.Locale serverLocale) {
    try {
      return prepared(PostBuilder.build(draft.toArticle(), hashtagLimit, serverLocale));
    } catch (ArticleFormatException e) {
      throw UserError.caused(e, "post.badLink", "reason", (UserError.Term) e::message);
    }
  }

  /** The post as the bot receives it, for {@code /article post} and {@code preview} alike. */
  public static PreparedArticle prepared(ArticlePost post) {
    Article article = post.article();
    // The post builder puts the summary embed last; the thread hangs off it.
    return new PreparedArticle(
        article.title(),
        article.articleKey(),
        post.threadName(),
        post.messages(),
        post.messages().size() - 1,
        post);
  }

  /**
   * {@code article} with a moderator's changes, rendered as {@link #prepared} renders any post.
   *
   * @throws IllegalArgumentException when {@code article} is not {@link PreparedArticle#editable}
   */
  public static PreparedArticle edited(PreparedArticle article, PostEdit edit) {
    return edited(article, edit, java.util.Locale.ENGLISH);
  }

  /** {@link #edited(PreparedArticle, PostEdit)} for a server that reads {@code serverLocale}. */
  public static PreparedArticle edited(
      PreparedArticle article, PostEdit edit, java.util.Locale serverLocale) {
    if (!article.editable()) {
      throw new IllegalArgumentException("not editable: " + article.articleKey());
    }
    // Still the article that was read: an edited title must not hide an earlier post of it.
    return prepared(PostBuilder.edit(article.source(), edit, serverLocale))
        .withIdentity(article.identity());
  }
}
