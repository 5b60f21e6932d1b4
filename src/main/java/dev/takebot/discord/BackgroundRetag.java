package dev.takebot.discord;

import dev.takebot.ops.Metrics;
import dev.takebot.ops.Progress;
import dev.takebot.schedule.Leases;
import dev.takebot.schedule.Routine;
import dev.takebot.takes.RetagJob;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties the {@link RetagJob} to the bot's life: once the gateway is ready, takes tagged by an older
 * analyser are re-tagged on the scheduler's {@code retag} routine (commands never wait for it);
 * when the bot stops, the scheduler interrupts the job between two takes, and the next start
 * resumes.
 *
 * <p>With several processes on one database only the holder of the job's lease re-tags; the others
 * ask again every half lease, so one of them takes over within a lease's time to live when the
 * holder stops or dies, resuming from its saved cursor.
 */
final class BackgroundRetag implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(BackgroundRetag.class);

  private final RetagJob job;
  private final Clock clock;
  private final Routine routine;
  private final Duration retryAfter;
  private final AtomicBoolean retryPending = new AtomicBoolean();

  /** The current run's progress, reported every {@link Progress#DEFAULT_EVERY}; job thread only. */
  private Progress progress;

  BackgroundRetag(BotContext ctx, Routine routine, Leases leases, Metrics metrics) {
    this.job =
        new RetagJob(
            ctx.takes(),
            RetagJob.DEFAULT_BATCH,
            leases,
            Leases.processHolder(),
            RetagJob.DEFAULT_LEASE_TTL,
            retagged -> {
              metrics.retagged(retagged);
              progress.advance(retagged);
            });
    this.clock = ctx.clock();
    this.routine = routine;
    this.retryAfter = RetagJob.DEFAULT_LEASE_TTL.dividedBy(2);
  }

  // Every ready connection asks; the routine runs one job at a time, and a run finding nothing is
  // cheap.
  @Override
  public void onEvent(@NotNull GenericEvent event) {
    if (event instanceof ReadyEvent) {
      try {
        routine.execute(this::attempt);
      } catch (RejectedExecutionException e) {
        // shutting down: the next start re-tags
      }
    }
  }

  private void attempt() {
    retryPending.set(false);
    progress = new Progress("Re-tagging", "takes", clock, Progress.DEFAULT_EVERY, log::info);
    if (job.runLogged().deferred() && retryPending.compareAndSet(false, true)) {
      try {
        routine.after(retryAfter, this::attempt);
      } catch (RejectedExecutionException e) {
        log.debug("Scheduler stopped; no retry of re-tagging");
      }
    }
  }
}
