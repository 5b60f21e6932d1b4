package dev.takebot.discord;

import dev.takebot.schedule.IdentifyGate;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts this process's shards in the turns an {@link IdentifyGate} hands out, so that several
 * processes on one token (PostgreSQL) never IDENTIFY in the same bucket within Discord's window.
 * One worker per bucket {@code shard_id % max_concurrency}, so buckets start at once as Discord
 * allows; the workers are daemon threads and end when their queue is empty, so they never hold up
 * the exit of the process (the reason {@link GatewaySessionController} avoids JDA's
 * ConcurrentSessionController).
 */
final class SharedSessionController extends GatewaySessionController {
  private static final Logger log = LoggerFactory.getLogger(SharedSessionController.class);

  private final IdentifyGate gate;
  private final Map<Integer, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile int concurrency = 1;

  SharedSessionController(String gatewayUrl, IdentifyGate gate) {
    super(gatewayUrl);
    this.gate = gate;
  }

  /** Discord's {@code max_concurrency}; the ShardManager sets it before its first shard starts. */
  @Override
  public void setConcurrency(int level) {
    concurrency = Math.max(1, level);
  }

  @Override
  public void appendSession(@NotNull SessionConnectNode node) {
    bucket(node).add(node);
  }

  @Override
  public void removeSession(@NotNull SessionConnectNode node) {
    bucket(node).queue.remove(node);
  }

  private Bucket bucket(SessionConnectNode node) {
    return buckets.computeIfAbsent(
        node.getShardInfo().getShardId() % concurrency, id -> new Bucket(id, gate));
  }

  /** The shards of one bucket waiting to identify, and the worker that starts them in turn. */
  private static final class Bucket implements Runnable {
    private final int id;
    private final IdentifyGate gate;
    final Queue<SessionConnectNode> queue = new ConcurrentLinkedQueue<>();
    private Thread worker;

    Bucket(int id, IdentifyGate gate) {
      this.id = id;
      this.gate = gate;
    }

    void add(SessionConnectNode node) {
      queue.remove(node);
      queue.add(node);
      start();
    }

    private synchronized void start() {
      if (worker == null) {
        worker = new Thread(this, "takebot-identify-" + id);
        worker.setDaemon(true);
        worker.start();
      }
    }

    /** Ends the worker, or starts another when a node arrived after the last look at the queue. */
    private synchronized void finished() {
      worker = null;
      if (!queue.isEmpty()) {
        start();
      }
    }

    @Override
    public void run() {
      try {
        SessionConnectNode node;
        while ((node = queue.peek()) != null) {
          SessionConnectNode next = node;
          // A shard shut down while waiting leaves the queue: stop asking for its turn.
          Optional<IdentifyGate.Turn> turn = gate.await(id, () -> queue.contains(next));
          if (turn.isEmpty() || !queue.remove(next)) {
            turn.ifPresent(IdentifyGate.Turn::identified);
            continue;
          }
          try {
            // false: return only once the session is up (READY), so the window counts from there
            next.run(false);
          } catch (InterruptedException e) {
            queue.add(next); // the next worker starts it
            throw e;
          } catch (IllegalStateException | ErrorResponseException e) {
            log.warn("Shard {} could not connect ({}); it will try again", next.getShardInfo(), e);
            queue.add(next);
          } finally {
            turn.get().identified();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        finished();
      }
    }
  }
}
