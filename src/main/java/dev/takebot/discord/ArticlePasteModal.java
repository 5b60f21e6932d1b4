package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The "Paste the article" form that {@code /article post} opens when run without an article.
 * Discord's client sends a string option as one line, but a paragraph text input keeps line breaks,
 * which the article parser needs. The form's custom id carries the {@code channel} the moderator
 * chose, so the submit posts there, and whether they asked for {@code now} (no preview); the submit
 * then takes the same path as the {@code text} option.
 */
final class ArticlePasteModal implements ComponentFeature {
  static final String PREFIX = "takebot-paste";
  static final String INPUT_ID = "article";

  /** The custom id's last part when the moderator asked to post without a preview. */
  private static final String NOW = "now";

  /**
   * The custom id's last part when the moderator asked to post even an article the server already
   * discusses ({@code again}).
   */
  private static final String AGAIN = "again";

  /** Discord's limit for a paragraph text input. */
  static final int MAX_CHARS = TextInput.MAX_VALUE_LENGTH;

  static final String MALFORMED =
      "This form doesn't name a channel I can post in: run `/article post` again.";

  private final ArticlePostCommand poster;

  ArticlePasteModal(ArticlePostCommand poster) {
    this.poster = poster;
  }

  /**
   * The form; a custom id of at most 44 characters ({@code
   * takebot-paste[:<channel>][:now][:again]}), well within Discord's 100.
   *
   * @param channelId the channel to post in, or {@code null} for {@code /article post}'s default
   * @param now post at once instead of showing a preview first
   */
  static Modal form(String channelId, boolean now) {
    return form(channelId, now, false, Texts.english());
  }

  /**
   * @param again post even if the server already discusses the article
   */
  static Modal form(String channelId, boolean now, boolean again, Texts texts) {
    String id =
        (channelId == null ? PREFIX : PREFIX + ":" + channelId)
            + (now ? ":" + NOW : "")
            + (again ? ":" + AGAIN : "");
    TextInput input =
        TextInput.create(INPUT_ID, TextInputStyle.PARAGRAPH)
            .setRequiredRange(1, MAX_CHARS)
            .setPlaceholder(texts.get("paste.placeholder"))
            .build();
    return Modal.create(id, texts.get("paste.title"))
        .addComponents(
            Label.of(
                texts.get("paste.label"), texts.get("paste.description", "max", MAX_CHARS), input))
        .build();
  }

  @Override
  public String idPrefix() {
    return PREFIX;
  }

  /** The form's custom id is input anyone can send: submitting is checked like the command. */
  @Override
  public Access access() {
    return Access.moderators("post articles");
  }

  @Override
  public void onModal(ModalInteractionEvent event) {
    String id = event.getModalId();
    boolean again = id.endsWith(":" + AGAIN);
    String flagged = again ? id.substring(0, id.length() - AGAIN.length() - 1) : id;
    boolean now = flagged.endsWith(":" + NOW);
    String rest = now ? flagged.substring(0, flagged.length() - NOW.length() - 1) : flagged;
    int colon = rest.indexOf(':');
    String channelId = colon < 0 ? null : rest.substring(colon + 1);
    if (channelId != null && !isSnowflake(channelId)) {
      // The id is input: a modified client can send anything, which names no channel of ours.
      event
          .reply(MessageSpecs.text(Readers.privately(event).get("paste.malformed")))
          .setEphemeral(true)
          .queue();
      return;
    }
    ModalMapping value = event.getValue(INPUT_ID);
    poster.postPasted(event, channelId, now, again, value == null ? "" : value.getAsString());
  }

  /** A positive id that fits JDA's snowflakes (a signed long); anything else names no channel. */
  static boolean isSnowflake(String id) {
    if (id.isEmpty() || id.length() > 19 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    try {
      return Long.parseLong(id) > 0;
    } catch (NumberFormatException beyondLong) {
      return false;
    }
  }
}
