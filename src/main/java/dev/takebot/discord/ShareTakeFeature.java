package dev.takebot.discord;

import dev.takebot.message.ButtonSpec;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.summary.Cooldowns;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Share your take" button on every post, and its modal. Interaction payloads carry their text
 * even without the privileged Message Content intent, so this path works where that intent is not
 * granted. The bot posts the take into the thread, attributed to the member, and stores it as their
 * take under the id of the bot's message (so deleting that message removes the take).
 *
 * <p>The bot posts on the member's behalf, so it refuses whatever Discord would refuse the member:
 * no Send Messages in Threads (or View Channel) there, a time-out, a locked thread. It posts only
 * into the discussion's own thread, never next to the post, and reopens an archived thread only by
 * posting into it where the bot itself may. The modal id is input like any other: it must name a
 * discussion of the interaction's own server. A per-member cooldown keeps one member from flooding
 * a thread.
 */
final class ShareTakeFeature implements ComponentFeature {
  static final String PREFIX = "takebot-share";
  static final ButtonSpec BUTTON = ButtonSpec.primary(PREFIX, "Share your take");

  /** The button in the language of the server the post is in. */
  static ButtonSpec button(dev.takebot.i18n.Texts texts) {
    return ButtonSpec.primary(PREFIX, texts.get("post.shareButton"));
  }

  static final String INPUT_ID = "take";
  private static final int TAKE_COLOR = 0x2B2D31;
  private static final String NOT_COLLECTING = "This post is not collecting takes any more.";
  private static final String THREAD_GONE =
      "This article's discussion thread is gone, so your take was not posted.";
  private static final String UNREACHABLE =
      "Discord did not let me reach this article's thread just now, so your take was not posted: please try"
          + " again in a moment.";
  private static final String FORGOTTEN_MEANWHILE =
      "You asked TakeBot to forget your takes while this one was being posted, so it was removed.";
  private static final String LOCKED = "This discussion is locked, so it is not taking new takes.";
  private static final Logger log = LoggerFactory.getLogger(ShareTakeFeature.class);

  private final BotContext ctx;
  private final Cooldowns cooldowns;

  /**
   * @param cooldown a member's pause between two shared takes ({@code takes.shareCooldownSeconds})
   */
  ShareTakeFeature(BotContext ctx, Duration cooldown) {
    this.ctx = ctx;
    this.cooldowns = new Cooldowns(cooldown);
  }

  @Override
  public String idPrefix() {
    return PREFIX;
  }

  @Override
  public void onButton(ButtonInteractionEvent event) {
    Optional<String> refusal =
        discussionOf(event, event.getMessageIdLong())
            .map(d -> early(event, d))
            .orElse(Optional.of(NOT_COLLECTING));
    if (refusal.isPresent()) {
      event.reply(MessageSpecs.text(refusal.get())).setEphemeral(true).queue();
      return;
    }
    TextInput input =
        TextInput.create(INPUT_ID, TextInputStyle.PARAGRAPH)
            .setRequiredRange(1, 2000)
            .setPlaceholder("What do you make of this article?")
            .build();
    Modal modal =
        Modal.create(PREFIX + ":" + event.getMessageIdLong(), "Share your take")
            .addComponents(Label.of("Your take", input))
            .build();
    event.replyModal(modal).queue();
  }

  @Override
  public void onModal(ModalInteractionEvent event) {
    Optional<Discussion> found = postId(event.getModalId()).flatMap(id -> discussionOf(event, id));
    if (found.isEmpty()) {
      event.reply(MessageSpecs.text(NOT_COLLECTING)).setEphemeral(true).queue();
      return;
    }
    Discussion discussion = found.get();
    ModalMapping value = event.getValue(INPUT_ID);
    // Stored as shown: without bidi controls and other invisible format characters, so a take of
    // nothing
    // but those is empty rather than an invisible post that counts.
    String text = value == null ? "" : SafeText.stripControl(value.getAsString()).strip();
    if (SafeText.looksEmpty(text)) {
      event
          .reply(MessageSpecs.text("Your take was empty, so nothing was posted."))
          .setEphemeral(true)
          .queue();
      return;
    }
    Optional<String> refusal =
        early(event, discussion); // again: the modal may have been open a while
    if (refusal.isPresent()) {
      event.reply(MessageSpecs.text(refusal.get())).setEphemeral(true).queue();
      return;
    }
    InteractionHook hook = event.deferReply(true).complete();
    Member member = event.getMember();
    Optional<ThreadChannel> thread;
    try {
      thread = thread(event.getGuild(), discussion);
    } catch (ErrorResponseException | InsufficientPermissionException e) {
      log.info(
          "Could not look up the thread of post {}: {}", discussion.postMessageId(), e.toString());
      hook.editOriginal(MessageSpecs.editText(UNREACHABLE)).queue();
      return;
    }
    String problem = thread.isEmpty() ? THREAD_GONE : whyNot(thread.get(), member);
    if (problem != null) {
      hook.editOriginal(MessageSpecs.editText(problem)).queue();
      return;
    }
    long userId = event.getUser().getIdLong();
    Optional<Duration> wait = cooldowns.tryAcquire(userId); // atomic: two modals submitted at once
    if (wait.isPresent()) {
      hook.editOriginal(MessageSpecs.editText(tooSoon(wait.get()))).queue();
      return;
    }
    boolean posted = false;
    try {
      posted = post(event, hook, discussion, thread.get(), member, text);
    } finally {
      if (!posted) {
        cooldowns.release(userId); // nothing was shared, so the member may try again at once
      }
    }
  }

  /** Posts and stores the take and answers the member; false when nothing stayed posted. */
  private boolean post(
      ModalInteractionEvent event,
      InteractionHook hook,
      Discussion discussion,
      ThreadChannel thread,
      Member member,
      String text) {
    String name = member.getEffectiveName();
    MessageCreateData message =
        MessageSpecs.toCreateData(render(event.getUser().getIdLong(), name, text));
    Message sent;
    try {
      sent = thread.sendMessage(message).complete();
    } catch (InsufficientPermissionException e) {
      hook.editOriginal(MessageSpecs.editText(botCannotPost(thread))).queue();
      return false;
    } catch (ErrorResponseException e) {
      hook.editOriginal(
              MessageSpecs.editText(
                  switch (e.getErrorResponse()) {
                    case UNKNOWN_CHANNEL -> THREAD_GONE;
                    case THREAD_LOCKED, ILLEGAL_OPERATION_ARCHIVED_THREAD -> LOCKED;
                    case MISSING_ACCESS, MISSING_PERMISSIONS -> botCannotPost(thread);
                    default -> throw e;
                  }))
          .queue();
      return false;
    }
    Optional<Take> take;
    try {
      take =
          ctx.takes()
              .ingest(
                  sent.getIdLong(),
                  discussion.postMessageId(),
                  sent.getChannelIdLong(),
                  event.getUser().getIdLong(),
                  name,
                  text,
                  sent.getTimeCreated().toInstant(),
                  true);
    } catch (RuntimeException e) {
      // A post that is not a stored take would look collected but never count: take it back.
      log.warn(
          "Could not store shared take {} for post {}: {}",
          sent.getId(),
          discussion.postMessageId(),
          e.toString());
      sent.delete()
          .queue(
              null,
              failure ->
                  log.warn(
                      "Could not delete unsaved take {}: {}", sent.getId(), failure.toString()));
      hook.editOriginal(MessageSpecs.editText("Couldn't save your take — please try again."))
          .queue();
      return false;
    }
    if (forgottenSince(event)) {
      // The member ran /takes forget while this take was on its way: that request covers it too,
      // whether the store refused it (its message is older than the request) or stored it (newer).
      ctx.takes().delete(sent.getIdLong());
      sent.delete()
          .queue(
              null,
              failure ->
                  log.warn(
                      "Could not delete forgotten take {}: {}", sent.getId(), failure.toString()));
      hook.editOriginal(MessageSpecs.editText(FORGOTTEN_MEANWHILE)).queue();
      return false;
    }
    String tag = take.map(t -> " Tagged **" + t.label().id() + "**.").orElse("");
    hook.editOriginal(
            MessageSpecs.editText("Thanks, your take is posted: " + sent.getJumpUrl() + tag))
        .queue();
    return true;
  }

  /**
   * Whether the member asked to be forgotten after submitting this take: a forget request records
   * its own interaction id, and ids grow with time, so one at or past this submission's id came
   * later.
   */
  private boolean forgottenSince(ModalInteractionEvent event) {
    Long upTo =
        ctx.takes()
            .privacy()
            .forgottenAuthors(event.getGuild().getIdLong())
            .get(event.getUser().getIdLong());
    return upTo != null && upTo >= event.getIdLong();
  }

  /** The post id a modal id names, if it is one (a modified client can send any id). */
  static Optional<Long> postId(String modalId) {
    String id = modalId.substring(modalId.indexOf(':') + 1);
    if (id.isEmpty() || id.length() > 20 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    try {
      long value = Long.parseLong(id);
      return value > 0 ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty(); // beyond a long: no snowflake
    }
  }

  /**
   * The discussion of that post, only if it belongs to the server the interaction comes from and
   * the member can see it. A hidden one is answered like a post that collects nothing: a form id
   * naming it must not tell whether it exists, nor name its thread.
   */
  private Optional<Discussion> discussionOf(IReplyCallback event, long postId) {
    Guild guild = event.getGuild();
    Member member = event.getMember();
    if (guild == null || member == null) {
      return Optional.empty();
    }
    return ctx.takes()
        .discussions()
        .find(guild.getIdLong(), postId)
        .filter(Audience.of(member)::allows);
  }

  /**
   * Why the member may not share now, judged without a REST call: cooldown, time-out, and what the
   * cache knows of the thread (an archived or deleted one is not cached; {@link #thread} looks
   * those up).
   */
  private Optional<String> early(IReplyCallback event, Discussion d) {
    Member member = event.getMember();
    Optional<Duration> wait = cooldowns.remaining(member.getIdLong());
    if (wait.isPresent()) {
      return Optional.of(tooSoon(wait.get()));
    }
    if (member.isTimedOut()) {
      return Optional.of(
          "You are timed out in this server, so I can't post a take for you right now.");
    }
    ThreadChannel cached = member.getGuild().getThreadChannelById(d.threadId());
    return cached == null ? Optional.empty() : Optional.ofNullable(whyNot(cached, member));
  }

  /** Why the take can't go into that thread for that member, or null when it can. */
  private static String whyNot(ThreadChannel thread, Member member) {
    if (thread.isLocked()) {
      return LOCKED;
    }
    if (!thread.canTalk(member)) {
      return "You can't post in "
          + thread.getAsMention()
          + " (you need the View Channel and Send Messages in"
          + " Threads permissions there), so I won't post there for you.";
    }
    Member self = thread.getGuild().getSelfMember();
    // Posting into an archived thread reopens it; Discord lets the bot do that only where it may
    // post.
    if (!thread.canTalk(self) || !self.hasPermission(thread, Permission.MESSAGE_EMBED_LINKS)) {
      return botCannotPost(thread);
    }
    return null;
  }

  private static String botCannotPost(ThreadChannel thread) {
    return "I can't post your take: I need the View Channel, Send Messages in Threads and Embed Links"
        + " permissions in "
        + thread.getAsMention()
        + ".";
  }

  private static String tooSoon(Duration wait) {
    long s = Math.max(1, (wait.toMillis() + 999) / 1000);
    return "You shared a take a moment ago; try again in "
        + s
        + (s == 1 ? " second." : " seconds.");
  }

  /**
   * The discussion's thread. JDA caches only active threads; an archived one is reached through the
   * post it was started from, whose {@code thread} Discord sends as it is now. Never the channel
   * instead: a take posted next to the article would not be where the discussion is.
   */
  private static Optional<ThreadChannel> thread(Guild guild, Discussion d) {
    ThreadChannel cached = guild.getThreadChannelById(d.threadId());
    if (cached != null) {
      return Optional.of(cached);
    }
    GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, d.channelId());
    if (channel == null) {
      return Optional.empty();
    }
    try {
      ThreadChannel started =
          channel.retrieveMessageById(d.postMessageId()).complete().getStartedThread();
      return Optional.ofNullable(started).filter(t -> t.getIdLong() == d.threadId());
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE
          || e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
        return Optional.empty(); // the post or its channel is gone, so is the thread
      }
      throw e; // a server error or a refusal says nothing about the thread: the member may try
      // again
    }
  }

  /** The take as posted: the member's name as the header, their words quoted in an embed. */
  static MessageSpec render(long userId, String name, String text) {
    String who =
        SafeText.escapeMarkdown(
            SafeText.defuseMentions(SafeText.oneLine(SafeText.stripControl(name))));
    String body = SafeText.truncate(SafeText.defuseMentions(SafeText.stripControl(text)), 4000);
    EmbedSpec embed =
        new EmbedSpec(
            "",
            null,
            body,
            TAKE_COLOR,
            List.of(),
            "Shared with the \"Share your take\" button",
            null,
            null);
    return new MessageSpec(
        "💬 Take from **" + SafeText.truncate(who, 100) + "** (<@" + userId + ">)",
        List.of(embed),
        List.of(),
        List.of());
  }
}
