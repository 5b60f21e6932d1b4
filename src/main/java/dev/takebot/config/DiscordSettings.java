package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how the bot talks to Discord.
 *
 * @param restUrl REST base including {@code /api/v10/}; point it at a REST proxy or the local
 *     sandbox. {@code https://}, or {@code http://} to a loopback host only: every request carries
 *     the bot token
 * @param gatewayUrl gateway WebSocket URL; {@code wss://}, or {@code ws://} to a loopback host only
 *     (the token is sent on IDENTIFY)
 * @param devGuildId when set, slash commands are registered to this guild only (instant updates
 *     while developing); otherwise globally
 * @param moderatorRoles ids of roles whose members may post articles, besides anyone with Manage
 *     Messages; an entry that is not all digits is a role name (imitable by anyone who may create
 *     roles, so the bot warns about it at start-up)
 * @param postChannel default channel (name or id) for {@code /article post}
 * @param shards which shards this process runs; by default one shard for every guild
 */
public record DiscordSettings(
    @JsonProperty("restUrl") String restUrl,
    @JsonProperty("gatewayUrl") String gatewayUrl,
    @JsonProperty("devGuildId") Long devGuildId,
    @JsonProperty("moderatorRoles") List<String> moderatorRoles,
    @JsonProperty("postChannel") String postChannel,
    @JsonProperty("shards") ShardSettings shards) {

  public static final String DISCORD_REST = "https://discord.com/api/v10/";
  public static final String DISCORD_GATEWAY = "wss://gateway.discord.gg/";

  public DiscordSettings {
    restUrl = Objects.requireNonNullElse(restUrl, DISCORD_REST).strip();
    gatewayUrl = Objects.requireNonNullElse(gatewayUrl, DISCORD_GATEWAY).strip();
    moderatorRoles = List.copyOf(Objects.requireNonNullElse(moderatorRoles, List.of("Moderator")));
    postChannel = Objects.requireNonNullElse(postChannel, "news").strip();
    shards = Objects.requireNonNullElse(shards, ShardSettings.SINGLE);
    if (!restUrl.matches("https?://\\S+/api/v10/?")) {
      throw new IllegalArgumentException(
          "restUrl must be an http(s) URL ending in /api/v10/, e.g. "
              + DISCORD_REST
              + " (got '"
              + Secrets.redactUrl(restUrl)
              + "')");
    }
    if (!gatewayUrl.matches("wss?://\\S+")) {
      throw new IllegalArgumentException(
          "gatewayUrl must be a ws:// or wss:// URL, e.g. "
              + DISCORD_GATEWAY
              + " (got '"
              + Secrets.redactUrl(gatewayUrl)
              + "')");
    }
    requireEncrypted("restUrl", restUrl, "https://");
    requireEncrypted("gatewayUrl", gatewayUrl, "wss://");
    if (devGuildId != null && devGuildId <= 0) {
      throw new IllegalArgumentException(
          "devGuildId must be a guild id (a positive number), got " + devGuildId);
    }
    if (moderatorRoles.stream().anyMatch(r -> r == null || r.isBlank())) {
      throw new IllegalArgumentException(
          "moderatorRoles entries must be role ids (or names), not blank");
    }
    if (postChannel.isEmpty()) {
      throw new IllegalArgumentException("postChannel must name a channel, e.g. news");
    }
  }

  /**
   * The token travels with every REST request and on the gateway's IDENTIFY, so a plain-text scheme
   * is accepted only where the traffic never leaves the machine (the sandbox, {@code takebot demo},
   * a local TLS-terminating proxy).
   */
  private static void requireEncrypted(String key, String url, String secureScheme) {
    if (url.regionMatches(true, 0, secureScheme, 0, secureScheme.length()) || isLoopback(url)) {
      return;
    }
    String plain = secureScheme.replace("s://", "://");
    throw new IllegalArgumentException(
        key
            + " must start with "
            + secureScheme
            + " ("
            + plain
            + " sends the bot token unencrypted, so it is allowed only to localhost, 127.0.0.0/8 or ::1), got '"
            + Secrets.redactUrl(url)
            + "'");
  }

  /**
   * Judged from the literal host, never by a DNS lookup (which an attacker's resolver could
   * answer).
   */
  static boolean isLoopback(String url) {
    String host;
    try {
      host = new URI(url).getHost();
    } catch (URISyntaxException e) {
      return false;
    }
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.equals("localhost")) {
      return true;
    }
    if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return host.startsWith("127.")
          && Arrays.stream(host.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      try {
        // A literal: parsed, not resolved.
        return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  /** Settings of a single-shard bot. */
  public DiscordSettings(
      String restUrl,
      String gatewayUrl,
      Long devGuildId,
      List<String> moderatorRoles,
      String postChannel) {
    this(restUrl, gatewayUrl, devGuildId, moderatorRoles, postChannel, null);
  }

  /** The same settings running {@code s} instead. */
  public DiscordSettings withShards(ShardSettings s) {
    return new DiscordSettings(restUrl, gatewayUrl, devGuildId, moderatorRoles, postChannel, s);
  }

  public static DiscordSettings defaults() {
    return new DiscordSettings(null, null, null, null, null, null);
  }
}
