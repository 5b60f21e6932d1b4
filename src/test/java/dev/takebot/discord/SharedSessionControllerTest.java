package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.schedule.IdentifyGate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionController.SessionConnectNode;
import org.awaitility.Awaitility;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JDA side of shared identify turns, with a recording gate instead of the database. */
@DisplayName("Shared session controller")
class SharedSessionControllerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Grants every turn at once (or once opened) and records the order of events. */
  private static final class RecordingGate implements IdentifyGate {
    final Queue<String> events = new ConcurrentLinkedQueue<>();
    final CountDownLatch open;
    volatile BooleanSupplier lastWanted;

    RecordingGate(boolean open) {
      this.open = new CountDownLatch(open ? 0 : 1);
    }

    @Override
    public Optional<Turn> await(int bucket, BooleanSupplier wanted) throws InterruptedException {
      lastWanted = wanted;
      events.add("wait " + bucket);
      open.await();
      if (!wanted.getAsBoolean()) {
        return Optional.empty();
      }
      events.add("turn " + bucket);
      return Optional.of(
          () -> {
            events.add("identified " + bucket);
            return true;
          });
    }
  }

  private record Node(int shard, int total, Queue<String> events) implements SessionConnectNode {
    @Override
    public boolean isReconnect() {
      return false;
    }

    @NotNull
    @Override
    public JDA getJDA() {
      throw new UnsupportedOperationException("not needed");
    }

    @NotNull
    @Override
    public JDA.ShardInfo getShardInfo() {
      return new JDA.ShardInfo(shard, total);
    }

    @Override
    public void run(boolean isLast) {
      events.add("run shard " + shard + (isLast ? " (last)" : ""));
    }
  }

  @Test
  @DisplayName(
      "each shard identifies within a turn of its bucket shard_id % max_concurrency, waiting for"
          + " the READY")
  void shardsTakeTurnsInTheirBuckets() {
    RecordingGate gate = new RecordingGate(true);
    SharedSessionController controller = new SharedSessionController("ws://localhost", gate);
    controller.setConcurrency(2);
    controller.appendSession(new Node(0, 4, gate.events));
    controller.appendSession(new Node(2, 4, gate.events));
    controller.appendSession(new Node(3, 4, gate.events));
    Awaitility.await().atMost(WAIT).until(() -> gate.events.size() == 12);
    List<String> events = List.copyOf(gate.events);
    // within a bucket: turn, run, identified — one shard after the other
    assertThat(events.stream().filter(e -> e.endsWith(" 0") || e.matches("run shard [02]")))
        .containsExactly(
            "wait 0",
            "turn 0",
            "run shard 0",
            "identified 0",
            "wait 0",
            "turn 0",
            "run shard 2",
            "identified 0");
    assertThat(events.stream().filter(e -> e.endsWith(" 1") || e.equals("run shard 3")))
        .containsExactly("wait 1", "turn 1", "run shard 3", "identified 1");
  }

  @Test
  @DisplayName("a shard shut down while waiting for its turn stops waiting and never connects")
  void aRemovedShardIsNotStarted() {
    RecordingGate gate = new RecordingGate(false);
    SharedSessionController controller = new SharedSessionController("ws://localhost", gate);
    Node node = new Node(0, 1, gate.events);
    controller.appendSession(node);
    Awaitility.await().atMost(WAIT).until(() -> gate.events.contains("wait 0"));
    assertThat(gate.lastWanted.getAsBoolean()).isTrue();

    controller.removeSession(node);

    assertThat(gate.lastWanted.getAsBoolean()).isFalse();
    gate.open.countDown();
    // a later shard in the same bucket still gets its turn, and only it runs
    controller.appendSession(new Node(1, 2, gate.events));
    Awaitility.await().atMost(WAIT).until(() -> gate.events.contains("run shard 1"));
    assertThat(gate.events).doesNotContain("run shard 0");
  }
}
