package dev.takebot.article;

/**
 * A link after {@link LinkCleaner}: canonical where the site has a canonical form, tracking
 * removed.
 */
record CleanLink(String url, Kind kind) {

  /** What the link points at. Video links get Discord's player when posted in message content. */
  enum Kind {
    YOUTUBE,
    VIMEO,
    OTHER
  }

  boolean isVideo() {
    return kind != Kind.OTHER;
  }
}
