package dev.takebot.discord;

import dev.takebot.takes.TakeService;
import java.time.Clock;

/**
 * The core services most features share. Settings are not in here: each feature is handed the
 * values of its own config section by {@link TakeBotAssembly}; {@code readers} only tells which
 * language a message's readers speak.
 */
record BotContext(
    TakeService takes,
    ArticlePipeline articles,
    SummaryProvider summaries,
    Clock clock,
    Readers readers) {

  /** Without server settings: public posts follow each server's Discord language. */
  BotContext(TakeService takes, ArticlePipeline articles, SummaryProvider summaries, Clock clock) {
    this(takes, articles, summaries, clock, Readers.discordOnly());
  }
}
