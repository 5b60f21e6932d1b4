package dev.takebot.discord;

import dev.takebot.takes.settings.GuildSettings;
import dev.takebot.takes.settings.SettingsService;
import dev.takebot.takes.summary.Cooldowns;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each server's per-member cooldowns at the pause its managers chose ({@link
 * GuildSettings#summaryCooldownSeconds}), made again when they change it (members then start
 * afresh). One instance per command, so each command's pause is its own.
 */
final class ServerCooldowns {
  private final SettingsService settings;
  private final Map<Long, AtPause> byServer = new ConcurrentHashMap<>();

  private record AtPause(Duration pause, Cooldowns members) {}

  ServerCooldowns(SettingsService settings) {
    this.settings = settings;
  }

  /** The guild's cooldowns at its current pause, or null when it has none. */
  Cooldowns of(long guildId) {
    Duration pause = Duration.ofSeconds(settings.get(guildId).summaryCooldownSeconds());
    if (pause.isZero()) {
      byServer.remove(guildId);
      return null;
    }
    return byServer
        .compute(
            guildId,
            (id, old) ->
                old != null && old.pause().equals(pause)
                    ? old
                    : new AtPause(pause, new Cooldowns(pause)))
        .members();
  }
}
