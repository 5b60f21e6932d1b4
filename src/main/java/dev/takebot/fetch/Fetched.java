package dev.takebot.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * What a fetch brought back.
 *
 * @param url where it was found, after redirects
 * @param notModified true when the site answered 304 to a conditional request (the body is empty)
 * @param mediaType the content type without parameters, lower case ({@code text/html}), or "" when
 *     the site sent none
 * @param charset the charset the site declared, or {@code null}
 * @param body the bytes, at most the configured cap
 * @param validators what to send next time to ask "has it changed?"
 */
public record Fetched(
    URI url,
    boolean notModified,
    String mediaType,
    Charset charset,
    byte[] body,
    Validators validators) {

  public Optional<Charset> declaredCharset() {
    return Optional.ofNullable(charset);
  }

  /** True for HTML. */
  public boolean isHtml() {
    return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
  }
}
