package dev.takebot.sandbox;

import java.time.Instant;

/**
 * One thing that happened on the gateway, for assertions on connection handling.
 *
 * @param at when it happened
 * @param kind {@code CONNECT}, {@code IDENTIFY}, {@code RESUME}, {@code RESUME_FAILED}, {@code
 *     CLOSE}, {@code DROP}, {@code RECONNECT_REQUESTED} or {@code INVALIDATED}
 * @param detail free text: the path connected to, replayed count, close code and reason, ...
 */
public record GatewayEvent(Instant at, String kind, String detail) {}
