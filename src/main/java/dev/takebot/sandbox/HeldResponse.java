package dev.takebot.sandbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The answer to one request, computed when the request arrived and held back until the test
 * releases it (see {@link DiscordSandbox#holdNext}): the bot is then waiting on a reply that
 * reflects an older state, while the test changes the server, the way a slow network or a long
 * history read makes it on Discord.
 */
public final class HeldResponse {
  /**
   * A hold nobody releases ends on its own, so a failing test never leaves a server thread stuck.
   */
  static final Duration MAX_HOLD = Duration.ofSeconds(60);

  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  HeldResponse() {}

  /** Called on the server's request thread once the route has run: waits for {@link #release()}. */
  void hold() {
    arrived.countDown();
    try {
      released.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until a matching request has arrived and its answer is being held. */
  public void awaitHeld(Duration timeout) {
    try {
      if (!arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SandboxTimeoutException(
            "Timed out after " + timeout.toMillis() + " ms waiting for a request to hold");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxTimeoutException("Interrupted waiting for a request to hold");
    }
  }

  /** True once a matching request arrived. */
  public boolean isHeld() {
    return arrived.getCount() == 0;
  }

  /** Sends the held answer (or lets the next matching request through unheld, if none came yet). */
  public void release() {
    released.countDown();
  }
}
