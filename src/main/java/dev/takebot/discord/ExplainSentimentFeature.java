package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.SafeText;
import dev.takebot.sentiment.Label;
import dev.takebot.sentiment.Sentiment;
import dev.takebot.takes.Take;
import dev.takebot.takes.summary.SummaryRenderer;
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
    Texts texts = Readers.privately(event);
    Optional<Take> take = ctx.takes().find(event.getTarget().getIdLong());
    String text = take.map(Take::text).orElse(event.getTarget().getContentRaw());
    if (text == null || text.isBlank()) {
      event.reply(MessageSpecs.text(texts.get("explain.noText"))).setEphemeral(true).queue();
      return;
    }
    // A take is read as the bot tags it, as about the news; any other message as it stands.
    Sentiment reading =
        take.isPresent() ? ctx.takes().read(text) : ctx.takes().analyzer().analyze(text);
    event.reply(MessageSpecs.text(explain(take, reading, texts))).setEphemeral(true).queue();
  }

  static String explain(Optional<Take> take, Sentiment reading) {
    return explain(take, reading, Texts.english());
  }

  static String explain(Optional<Take> take, Sentiment reading, Texts texts) {
    StringBuilder b = new StringBuilder();
    String read =
        texts.get(
            "explain.reading",
            "emoji",
            TakeLines.emoji(reading.label()),
            "label",
            SummaryRenderer.label(reading.label(), texts),
            "score",
            TakeLines.score(reading.score(), texts));
    if (take.isEmpty()) {
      b.append(texts.get("explain.message", "read", read));
    } else if (TakeLines.MODERATOR.equals(take.get().analyzerVersion())) {
      b.append(
          texts.get(
              "explain.byModerator",
              "label",
              SummaryRenderer.label(take.get().label(), texts),
              "read",
              read));
    } else if (take.get().label() != reading.label()) {
      // Tagged by an earlier analyser and not re-tagged yet: say both, the stored tag is what
      // counts.
      b.append(texts.get("explain.stale", "tag", TakeLines.tag(take.get(), texts), "read", read));
    } else {
      b.append(texts.get("explain.take", "read", read));
    }
    b.append('\n').append(reasons(reading.reasons(), reading.label() != Label.NEUTRAL, texts));
    return SafeText.truncate(b.toString(), 1900);
  }

  static String reasons(List<String> reasons) {
    return reasons(reasons, Texts.english());
  }

  static String reasons(List<String> reasons, Texts texts) {
    return reasons(reasons, false, texts);
  }

  /**
   * The reasons of a reading, which leans one way if {@code leans}: the analyser names words from
   * the first 64 of a text only, and a long take read from later words must not be said to read
   * neutral.
   */
  static String reasons(List<String> reasons, boolean leans, Texts texts) {
    String none = texts.get(leans ? "explain.later" : "explain.none");
    if (reasons.isEmpty()) {
      return none;
    }
    // The analyser's own markers come after the words; they are told in words, not shown as code.
    int end = reasons.size();
    boolean learned = end > 0 && reasons.get(end - 1).equals(Sentiment.LEARNED);
    end -= learned ? 1 : 0;
    boolean cynicism = end > 0 && reasons.get(end - 1).equals(Sentiment.CYNICISM);
    end -= cynicism ? 1 : 0;
    boolean irony = end > 0 && reasons.get(end - 1).equals(Sentiment.IRONY);
    end -= irony ? 1 : 0;
    StringBuilder words = new StringBuilder();
    int n = Math.min(MAX_REASONS, end);
    for (int i = 0; i < n; i++) {
      words
          .append(i == 0 ? "" : ", ")
          .append(ArticlePostCommand.code(SafeText.truncate(reasons.get(i), 60)));
    }
    if (cynicism) {
      // Scorn no word says: the words found, if any, left the reading neutral and the model made
      // it. Saying "no word praises or blames" of a take whose words the reasons list would be
      // false ("I don't buy it. ..." lists "don't").
      return n == 0
          ? texts.get("explain.cynicism")
          : texts.get("explain.cynicism.words", "words", words.toString());
    }
    if (learned && !leans && !irony && n > 0) {
      // Words that lean, read neutral by a fitted model (a statement of fact: "the coup in Niger
      // was in July 2023"): "what drove it" would name words that did not drive the reading.
      return texts.get("explain.neutralized", "words", words.toString());
    }
    String said =
        n == 0
            ? none
            : end > n
                ? texts.get("explain.reasons.more", "words", words.toString(), "more", end - n)
                : texts.get("explain.reasons", "words", words.toString());
    return said
        + (irony ? " " + texts.get("explain.irony") : "")
        + (learned ? " " + texts.get("explain.learned") : "");
  }
}
