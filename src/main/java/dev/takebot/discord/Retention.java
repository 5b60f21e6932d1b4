package dev.takebot.discord;

import dev.takebot.takes.TakeService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention ({@code takes.retentionDays > 0}): once the bot is ready and then daily, deletes every take
 * older than the retention period in each guild the bot is in. A failing guild or run is logged and the
 * schedule carries on; with retention off this feature does nothing and starts no thread.
 */
final class Retention implements EventListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  static final Duration PERIOD = Duration.ofDays(1);

  private final TakeService takes;
  private final Clock clock;
  private final int days;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ScheduledExecutorService scheduler;

  Retention(BotContext ctx) {
    this.takes = ctx.takes();
    this.clock = ctx.clock();
    this.days = ctx.config().takes().retentionDays();
    ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "takebot-retention");
      t.setDaemon(true);
      return t;
    });
    s.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.scheduler = s;
  }

  @Override
  public void onEvent(@NotNull GenericEvent event) {
    if (days > 0 && event instanceof ReadyEvent && scheduled.compareAndSet(false, true)) {
      JDA jda = event.getJDA();
      // Fixed delay, not rate: a slow purge never makes runs pile up. Guilds joined later are picked up.
      scheduler.scheduleWithFixedDelay(() -> runSafely(jda), 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void runSafely(JDA jda) {
    try {
      purge(jda.getGuilds().stream().map(Guild::getIdLong).toList());
    } catch (RuntimeException e) {
      log.error("Retention run failed; trying again in {}", PERIOD, e); // an escaping throw would end the schedule
    }
  }

  /**
   * Purges takes older than the retention period in each guild.
   *
   * @return how many takes were deleted in all
   */
  int purge(Collection<Long> guildIds) {
    Instant cutoff = clock.instant().minus(Duration.ofDays(days));
    int total = 0;
    for (long guild : guildIds) {
      try {
        int n = takes.purgeOlderThan(guild, cutoff);
        total += n;
        if (n > 0) {
          log.info("Retention: purged {} takes older than {} days in guild {}", n, days, guild);
        }
      } catch (RuntimeException e) {
        log.error("Retention purge failed in guild {}; the other guilds go on", guild, e);
      }
    }
    return total;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
