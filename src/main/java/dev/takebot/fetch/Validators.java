package dev.takebot.fetch;

/**
 * A response's {@code ETag} and {@code Last-Modified}, sent back as {@code If-None-Match} and
 * {@code If-Modified-Since} so that an unchanged feed costs its site a 304 and no body.
 *
 * @param etag the entity tag as the site sent it, or {@code null}
 * @param lastModified the date as the site sent it, or {@code null}
 */
public record Validators(String etag, String lastModified) {
  public static final Validators NONE = new Validators(null, null);

  public Validators {
    etag = clean(etag);
    lastModified = clean(lastModified);
  }

  /** A header value the site sent, kept only when it is short printable ASCII. */
  private static String clean(String value) {
    if (value == null || value.isBlank() || value.length() > 512) {
      return null;
    }
    return value.matches("[\\x20-\\x7e]+") ? value.strip() : null;
  }
}
