package dev.takebot.ops;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Liveness and readiness. Ready means this process serves its servers: every one of its shards is
 * connected and the database answers. Live means the process answers at all; a bot that is not
 * ready yet (connecting, resuming) is still live, so an orchestrator waits instead of restarting
 * it.
 */
public final class Health implements AutoCloseable {
  private final ShardStates shards;
  private final BooleanSupplier database;
  private final Duration databaseTimeout;

  /** One database check at a time, on its own thread: a hung database must not hang the probe. */
  private final ExecutorService checker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "takebot-health-db");
            t.setDaemon(true);
            return t;
          });

  private Future<Boolean> check;

  /**
   * @param database true when the database answers a trivial query
   * @param databaseTimeout how long a probe waits for it; slower counts as down
   */
  public Health(ShardStates shards, BooleanSupplier database, Duration databaseTimeout) {
    this.shards = shards;
    this.database = database;
    this.databaseTimeout = databaseTimeout;
  }

  /** The readiness verdict and what it was made of. */
  public record Readiness(boolean ready, Map<Integer, String> shards, boolean database) {
    /** A small JSON object: {@code {"status":"UP","database":"UP","shards":{"0":"CONNECTED"}}}. */
    public String json() {
      String perShard =
          shards.entrySet().stream()
              .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
              .collect(Collectors.joining(","));
      return "{\"status\":\""
          + (ready ? "UP" : "DOWN")
          + "\",\"database\":\""
          + (database ? "UP" : "DOWN")
          + "\",\"shards\":{"
          + perShard
          + "}}";
    }
  }

  public Readiness readiness() {
    boolean db = databaseUp();
    return new Readiness(shards.allConnected() && db, shards.snapshot(), db);
  }

  private boolean databaseUp() {
    Future<Boolean> pending = currentCheck();
    // Waited for outside the lock: probes arriving together share one check and one timeout
    // rather than queue behind each other's.
    try {
      return pending.get(databaseTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private synchronized Future<Boolean> currentCheck() {
    if (check == null || check.isDone()) {
      check = checker.submit(() -> database.getAsBoolean());
    } // else the last check still hangs: wait for it rather than pile up more
    return check;
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
