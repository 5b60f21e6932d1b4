package dev.takebot.takes.settings;

import java.util.Map;

/**
 * The store's role for settings per server: what a server's managers changed, as text by setting
 * name. A setting the server never changed has no entry (its default applies). What {@link
 * SettingsService} uses. Every method is thread-safe.
 */
public interface SettingsStore {

  /**
   * Every setting the guild changed, name to value; empty for a guild that never configured any.
   */
  Map<String, String> guildSettings(long guildId);

  /**
   * Stores one setting of a guild, replacing its value; {@code null} removes it (the default
   * applies again).
   */
  void saveGuildSetting(long guildId, String name, String value);
}
