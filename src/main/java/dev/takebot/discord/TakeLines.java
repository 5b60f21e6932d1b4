package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.SafeText;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.summary.SummaryRenderer;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How listings show takes and tags, and how commands read a message link. */
final class TakeLines {
  /** The analyser version a store records on a take whose tag a moderator set. */
  static final String MODERATOR = "moderator";

  private static final Pattern MESSAGE_LINK =
      Pattern.compile(
          "https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/channels/(\\d{1,19})/(\\d{1,19})/(\\d{1,19})");
  // 19 digits always fit an unsigned long (longer input is refused, not a crash); snowflakes stay
  // 19 digits until 2090.
  private static final Pattern ID = Pattern.compile("\\d{1,19}");

  private TakeLines() {}

  static String emoji(Label label) {
    return switch (label) {
      case POSITIVE -> "🟢";
      case NEGATIVE -> "🔴";
      case NEUTRAL -> "⚪";
      case MIXED -> "🟡";
    };
  }

  /** "🟢 **positive** (+0.50)", with "set by a moderator" for corrected tags. */
  static String tag(Take t) {
    return tag(t, Texts.english());
  }

  /** {@link #tag(Take)} in the reader's language: "🟢 **positif** (+0,50)". */
  static String tag(Take t, Texts texts) {
    return texts.get(
        "take.tag",
        "emoji",
        emoji(t.label()),
        "label",
        SummaryRenderer.label(t.label(), texts),
        "how",
        MODERATOR.equals(t.analyzerVersion())
            ? texts.get("take.setByModerator")
            : score(t.score(), texts));
  }

  static String score(double score, Texts texts) {
    return new com.ibm.icu.text.DecimalFormat(
            "+0.00;-0.00", new com.ibm.icu.text.DecimalFormatSymbols(texts.locale()))
        .format(score);
  }

  static String score(double score) {
    return String.format(Locale.ROOT, "%+.2f", score);
  }

  static String jumpUrl(long guildId, long channelId, long messageId) {
    return "https://discord.com/channels/" + guildId + "/" + channelId + "/" + messageId;
  }

  static String jumpUrl(long guildId, Take t) {
    return jumpUrl(guildId, t.channelId(), t.messageId());
  }

  static String postUrl(Discussion d) {
    return jumpUrl(d.guildId(), d.channelId(), d.postMessageId());
  }

  /** One listing line: tag, quoted text, author and a jump link; about 200 characters at most. */
  static String line(long guildId, Take t, boolean withAuthor) {
    return line(guildId, t, withAuthor, Texts.english());
  }

  static String line(long guildId, Take t, boolean withAuthor, Texts texts) {
    String who = withAuthor ? " — " + SafeText.quote(t.authorName(), 40) : "";
    return texts.get(
        "take.line",
        "tag",
        tag(t, texts),
        "text",
        SafeText.quote(t.text(), 110),
        "who",
        who,
        "link",
        jumpUrl(guildId, t));
  }

  /** A message id from a message link or a bare id; empty when it is neither. */
  static OptionalLong messageId(String linkOrId) {
    String s = linkOrId.strip();
    Matcher m = MESSAGE_LINK.matcher(s);
    if (m.find()) {
      return OptionalLong.of(Long.parseUnsignedLong(m.group(3)));
    }
    return ID.matcher(s).matches()
        ? OptionalLong.of(Long.parseUnsignedLong(s))
        : OptionalLong.empty();
  }
}
