package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How the bot fetches pages and feeds ({@code /article post url:}, {@code /feed}, {@code preview
 * URL}).
 *
 * @param allowPrivateAddresses fetch from private, loopback and link-local addresses too; off in
 *     production, where it would let anyone who can post a link probe the bot's own network
 * @param connectTimeoutSeconds the longest a connection may take to open (1–60)
 * @param readTimeoutSeconds the longest the site may stay silent while answering (1–120)
 * @param totalTimeoutSeconds the budget of one fetch, redirects and reading included (1–300)
 * @param maxBytes the largest page or feed read, checked while reading (64 KiB–16 MiB)
 * @param userAgent what the bot calls itself to the sites it reads
 */
public record FetchSettings(
    @JsonProperty("allowPrivateAddresses") Boolean allowPrivateAddresses,
    @JsonProperty("connectTimeoutSeconds") Integer connectTimeoutSeconds,
    @JsonProperty("readTimeoutSeconds") Integer readTimeoutSeconds,
    @JsonProperty("totalTimeoutSeconds") Integer totalTimeoutSeconds,
    @JsonProperty("maxBytes") Integer maxBytes,
    @JsonProperty("userAgent") String userAgent) {

  /** The documented size cap: 2 MB. */
  public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

  public static final String DEFAULT_USER_AGENT =
      "TakeBot/0.1 (Discord news bot; +https://github.com/takebot/takebot)";

  @JsonCreator
  public FetchSettings {
    allowPrivateAddresses = Objects.requireNonNullElse(allowPrivateAddresses, false);
    connectTimeoutSeconds = Objects.requireNonNullElse(connectTimeoutSeconds, 5);
    readTimeoutSeconds = Objects.requireNonNullElse(readTimeoutSeconds, 10);
    totalTimeoutSeconds = Objects.requireNonNullElse(totalTimeoutSeconds, 20);
    maxBytes = Objects.requireNonNullElse(maxBytes, DEFAULT_MAX_BYTES);
    userAgent = Objects.requireNonNullElse(userAgent, DEFAULT_USER_AGENT);
    check("connectTimeoutSeconds", connectTimeoutSeconds, 1, 60);
    check("readTimeoutSeconds", readTimeoutSeconds, 1, 120);
    check("totalTimeoutSeconds", totalTimeoutSeconds, 1, 300);
    check("maxBytes", maxBytes, 64 * 1024, 16 * 1024 * 1024);
    if (userAgent.isBlank() || userAgent.length() > 200 || !userAgent.matches("[\\x20-\\x7e]+")) {
      throw new IllegalArgumentException(
          "userAgent must be 1-200 printable ASCII characters, got '" + userAgent + "'");
    }
  }

  static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  public static FetchSettings defaults() {
    return new FetchSettings(null, null, null, null, null, null);
  }

  /** The same settings with private addresses allowed or not (tests, local sources). */
  public FetchSettings withAllowPrivateAddresses(boolean allow) {
    return new FetchSettings(
        allow, connectTimeoutSeconds, readTimeoutSeconds, totalTimeoutSeconds, maxBytes, userAgent);
  }
}
