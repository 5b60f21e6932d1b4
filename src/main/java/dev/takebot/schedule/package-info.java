/**
 * The bot's background work: one {@link dev.takebot.schedule.Scheduler} owning a few shared
 * threads, on which every piece of work runs as a named {@link dev.takebot.schedule.Routine} that
 * logs a failed run and keeps going. Knows nothing of Discord.
 */
package dev.takebot.schedule;
