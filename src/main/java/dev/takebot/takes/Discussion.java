package dev.takebot.takes;

import java.time.Instant;

/**
 * One posted article: the message that carries it and the thread that holds its takes.
 *
 * @param postMessageId id of the bot's message carrying the embed (the thread hangs off it)
 * @param guildId guild it was posted in
 * @param channelId channel it was posted in
 * @param threadId thread holding the takes (on Discord the same id as the message it starts from)
 * @param articleKey stable key of the article (hash of its text), to find earlier posts of the same article
 * @param title article title, as parsed
 * @param postedAt when the post went out
 */
public record Discussion(
    long postMessageId,
    long guildId,
    long channelId,
    long threadId,
    String articleKey,
    String title,
    Instant postedAt) {}
