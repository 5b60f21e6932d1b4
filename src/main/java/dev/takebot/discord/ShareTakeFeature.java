package dev.takebot.discord;

import dev.takebot.message.ButtonSpec;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Share your take" button on every post, and its modal. Interaction payloads carry their text even
 * without the privileged Message Content intent, so this path works where that intent is not granted.
 * The bot posts the take into the thread, attributed to the member, and stores it as their take under
 * the id of the bot's message (so deleting that message removes the take).
 */
final class ShareTakeFeature implements ComponentFeature {
  static final String PREFIX = "takebot-share";
  static final ButtonSpec BUTTON = ButtonSpec.primary(PREFIX, "Share your take");
  static final String INPUT_ID = "take";
  private static final int TAKE_COLOR = 0x2B2D31;
  private static final Logger log = LoggerFactory.getLogger(ShareTakeFeature.class);

  private final BotContext ctx;

  ShareTakeFeature(BotContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String idPrefix() {
    return PREFIX;
  }

  @Override
  public void onButton(ButtonInteractionEvent event) {
    long postId = event.getMessageIdLong();
    if (ctx.takes().repository().findDiscussion(postId).isEmpty()) {
      event.reply(MessageSpecs.text("This post is not collecting takes any more.")).setEphemeral(true).queue();
      return;
    }
    TextInput input = TextInput.create(INPUT_ID, TextInputStyle.PARAGRAPH)
        .setRequiredRange(1, 2000)
        .setPlaceholder("What do you make of this article?")
        .build();
    Modal modal = Modal.create(PREFIX + ":" + postId, "Share your take")
        .addComponents(Label.of("Your take", input))
        .build();
    event.replyModal(modal).queue();
  }

  @Override
  public void onModal(ModalInteractionEvent event) {
    String id = event.getModalId();
    long postId = Long.parseLong(id.substring(id.indexOf(':') + 1));
    ModalMapping value = event.getValue(INPUT_ID);
    String text = value == null ? "" : value.getAsString().strip();
    if (text.isEmpty()) {
      event.reply(MessageSpecs.text("Your take was empty, so nothing was posted.")).setEphemeral(true).queue();
      return;
    }
    InteractionHook hook = event.deferReply(true).complete();
    Optional<Discussion> discussion = ctx.takes().repository().findDiscussion(postId);
    if (discussion.isEmpty()) {
      hook.editOriginal(MessageSpecs.editText("This post is not collecting takes any more.")).queue();
      return;
    }
    Member member = event.getMember();
    String name = member != null ? member.getEffectiveName() : event.getUser().getEffectiveName();
    MessageCreateData message = MessageSpecs.toCreateData(render(event.getUser().getIdLong(), name, text));
    Message sent;
    try {
      sent = send(event.getJDA(), discussion.get(), message);
    } catch (InsufficientPermissionException e) {
      hook.editOriginal(MessageSpecs.editText("I can't post your take: I need the "
          + e.getPermission().getName() + " permission in <#" + e.getChannelId() + ">.")).queue();
      return;
    }
    if (sent == null) {
      hook.editOriginal(MessageSpecs.editText("This article's channel is gone, so your take could not be posted."))
          .queue();
      return;
    }
    Optional<Take> take;
    try {
      take = ctx.takes().ingest(sent.getIdLong(), postId, sent.getChannelIdLong(),
          event.getUser().getIdLong(), name, text, sent.getTimeCreated().toInstant(), true);
    } catch (RuntimeException e) {
      // A post that is not a stored take would look collected but never count: take it back.
      log.warn("Could not store shared take {} for post {}: {}", sent.getId(), postId, e.toString());
      sent.delete().queue(null, failure -> log.warn("Could not delete unsaved take {}: {}", sent.getId(),
          failure.toString()));
      hook.editOriginal(MessageSpecs.editText("Couldn't save your take — please try again.")).queue();
      return;
    }
    String tag = take.map(t -> " Tagged **" + t.label().id() + "**.").orElse("");
    hook.editOriginal(MessageSpecs.editText("Thanks, your take is posted: " + sent.getJumpUrl() + tag)).queue();
  }

  /**
   * Posts into the discussion thread; when the thread is not in JDA's cache (archived, or deleted), as a
   * reply to the post in its channel instead, which the bot also counts as a take.
   *
   * @return the message, or {@code null} when neither the thread nor the channel exists
   */
  private static Message send(JDA jda, Discussion d, MessageCreateData message) {
    ThreadChannel thread = jda.getThreadChannelById(d.threadId());
    if (thread != null) {
      return thread.sendMessage(message).complete();
    }
    GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, d.channelId());
    if (channel == null) {
      return null;
    }
    return channel.sendMessage(message).setMessageReference(d.postMessageId()).failOnInvalidReply(false).complete();
  }

  /** The take as posted: the member's name as the header, their words quoted in an embed. */
  static MessageSpec render(long userId, String name, String text) {
    String who = SafeText.escapeMarkdown(SafeText.defuseMentions(SafeText.oneLine(SafeText.stripControl(name))));
    String body = SafeText.truncate(SafeText.defuseMentions(SafeText.stripControl(text)), 4000);
    EmbedSpec embed = new EmbedSpec("", null, body, TAKE_COLOR, List.of(), "Shared with the \"Share your take\" button", null, null);
    return new MessageSpec("💬 Take from **" + SafeText.truncate(who, 100) + "** (<@" + userId + ">)",
        List.of(embed), List.of(), List.of());
  }
}
