package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.ButtonSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.takes.Discussion;
import java.util.List;
import net.dv8tion.jda.api.entities.Member;

/**
 * A moderator's post of an article this server already has a discussion of: instead of a second
 * post and a second thread that split the takes, they are told privately where the first one is,
 * with a button to post it anyway ({@link PreviewId#ANYWAY}).
 */
final class AlreadyDiscussed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Discussion earlier;

  AlreadyDiscussed(Discussion earlier) {
    super(
        "already discussed in post " + earlier.postMessageId(),
        null,
        false,
        false); // expected: no stack trace to fill
    this.earlier = earlier;
  }

  Discussion earlier() {
    return earlier;
  }

  /**
   * The private notice for {@code viewer}, in {@code texts}: the earlier post and its thread, and
   * Post anyway for {@code held}, the preview (or the held direct post) it would post. A viewer who
   * cannot see the earlier post's channel (a post in a private {@code #staff}) learns only that
   * there is one in a channel they cannot see: no title, channel, thread or link.
   */
  MessageSpec notice(Texts texts, PendingPost held, Member viewer) {
    String text =
        Audience.canSee(viewer, earlier)
            ? texts.get(
                "post.alreadyDiscussed",
                "title",
                SafeText.escapeMarkdown(SafeText.truncate(SafeText.oneLine(earlier.title()), 200)),
                "link",
                TakeLines.postUrl(earlier),
                "thread",
                Long.toString(earlier.threadId()),
                "when",
                Long.toString(earlier.postedAt().getEpochSecond()))
            : texts.get("post.alreadyDiscussedUnseen");
    return MessageSpec.ofContent(text)
        .withButtons(
            List.of(
                ButtonSpec.secondary(
                    PreviewId.of(PreviewId.ANYWAY, held), texts.get("post.postAnyway"))));
  }
}
