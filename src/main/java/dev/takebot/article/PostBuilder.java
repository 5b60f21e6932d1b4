package dev.takebot.article;

import dev.takebot.i18n.Languages;
import dev.takebot.i18n.Texts;
import dev.takebot.message.ButtonSpec;
import dev.takebot.message.DiscordLimits;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.text.LanguageGuess;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the post for an article.
 *
 * <p><b>Two messages when there is a video, one otherwise.</b> Discord shows a video player for a
 * link in a message's <i>content</i>, never for a link inside a bot's embed. A lone link in content
 * is exactly what members post themselves, so its player always appears; mixed with rich embeds the
 * generated preview is appended after them, which puts the player below the text it illustrates and
 * depends on how the client orders embeds. So the video goes first as a plain link, then the
 * summary embed, which ends with the call to action and is the message the takes thread hangs from
 * — the "👇" points at the thread. Without a video the embed alone is the post.
 *
 * <p>Everything quoted from the article goes through {@link SafeText}: it cannot ping anyone and
 * cannot break the layout, and {@code allowed_mentions} is empty on top of that.
 */
public final class PostBuilder {
  /** Hashtags shown when the configuration says nothing. */
  public static final int DEFAULT_HASHTAGS = Hashtagger.DEFAULT_LIMIT;

  /** Default call to action of an English article, used when the author wrote none. */
  public static final String DEFAULT_CALL_TO_ACTION = "Your take 👇";

  /** The embed's accent colour. */
  static final int COLOR = 0xE8A33D;

  private static final int MAX_READ_MORE = 3;
  private static final int MAX_BUTTON_URL = 512;

  private PostBuilder() {}

  /** The post with {@link #DEFAULT_HASHTAGS} hashtags. */
  public static ArticlePost build(Article article) {
    return build(article, DEFAULT_HASHTAGS);
  }

  /**
   * The post for {@code article}.
   *
   * @param hashtagLimit how many hashtags to show, 0 to {@value Hashtagger#MAX_LIMIT}
   * @throws IllegalArgumentException when {@code hashtagLimit} is out of range
   */
  public static ArticlePost build(Article article, int hashtagLimit) {
    return build(article, hashtagLimit, Languages.DEFAULT);
  }

  /**
   * The post for {@code article} in a server that reads {@code serverLocale}: the article's own
   * language (French or English, from its text) decides the call to action and the thread name; the
   * server's decides the rest (the date, the buttons).
   *
   * @param hashtagLimit how many hashtags to show, 0 to {@value Hashtagger#MAX_LIMIT}
   * @throws IllegalArgumentException when {@code hashtagLimit} is out of range
   */
  public static ArticlePost build(Article article, int hashtagLimit, Locale serverLocale) {
    List<String> summary = new Summarizer(Summarizer.DEFAULT_BUDGET).summarize(article);
    List<String> hashtags = new Hashtagger(hashtagLimit).hashtags(article);
    return render(article, summary, hashtags, serverLocale);
  }

  /**
   * {@code post} as a moderator edited it: the same article (its key, date, video and links) with
   * the edit's title, summary and hashtags, rendered exactly as {@link #build} renders its own.
   *
   * @throws ArticleFormatException when the edited post would not fit Discord's limits
   */
  public static ArticlePost edit(ArticlePost post, PostEdit edit) {
    return edit(post, edit, Languages.DEFAULT);
  }

  /** {@link #edit(ArticlePost, PostEdit)} for a server that reads {@code serverLocale}. */
  public static ArticlePost edit(ArticlePost post, PostEdit edit, Locale serverLocale) {
    Article a = post.article();
    Article retitled =
        new Article(
            a.format(),
            edit.title(),
            a.date(),
            a.paragraphs(),
            a.hashtags(),
            a.videoUrl(),
            a.links(),
            a.callToAction(),
            a.articleKey(),
            a.sourceUrl());
    try {
      return render(retitled, List.of(edit.summary()), edit.hashtags(), serverLocale);
    } catch (IllegalArgumentException overLimit) {
      // The edit's own limits leave room, but escaping (e.g. of '_' in many hashtags) can add up.
      throw ArticleFormatException.of(0, "articleError.edit.tooLong");
    }
  }

  private static ArticlePost render(
      Article article, List<String> summary, List<String> hashtags, Locale serverLocale) {
    Texts server = Texts.forLocale(serverLocale);
    Texts own = language(article);
    String defaultCta = own.get("post.callToAction");
    String cta = article.callToAction() == null ? defaultCta : article.callToAction();

    StringBuilder description =
        new StringBuilder(quote(String.join(" ", summary), DiscordLimits.DESCRIPTION_BUDGET - 400));
    if (!hashtags.isEmpty()) {
      description.append("\n\n");
      description.append(
          String.join(" ", hashtags.stream().map(t -> "#" + SafeText.escapeMarkdown(t)).toList()));
    }
    description.append("\n\n**").append(quote(cta, 100)).append("**");

    String link =
        article.videoUrl() != null
            ? article.videoUrl()
            : article.links().stream().findFirst().orElse(null);
    EmbedSpec embed =
        new EmbedSpec(
            quote(article.title(), DiscordLimits.EMBED_TITLE),
            link != null && link.length() <= DiscordLimits.EMBED_URL ? link : null,
            description.toString(),
            COLOR,
            List.of(),
            article
                .publishedOn()
                .map(d -> server.get("post.date", "date", server.date(d)))
                .orElse(""),
            // No timestamp: a date without a time would be shown shifted into each reader's time
            // zone.
            null,
            null);
    MessageSpec summaryMessage = MessageSpec.ofEmbed(embed).withButtons(readMore(article, server));

    List<MessageSpec> messages = new ArrayList<>();
    article.video().ifPresent(video -> messages.add(MessageSpec.ofContent(video)));
    messages.add(summaryMessage);
    return new ArticlePost(
        threadName(article.title(), cta, defaultCta), messages, article, summary, hashtags);
  }

  /** The messages in the article's own language, as its text says. */
  static Texts language(Article article) {
    return Texts.forTag(LanguageGuess.of(article.title() + "\n" + article.body()));
  }

  /**
   * "Your take 👇 · Short title", at most 100 chars; thread names show text literally, so no
   * escaping.
   */
  static String threadName(String title, String callToAction) {
    return threadName(title, callToAction, DEFAULT_CALL_TO_ACTION);
  }

  static String threadName(String title, String callToAction, String defaultCallToAction) {
    String prefix = plainLine(callToAction);
    if (prefix.length() > 30) {
      prefix = defaultCallToAction;
    }
    prefix = prefix + " · ";
    return prefix
        + SafeText.truncate(plainLine(title), DiscordLimits.THREAD_NAME - prefix.length());
  }

  private static List<ButtonSpec> readMore(Article article, Texts texts) {
    List<ButtonSpec> buttons = new ArrayList<>();
    for (String url : article.links()) {
      if (buttons.size() == MAX_READ_MORE) {
        break;
      }
      if (url.length() <= MAX_BUTTON_URL) {
        buttons.add(
            ButtonSpec.link(
                url, SafeText.truncate(texts.get("post.readMore", "host", host(url)), 80)));
      }
    }
    return buttons;
  }

  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "link" : host.replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return url.replaceFirst("^https?://(www\\.)?", "").replaceFirst("[/?#].*$", "");
    }
  }

  private static String quote(String text, int max) {
    return SafeText.quote(text, max);
  }

  private static String plainLine(String text) {
    return SafeText.defuseMentions(SafeText.oneLine(SafeText.stripControl(text)));
  }
}
