package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the bot talks to Discord.
 *
 * @param restUrl REST base including {@code /api/v10/}; point it at a REST proxy or the local sandbox
 * @param gatewayUrl gateway WebSocket URL
 * @param devGuildId when set, slash commands are registered to this guild only (instant updates while
 *     developing); otherwise globally
 * @param moderatorRoles ids of roles whose members may post articles, besides anyone with Manage
 *     Messages; an entry that is not all digits is a role name (imitable by anyone who may create roles,
 *     so the bot warns about it at start-up)
 * @param postChannel default channel (name or id) for {@code /article post}
 */
public record DiscordSettings(
    @JsonProperty("restUrl") String restUrl,
    @JsonProperty("gatewayUrl") String gatewayUrl,
    @JsonProperty("devGuildId") Long devGuildId,
    @JsonProperty("moderatorRoles") List<String> moderatorRoles,
    @JsonProperty("postChannel") String postChannel) {

  public static final String DISCORD_REST = "https://discord.com/api/v10/";
  public static final String DISCORD_GATEWAY = "wss://gateway.discord.gg/";

  public DiscordSettings {
    restUrl = Objects.requireNonNullElse(restUrl, DISCORD_REST).strip();
    gatewayUrl = Objects.requireNonNullElse(gatewayUrl, DISCORD_GATEWAY).strip();
    moderatorRoles = List.copyOf(Objects.requireNonNullElse(moderatorRoles, List.of("Moderator")));
    postChannel = Objects.requireNonNullElse(postChannel, "news").strip();
    if (!restUrl.matches("https?://\\S+/api/v10/?")) {
      throw new IllegalArgumentException(
          "restUrl must be an http(s) URL ending in /api/v10/, e.g. " + DISCORD_REST + " (got '" + restUrl + "')");
    }
    if (!gatewayUrl.matches("wss?://\\S+")) {
      throw new IllegalArgumentException(
          "gatewayUrl must be a ws:// or wss:// URL, e.g. " + DISCORD_GATEWAY + " (got '" + gatewayUrl + "')");
    }
    if (devGuildId != null && devGuildId <= 0) {
      throw new IllegalArgumentException("devGuildId must be a guild id (a positive number), got " + devGuildId);
    }
    if (moderatorRoles.stream().anyMatch(r -> r == null || r.isBlank())) {
      throw new IllegalArgumentException("moderatorRoles entries must be role ids (or names), not blank");
    }
    if (postChannel.isEmpty()) {
      throw new IllegalArgumentException("postChannel must name a channel, e.g. news");
    }
  }

  public static DiscordSettings defaults() {
    return new DiscordSettings(null, null, null, null, null);
  }
}
