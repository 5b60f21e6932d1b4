/**
 * Takes and discussions: a {@link dev.takebot.takes.Discussion} is one posted article and its thread;
 * a {@link dev.takebot.takes.Take} is one member's reply to it. This package ingests, edits and deletes
 * takes and computes summaries and themes. Persistence sits behind {@link dev.takebot.takes.TakeRepository},
 * implemented in {@code store}. Knows nothing of Discord or JDA.
 */
package dev.takebot.takes;
