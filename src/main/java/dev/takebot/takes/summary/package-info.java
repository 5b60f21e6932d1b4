/**
 * Discussion summaries: one streaming pass over a discussion's takes yields a
 * {@link dev.takebot.takes.summary.DiscussionSummary} (counts, tone, direction, time series,
 * representative takes, themes); {@link dev.takebot.takes.summary.SummaryChart} draws it as a PNG and
 * {@link dev.takebot.takes.summary.SummaryRenderer} turns it into a {@link dev.takebot.message.MessageSpec}.
 * {@link dev.takebot.takes.summary.SummaryService} caches the result per discussion and
 * {@link dev.takebot.takes.summary.Cooldowns} stops members from asking too often.
 *
 * <p>Memory stays bounded however large a discussion grows: the summariser keeps counters, a
 * fixed-size time histogram and a stratified reservoir sample of take texts; themes and representatives
 * are computed on that sample. Knows nothing of Discord or JDA.
 */
package dev.takebot.takes.summary;
