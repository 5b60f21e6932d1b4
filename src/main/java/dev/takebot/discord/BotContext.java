package dev.takebot.discord;

import dev.takebot.takes.TakeService;
import java.time.Clock;

/**
 * The core services most features share. Settings are not in here: each feature is handed the
 * values of its own config section by {@link TakeBotAssembly}.
 */
record BotContext(
    TakeService takes, ArticlePipeline articles, SummaryProvider summaries, Clock clock) {}
