package dev.takebot.discord;

import dev.takebot.ops.Metrics;
import dev.takebot.ops.Progress;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.TakeService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.LongToIntFunction;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.MessageReference;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing lost across downtime: when the bot starts ({@link ReadyEvent}) and whenever its gateway
 * session was lost rather than resumed ({@link SessionRecreateEvent}; a resume replays the missed
 * events, so it needs nothing), it walks the message history of every open discussion thread, and
 * the replies to each post in its channel, and brings the store in line with it: messages it never
 * saw become takes (through {@link TakesListener#collect}, the live path), takes edited meanwhile
 * are re-tagged, and takes whose messages are gone are removed.
 *
 * <p>One pass over each thread's whole history, oldest first, in pages of {@value #PAGE} (a
 * deletion can only be seen by reading everything, so reading from the newest stored take alone
 * would not do), and one pass per channel over the replies after its oldest open post. Memory is
 * bounded by one discussion: the ids of its stored takes, ticked off as the history shows them;
 * whatever is left was deleted (for a channel's replies, the reply ids of its open discussions).
 * Runs on the scheduler's {@code backfill} routine, never the gateway's thread, one backfill at a
 * time; stopping the scheduler interrupts it (it resumes from scratch on the next start).
 */
final class Backfill implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(Backfill.class);
  static final int PAGE = 100;

  private final TakeService takes;
  private final TakesListener collector;
  private final Clock clock;

  /** Each server's {@code retentionDays} (its own setting, else the configured one). */
  private final LongToIntFunction retentionDays;

  private final Executor executor;
  private final Metrics metrics;

  /**
   * @param collector the live path's listener, whose {@code collect} stores a missed take
   * @param retentionDays each server's retention in days (0: forever): older messages are not
   *     collected again
   * @param executor where backfills run, one at a time (the scheduler's {@code backfill} routine)
   */
  Backfill(
      BotContext ctx, TakesListener collector, LongToIntFunction retentionDays, Executor executor) {
    this(ctx, collector, retentionDays, executor, Metrics.none());
  }

  /**
   * @param metrics counts runs and the takes they added, edited and removed
   */
  Backfill(
      BotContext ctx,
      TakesListener collector,
      LongToIntFunction retentionDays,
      Executor executor,
      Metrics metrics) {
    this.metrics = metrics;
    this.takes = ctx.takes();
    this.collector = collector;
    this.clock = ctx.clock();
    this.retentionDays = retentionDays;
    this.executor = executor;
  }

  @Override
  public void onEvent(@NotNull GenericEvent event) {
    if (event instanceof ReadyEvent) {
      start(event.getJDA(), "start");
    } else if (event instanceof SessionRecreateEvent) {
      start(event.getJDA(), "new gateway session");
    }
  }

  private void start(JDA jda, String reason) {
    try {
      executor.execute(
          () -> {
            try {
              Counts c = run(jda);
              metrics.backfillRun("ok");
              metrics.backfillItems("added", c.added);
              metrics.backfillItems("edited", c.edited);
              metrics.backfillItems("removed", c.removed);
              log.info(
                  "Backfill after {}: backfilled {} takes, updated {} edited, removed {} deleted, in {} discussions"
                      + " ({} ms)",
                  reason,
                  c.added,
                  c.edited,
                  c.removed,
                  c.discussions,
                  c.millis);
            } catch (RuntimeException e) {
              metrics.backfillRun("failed");
              log.error(
                  "Backfill after {} failed; takes posted while the bot was away may be missing until the"
                      + " next start",
                  reason,
                  e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("Bot shutting down; no backfill after {}", reason);
    }
  }

  /** What one backfill did. */
  static final class Counts {
    int added;
    int edited;
    int removed;
    int discussions;
    long millis;
    Progress progress;
  }

  /** Backfills every guild the bot is in; a failing guild or discussion is logged and skipped. */
  Counts run(JDA jda) {
    Instant started = clock.instant();
    Counts counts = new Counts();
    counts.progress =
        new Progress("Backfill", "discussions", clock, Progress.DEFAULT_EVERY, log::info);
    // While it runs, live deletions are remembered: a page read before one must not bring its take
    // back.
    try (TakeService.BackfillScope scope = takes.startBackfill()) {
      for (Guild guild : jda.getGuilds()) {
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
        try {
          backfillGuild(guild, counts);
        } catch (RuntimeException e) {
          log.warn("Backfill of guild {} failed", guild.getId(), e);
        }
      }
    }
    counts.millis = Duration.between(started, clock.instant()).toMillis();
    return counts;
  }

  private void backfillGuild(Guild guild, Counts counts) {
    Map<Long, Long> forgotten = takes.privacy().forgottenAuthors(guild.getIdLong());
    Map<Long, List<Discussion>> byChannel = new LinkedHashMap<>();
    List<Discussion> open = takes.discussions().list(guild.getIdLong(), Integer.MAX_VALUE);
    counts.progress.expect(open.size());
    for (Discussion d : open) {
      if (Thread.currentThread().isInterrupted()) {
        return; // shutting down: an unfinished pass must not touch the rest
      }
      counts.progress.advance(1);
      ThreadChannel thread = guild.getThreadChannelById(d.threadId());
      if (thread == null || thread.isArchived()) {
        continue; // closed or gone: nobody could post there while the bot was away
      }
      counts.discussions++;
      try {
        backfillThread(d, thread, forgotten, counts);
      } catch (RuntimeException e) {
        log.warn(
            "Backfill of thread {} (discussion {}) failed", thread.getId(), d.postMessageId(), e);
      }
      byChannel.computeIfAbsent(d.channelId(), c -> new ArrayList<>()).add(d);
    }
    byChannel.forEach(
        (channelId, discussions) -> {
          GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, channelId);
          if (channel == null || Thread.currentThread().isInterrupted()) {
            return;
          }
          try {
            backfillReplies(discussions, channel, forgotten, counts);
          } catch (RuntimeException e) {
            log.warn("Backfill of replies to posts in channel {} failed", channelId, e);
          }
        });
  }

  private void backfillThread(
      Discussion d, ThreadChannel thread, Map<Long, Long> forgotten, Counts counts) {
    Set<Long> stored = storedIn(d, thread.getIdLong());
    // Everything in a thread is newer than the thread itself, whose id is the post's.
    if (page(thread, d.threadId(), m -> reconcile(m, d, stored, forgotten, counts))) {
      removeLeft(stored, counts);
    }
  }

  /**
   * Replies to the posts in their own channel (not forwards, which also carry a reference), to
   * either message of a two-message post: one pass from the oldest open post on, shared by every
   * open discussion of the channel.
   */
  private void backfillReplies(
      List<Discussion> discussions,
      GuildMessageChannel channel,
      Map<Long, Long> forgotten,
      Counts counts) {
    Map<Long, Discussion> byPost = new HashMap<>();
    Map<Long, Set<Long>> stored = new HashMap<>();
    long oldest = Long.MAX_VALUE;
    for (Discussion d : discussions) {
      byPost.put(d.postMessageId(), d);
      stored.put(d.postMessageId(), storedIn(d, channel.getIdLong()));
      oldest = Math.min(oldest, d.postMessageId());
      if (d.leadMessageId() != 0) {
        byPost.put(d.leadMessageId(), d);
        oldest = Math.min(oldest, d.leadMessageId());
      }
    }
    boolean complete =
        page(
            channel,
            oldest,
            m -> {
              MessageReference ref = m.getMessageReference();
              if (ref != null && ref.getType() == MessageReference.MessageReferenceType.DEFAULT) {
                Discussion d = byPost.get(ref.getMessageIdLong());
                if (d != null) {
                  reconcile(m, d, stored.get(d.postMessageId()), forgotten, counts);
                }
              }
            });
    if (complete) {
      stored.values().forEach(gone -> removeLeft(gone, counts));
    }
  }

  private Set<Long> storedIn(Discussion d, long channelId) {
    Set<Long> ids = new HashSet<>();
    takes.forEachTake(
        d.postMessageId(),
        t -> {
          if (t.channelId() == channelId) {
            ids.add(t.messageId());
          }
        });
    return ids;
  }

  /**
   * One message of the history: ticks off a stored take (re-tagging it if it was edited), or
   * collects a new one, unless its author asked to be forgotten after posting it. Every message is
   * ticked off, the bot's included: "Share your take" posts are the bot's.
   */
  private void reconcile(
      Message m, Discussion d, Set<Long> stored, Map<Long, Long> forgotten, Counts counts) {
    boolean known = stored.remove(m.getIdLong());
    if (!TakesListener.isMemberMessage(m) || TakesListener.hasOnlyMedia(m) || expired(m)) {
      return;
    }
    if (known) {
      OffsetDateTime edited = m.getTimeEdited();
      if (edited != null && takes.edit(m.getIdLong(), m.getContentRaw(), edited.toInstant())) {
        counts.edited++;
      }
    } else if (m.getIdLong() > forgotten.getOrDefault(m.getAuthor().getIdLong(), 0L)
        && collector.collect(m, m.getMember(), d).isPresent()) {
      counts.added++;
    }
  }

  /** Older than its server's retention period: purged on purpose, so not collected again. */
  private boolean expired(Message m) {
    int days = retentionDays.applyAsInt(m.getGuildIdLong());
    return days > 0
        && m.getTimeCreated().toInstant().isBefore(clock.instant().minus(Duration.ofDays(days)));
  }

  private void removeLeft(Set<Long> gone, Counts counts) {
    if (!gone.isEmpty()) {
      counts.removed += takes.deleteAll(gone);
    }
  }

  /**
   * Every message after {@code afterId}, oldest first, a page at a time.
   *
   * @return true when the whole history was read; only then may takes missing from it be deleted
   *     (an interrupted pass has simply not seen them yet)
   */
  private static boolean page(GuildMessageChannel channel, long afterId, Consumer<Message> action) {
    long after = afterId;
    while (!Thread.currentThread().isInterrupted()) {
      List<Message> page =
          new ArrayList<>(
              MessageHistory.getHistoryAfter(channel, Long.toUnsignedString(after))
                  .limit(PAGE)
                  .complete()
                  .getRetrievedHistory());
      if (page.isEmpty()) {
        return true;
      }
      page.sort(Comparator.comparingLong(Message::getIdLong));
      page.forEach(action);
      after = page.get(page.size() - 1).getIdLong();
    }
    return false;
  }
}
