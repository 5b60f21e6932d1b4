package dev.takebot.feed;

import dev.takebot.fetch.Accept;
import dev.takebot.fetch.FetchException;
import dev.takebot.fetch.Fetched;
import dev.takebot.fetch.SafeFetcher;
import dev.takebot.fetch.Validators;
import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Fetches and reads feeds, conditionally when polling. */
final class FeedSource {
  private final SafeFetcher fetcher;

  FeedSource(SafeFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /** A feed read fresh, and the URL it was found at (after redirects). */
  record Read(ParsedFeed feed, Validators validators, URI url) {}

  /**
   * Reads {@code url} as a feed; a web page that names its feed ({@code <link rel="alternate"
   * type="application/rss+xml">}) leads to that feed, so moderators can paste the site's address.
   */
  Read discover(String url) {
    Fetched f = fetcher.fetch(url, Accept.PAGE_OR_FEED);
    if (f.isHtml() && !FeedReader.looksLikeFeed(f.body())) {
      Element link =
          Jsoup.parse(
                  new String(f.body(), java.nio.charset.StandardCharsets.UTF_8), f.url().toString())
              .selectFirst(
                  "link[rel=alternate][type=application/rss+xml], link[rel=alternate][type=application/atom+xml]");
      if (link == null || link.attr("abs:href").isBlank()) {
        throw FeedFormatException.of("feed.error.notAFeed");
      }
      f = fetcher.fetch(SafeFetcher.parse(link.attr("abs:href")), Accept.FEED, Validators.NONE);
    }
    return new Read(FeedReader.read(f.body(), Links.contentType(f)), f.validators(), f.url());
  }

  /**
   * Reads {@code url} if it changed since {@code since}.
   *
   * @return null when the site said it did not change
   * @throws FetchException or {@link FeedFormatException} with a one-line reason
   */
  Read poll(String url, Validators since) {
    Fetched f = fetcher.fetch(SafeFetcher.parse(url), Accept.FEED, since);
    if (f.notModified()) {
      return null;
    }
    return new Read(FeedReader.read(f.body(), Links.contentType(f)), f.validators(), f.url());
  }
}
