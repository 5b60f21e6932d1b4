package dev.takebot.schedule;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named piece of background work on the {@link Scheduler}'s shared threads. Its runs happen one
 * at a time, in the order they were asked for, so a routine's own state needs no lock against
 * itself. A run that throws (anything, {@link Error}s included) is logged under the routine's name
 * and the routine goes on: the next run, and every later period, still happens.
 *
 * <p>Every method refuses work with {@link RejectedExecutionException} once the scheduler is
 * stopped; callers on the way out log that and move on.
 */
public final class Routine implements Executor {
  private static final Logger log = LoggerFactory.getLogger(Routine.class);

  private final String name;
  private final ScheduledExecutorService pool;
  private final Queue<Runnable> queue = new ArrayDeque<>();
  private boolean draining;

  Routine(String name, ScheduledExecutorService pool) {
    this.name = name;
    this.pool = pool;
  }

  public String name() {
    return name;
  }

  /** Runs {@code task} as soon as a thread is free and the routine's earlier runs are done. */
  @Override
  public void execute(Runnable task) {
    synchronized (queue) {
      queue.add(task);
      if (draining) {
        return;
      }
      draining = true;
    }
    try {
      pool.execute(this::drain);
    } catch (RejectedExecutionException e) {
      synchronized (queue) {
        queue.clear();
        draining = false;
      }
      throw e;
    }
  }

  /** Runs {@code task} once, {@code delay} from now. */
  public void after(Duration delay, Runnable task) {
    pool.schedule(() -> handOver(task), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Runs {@code task} after {@code initialDelay}, then again {@code period} after each run ends (a
   * slow run never makes runs pile up).
   */
  public void every(Duration initialDelay, Duration period, Runnable task) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(
          "period of routine " + name + " must be positive, got " + period);
    }
    after(
        initialDelay,
        new Runnable() {
          @Override
          public void run() {
            try {
              task.run();
            } finally {
              try {
                after(period, this);
              } catch (RejectedExecutionException e) {
                log.debug("Scheduler stopped; routine {} ends", name);
              }
            }
          }
        });
  }

  /** From a timer into the routine's queue; a stopped scheduler simply drops it. */
  private void handOver(Runnable task) {
    try {
      execute(task);
    } catch (RejectedExecutionException e) {
      log.debug("Scheduler stopped; a run of routine {} dropped", name);
    }
  }

  private void drain() {
    while (true) {
      Runnable task;
      synchronized (queue) {
        task = queue.poll();
        if (task == null || pool.isShutdown()) {
          queue.clear();
          draining = false;
          return;
        }
      }
      try {
        task.run();
      } catch (Throwable t) {
        // An escaping throw would end a periodic routine for good; log it and carry on with the
        // next run.
        log.error("Routine {} failed; it keeps running", name, t);
      }
      Thread.interrupted(); // a run's interrupt is its own, not the next run's
    }
  }

  @Override
  public String toString() {
    return "Routine[" + name + "]";
  }
}
