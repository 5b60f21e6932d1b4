package dev.takebot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Readiness")
class HealthTest {

  @Test
  @DisplayName(
      "probes that arrive together while the database hangs each answer within the probe's"
          + " timeout, not one after another")
  void concurrentProbesOfAHungDatabaseWaitOnce() throws Exception {
    CountDownLatch hang = new CountDownLatch(1);
    ShardStates shards = new ShardStates(new SimpleMeterRegistry());
    Duration timeout = Duration.ofSeconds(1);
    ExecutorService probes = Executors.newFixedThreadPool(4);
    try (Health health =
        new Health(
            shards,
            () -> {
              try {
                hang.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return true;
            },
            timeout)) {
      List<Future<Long>> waits = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        waits.add(
            probes.submit(
                () -> {
                  long start = System.nanoTime();
                  assertThat(health.readiness().database()).isFalse();
                  return System.nanoTime() - start;
                }));
      }
      for (Future<Long> wait : waits) {
        // one after another, the last would wait four timeouts
        assertThat(Duration.ofNanos(wait.get(30, TimeUnit.SECONDS)))
            .isLessThan(timeout.multipliedBy(3));
      }
    } finally {
      hang.countDown();
      probes.shutdownNow();
    }
  }
}
