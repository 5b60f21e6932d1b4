package dev.takebot.discord;

import dev.takebot.message.MessageSpec;
import dev.takebot.schedule.Routine;
import dev.takebot.takes.DigestLog;
import dev.takebot.takes.DigestSchedule;
import dev.takebot.takes.Discussion;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongToIntFunction;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional digests: each time an article's take count reaches a multiple of N (config {@code
 * takes.digestEveryTakes}), and N hours after its last digest when takes came since (config {@code
 * takes.digestEveryHours}), its summary is posted into its thread, so members see how the room
 * feels without asking. Each server's own settings override both.
 *
 * <p>Digests on the clock come without a take to trigger them: every {@link #CHECK_PERIOD} this
 * process asks the store, for each server on its own shards (another process serves the others),
 * which discussions are due, posts their digests one after the other and records each in the store
 * ({@link DigestLog}), so the cadence survives restarts and a shard moving to another process. A
 * discussion's first digest comes N hours after the article was posted, and counts only takes of
 * the last N hours as new, so turning the setting on does not post digests of every old article.
 * Digests by count are recorded too: the hours count from the last digest of either kind.
 *
 * <p>A change of takes is usually reported on JDA's event thread, which must not wait on the store
 * or on a summary: it only queues a check on the bot's background thread, and at most one per
 * discussion, so a burst of takes costs one count however long it is. The check counts the takes
 * when it runs, so it sees every change queued before it.
 */
final class DigestFeature implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(DigestFeature.class);

  /** How often digests on the clock are looked for: how late one may be at most. */
  static final Duration CHECK_PERIOD = Duration.ofMinutes(1);

  /** A digest that Discord has not taken within this long is given up (and logged). */
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final BotContext ctx;

  /** Each server's {@code digestEveryTakes} (its own setting, else the configured one; 0: none). */
  private final LongToIntFunction every;

  /** Each server's schedule, made again when its managers change N. */
  private final Map<Long, DigestSchedule> schedules = new ConcurrentHashMap<>();

  private final Executor background;

  /** Each server's {@code digestEveryHours} (0: none). */
  private final LongToIntFunction everyHours;

  private final DigestLog digests;

  /** The scheduler's {@code digests} routine: the checks on the clock, one at a time. */
  private final Routine clockChecks;

  private final Duration checkPeriod;
  private final AtomicBoolean checking = new AtomicBoolean();

  /** Discussions with a check queued and not started yet, with the changes it will account for. */
  private final Map<Long, Integer> queued = new ConcurrentHashMap<>();

  /** The connected shards of this process, by id: a discussion's thread is on its guild's. */
  private final Map<Integer, JDA> shards = new ConcurrentHashMap<>();

  /**
   * @param every each server's N (0: no digests); any server's managers may turn digests on at any
   *     time, so every change of takes is looked at
   * @param background the scheduler's hand-off thread
   */
  DigestFeature(BotContext ctx, LongToIntFunction every, Executor background) {
    this(ctx, every, background, g -> 0, null, null, CHECK_PERIOD);
  }

  /**
   * @param everyHours each server's hours between digests on the clock (0: none)
   * @param digests when each discussion last had a digest
   * @param clockChecks where the checks on the clock run, every {@code checkPeriod}
   */
  DigestFeature(
      BotContext ctx,
      LongToIntFunction every,
      Executor background,
      LongToIntFunction everyHours,
      DigestLog digests,
      Routine clockChecks,
      Duration checkPeriod) {
    this.ctx = ctx;
    this.background = background;
    this.every = every;
    this.everyHours = everyHours;
    this.digests = digests;
    this.clockChecks = clockChecks;
    this.checkPeriod = checkPeriod;
    ctx.takes().addListener(this::takesChanged);
  }

  /** The guild's schedule at its current N, or null when it posts no digests. */
  private DigestSchedule schedule(long guildId) {
    int n = every.applyAsInt(guildId);
    if (n < DigestSchedule.MIN_EVERY) {
      schedules.remove(guildId);
      return null;
    }
    return schedules.compute(
        guildId, (id, old) -> old != null && old.every() == n ? old : new DigestSchedule(n));
  }

  @Override
  public void onEvent(@NotNull GenericEvent event) {
    if (event instanceof ReadyEvent ready) {
      shards.put(ready.getJDA().getShardInfo().getShardId(), ready.getJDA());
      if (clockChecks != null && checking.compareAndSet(false, true)) {
        // Fixed delay: a slow check never makes checks pile up.
        clockChecks.every(checkPeriod, checkPeriod, this::postDueDigests);
      }
    } else if (event instanceof ShutdownEvent) {
      shards.remove(event.getJDA().getShardInfo().getShardId());
    }
  }

  private void takesChanged(long postMessageId) {
    if (shards.isEmpty() || queued.merge(postMessageId, 1, Integer::sum) > 1) {
      return; // not connected (yet or any more), or a check already queued will see this change
    }
    try {
      background.execute(() -> check(postMessageId));
    } catch (RejectedExecutionException e) {
      queued.remove(postMessageId);
      log.debug("Digest check of {} dropped (shutting down or too busy)", postMessageId);
    }
  }

  private void check(long postMessageId) {
    // Before counting: a change from here on queues a check that sees it.
    int changes = Objects.requireNonNullElse(queued.remove(postMessageId), 1);
    try {
      Optional<Discussion> d = ctx.takes().discussions().find(postMessageId);
      if (d.isEmpty()) {
        // deleted: nothing to remember, nowhere to post
        schedules.values().forEach(s -> s.forget(postMessageId));
        return;
      }
      DigestSchedule schedule = schedule(d.get().guildId());
      if (schedule == null) {
        return; // this server posts no digests
      }
      long takes = ctx.takes().stats(postMessageId).takes();
      if (schedule.reached(postMessageId, takes, changes)) {
        post(d.get(), takes, false);
      }
    } catch (RuntimeException e) {
      log.warn("Digest check of {} failed", postMessageId, e);
    }
  }

  /** Discord's rule: a guild lives on shard {@code (id >> 22) % total}. */
  private int shardOf(long guildId) {
    for (JDA shard : shards.values()) {
      return (int) ((guildId >>> 22) % shard.getShardInfo().getShardTotal());
    }
    return -1;
  }

  /**
   * One check on the clock: in every server of this process's shards whose digests come every N
   * hours, posts the digest of each discussion whose last one is N hours old and that has takes
   * since.
   */
  void postDueDigests() {
    for (JDA shard : shards.values()) {
      for (Guild guild : shard.getGuilds()) {
        try {
          postDueDigests(guild.getIdLong());
        } catch (RuntimeException e) {
          log.warn("Digests on the clock of server {} failed; the others go on", guild.getId(), e);
        }
      }
    }
  }

  private void postDueDigests(long guildId) {
    int hours = everyHours.applyAsInt(guildId);
    if (hours <= 0) {
      return;
    }
    Instant lastBy = ctx.clock().instant().minus(Duration.ofHours(hours));
    long newSince = TimeUtil.getDiscordTimestamp(lastBy.toEpochMilli());
    for (long post : digests.dueDigests(guildId, lastBy, newSince)) {
      if (Thread.currentThread().isInterrupted()) {
        return; // shutting down
      }
      Optional<Discussion> d = ctx.takes().discussions().find(post);
      if (d.isPresent()) {
        post(d.get(), ctx.takes().stats(post).takes(), true);
      }
    }
  }

  /**
   * @param wait whether to wait until Discord took it (on the clock, one digest after the other); a
   *     check after a take must not hold up the hand-off thread
   */
  private void post(Discussion d, long takes, boolean wait) {
    JDA client = shards.get(shardOf(d.guildId()));
    ThreadChannel thread = client == null ? null : client.getThreadChannelById(d.threadId());
    if (thread == null) {
      return; // the thread was deleted, or the bot cannot see it
    }
    try {
      if (digests != null) {
        // Before rendering: the digest covers at least the takes recorded as covered.
        digests.recordDigest(d.postMessageId(), d.guildId(), ctx.clock().instant());
      }
      MessageSpec summary = ctx.summaries().render(d, 0);
      MessageSpec digest =
          new MessageSpec(
              "📊 " + takes + " takes so far — here is how the room feels.",
              summary.embeds(),
              summary.buttons(),
              summary.files());
      var send = thread.sendMessage(MessageSpecs.toCreateData(digest));
      if (wait) {
        send.timeout(SEND_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .complete();
        return;
      }
      send.queue(
          null,
          e -> log.warn("Could not post the digest of {} ({} takes)", d.postMessageId(), takes, e));
    } catch (RuntimeException e) {
      log.warn("Digest of {} ({} takes) failed", d.postMessageId(), takes, e);
    }
  }
}
