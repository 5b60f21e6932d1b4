package dev.takebot.discord;

import dev.takebot.takes.RetagJob;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jetbrains.annotations.NotNull;

/**
 * Ties the {@link RetagJob} to the bot's life: once the gateway is ready, takes tagged by an older
 * analyser are re-tagged on the job's own thread (commands never wait for it); at shutdown the job stops
 * between two takes, and the next start resumes.
 */
final class BackgroundRetag implements EventListener {
  private final BotContext ctx;
  private RetagJob job;

  BackgroundRetag(BotContext ctx) {
    this.ctx = ctx;
  }

  // A job per connection: the bot may connect twice (without the Message Content intent after a refusal),
  // and the first connection's shutdown must not leave the second without a job.
  @Override
  public synchronized void onEvent(@NotNull GenericEvent event) {
    if (event instanceof ReadyEvent && job == null) {
      job = new RetagJob(ctx.takes(), RetagJob.DEFAULT_BATCH);
      job.start();
    } else if (event instanceof ShutdownEvent && job != null) {
      job.close();
      job = null;
    }
  }
}
