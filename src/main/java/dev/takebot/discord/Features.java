package dev.takebot.discord;

import java.util.List;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * The composition root of the bot's features: every slash subcommand, button/modal and gateway listener
 * is created here and nowhere else. Add a feature by adding one line (a feature with both a command and
 * buttons is created once and listed in both). {@code background} is the bot's thread for work that
 * must not run on JDA's event thread.
 */
record Features(List<SlashFeature> commands, List<ComponentFeature> components, List<EventListener> listeners,
    List<MessageMenuFeature> menus) {

  static Features create(BotContext ctx, Executor background) {
    TakesListCommand list = new TakesListCommand(ctx);
    CorrectSentimentFeature correct = new CorrectSentimentFeature(ctx);
    ArticlePostCommand post = new ArticlePostCommand(ctx);
    return new Features(
        List.of(post, new TakesSummaryCommand(ctx),
            list,
            new TakesMineCommand(ctx),
            new TakesRetagCommand(ctx),
            new TakesForgetCommand(ctx),
            new TakesExportCommand(ctx),
            new ArticleListCommand(ctx),
            new ArticleSummaryCommand(ctx)),
        List.of(new ShareTakeFeature(ctx),
            new ArticlePasteModal(post),
            list,
            correct),
        List.of(new TakesListener(ctx.takes()),
            new Backfill(ctx),
            new Retention(ctx),
            new BackgroundRetag(ctx),
            new DigestFeature(ctx, background)),
        List.of(correct,
            new ExplainSentimentFeature(ctx)));
  }
}
