package dev.takebot.fetch;

import java.util.Set;

/** What a fetch is for, and so which content types it takes. */
public enum Accept {
  /** A web page to read an article from. */
  PAGE("text/html,application/xhtml+xml;q=0.9", Set.of("text/html", "application/xhtml+xml")),
  /** An RSS or Atom feed. */
  FEED(
      "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9",
      Set.of(
          "application/rss+xml",
          "application/atom+xml",
          "application/rdf+xml",
          "application/xml",
          "text/xml")),
  /** Either: {@code preview URL} and {@code /article post url:} take a page or a feed. */
  PAGE_OR_FEED(
      "text/html,application/xhtml+xml;q=0.9,application/rss+xml,application/atom+xml,"
          + "application/xml;q=0.8,text/xml;q=0.8",
      Set.of(
          "text/html",
          "application/xhtml+xml",
          "application/rss+xml",
          "application/atom+xml",
          "application/rdf+xml",
          "application/xml",
          "text/xml"));

  private final String header;
  private final Set<String> mediaTypes;

  Accept(String header, Set<String> mediaTypes) {
    this.header = header;
    this.mediaTypes = mediaTypes;
  }

  /** The {@code Accept} header sent. */
  String header() {
    return header;
  }

  /** True when a response of {@code mediaType} is what was asked for. */
  boolean takes(String mediaType) {
    return mediaTypes.contains(mediaType);
  }
}
