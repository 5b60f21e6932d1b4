/**
 * Takes and discussions: a {@link dev.takebot.takes.Discussion} is one posted article and its
 * thread; a {@link dev.takebot.takes.Take} is one member's reply to it. This package ingests, edits
 * and deletes takes and computes summaries and themes. Features go through the services ({@link
 * dev.takebot.takes.TakeService}, its {@link dev.takebot.takes.DiscussionService} and {@link
 * dev.takebot.takes.PrivacyService}), which use narrow roles of the store ({@link
 * dev.takebot.takes.Discussions}, {@link dev.takebot.takes.TakeWrites}, {@link
 * dev.takebot.takes.TakeQueries}, {@link dev.takebot.takes.SummaryData}, {@link
 * dev.takebot.takes.PrivacyStore}); {@link dev.takebot.takes.TakeRepository} is all of them,
 * implemented in {@code store}. Knows nothing of Discord or JDA.
 */
package dev.takebot.takes;
