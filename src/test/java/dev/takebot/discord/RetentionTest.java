package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.ArticleSettings;
import dev.takebot.config.DiscordSettings;
import dev.takebot.config.StorageSettings;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.schedule.Scheduler;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.store.Stores;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeService;
import dev.takebot.takes.settings.GuildSettings;
import dev.takebot.takes.settings.SettingsService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Retention")
class RetentionTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final long GUILD = 1;
  private static final long OTHER_GUILD = 2;

  @TempDir Path dir;
  private TakeRepository repo;
  private TakeService takes;
  private final Scheduler scheduler = new Scheduler();
  private final List<Long> changed = new ArrayList<>();

  @BeforeEach
  void open() {
    repo = Stores.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null);
    takes = new TakeService(repo, new KeywordAnalyzer(), Clock.fixed(NOW, ZoneOffset.UTC));
    takes.addListener(changed::add);
    repo.saveDiscussion(new Discussion(10, GUILD, 5, 10, "a", "A", NOW.minus(Duration.ofDays(60))));
    repo.saveDiscussion(
        new Discussion(20, OTHER_GUILD, 6, 20, "b", "B", NOW.minus(Duration.ofDays(60))));
  }

  @AfterEach
  void close() {
    scheduler.close();
    if (repo != null) {
      repo.close();
    }
  }

  /** A clock the test moves forward. */
  private Instant now = NOW;

  private final Clock movable =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private Retention retention(int days, int departedDays) {
    return new Retention(
        new BotContext(takes, null, null, movable),
        new TakesSettings(0, days, 0, null, departedDays),
        scheduler.routine("retention"));
  }

  private Retention retention(int days) {
    return new Retention(
        new BotContext(takes, null, null, Clock.fixed(NOW, ZoneOffset.UTC)),
        new TakesSettings(0, days),
        scheduler.routine("retention"));
  }

  private void take(long id, long post, long channel, int daysAgo) {
    takes.ingest(id, post, channel, 7, "m", "good take " + id, NOW.minus(Duration.ofDays(daysAgo)));
  }

  @Test
  @DisplayName(
      "purges takes older than the period in every guild, keeps newer ones, refreshes summaries")
  void purgesOlderTakes() {
    // given takes 40, 31, 29 and 1 days old in one guild, and a 40-day-old one in another
    take(101, 10, 10, 40);
    take(102, 10, 10, 31);
    take(103, 10, 10, 29);
    take(104, 10, 10, 1);
    take(201, 20, 20, 40);
    changed.clear();

    // when retention of 30 days runs for both guilds
    {
      Retention r = retention(30);
      int purged = r.purge(List.of(GUILD, OTHER_GUILD));

      // then only the takes older than 30 days are gone, and both discussions were reported changed
      assertThat(purged).isEqualTo(3);
    }
    assertThat(repo.findTake(101)).isEmpty();
    assertThat(repo.findTake(102)).isEmpty();
    assertThat(repo.findTake(103)).isPresent();
    assertThat(repo.findTake(104)).isPresent();
    assertThat(repo.findTake(201)).isEmpty();
    assertThat(repo.stats(10).takes()).isEqualTo(2);
    assertThat(changed).containsExactlyInAnyOrder(10L, 20L);
  }

  @Test
  @DisplayName(
      "each server's own retention applies, a server without one keeps the configured default,"
          + " and a change applies to the next run")
  void retentionIsPerServer() {
    take(101, 10, 10, 40);
    take(201, 20, 20, 40);
    take(202, 20, 20, 10);
    SettingsService settings =
        new SettingsService(repo, new GuildSettings("news", List.of(), 0, 0, 0, 30, false, "en"));
    Retention r =
        new Retention(
            new BotContext(takes, null, null, Clock.fixed(NOW, ZoneOffset.UTC)),
            new TakesSettings(0, 0),
            g -> settings.get(g).retentionDays(),
            scheduler.routine("retention"));
    settings.setRetentionDays(OTHER_GUILD, 30);

    assertThat(r.run()).isEqualTo(1);
    assertThat(repo.findTake(101)).as("the default: keep forever").isPresent();
    assertThat(repo.findTake(201)).isEmpty();
    assertThat(repo.findTake(202)).isPresent();

    settings.setRetentionDays(GUILD, 5);
    settings.setRetentionDays(OTHER_GUILD, 0);
    take(203, 20, 20, 40);

    assertThat(r.run()).isEqualTo(1);
    assertThat(repo.findTake(101)).isEmpty();
    assertThat(repo.findTake(203)).as("the server now keeps its takes").isPresent();
  }

  @Test
  @DisplayName(
      "a failing purge is logged, never thrown (the schedule would end), and the next run works")
  void failureDoesNotStopTheRun() {
    take(101, 10, 10, 40);
    {
      Retention r = retention(30);
      repo.close(); // every purge now throws
      assertThat(r.purge(List.of(GUILD, OTHER_GUILD))).isZero();
    }
    repo = Stores.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null);
    takes = new TakeService(repo, new KeywordAnalyzer(), Clock.fixed(NOW, ZoneOffset.UTC));
    {
      Retention r = retention(30);
      assertThat(r.purge(List.of(GUILD))).isEqualTo(1);
    }
  }

  @Test
  @DisplayName(
      "a server the bot left is purged whole once the grace period is over, not a day before;"
          + " other servers keep everything")
  void departedGuildIsPurgedAfterTheGracePeriod() {
    // given takes in two guilds, the bot having left the first 29 days ago, with a 30-day grace
    take(101, 10, 10, 1);
    take(102, 10, 10, 100);
    take(201, 20, 20, 1);
    repo.forgetAuthor(GUILD, 8, 50);
    repo.markGuildDeparted(GUILD, NOW.minus(Duration.ofDays(29)));
    changed.clear();

    {
      Retention r = retention(0, 30);
      // when retention runs before the grace period is over, nothing goes
      assertThat(r.run()).isZero();
      assertThat(repo.findTake(101)).isPresent();
      assertThat(repo.departedGuilds()).containsKey(GUILD);

      // when it runs once the 30 days have passed
      now = NOW.plus(Duration.ofDays(1));
      assertThat(r.run()).isEqualTo(2);
    }

    // then everything of the departed guild is gone, its summaries were dropped, the other guild
    // kept all
    assertThat(repo.findTake(101)).isEmpty();
    assertThat(repo.findDiscussion(10)).isEmpty();
    assertThat(repo.forgottenAuthors(GUILD)).isEmpty();
    assertThat(repo.departedGuilds()).isEmpty();
    assertThat(repo.storedGuilds()).containsExactly(OTHER_GUILD);
    assertThat(repo.findTake(201)).isPresent();
    assertThat(changed).containsExactly(10L);
  }

  @Test
  @DisplayName("a server that added the bot back before the grace period ended keeps its takes")
  void rejoiningCancelsThePurge() {
    take(101, 10, 10, 1);
    repo.markGuildDeparted(GUILD, NOW.minus(Duration.ofDays(10)));
    repo.cancelGuildDeparture(GUILD);

    {
      Retention r = retention(0, 30);
      now = NOW.plus(Duration.ofDays(60));
      assertThat(r.run()).isZero();
    }
    assertThat(repo.findTake(101)).isPresent();
  }

  @Test
  @DisplayName("age retention covers every guild in the store, connected or not")
  void ageRetentionCoversEveryStoredGuild() {
    take(101, 10, 10, 40);
    take(201, 20, 20, 40);
    take(202, 20, 20, 1);

    {
      Retention r = retention(30, 30);
      assertThat(r.run()).isEqualTo(2);
    }
    assertThat(repo.findTake(101)).isEmpty();
    assertThat(repo.findTake(201)).isEmpty();
    assertThat(repo.findTake(202)).isPresent();
  }

  @Test
  @DisplayName(
      "the real bot purges once at start in every guild of the store, connected or not, notes the"
          + " stored guilds Discord no longer lists as left, and stops the job on close")
  void runsAtStartThroughTheBot() throws InterruptedException {
    try (DiscordSandbox sandbox = DiscordSandbox.builder().start()) {
      long guild = Long.parseLong(sandbox.guildId());
      repo.saveDiscussion(
          new Discussion(30, guild, 5, 30, "c", "C", NOW.minus(Duration.ofDays(60))));
      take(301, 30, 30, 45);
      take(302, 30, 30, 2);
      take(101, 10, 10, 45); // a guild the bot is not in (left while it was down)
      TakeBotConfig config =
          new TakeBotConfig(
              new DiscordSettings(
                  sandbox.restUrl(), sandbox.gatewayUrl(), guild, List.of(), "news"),
              new ArticleSettings(Path.of("config", "articles"), 6),
              StorageSettings.of("jdbc:sqlite:" + dir.resolve("t.db")),
              new TakesSettings(0, 30));
      repo.close(); // the bot opens the file itself, as after a restart
      try (TakeBotAssembly bot =
          TakeBotAssembly.start(
              config,
              sandbox.token(),
              Map.of(),
              TakeBotAssembly.Overrides.none()
                  .analyzer(new KeywordAnalyzer())
                  .clock(Clock.fixed(NOW, ZoneOffset.UTC)))) {
        repo = bot.store();
        BotHarness.await("the old take to be purged", () -> repo.findTake(301).isEmpty());
        BotHarness.await(
            "the old take of the other guild to be purged", () -> repo.findTake(101).isEmpty());
        assertThat(repo.findTake(302)).isPresent();
        BotHarness.await(
            "the missing guilds to be noted as left", () -> repo.departedGuilds().size() == 2);
        assertThat(repo.departedGuilds())
            .containsOnly(Map.entry(GUILD, NOW), Map.entry(OTHER_GUILD, NOW));
      } finally {
        repo = null; // closed with the bot
      }
      assertThat(Thread.getAllStackTraces().keySet())
          .noneMatch(t -> t.isAlive() && t.getName().startsWith("takebot-routine-"));
    }
  }
}
