package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.MessageSpec;
import dev.takebot.takes.DigestSchedule;
import dev.takebot.takes.Discussion;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongToIntFunction;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional digests (config {@code takes.digestEveryTakes}): each time an article's take count
 * reaches a multiple of N, its summary is posted into its thread, so members see how the room feels
 * without asking.
 *
 * <p>A change of takes is usually reported on JDA's event thread, which must not wait on the store
 * or on a summary: it only queues a check on the bot's background thread, and at most one per
 * discussion, so a burst of takes costs one count however long it is. The check counts the takes
 * when it runs, so it sees every change queued before it.
 */
final class DigestFeature implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(DigestFeature.class);

  private final BotContext ctx;

  /** Each server's {@code digestEveryTakes} (its own setting, else the configured one; 0: none). */
  private final LongToIntFunction every;

  /** Each server's schedule, made again when its managers change N. */
  private final Map<Long, DigestSchedule> schedules = new ConcurrentHashMap<>();

  private final Executor background;

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
    this.ctx = ctx;
    this.background = background;
    this.every = every;
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
        post(d.get(), takes);
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

  private void post(Discussion d, long takes) {
    JDA client = shards.get(shardOf(d.guildId()));
    ThreadChannel thread = client == null ? null : client.getThreadChannelById(d.threadId());
    if (thread == null) {
      return; // the thread was deleted, or the bot cannot see it
    }
    try {
      Texts texts = ctx.readers().publicly(thread.getGuild());
      MessageSpec summary = ctx.summaries().render(d, 0, texts.locale());
      MessageSpec digest =
          new MessageSpec(
              texts.get("digest.intro", "takes", takes),
              summary.embeds(),
              summary.buttons(),
              summary.files());
      thread
          .sendMessage(MessageSpecs.toCreateData(digest))
          .queue(
              null,
              e ->
                  log.warn(
                      "Could not post the digest of {} ({} takes)", d.postMessageId(), takes, e));
    } catch (RuntimeException e) {
      log.warn("Digest of {} ({} takes) failed", d.postMessageId(), takes, e);
    }
  }
}
