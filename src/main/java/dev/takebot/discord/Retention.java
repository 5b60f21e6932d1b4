package dev.takebot.discord;

import dev.takebot.config.TakesSettings;
import dev.takebot.schedule.Routine;
import dev.takebot.takes.PrivacyService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongToIntFunction;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.guild.GuildAvailableEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.guild.UnavailableGuildJoinedEvent;
import net.dv8tion.jda.api.events.guild.UnavailableGuildLeaveEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention, once the bot is ready and then daily, over every guild in the store (not only the ones
 * the bot is connected to): in each server whose retention (its own setting, else {@code
 * takes.retentionDays}) is above 0 deletes every take older than that, and deletes everything of a
 * guild the bot left {@code takes.departedGuildRetentionDays} ago.
 *
 * <p>Departures are recorded in the store, so they survive restarts: when the bot is removed from a
 * guild (kicked, or the server deleted), and at start for every stored guild Discord no longer
 * lists (removed while the bot was down); a guild that is only unavailable (an outage) has not been
 * left. Being added back cancels the purge. All of this runs on the scheduler's {@code retention}
 * routine, one at a time in the order the events came, so JDA's event thread only hands it over. A
 * failing guild or run is logged and the schedule carries on.
 */
final class Retention implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  static final Duration PERIOD = Duration.ofDays(1);

  private final PrivacyService privacy;
  private final Clock clock;

  /** Each server's {@code retentionDays} (its own setting, else the configured one). */
  private final LongToIntFunction days;

  private final int departedDays;
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /** The scheduler's {@code retention} routine: bookkeeping and runs one at a time, in order. */
  private final Routine scheduler;

  /**
   * @param settings {@code takes.retentionDays} and {@code takes.departedGuildRetentionDays}
   */
  Retention(BotContext ctx, TakesSettings settings, Routine routine) {
    this(ctx, settings, guild -> settings.retentionDays(), routine);
  }

  /**
   * @param days each server's retention in days (0: keep forever)
   */
  Retention(BotContext ctx, TakesSettings settings, LongToIntFunction days, Routine routine) {
    this.privacy = ctx.takes().privacy();
    this.clock = ctx.clock();
    this.days = days;
    this.departedDays = settings.departedGuildRetentionDays();
    this.scheduler = routine;
  }

  /**
   * The shards of this process that became ready, and their total: another process purges the
   * servers of its own shards. Empty (before READY, or in a direct {@link #run()}): every server.
   */
  private final Set<Integer> shards = ConcurrentHashMap.newKeySet();

  private volatile int shardTotal = 1;

  /** Whether {@code guild} is on a shard of this process. */
  private boolean servedHere(long guild) {
    return shards.isEmpty() || shards.contains((int) ((guild >>> 22) % shardTotal));
  }

  @Override
  public void onEvent(@NotNull GenericEvent event) {
    if (event instanceof GuildLeaveEvent e) {
      inTurn(
          () ->
              departed(e.getGuild().getIdLong(), "the bot was removed from it or it was deleted"));
    } else if (event instanceof UnavailableGuildLeaveEvent e) {
      inTurn(() -> departed(e.getGuildIdLong(), "the bot was removed from it during an outage"));
    } else if (event instanceof GuildJoinEvent e) {
      inTurn(() -> back(e.getGuild().getIdLong()));
    } else if (event instanceof UnavailableGuildJoinedEvent e) {
      inTurn(() -> back(e.getGuildIdLong()));
    } else if (event instanceof GuildReadyEvent e) {
      inTurn(() -> back(e.getGuild().getIdLong()));
    } else if (event instanceof GuildAvailableEvent e) {
      inTurn(() -> back(e.getGuild().getIdLong()));
    } else if (event instanceof SessionRecreateEvent) {
      JDA jda = event.getJDA();
      inTurn(() -> noteMissingGuilds(jda));
    } else if (event instanceof ReadyEvent) {
      JDA jda = event.getJDA();
      shardTotal = jda.getShardInfo().getShardTotal();
      shards.add(jda.getShardInfo().getShardId());
      inTurn(() -> noteMissingGuilds(jda));
      if (scheduled.compareAndSet(false, true)) {
        // Fixed delay, not rate: a slow purge never makes runs pile up.
        scheduler.every(Duration.ZERO, PERIOD, this::runSafely);
      }
    }
  }

  private void inTurn(Runnable bookkeeping) {
    try {
      scheduler.execute(
          () -> {
            try {
              bookkeeping.run();
            } catch (RuntimeException e) {
              log.error("Could not record a server the bot joined or left", e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("Retention is closed; guild event not recorded");
    }
  }

  private void departed(long guildId, String why) {
    if (privacy.markDeparted(guildId, clock.instant())) {
      log.warn(
          "Left server {} ({}): everything TakeBot stored for it is purged in {} days unless the bot is"
              + " added back",
          guildId,
          why,
          departedDays);
    }
  }

  private void back(long guildId) {
    if (privacy.cancelDeparture(guildId)) {
      log.info("Back in server {}: its takes are kept", guildId);
    }
  }

  /**
   * After READY: a stored guild of this shard that Discord lists neither as available nor as
   * unavailable removed the bot while it was offline.
   */
  void noteMissingGuilds(JDA jda) {
    JDA.ShardInfo shard = jda.getShardInfo();
    Map<Long, Instant> departed = privacy.departedGuilds();
    for (long guild : privacy.storedGuilds()) {
      if ((guild >>> 22) % shard.getShardTotal() != shard.getShardId()) {
        continue; // another shard's guild: this connection knows nothing of it
      }
      boolean present = jda.getGuildById(guild) != null || jda.isUnavailable(guild);
      if (present && departed.containsKey(guild)) {
        back(guild);
      } else if (!present) {
        departed(guild, "Discord no longer lists it");
      }
    }
  }

  private void runSafely() {
    try {
      run();
    } catch (RuntimeException e) {
      log.error(
          "Retention run failed; trying again in {}", PERIOD, e); // says when the next run comes
    }
  }

  /**
   * One retention run over every guild in the store: purges departed guilds whose grace period is
   * over, then, in each server with a retention above 0, takes older than it.
   *
   * @return how many takes were deleted in all
   */
  int run() {
    Instant departedBy = clock.instant().minus(Duration.ofDays(departedDays));
    int total = 0;
    for (Map.Entry<Long, Instant> d : privacy.departedGuilds().entrySet()) {
      if (d.getValue().isAfter(departedBy) || !servedHere(d.getKey())) {
        continue;
      }
      long guild = d.getKey();
      try {
        int n = privacy.purgeDepartedGuild(guild, departedBy);
        total += n;
        log.info("Retention: purged server {}, left on {} ({} takes)", guild, d.getValue(), n);
      } catch (RuntimeException e) {
        log.error("Purge of departed server {} failed; the other servers go on", guild, e);
      }
    }
    total += purge(privacy.storedGuilds().stream().filter(this::servedHere).toList());
    return total;
  }

  /**
   * Purges takes older than the retention period in each guild.
   *
   * @return how many takes were deleted in all
   */
  int purge(Collection<Long> guildIds) {
    Instant now = clock.instant();
    int total = 0;
    for (long guild : guildIds) {
      try {
        int keep = days.applyAsInt(guild);
        if (keep <= 0) {
          continue; // this server keeps its takes forever
        }
        int n = privacy.purgeOlderThan(guild, now.minus(Duration.ofDays(keep)));
        total += n;
        if (n > 0) {
          log.info("Retention: purged {} takes older than {} days in guild {}", n, keep, guild);
        }
      } catch (RuntimeException e) {
        log.error("Retention purge failed in guild {}; the other guilds go on", guild, e);
      }
    }
    return total;
  }
}
