package dev.takebot.sandbox;

import java.time.Instant;

/**
 * One change to a message, in the order it happened, for transcripts and assertions. Ephemeral
 * interaction responses are included (the invoking member sees them) although they never reach the
 * gateway.
 *
 * @param at when it happened
 * @param kind what happened
 * @param message the message after the change (for {@link Kind#DELETED}: as it was when deleted)
 */
public record MessageEvent(Instant at, Kind kind, SandboxMessage message) {

  /** What happened to the message. */
  public enum Kind {
    CREATED,
    UPDATED,
    DELETED
  }
}
