package dev.takebot.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scheduler: named routines on shared threads")
class SchedulerTest {
  private static final long WAIT_S = 10;

  @Test
  @DisplayName(
      "a periodic routine whose run throws (even an Error) is logged and runs again at its next period")
  void failedRunKeepsTheRoutine() throws InterruptedException {
    try (Scheduler scheduler = new Scheduler()) {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch third = new CountDownLatch(3);
      scheduler
          .routine("flaky")
          .every(
              Duration.ZERO,
              Duration.ofMillis(5),
              () -> {
                third.countDown();
                if (runs.incrementAndGet() == 1) {
                  throw new IllegalStateException("first run fails");
                }
                if (runs.get() == 2) {
                  throw new AssertionError("second run fails harder");
                }
              });

      assertThat(third.await(WAIT_S, TimeUnit.SECONDS))
          .as("a third run after two failed ones")
          .isTrue();
    }
  }

  @Test
  @DisplayName(
      "a routine's runs never overlap and keep the order they were asked for, on any thread")
  void runsOneAtATimeInOrder() throws InterruptedException {
    try (Scheduler scheduler = new Scheduler()) {
      Routine r = scheduler.routine("ordered");
      List<Integer> seen = new CopyOnWriteArrayList<>();
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger maxInside = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(200);
      for (int i = 0; i < 200; i++) {
        int n = i;
        r.execute(
            () -> {
              maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
              seen.add(n);
              inside.decrementAndGet();
              done.countDown();
            });
      }

      assertThat(done.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
      assertThat(maxInside).hasValue(1);
      assertThat(seen).isSorted().hasSize(200);
      assertThat(scheduler.routine("ordered")).as("one routine per name").isSameAs(r);
    }
  }

  @Test
  @DisplayName("a delayed run waits for its delay, which the caller chooses")
  void delayIsInjected() throws InterruptedException {
    try (Scheduler scheduler = new Scheduler()) {
      CountDownLatch ran = new CountDownLatch(1);
      long start = System.nanoTime();
      scheduler.routine("later").after(Duration.ofMillis(50), ran::countDown);

      assertThat(ran.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    }
  }

  @Test
  @DisplayName("closing interrupts a running routine, and refuses new work afterwards")
  void closeStopsEverything() throws InterruptedException {
    Scheduler scheduler = new Scheduler();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Routine backfill = scheduler.routine("backfill");
    backfill.execute(
        () -> {
          started.countDown();
          try {
            new CountDownLatch(1).await(); // never released: only the interrupt ends it
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
        });
    assertThat(started.await(WAIT_S, TimeUnit.SECONDS)).isTrue();

    scheduler.close();

    assertThat(interrupted.await(0, TimeUnit.SECONDS))
        .as("interrupted before close returned")
        .isTrue();
    assertThatThrownBy(() -> backfill.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
    assertThatThrownBy(() -> scheduler.handoff().execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  @DisplayName(
      "a routine's workers run at once, are interrupted when the routines stop, then refuse work")
  void workersStopWithTheRoutines() throws InterruptedException {
    Scheduler scheduler = new Scheduler();
    ExecutorService workers = scheduler.workers("feed-reads", 2);
    assertThat(scheduler.workers("feed-reads", 2)).isSameAs(workers);
    CountDownLatch bothStarted = new CountDownLatch(2);
    CountDownLatch interrupted = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      workers.execute(
          () -> {
            bothStarted.countDown();
            try {
              new CountDownLatch(1).await(); // never released: only the interrupt ends it
            } catch (InterruptedException e) {
              interrupted.countDown();
            }
          });
    }
    assertThat(bothStarted.await(WAIT_S, TimeUnit.SECONDS)).as("two at once").isTrue();

    scheduler.stopRoutines();

    assertThat(interrupted.await(0, TimeUnit.SECONDS))
        .as("interrupted before stopRoutines returned")
        .isTrue();
    assertThatThrownBy(() -> workers.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
    scheduler.close();
  }

  @Test
  @DisplayName("the hand-off thread finishes what it was given before close returns")
  void handoffDrainsOnClose() {
    Scheduler scheduler = new Scheduler();
    AtomicInteger done = new AtomicInteger();
    for (int i = 0; i < 100; i++) {
      scheduler.handoff().execute(done::incrementAndGet);
    }

    scheduler.close();

    assertThat(done).hasValue(100);
  }
}
