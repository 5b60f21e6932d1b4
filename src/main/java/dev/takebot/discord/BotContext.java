package dev.takebot.discord;

import dev.takebot.config.TakeBotConfig;
import dev.takebot.takes.TakeService;
import java.time.Clock;

/** What the features share: configuration and the core services. */
record BotContext(
    TakeBotConfig config,
    TakeService takes,
    ArticlePipeline articles,
    SummaryProvider summaries,
    Clock clock) {}
