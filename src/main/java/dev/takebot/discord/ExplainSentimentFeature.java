package dev.takebot.discord;

import dev.takebot.message.SafeText;
import dev.takebot.sentiment.Sentiment;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.takes.Take;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;

/**
 * The "Explain sentiment" message command, for anyone, answered only to them: the tag, the score
 * and the words that drove the reading. Works on takes (showing the stored tag, and saying so when
 * a moderator set it) and on any other message with text. The interaction carries the message's
 * text even without the Message Content intent.
 */
final class ExplainSentimentFeature implements MessageMenuFeature {
  static final String NAME = "Explain sentiment";
  private static final int MAX_REASONS = 12;

  private final BotContext ctx;

  ExplainSentimentFeature(BotContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void execute(MessageContextInteractionEvent event) {
    Optional<Take> take = ctx.takes().find(event.getTarget().getIdLong());
    String text = take.map(Take::text).orElse(event.getTarget().getContentRaw());
    if (text == null || text.isBlank()) {
      event
          .reply(MessageSpecs.text("That message has no text to read, so it has no sentiment."))
          .setEphemeral(true)
          .queue();
      return;
    }
    SentimentAnalyzer analyzer = ctx.takes().analyzer();
    event
        .reply(MessageSpecs.text(explain(take, analyzer.analyze(text))))
        .setEphemeral(true)
        .queue();
  }

  static String explain(Optional<Take> take, Sentiment reading) {
    StringBuilder b = new StringBuilder();
    String read =
        TakeLines.emoji(reading.label())
            + " **"
            + reading.label().id()
            + "** (score "
            + TakeLines.score(reading.score())
            + ")";
    if (take.isEmpty()) {
      b.append("This message reads as ").append(read).append(".\n");
    } else if (TakeLines.MODERATOR.equals(take.get().analyzerVersion())) {
      b.append("This take is tagged **")
          .append(take.get().label().id())
          .append("** by a moderator; that tag counts in summaries. The analyser reads it as ")
          .append(read)
          .append(".\n");
    } else if (take.get().label() != reading.label()) {
      // Tagged by an earlier analyser and not re-tagged yet: say both, the stored tag is what
      // counts.
      b.append("This take is tagged ")
          .append(TakeLines.tag(take.get()))
          .append("; the current analyser reads it as ")
          .append(read)
          .append(" and will re-tag it.\n");
    } else {
      b.append("This take is tagged ").append(read).append(".\n");
    }
    b.append(reasons(reading.reasons()));
    return SafeText.truncate(b.toString(), 1900);
  }

  static String reasons(List<String> reasons) {
    if (reasons.isEmpty()) {
      return "No sentiment words or emoji found, so it reads as neutral.";
    }
    StringBuilder b = new StringBuilder("What drove it, most influential first: ");
    int n = Math.min(MAX_REASONS, reasons.size());
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ", ")
          .append(ArticlePostCommand.code(SafeText.truncate(reasons.get(i), 60)));
    }
    if (reasons.size() > n) {
      b.append(" and ").append(reasons.size() - n).append(" more");
    }
    return b.append('.').toString();
  }
}
