package dev.takebot.discord;

import java.util.List;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * The composition root of the bot's features: every slash subcommand, button/modal and gateway listener
 * is created here and nowhere else. Add a feature by adding one line.
 */
record Features(List<SlashFeature> commands, List<ComponentFeature> components, List<EventListener> listeners) {

  static Features create(BotContext ctx) {
    return new Features(
        List.of(new ArticlePostCommand(ctx), new TakesSummaryCommand(ctx),
            new TakesForgetCommand(ctx), new TakesExportCommand(ctx)),
        List.of(new ShareTakeFeature(ctx)),
        List.of(new TakesListener(ctx.takes()), new Backfill(ctx), new Retention(ctx)));
  }
}
