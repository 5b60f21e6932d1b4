package dev.takebot.discord;

import dev.takebot.message.MessageSpec;
import dev.takebot.takes.DigestSchedule;
import dev.takebot.takes.Discussion;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
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
 * Optional digests (config {@code takes.digestEveryTakes}): each time an article's take count reaches a
 * multiple of N, its summary is posted into its thread, so members see how the room feels without
 * asking. Summaries are rendered on the feature's own thread, never on the gateway thread that reported
 * the take.
 */
final class DigestFeature implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(DigestFeature.class);

  private final BotContext ctx;
  private final DigestSchedule schedule;
  private volatile ExecutorService executor;
  private volatile JDA jda;

  DigestFeature(BotContext ctx) {
    this.ctx = ctx;
    int every = ctx.config().takes().digestEveryTakes();
    this.schedule = every > 0 ? new DigestSchedule(every) : null;
    if (schedule != null) {
      ctx.takes().addListener(this::takesChanged);
    }
  }

  // A thread per connection: the bot may connect twice (without the Message Content intent after a
  // refusal), and the first connection's shutdown must not stop the second's digests.
  @Override
  public synchronized void onEvent(@NotNull GenericEvent event) {
    if (schedule == null) {
      return;
    }
    if (event instanceof ReadyEvent ready && executor == null) {
      executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "takebot-digest");
        t.setDaemon(true);
        return t;
      });
      jda = ready.getJDA();
    } else if (event instanceof ShutdownEvent && executor != null) {
      jda = null;
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  private void takesChanged(long postMessageId) {
    if (jda == null) {
      return; // not connected (yet or any more): nowhere to post
    }
    long takes = ctx.takes().repository().stats(postMessageId).takes();
    if (!schedule.reached(postMessageId, takes)) {
      return;
    }
    ExecutorService pool = executor;
    if (pool == null) {
      return;
    }
    try {
      pool.execute(() -> post(postMessageId, takes));
    } catch (RejectedExecutionException e) {
      log.debug("Shutting down; digest of {} dropped", postMessageId);
    }
  }

  private void post(long postMessageId, long takes) {
    JDA client = jda;
    Optional<Discussion> d = ctx.takes().repository().findDiscussion(postMessageId);
    ThreadChannel thread = client == null ? null : d.map(x -> client.getThreadChannelById(x.threadId())).orElse(null);
    if (thread == null) {
      return; // the thread was deleted, or the bot cannot see it
    }
    try {
      MessageSpec summary = ctx.summaries().render(d.get(), 0);
      MessageSpec digest = new MessageSpec("📊 " + takes + " takes so far — here is how the room feels.",
          summary.embeds(), summary.buttons(), summary.files());
      thread.sendMessage(MessageSpecs.toCreateData(digest)).queue(null,
          e -> log.warn("Could not post the digest of {} ({} takes)", postMessageId, takes, e));
    } catch (RuntimeException e) {
      log.warn("Digest of {} ({} takes) failed", postMessageId, takes, e);
    }
  }
}
