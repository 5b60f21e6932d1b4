package dev.takebot.schedule;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the bot's background threads. Work is registered as named {@link Routine}s
 * (backfill, retention, re-tagging, take retries…) that share a few threads; besides them there is
 * one bounded hand-off thread for what JDA's event thread passes on (reaction counts, digest
 * checks), kept apart because it must never wait behind a long routine and must keep its order.
 *
 * <p>{@link #close()} interrupts the routines and drops their pending runs, then lets the hand-off
 * thread finish what it was given: closed after the gateway, it runs what the last events handed
 * off.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  /** Threads shared by the routines; a routine uses at most one at a time. */
  public static final int ROUTINE_THREADS = 4;

  /**
   * Hand-offs waiting beyond this are refused (and logged by who handed them), not piled up in
   * memory.
   */
  public static final int MAX_QUEUED_HANDOFFS = 10_000;

  private final ScheduledThreadPoolExecutor pool;
  private final ThreadPoolExecutor handoff;
  private final Map<String, Routine> routines = new ConcurrentHashMap<>();
  private final Map<String, ExecutorService> workers = new ConcurrentHashMap<>();

  public Scheduler() {
    this(ROUTINE_THREADS, MAX_QUEUED_HANDOFFS);
  }

  Scheduler(int threads, int maxQueuedHandoffs) {
    pool = new ScheduledThreadPoolExecutor(threads, daemonThreads("takebot-routine-"));
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    pool.setRemoveOnCancelPolicy(true);
    handoff =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(maxQueuedHandoffs),
            daemonThreads("takebot-handoff-"),
            new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * The routine called {@code name}, created on first use: its runs never overlap and keep their
   * order.
   */
  public Routine routine(String name) {
    return routines.computeIfAbsent(name, n -> new Routine(n, pool));
  }

  /**
   * {@code threads} threads of their own for the routine {@code name}'s parallel work (e.g. feeds
   * of different servers read at once, so one slow site does not hold the others), created on first
   * use and stopped with the routines. The routine waits for what it hands them, so its runs still
   * never overlap.
   */
  public ExecutorService workers(String name, int threads) {
    return workers.computeIfAbsent(
        name,
        n -> {
          ThreadPoolExecutor pool =
              new ThreadPoolExecutor(
                  threads,
                  threads,
                  30,
                  TimeUnit.SECONDS,
                  new LinkedBlockingQueue<>(),
                  daemonThreads("takebot-" + n + "-"));
          pool.allowCoreThreadTimeOut(true); // idle between two ticks: no threads kept
          return pool;
        });
  }

  /**
   * The one thread for work JDA's event thread hands off: one thread, so e.g. the reactions of a
   * message are counted in the order they came. Refuses work ({@code RejectedExecutionException})
   * when full or closed.
   */
  public Executor handoff() {
    return handoff;
  }

  /** Interrupts running routines, drops their pending runs and waits up to 10 s for them to end. */
  public void stopRoutines() {
    pool.shutdownNow();
    workers.values().forEach(ExecutorService::shutdownNow);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      for (ExecutorService w : workers.values()) {
        w.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
      if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        log.warn("Background routines did not stop within 10 s: {}", routines.keySet());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the routines, then lets the hand-off thread finish its queue (up to 5 s). */
  @Override
  public void close() {
    stopRoutines();
    handoff.shutdown();
    try {
      if (!handoff.awaitTermination(5, TimeUnit.SECONDS)) {
        handoff.shutdownNow();
      }
    } catch (InterruptedException e) {
      handoff.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Daemon threads named {@code prefix} and a counter: they never hold the JVM open. */
  public static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
