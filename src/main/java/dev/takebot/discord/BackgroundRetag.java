package dev.takebot.discord;

import dev.takebot.takes.RetagJob;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jetbrains.annotations.NotNull;

/**
 * Ties the {@link RetagJob} to the bot's life: once the gateway is ready, takes tagged by an older
 * analyser are re-tagged on the scheduler's {@code retag} routine (commands never wait for it);
 * when the bot stops, the scheduler interrupts the job between two takes, and the next start
 * resumes.
 */
final class BackgroundRetag implements EventListener {
  private final RetagJob job;
  private final Executor routine;

  BackgroundRetag(BotContext ctx, Executor routine) {
    this.job = new RetagJob(ctx.takes(), RetagJob.DEFAULT_BATCH);
    this.routine = routine;
  }

  // Every ready connection asks; the routine runs one job at a time, and a run finding nothing is
  // cheap.
  @Override
  public void onEvent(@NotNull GenericEvent event) {
    if (event instanceof ReadyEvent) {
      try {
        routine.execute(job::runLogged);
      } catch (RejectedExecutionException e) {
        // shutting down: the next start re-tags
      }
    }
  }
}
