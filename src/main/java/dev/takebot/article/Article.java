package dev.takebot.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed article: the text as the author wrote it, minus the parts that are not prose (links,
 * lines of hashtags, the closing call to action), which are kept separately.
 *
 * @param format which input format it was recognised as
 * @param title the title, one line, hashtag signs removed
 * @param date the publication date, or {@code null} when the input has none
 * @param paragraphs the prose, one string per paragraph, inline {@code #tags} reduced to their
 *     words
 * @param hashtags the author's own hashtags in their spelling and order, without {@code #}
 * @param videoUrl the first video link, canonical and without tracking, or {@code null}
 * @param links every other link, cleaned, in order ("read more")
 * @param callToAction the author's closing call to action (e.g. "Your take 👇"), or {@code null}
 * @param articleKey a stable key for this article: the first 16 hex digits of the SHA-256 of its
 *     normalised text, so the same article pasted twice (CRLF, BOM, trailing spaces) gets the same
 *     key
 * @param sourceUrl the page the article was read from (a news page, a feed item's link), canonical
 *     and without tracking, or {@code null} for an article pasted or attached
 */
public record Article(
    Format format,
    String title,
    LocalDate date,
    List<String> paragraphs,
    List<String> hashtags,
    String videoUrl,
    List<String> links,
    String callToAction,
    String articleKey,
    String sourceUrl) {

  /** The input formats {@link ArticleParser} recognises. */
  public enum Format {
    /** First line {@code date YYYY-MM-DD Title}, paragraphs separated by blank lines. */
    SEED,
    /** Markdown, optionally with YAML front matter (title, date, tags, video). */
    MARKDOWN,
    /** Plain text whose first line is the title. */
    PLAIN,
    /** Read from a web page or a feed item ({@link ArticleDraft}). */
    WEB
  }

  public Article {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(articleKey, "articleKey");
    paragraphs = List.copyOf(paragraphs);
    hashtags = List.copyOf(hashtags);
    links = List.copyOf(links);
    if (title.isBlank() || paragraphs.isEmpty()) {
      throw new IllegalArgumentException("an article needs a title and at least one paragraph");
    }
  }

  /** The publication date, when the input gave one. */
  public Optional<LocalDate> publishedOn() {
    return Optional.ofNullable(date);
  }

  /** The video link, when the input had one. */
  public Optional<String> video() {
    return Optional.ofNullable(videoUrl);
  }

  /** The prose as one string, paragraphs separated by blank lines. */
  public String body() {
    return String.join("\n\n", paragraphs);
  }
}
