package dev.takebot.takes.settings;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings per server: what its managers changed ({@link SettingsStore}), the configured defaults
 * for the rest. Features ask {@link #get} on every use, so a change applies to the next command.
 *
 * <p>Reads go through a Caffeine cache that every change made here invalidates after its write
 * commits. That is coherent because the process serving a server (the one holding its shard) is the
 * only writer of that server's settings: settings change only through {@code /takebot settings}, an
 * interaction Discord delivers to that process alone, so no other process can make its cached entry
 * stale. A reader racing a change sees the old or the new value, never a mix (a load reads every
 * row of the server in one transaction), and the invalidation after the write means no stale entry
 * outlives the change. The entries also expire after {@link #EXPIRY}: not for coherence but for
 * edits outside the bot (an operator's SQL) and a shard that moved to another process and back.
 * Thread-safe.
 */
public final class SettingsService {
  private static final Logger log = LoggerFactory.getLogger(SettingsService.class);

  /** How long an entry lives without a change; see the class comment for why it is not needed. */
  static final Duration EXPIRY = Duration.ofMinutes(10);

  private final SettingsStore store;
  private final GuildSettings defaults;
  private final LoadingCache<Long, GuildSettings> cache;
  private final Object rolesLock = new Object();

  /**
   * @param defaults what a server that changed nothing gets (from {@code config/takebot.yaml})
   */
  public SettingsService(SettingsStore store, GuildSettings defaults) {
    this.store = Objects.requireNonNull(store, "store");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(EXPIRY)
            .executor(Runnable::run)
            .build(this::load);
  }

  /** The configured defaults. */
  public GuildSettings defaults() {
    return defaults;
  }

  /** The guild's settings in effect. */
  public GuildSettings get(long guildId) {
    return cache.get(guildId);
  }

  /** Whether the guild chose its own post channel (not the configured default). */
  public boolean hasOwnPostChannel(long guildId) {
    return store.guildSettings(guildId).containsKey(Setting.POST_CHANNEL.key());
  }

  public void setPostChannel(long guildId, long channelId) {
    save(guildId, Setting.POST_CHANNEL, Long.toUnsignedString(channelId));
  }

  /** The roles whose members are moderators; none: the configured list applies again. */
  public void setModeratorRoles(long guildId, List<Long> roleIds) {
    if (roleIds.size() > 25) {
      throw new IllegalArgumentException("Pick at most 25 moderator roles.");
    }
    synchronized (rolesLock) {
      save(
          guildId,
          Setting.MODERATOR_ROLES,
          roleIds.isEmpty()
              ? null
              : roleIds.stream()
                  .distinct()
                  .map(Long::toUnsignedString)
                  .collect(Collectors.joining(",")));
      if (store.guildSettings(guildId).containsKey(Setting.MODERATOR_ROLES_DELETED.key())) {
        save(guildId, Setting.MODERATOR_ROLES_DELETED, null); // the managers chose again
      }
    }
  }

  /**
   * Drops roles deleted from the server from the moderator roles its managers chose. When none of
   * them remains, the configured roles apply again and {@link #moderatorRolesDeleted} says why.
   * Roles the server did not choose (the configured ones) are left alone.
   *
   * @return whether anything was dropped
   */
  public boolean forgetModeratorRoles(long guildId, Collection<Long> deleted) {
    Set<String> gone =
        deleted.stream().map(Long::toUnsignedString).collect(Collectors.toUnmodifiableSet());
    // One read-modify-write at a time: a role-delete event and a read noticing another deleted
    // role must not each write back the one the other dropped.
    synchronized (rolesLock) {
      String v = store.guildSettings(guildId).get(Setting.MODERATOR_ROLES.key());
      if (v == null) {
        return false;
      }
      List<String> chosen = Arrays.stream(v.split(",")).map(String::strip).toList();
      List<String> kept = chosen.stream().filter(id -> !gone.contains(id)).toList();
      if (kept.size() == chosen.size()) {
        return false;
      }
      boolean noneLeft = kept.stream().noneMatch(id -> id.matches("\\d{1,20}"));
      save(guildId, Setting.MODERATOR_ROLES, noneLeft ? null : String.join(",", kept));
      if (noneLeft) {
        save(guildId, Setting.MODERATOR_ROLES_DELETED, "true");
      }
      log.info(
          "Server {}: dropped deleted moderator role(s) {}{}",
          guildId,
          chosen.stream().filter(gone::contains).toList(),
          noneLeft ? "; none left, so the configured moderator roles apply again" : "");
      return true;
    }
  }

  /**
   * Whether the configured moderator roles apply because every role the server's managers chose was
   * deleted (until they choose again).
   */
  public boolean moderatorRolesDeleted(long guildId) {
    return store.guildSettings(guildId).containsKey(Setting.MODERATOR_ROLES_DELETED.key());
  }

  /** 0: no digests; otherwise at least {@link GuildSettings#MIN_DIGEST_EVERY_TAKES}. */
  public void setDigestEveryTakes(long guildId, int takes) {
    if (takes > 0 && takes < GuildSettings.MIN_DIGEST_EVERY_TAKES) {
      throw new IllegalArgumentException(
          "Digest every must be 0 (off) or at least "
              + GuildSettings.MIN_DIGEST_EVERY_TAKES
              + " takes.");
    }
    save(
        guildId,
        Setting.DIGEST_EVERY_TAKES,
        bounded("Digest every", takes, GuildSettings.MAX_DIGEST_EVERY_TAKES));
  }

  /** 0: no digests on the clock. */
  public void setDigestEveryHours(long guildId, int hours) {
    save(
        guildId,
        Setting.DIGEST_EVERY_HOURS,
        bounded("Digest every N hours", hours, GuildSettings.MAX_DIGEST_EVERY_HOURS));
  }

  public void setRetentionDays(long guildId, int days) {
    save(
        guildId,
        Setting.RETENTION_DAYS,
        bounded("Retention days", days, GuildSettings.MAX_RETENTION_DAYS));
  }

  public void setSummaryCooldownSeconds(long guildId, int seconds) {
    save(
        guildId,
        Setting.SUMMARY_COOLDOWN_SECONDS,
        bounded("Summary cooldown", seconds, GuildSettings.MAX_SUMMARY_COOLDOWN_SECONDS));
  }

  public void setSummariesPrivate(long guildId, boolean hidden) {
    save(guildId, Setting.SUMMARIES_PRIVATE, Boolean.toString(hidden));
  }

  public void setLanguage(long guildId, String language) {
    String l = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    if (!l.isEmpty() && !GuildSettings.LANGUAGES.contains(l)) {
      throw new IllegalArgumentException(
          "Language must be one of "
              + String.join(", ", GuildSettings.LANGUAGES.stream().sorted().toList())
              + ".");
    }
    save(guildId, Setting.LANGUAGE, l);
  }

  private static String bounded(String what, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + " must be a whole number from 0 to " + max + ".");
    }
    return Integer.toString(value);
  }

  /** Writes, then invalidates: the next read loads what was committed. */
  private void save(long guildId, Setting setting, String value) {
    try {
      store.saveGuildSetting(guildId, setting.key(), value);
    } finally {
      cache.invalidate(guildId); // even after a failed write, whose outcome the cache cannot know
    }
  }

  private GuildSettings load(long guildId) {
    Map<String, String> own = store.guildSettings(guildId);
    if (own.isEmpty()) {
      return defaults;
    }
    return new GuildSettings(
        text(own, Setting.POST_CHANNEL, defaults.postChannel()),
        roles(own, guildId),
        number(own, Setting.DIGEST_EVERY_TAKES, defaults.digestEveryTakes(), guildId),
        number(own, Setting.DIGEST_EVERY_HOURS, defaults.digestEveryHours(), guildId),
        number(own, Setting.RETENTION_DAYS, defaults.retentionDays(), guildId),
        number(own, Setting.SUMMARY_COOLDOWN_SECONDS, defaults.summaryCooldownSeconds(), guildId),
        Boolean.parseBoolean(
            text(own, Setting.SUMMARIES_PRIVATE, Boolean.toString(defaults.summariesPrivate()))),
        text(own, Setting.LANGUAGE, defaults.language()));
  }

  private static String text(Map<String, String> own, Setting s, String fallback) {
    return own.getOrDefault(s.key(), fallback);
  }

  private List<String> roles(Map<String, String> own, long guildId) {
    String v = own.get(Setting.MODERATOR_ROLES.key());
    if (v == null) {
      return defaults.moderatorRoles();
    }
    List<String> ids =
        Arrays.stream(v.split(",")).map(String::strip).filter(s -> s.matches("\\d{1,20}")).toList();
    if (ids.isEmpty()) {
      log.warn("Server {} has unreadable moderator roles '{}'; using the default", guildId, v);
      return defaults.moderatorRoles();
    }
    return ids;
  }

  /** A stored value that does not parse (an edit outside the bot) falls back to the default. */
  private static int number(Map<String, String> own, Setting s, int fallback, long guildId) {
    String v = own.get(s.key());
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    log.warn("Server {} has an unreadable {} '{}'; using the default", guildId, s.key(), v);
    return fallback;
  }
}
