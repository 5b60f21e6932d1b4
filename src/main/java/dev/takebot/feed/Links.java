package dev.takebot.feed;

import dev.takebot.article.ArticleDraft;
import dev.takebot.fetch.Accept;
import dev.takebot.fetch.FetchException;
import dev.takebot.fetch.Fetched;
import dev.takebot.fetch.SafeFetcher;
import dev.takebot.web.PageReader;

/**
 * Any link made an article draft: a web page is read as a news page, a feed gives its newest item.
 * For {@code /article post url:} and {@code preview URL}.
 */
public final class Links {
  private final SafeFetcher fetcher;

  public Links(SafeFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /**
   * Fetches {@code url} and reads it.
   *
   * @throws FetchException when the link is refused or cannot be fetched (one line)
   * @throws FeedFormatException when a feed cannot be read or has no items
   */
  public ArticleDraft read(String url) {
    Fetched page = fetcher.fetch(url, Accept.PAGE_OR_FEED);
    if (page.isHtml() && !FeedReader.looksLikeFeed(page.body())) {
      return PageReader.read(page.body(), page.charset(), page.url().toString());
    }
    ParsedFeed feed = FeedReader.read(page.body(), contentType(page));
    return feed.newest()
        .map(FeedItem::draft)
        .orElseThrow(() -> FeedFormatException.of("feed.error.noItems"));
  }

  static String contentType(Fetched f) {
    if (f.mediaType().isEmpty()) {
      return null;
    }
    return f.mediaType() + (f.charset() == null ? "" : "; charset=" + f.charset().name());
  }
}
