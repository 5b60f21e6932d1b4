package dev.takebot.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the sandbox's state, the way a Netty event loop owns its channels: REST
 * handlers, gateway sockets and the scenario API hand it tasks, so no state is shared between
 * threads and dispatches reach the sockets in the order the state changed. Waiters ({@link #await})
 * are re-checked on this thread after every task, so a test waiting for a message sees it as soon
 * as the task that created it ends.
 */
final class EngineLoop implements AutoCloseable {
  /**
   * Far beyond any task; a caller waiting this long means the loop is stuck, which deserves a clear
   * failure.
   */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

  private final ScheduledThreadPoolExecutor executor;

  /** Touched on the loop thread only. */
  private final List<Waiter<?>> waiters = new ArrayList<>();

  private volatile Thread thread;

  EngineLoop() {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "discord-sandbox-engine");
              t.setDaemon(true);
              thread = t;
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  /**
   * Runs {@code task} on the loop and returns its result; its exception is rethrown here unchanged.
   */
  <T> T call(Supplier<T> task) {
    if (inLoop()) {
      return task
          .get(); // a step run from inside a task, e.g. a member posting while the bot is cut off
    }
    Future<T> result;
    try {
      result = executor.submit(() -> runTask(task));
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the sandbox is closed", e);
    }
    try {
      return result.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw unchecked(e.getCause());
    } catch (TimeoutException e) {
      throw new SandboxTimeoutException(
          "The sandbox did not answer within " + CALL_TIMEOUT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxTimeoutException("Interrupted while waiting for the sandbox");
    }
  }

  void run(Runnable task) {
    call(
        () -> {
          task.run();
          return null;
        });
  }

  /**
   * Runs {@code task} on the loop without waiting for it, e.g. for a socket event; failures are
   * logged.
   */
  void execute(Runnable task) {
    try {
      executor.execute(
          () ->
              runTask(
                  () -> {
                    task.run();
                    return null;
                  }));
    } catch (RejectedExecutionException e) {
      LOG.debug("sandbox closed; task dropped");
    }
  }

  /** Runs {@code task} on the loop after {@code delay}. */
  void schedule(Runnable task, Duration delay) {
    try {
      executor.schedule(
          () ->
              runTask(
                  () -> {
                    task.run();
                    return null;
                  }),
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("sandbox closed; scheduled task dropped");
    }
  }

  /**
   * Waits until {@code probe}, run on the loop, returns non-null: at once, or after whichever later
   * task makes it so. Must not be called from the loop itself, which would then wait for its own
   * next task.
   */
  <T> T await(Supplier<T> probe, Duration timeout, Supplier<String> what) {
    if (inLoop()) {
      throw new IllegalStateException(
          "cannot wait for " + what.get() + " on the sandbox's own thread");
    }
    Waiter<T> waiter = new Waiter<>(probe);
    run(() -> waiters.add(waiter)); // checked as this task ends
    try {
      return waiter.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw unchecked(e.getCause());
    } catch (TimeoutException e) {
      waiter.result.cancel(false); // the loop drops it at its next check
      throw new SandboxTimeoutException(
          "Timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxTimeoutException("Interrupted while waiting for " + what.get());
    }
  }

  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Stops the loop; tasks not yet run are dropped. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private <T> T runTask(Supplier<T> task) {
    try {
      return task.get();
    } finally {
      if (!waiters.isEmpty()) {
        waiters.removeIf(Waiter::check);
      }
    }
  }

  private static RuntimeException unchecked(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(cause);
  }

  /** A probe and the future it completes once it yields a value (or throws). */
  private static final class Waiter<T> {
    final Supplier<T> probe;
    final CompletableFuture<T> result = new CompletableFuture<>();

    Waiter(Supplier<T> probe) {
      this.probe = probe;
    }

    /** True when done (answered, failed or given up by its caller), so the loop can drop it. */
    boolean check() {
      if (result.isDone()) {
        return true;
      }
      try {
        T value = probe.get();
        return value != null && result.complete(value);
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
        return true;
      }
    }
  }
}
