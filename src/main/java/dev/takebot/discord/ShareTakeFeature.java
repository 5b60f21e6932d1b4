package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.ButtonSpec;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.ops.Metrics;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.summary.Cooldowns;
import dev.takebot.takes.summary.SummaryRenderer;
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
  static ButtonSpec button(Texts texts) {
    return ButtonSpec.primary(PREFIX, texts.get("post.shareButton"));
  }

  static final String INPUT_ID = "take";
  private static final int TAKE_COLOR = 0x2B2D31;
  // Keys of the member's answers in the message bundles.
  private static final String NOT_COLLECTING = "share.notCollecting";
  private static final String THREAD_GONE = "share.threadGone";
  private static final String UNREACHABLE = "share.unreachable";
  private static final String FORGOTTEN_MEANWHILE = "share.forgottenMeanwhile";
  private static final String LOCKED = "share.locked";
  private static final Logger log = LoggerFactory.getLogger(ShareTakeFeature.class);

  private final BotContext ctx;
  private final Cooldowns cooldowns;
  private final Metrics metrics;

  /**
   * @param cooldown a member's pause between two shared takes ({@code takes.shareCooldownSeconds})
   * @param metrics counts shared takes with those replied in the thread, an operator's one figure
   *     of takes collected (where Message Content is not granted, the only one that moves)
   */
  ShareTakeFeature(BotContext ctx, Duration cooldown, Metrics metrics) {
    this.ctx = ctx;
    this.cooldowns = new Cooldowns(cooldown);
    this.metrics = metrics;
  }

  @Override
  public String idPrefix() {
    return PREFIX;
  }

  @Override
  public void onButton(ButtonInteractionEvent event) {
    Texts texts = Readers.privately(event);
    Optional<String> refusal =
        discussionOf(event, event.getMessageIdLong())
            .map(d -> early(event, d, texts))
            .orElse(Optional.of(texts.get(NOT_COLLECTING)));
    if (refusal.isPresent()) {
      event.reply(MessageSpecs.text(refusal.get())).setEphemeral(true).queue();
      return;
    }
    TextInput input =
        TextInput.create(INPUT_ID, TextInputStyle.PARAGRAPH)
            .setRequiredRange(1, 2000)
            .setPlaceholder(texts.get("share.placeholder"))
            .build();
    Modal modal =
        Modal.create(PREFIX + ":" + event.getMessageIdLong(), texts.get("share.title"))
            .addComponents(Label.of(texts.get("share.label"), input))
            .build();
    event.replyModal(modal).queue();
  }

  @Override
  public void onModal(ModalInteractionEvent event) {
    Texts texts = Readers.privately(event);
    Optional<Discussion> found = postId(event.getModalId()).flatMap(id -> discussionOf(event, id));
    if (found.isEmpty()) {
      event.reply(MessageSpecs.text(texts.get(NOT_COLLECTING))).setEphemeral(true).queue();
      return;
    }
    Discussion discussion = found.get();
    ModalMapping value = event.getValue(INPUT_ID);
    // Stored as shown: without bidi controls and other invisible format characters, so a take of
    // nothing
    // but those is empty rather than an invisible post that counts.
    String text = value == null ? "" : SafeText.stripControl(value.getAsString()).strip();
    if (SafeText.looksEmpty(text)) {
      event.reply(MessageSpecs.text(texts.get("share.empty"))).setEphemeral(true).queue();
      return;
    }
    Optional<String> refusal =
        early(event, discussion, texts); // again: the modal may have been open a while
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
      hook.editOriginal(MessageSpecs.editText(texts.get(UNREACHABLE))).queue();
      return;
    }
    String problem =
        thread.isEmpty() ? texts.get(THREAD_GONE) : whyNot(thread.get(), member, texts);
    if (problem != null) {
      hook.editOriginal(MessageSpecs.editText(problem)).queue();
      return;
    }
    long userId = event.getUser().getIdLong();
    Optional<Duration> wait = cooldowns.tryAcquire(userId); // atomic: two modals submitted at once
    if (wait.isPresent()) {
      hook.editOriginal(MessageSpecs.editText(tooSoon(wait.get(), texts))).queue();
      return;
    }
    boolean posted = false;
    try {
      posted = post(event, hook, discussion, thread.get(), member, text, texts);
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
      String text,
      Texts texts) {
    String name = member.getEffectiveName();
    MessageCreateData message =
        MessageSpecs.toCreateData(
            render(
                event.getUser().getIdLong(), name, text, ctx.readers().publicly(event.getGuild())));
    Message sent;
    try {
      sent = thread.sendMessage(message).complete();
    } catch (InsufficientPermissionException e) {
      hook.editOriginal(MessageSpecs.editText(botCannotPost(thread, texts))).queue();
      return false;
    } catch (ErrorResponseException e) {
      hook.editOriginal(
              MessageSpecs.editText(
                  switch (e.getErrorResponse()) {
                    case UNKNOWN_CHANNEL -> texts.get(THREAD_GONE);
                    case THREAD_LOCKED, ILLEGAL_OPERATION_ARCHIVED_THREAD -> texts.get(LOCKED);
                    case MISSING_ACCESS, MISSING_PERMISSIONS -> botCannotPost(thread, texts);
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
      hook.editOriginal(MessageSpecs.editText(texts.get("share.notSaved"))).queue();
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
      hook.editOriginal(MessageSpecs.editText(texts.get(FORGOTTEN_MEANWHILE))).queue();
      return false;
    }
    take.ifPresent(
        t -> {
          metrics.takeStored();
          // From the member's submission: what they waited, the bot's own post included.
          metrics.ingestLatency(
              Duration.between(event.getTimeCreated().toInstant(), ctx.clock().instant()));
        });
    String tag =
        take.map(
                t ->
                    " "
                        + texts.get(
                            "share.tagged", "label", SummaryRenderer.label(t.label(), texts)))
            .orElse("");
    hook.editOriginal(
            MessageSpecs.editText(texts.get("share.posted", "link", sent.getJumpUrl()) + tag))
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
  private Optional<String> early(IReplyCallback event, Discussion d, Texts texts) {
    Member member = event.getMember();
    Optional<Duration> wait = cooldowns.remaining(member.getIdLong());
    if (wait.isPresent()) {
      return Optional.of(tooSoon(wait.get(), texts));
    }
    if (member.isTimedOut()) {
      return Optional.of(texts.get("share.timedOut"));
    }
    ThreadChannel cached = member.getGuild().getThreadChannelById(d.threadId());
    return cached == null ? Optional.empty() : Optional.ofNullable(whyNot(cached, member, texts));
  }

  /** Why the take can't go into that thread for that member, or null when it can. */
  private static String whyNot(ThreadChannel thread, Member member, Texts texts) {
    if (thread.isLocked()) {
      return texts.get(LOCKED);
    }
    if (!thread.canTalk(member)) {
      return texts.get("share.memberCannot", "thread", thread.getAsMention());
    }
    Member self = thread.getGuild().getSelfMember();
    // Posting into an archived thread reopens it; Discord lets the bot do that only where it may
    // post.
    if (!thread.canTalk(self) || !self.hasPermission(thread, Permission.MESSAGE_EMBED_LINKS)) {
      return botCannotPost(thread, texts);
    }
    return null;
  }

  private static String botCannotPost(ThreadChannel thread, Texts texts) {
    return texts.get("share.botCannot", "thread", thread.getAsMention());
  }

  private static String tooSoon(Duration wait, Texts texts) {
    long s = Math.max(1, (wait.toMillis() + 999) / 1000);
    return texts.get("share.tooSoon", "seconds", s);
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
    return render(userId, name, text, Texts.english());
  }

  /** The take as posted, its frame in the server's language. */
  static MessageSpec render(long userId, String name, String text, Texts texts) {
    String who =
        SafeText.escapeMarkdown(
            SafeText.defuseMentions(SafeText.oneLine(SafeText.stripControl(name))));
    String body = SafeText.truncate(SafeText.defuseMentions(SafeText.stripControl(text)), 4000);
    EmbedSpec embed =
        new EmbedSpec("", null, body, TAKE_COLOR, List.of(), texts.get("share.footer"), null, null);
    return new MessageSpec(
        texts.get(
            "share.header", "name", SafeText.truncate(who, 100), "user", Long.toString(userId)),
        List.of(embed),
        List.of(),
        List.of());
  }
}
