package dev.takebot.cli;

import dev.takebot.config.TakeBotConfig;
import dev.takebot.discord.ReactionTracker;
import dev.takebot.discord.TakeBot;
import dev.takebot.sentiment.LexiconSentimentAnalyzer;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.store.Stores;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeService;
import dev.takebot.takes.summary.RenderedSummary;
import dev.takebot.takes.summary.SummaryService;
import java.time.Clock;
import java.util.Map;

/**
 * The whole bot wired together: store, analyser, take service, summaries, article pipeline and the JDA
 * client. Shared by {@code run} and {@code demo}. {@link #close()} stops the bot before the store, so no
 * event is handled against a closed database.
 */
final class BotRuntime implements AutoCloseable {
  private final TakeRepository store;
  private final TakeService takes;
  private final TakeBot bot;

  private BotRuntime(TakeRepository store, TakeService takes, TakeBot bot) {
    this.store = store;
    this.takes = takes;
    this.bot = bot;
  }

  /**
   * Opens the store and starts the bot.
   *
   * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord rejects the token
   */
  static BotRuntime start(TakeBotConfig config, String token, Map<String, String> env, Clock clock)
      throws InterruptedException {
    var storage = config.storage();
    TakeRepository store = Stores.open(storage.jdbcUrl(), storage.username(), storage.password(env));
    try {
      SentimentAnalyzer analyzer = LexiconSentimentAnalyzer.standard();
      TakeService takes = new TakeService(store, analyzer, clock);
      ReactionTracker reactions = new ReactionTracker(takes);
      SummaryService summaries = new SummaryService(store, clock, reactions);
      takes.addListener(summaries::invalidate);
      reactions.addListener(summaries::invalidate);
      TakeBot bot = TakeBot.builder(config, token)
          .takes(takes)
          .articles(new ArticlePipelineAdapter(config.articles().hashtagLimit()))
          .summaries((discussion, requester) -> summaries.summary(discussion.postMessageId())
              .map(RenderedSummary::message)
              .orElseThrow(() -> new IllegalStateException("discussion vanished: " + discussion.postMessageId())))
          .reactions(reactions)
          .clock(clock)
          .start();
      return new BotRuntime(store, takes, bot);
    } catch (InterruptedException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  TakeBot bot() {
    return bot;
  }

  TakeService takes() {
    return takes;
  }

  TakeRepository store() {
    return store;
  }

  @Override
  public void close() {
    try {
      bot.close();
    } finally {
      store.close();
    }
  }
}
