package dev.takebot.discord;

import dev.takebot.message.SafeText;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
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
    return emoji(t.label())
        + " **"
        + t.label().id()
        + "** ("
        + (MODERATOR.equals(t.analyzerVersion()) ? "set by a moderator" : score(t.score()))
        + ")";
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
    String who = withAuthor ? " — " + SafeText.quote(t.authorName(), 40) : "";
    return tag(t)
        + " “"
        + SafeText.quote(t.text(), 110)
        + "”"
        + who
        + " · [jump]("
        + jumpUrl(guildId, t)
        + ")";
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
