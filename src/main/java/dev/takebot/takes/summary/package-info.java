/**
 * Discussion summaries: a discussion's aggregates, its takes counted per time bucket and an evenly
 * spread sample of its take texts, all read from the repository, yield a {@link
 * dev.takebot.takes.summary.DiscussionSummary} (counts, tone, direction, time series,
 * representative takes, themes); {@link dev.takebot.takes.summary.SummaryChart} draws it as a PNG
 * and {@link dev.takebot.takes.summary.SummaryRenderer} turns it into a {@link
 * dev.takebot.message.MessageSpec}. {@link dev.takebot.takes.summary.SummaryService} caches the
 * result per discussion and {@link dev.takebot.takes.summary.Cooldowns} stops members from asking
 * too often.
 *
 * <p>Memory and the texts read stay bounded however large a discussion grows: exact counts come
 * from {@link dev.takebot.takes.SummaryData#stats}, the chart from a fixed-size time histogram
 * filled with counts the store computes, and themes and representatives from a per-label sample of
 * at most a few hundred texts ({@link dev.takebot.takes.SummaryData#forEachSampledTake}). Knows
 * nothing of Discord or JDA.
 */
package dev.takebot.takes.summary;
