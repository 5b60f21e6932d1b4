package dev.takebot.takes.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Settings service: defaults, cache and validation")
class SettingsServiceTest {
  private static final long GUILD = 1;
  private static final long OTHER = 2;
  private static final GuildSettings DEFAULTS =
      new GuildSettings("news", List.of("Moderator"), 0, 0, 0, 30, false, "en");

  /** A store in memory that counts its reads. */
  private static final class CountingStore implements SettingsStore {
    final Map<Long, Map<String, String>> rows = new HashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Map<String, String> guildSettings(long guildId) {
      reads.incrementAndGet();
      return Map.copyOf(rows.getOrDefault(guildId, Map.of()));
    }

    @Override
    public void saveGuildSetting(long guildId, String name, String value) {
      Map<String, String> g = rows.computeIfAbsent(guildId, id -> new HashMap<>());
      if (value == null) {
        g.remove(name);
      } else {
        g.put(name, value);
      }
    }
  }

  private final CountingStore store = new CountingStore();
  private final SettingsService settings = new SettingsService(store, DEFAULTS);

  @Test
  @DisplayName("a server that changed nothing gets the configured defaults")
  void defaults() {
    assertThat(settings.get(GUILD)).isEqualTo(DEFAULTS);
  }

  @Test
  @DisplayName("reads come from the cache; a change is seen by the very next read")
  void cachedAndInvalidated() {
    for (int i = 0; i < 100; i++) {
      settings.get(GUILD);
    }
    assertThat(store.reads).hasValue(1);

    settings.setSummaryCooldownSeconds(GUILD, 5);
    settings.setModeratorRoles(GUILD, List.of(42L, 43L, 42L));

    GuildSettings now = settings.get(GUILD);
    assertThat(now.summaryCooldownSeconds()).isEqualTo(5);
    assertThat(now.moderatorRoles()).containsExactly("42", "43");
    assertThat(now.postChannel()).as("unchanged settings keep their default").isEqualTo("news");
    assertThat(settings.get(OTHER)).as("other servers are untouched").isEqualTo(DEFAULTS);
  }

  @Test
  @DisplayName("no moderator roles picked means the configured ones apply again")
  void emptyRolesRestoreTheDefault() {
    settings.setModeratorRoles(GUILD, List.of(42L));
    settings.setModeratorRoles(GUILD, List.of());

    assertThat(settings.get(GUILD).moderatorRoles()).containsExactly("Moderator");
  }

  @Test
  @DisplayName(
      "out-of-range numbers, a digest of 1 and unknown languages are refused and saved nowhere")
  void validation() {
    assertThatThrownBy(() -> settings.setSummaryCooldownSeconds(GUILD, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.setRetentionDays(GUILD, 3651))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.setDigestEveryTakes(GUILD, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.setLanguage(GUILD, "klingon"))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.rows.getOrDefault(GUILD, Map.of())).isEmpty();
  }

  @Test
  @DisplayName("a value edited outside the bot that does not parse falls back to the default")
  void unreadableValuesFallBack() {
    store.saveGuildSetting(GUILD, Setting.RETENTION_DAYS.key(), "lots");
    store.saveGuildSetting(GUILD, Setting.MODERATOR_ROLES.key(), "admins");
    store.saveGuildSetting(GUILD, Setting.LANGUAGE.key(), "fr");

    GuildSettings s = settings.get(GUILD);
    assertThat(s.retentionDays()).isZero();
    assertThat(s.moderatorRoles()).containsExactly("Moderator");
    assertThat(s.language()).isEqualTo("fr");
  }

  @Test
  @DisplayName(
      "deleted moderator roles are dropped from the server's choice; with none left the"
          + " configured roles apply again, flagged until the managers choose again")
  void deletedModeratorRoles() {
    settings.setModeratorRoles(GUILD, List.of(42L, 43L));

    assertThat(settings.forgetModeratorRoles(GUILD, List.of(99L))).as("not chosen").isFalse();
    assertThat(settings.forgetModeratorRoles(OTHER, List.of(42L))).as("no choice").isFalse();
    assertThat(settings.forgetModeratorRoles(GUILD, List.of(42L))).isTrue();
    assertThat(settings.get(GUILD).moderatorRoles()).containsExactly("43");
    assertThat(settings.moderatorRolesDeleted(GUILD)).isFalse();

    assertThat(settings.forgetModeratorRoles(GUILD, List.of(43L))).isTrue();
    assertThat(settings.get(GUILD).moderatorRoles()).isEqualTo(DEFAULTS.moderatorRoles());
    assertThat(settings.moderatorRolesDeleted(GUILD)).isTrue();

    settings.setModeratorRoles(GUILD, List.of(44L));
    assertThat(settings.moderatorRolesDeleted(GUILD)).isFalse();
    assertThat(settings.get(GUILD).moderatorRoles()).containsExactly("44");
  }
}
