package dev.takebot.takes;

import dev.takebot.message.EmbedSpec;
import dev.takebot.message.FieldSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.sentiment.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The headline summary of one discussion: counts, the share of each sentiment, the overall tone and
 * the most positive and most negative take. A first, cheap summary; {@code takes.summary} renders
 * the richer one (chart, themes, representative takes).
 *
 * @param discussion the article's discussion
 * @param stats the store's aggregates
 * @param mostPositive the take with the highest score above zero, if any
 * @param mostNegative the take with the lowest score below zero, if any
 */
public record BasicSummary(
    Discussion discussion,
    TakeStats stats,
    Optional<Take> mostPositive,
    Optional<Take> mostNegative) {

  private static final int QUOTE = 160;
  private static final int COLOR = 0x5865F2;

  /** Reads a discussion's aggregates and streams its takes once to find the two extremes. */
  public static BasicSummary of(TakeQueries takes, Discussion discussion) {
    TakeStats stats = takes.stats(discussion.postMessageId());
    Take[] best = new Take[2];
    takes.forEachTake(
        discussion.postMessageId(),
        t -> {
          if (t.score() > 0 && (best[0] == null || t.score() > best[0].score())) {
            best[0] = t;
          }
          if (t.score() < 0 && (best[1] == null || t.score() < best[1].score())) {
            best[1] = t;
          }
        });
    return new BasicSummary(
        discussion, stats, Optional.ofNullable(best[0]), Optional.ofNullable(best[1]));
  }

  /** Overall tone in words, from the mean score. */
  public String tone() {
    double m = stats.meanScore();
    if (stats.takes() == 0) {
      return "no takes yet";
    }
    String word =
        m >= 0.5
            ? "clearly positive"
            : m >= 0.05
                ? "leaning positive"
                : m <= -0.5 ? "clearly negative" : m <= -0.05 ? "leaning negative" : "neutral";
    return word + String.format(Locale.ROOT, " (mean score %+.2f)", m);
  }

  /** The summary as a Discord message: one embed, quotes defused and cut short. */
  public MessageSpec render() {
    long takes = stats.takes();
    String title = SafeText.truncate("Takes on: " + SafeText.oneLine(discussion.title()), 256);
    StringBuilder desc = new StringBuilder();
    desc.append("**")
        .append(takes)
        .append(takes == 1 ? " take" : " takes")
        .append("** from **")
        .append(stats.members())
        .append(stats.members() == 1 ? " member" : " members")
        .append("**\n");
    desc.append("Overall tone: ").append(tone());
    List<FieldSpec> fields = new ArrayList<>();
    if (takes > 0) {
      StringBuilder shares = new StringBuilder();
      for (Label l : Label.values()) {
        shares
            .append(icon(l))
            .append(' ')
            .append(capitalised(l))
            .append(": ")
            .append(stats.byLabel().get(l))
            .append(" (")
            .append(Math.round(stats.share(l) * 100))
            .append("%)\n");
      }
      fields.add(new FieldSpec("Sentiment", shares.toString().strip(), false));
    }
    mostPositive.ifPresent(t -> fields.add(new FieldSpec("Most positive", quote(t), false)));
    mostNegative.ifPresent(t -> fields.add(new FieldSpec("Most negative", quote(t), false)));
    String link =
        jumpLink(discussion.guildId(), discussion.channelId(), discussion.postMessageId());
    EmbedSpec embed =
        new EmbedSpec(title, link, desc.toString(), COLOR, fields, "TakeBot", null, null);
    return MessageSpec.ofEmbed(embed);
  }

  private String quote(Take t) {
    return "“"
        + SafeText.quote(t.text(), QUOTE)
        + "” — "
        + SafeText.quote(t.authorName(), 64)
        + String.format(Locale.ROOT, " (%+.2f) ", t.score())
        + "[jump]("
        + jumpLink(discussion.guildId(), t.channelId(), t.messageId())
        + ")";
  }

  /** A Discord message link. */
  public static String jumpLink(long guildId, long channelId, long messageId) {
    return "https://discord.com/channels/" + guildId + "/" + channelId + "/" + messageId;
  }

  private static String capitalised(Label l) {
    return l.id().substring(0, 1).toUpperCase(Locale.ROOT) + l.id().substring(1);
  }

  private static String icon(Label l) {
    return switch (l) {
      case POSITIVE -> "🟢";
      case NEGATIVE -> "🔴";
      case NEUTRAL -> "⚪";
      case MIXED -> "🟡";
    };
  }
}
