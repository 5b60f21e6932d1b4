/**
 * The bot's background work: one {@link dev.takebot.schedule.Scheduler} owning a few shared
 * threads, on which every piece of work runs as a named {@link dev.takebot.schedule.Routine} that
 * logs a failed run and keeps going; and what lets several bot processes share work: {@link
 * dev.takebot.schedule.Leases} for jobs that run in one process at a time, and {@link
 * dev.takebot.schedule.IdentifyGate} for the turns in which their shards start. Knows nothing of
 * Discord's client library.
 */
package dev.takebot.schedule;
