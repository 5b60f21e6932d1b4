package dev.takebot.sandbox;

/** Thrown by the scenario API's {@code await...} methods when nothing matched in time. */
public final class SandboxTimeoutException extends IllegalStateException {

  SandboxTimeoutException(String message) {
    super(message);
  }
}
