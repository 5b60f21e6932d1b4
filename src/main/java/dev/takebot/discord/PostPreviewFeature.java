package dev.takebot.discord;

import dev.takebot.article.ArticleFormatException;
import dev.takebot.article.ArticlePost;
import dev.takebot.article.PostEdit;
import dev.takebot.i18n.Texts;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A preview's buttons — Post, Edit, Cancel — and its edit form ({@link PendingPosts} holds the
 * previews). Every refusal is private: a press by someone whose preview it is not, on a preview
 * that expired or was lost, or on one already posted or cancelled.
 */
final class PostPreviewFeature implements ComponentFeature {
  private static final Logger log = LoggerFactory.getLogger(PostPreviewFeature.class);

  static final String TITLE = "title";
  static final String SUMMARY = "summary";
  static final String HASHTAGS = "hashtags";

  /** Room for every hashtag a post may carry, with their '#' and separators. */
  private static final int HASHTAGS_INPUT =
      PostEdit.MAX_HASHTAGS * (PostEdit.MAX_HASHTAG_LENGTH + 2);

  private final PendingPosts pending;
  private final ArticlePublisher publisher;

  PostPreviewFeature(PendingPosts pending, ArticlePublisher publisher) {
    this.pending = pending;
    this.publisher = publisher;
  }

  @Override
  public String idPrefix() {
    return PreviewId.PREFIX;
  }

  /** Posting is what the buttons do, so they are checked like {@code /article post}. */
  @Override
  public Access access() {
    return Access.moderators("post articles");
  }

  @Override
  public void onButton(ButtonInteractionEvent event) {
    Optional<PreviewId> id = PreviewId.parse(event.getComponentId());
    if (id.isEmpty() || id.get().action().equals(PreviewId.SAVE)) {
      InteractionRouter.notOurs(event, event.getComponentId());
      return;
    }
    Optional<PendingPost> found = decidable(event, id.get());
    if (found.isEmpty()) {
      return;
    }
    PendingPost p = found.get();
    switch (id.get().action()) {
      case PreviewId.POST -> post(event, p, p.anyway());
      case PreviewId.ANYWAY -> post(event, p, true);
      case PreviewId.EDIT -> openEditForm(event, p);
      default -> cancel(event, p);
    }
  }

  /**
   * The preview the press is about, or empty once the member has been told privately why not: it
   * expired or is gone, or it is someone else's.
   */
  private Optional<PendingPost> decidable(IReplyCallback event, PreviewId id) {
    Optional<PendingPost> found = pending.find(id.key());
    if (found.isEmpty()) {
      refuse(event, gone(id, Readers.privately(event)));
      return Optional.empty();
    }
    PendingPost p = found.get();
    long guild = event.getGuild() == null ? 0 : event.getGuild().getIdLong();
    if (guild != p.guildId()) {
      // Not this server's to know about: answered as if it did not exist.
      refuse(event, gone(id, Readers.privately(event)));
      return Optional.empty();
    }
    if (!p.mayDecide(guild, event.getUser().getIdLong())) {
      refuse(
          event,
          Readers.privately(event).get("preview.notYours", "owner", Long.toString(p.ownerId())));
      return Optional.empty();
    }
    return found;
  }

  private String gone(PreviewId id, Texts texts) {
    if (pending.now().isBefore(id.deadline())) {
      return texts.get("preview.gone.restarted");
    }
    return texts.get("preview.gone.expired", "when", Long.toString(id.deadline().getEpochSecond()));
  }

  /**
   * Posts for the one press that claims the preview; any other press meanwhile hears that it is
   * going out or went out. A refused post ({@link UserError}: nothing is left up) releases it, so
   * the moderator can try again; anything else keeps it claimed, since a post may then exist and a
   * second one must not follow. An article the server already discusses is not posted unless {@code
   * anyway}: the member is told privately where its discussion is, and the preview waits for their
   * Post anyway.
   */
  private void post(ButtonInteractionEvent event, PendingPost p, boolean anyway) {
    Optional<PreparedArticle> claimed = p.claim();
    if (claimed.isEmpty()) {
      refuse(event, p.settled());
      return;
    }
    event.deferEdit().queue();
    String answer;
    try {
      answer =
          publisher.post(
              event.getMember(),
              target(event.getGuild(), p),
              p.adopt(),
              claimed.get(),
              Readers.privately(event),
              anyway);
    } catch (AlreadyDiscussed e) {
      p.release();
      event
          .getHook()
          .sendMessage(
              MessageSpecs.toCreateData(e.notice(Readers.privately(event), p, event.getMember())))
          .setEphemeral(true)
          .queue();
      return;
    } catch (UserError e) {
      p.release();
      followUp(event, e.message(Readers.privately(event)));
      return;
    }
    p.posted(answer);
    conclude(event, p, answer + by(event, p));
    if (!p.surface().holds(event.getMessageIdLong())) {
      // Pressed on the notice: its button goes, and it says what became of it too.
      event.getHook().editOriginal(MessageSpecs.editText(answer)).queue();
    }
  }

  private void cancel(ButtonInteractionEvent event, PendingPost p) {
    String outcome = Readers.privately(event).get("preview.cancelledNow") + by(event, p);
    if (!p.cancel(outcome)) {
      refuse(event, p.settled());
      return;
    }
    event.deferEdit().queue();
    conclude(event, p, outcome);
  }

  /**
   * Shows the outcome in place of the buttons; if the preview can no longer be changed (a private
   * one's token lapses with its 15 minutes, which may end while the post goes out), the member who
   * pressed is told through their own press instead.
   */
  private static void conclude(IReplyCallback event, PendingPost p, String outcome) {
    try {
      p.surface().conclude(MessageSpec.ofContent(outcome));
    } catch (RuntimeException e) {
      log.debug("Could not conclude preview {}; answering the press instead", p.key(), e);
      followUp(event, outcome);
    }
  }

  private static void followUp(IReplyCallback event, String text) {
    event.getHook().sendMessage(MessageSpecs.text(text)).setEphemeral(true).queue();
  }

  /** In a review any moderator may decide, so the channel is told who did. */
  private static String by(IReplyCallback event, PendingPost p) {
    return p.isReview()
        ? "\n" + Readers.privately(event).get("preview.by", "user", event.getUser().getId())
        : "";
  }

  private void openEditForm(ButtonInteractionEvent event, PendingPost p) {
    PendingPost.State s = p.state();
    if (s.stage() != PendingPost.Stage.PENDING) {
      refuse(event, p.settled());
      return;
    }
    if (!s.article().editable()) {
      refuse(event, Readers.privately(event).get("preview.notEditable"));
      return;
    }
    event.replyModal(editForm(p, s.article().source(), Readers.privately(event))).queue();
  }

  /** The form, filled in with the post as it stands. */
  static Modal editForm(PendingPost p, ArticlePost post) {
    return editForm(p, post, Texts.english());
  }

  static Modal editForm(PendingPost p, ArticlePost post, Texts texts) {
    TextInput title =
        TextInput.create(TITLE, TextInputStyle.SHORT)
            .setRequiredRange(1, PostEdit.MAX_TITLE)
            .setValue(
                SafeText.truncate(SafeText.oneLine(post.article().title()), PostEdit.MAX_TITLE))
            .build();
    TextInput summary =
        TextInput.create(SUMMARY, TextInputStyle.PARAGRAPH)
            .setRequiredRange(1, PostEdit.MAX_SUMMARY)
            .setValue(SafeText.truncate(String.join(" ", post.summary()), PostEdit.MAX_SUMMARY))
            .build();
    String tags = PostEdit.hashtagLine(post.hashtags());
    TextInput hashtags =
        TextInput.create(HASHTAGS, TextInputStyle.SHORT)
            .setRequired(false)
            .setMaxLength(HASHTAGS_INPUT)
            .setPlaceholder("#Sahel #BurkinaFaso")
            .setValue(tags.isEmpty() ? null : SafeText.truncate(tags, HASHTAGS_INPUT))
            .build();
    return Modal.create(PreviewId.of(PreviewId.SAVE, p), texts.get("preview.form.title"))
        .addComponents(
            Label.of(
                texts.get("preview.form.titleLabel"),
                texts.get("preview.form.titleHelp", "max", PostEdit.MAX_TITLE),
                title),
            Label.of(
                texts.get("preview.form.summaryLabel"),
                texts.get("preview.form.summaryHelp"),
                summary),
            Label.of(
                texts.get("preview.form.hashtagsLabel"),
                texts.get("preview.form.hashtagsHelp", "max", PostEdit.MAX_HASHTAGS),
                hashtags))
        .build();
  }

  /**
   * Applies the edit form to the preview and shows the post as it now is; a bad value is refused
   * with what to fix, and the preview stays as it was.
   */
  @Override
  public void onModal(ModalInteractionEvent event) {
    Optional<PreviewId> id = PreviewId.parse(event.getModalId());
    if (id.isEmpty() || !id.get().action().equals(PreviewId.SAVE)) {
      InteractionRouter.notOurs(event, event.getModalId());
      return;
    }
    Optional<PendingPost> found = decidable(event, id.get());
    if (found.isEmpty()) {
      return;
    }
    PendingPost p = found.get();
    PendingPost.State s = p.state();
    if (s.stage() != PendingPost.Stage.PENDING || !s.article().editable()) {
      refuse(event, p.settled());
      return;
    }
    PreparedArticle edited;
    try {
      PostEdit edit =
          PostEdit.parse(value(event, TITLE), value(event, SUMMARY), value(event, HASHTAGS));
      edited =
          ArticlePipelineAdapter.edited(
              s.article(), edit, pending.publicly(event.getGuild()).locale());
    } catch (ArticleFormatException e) {
      Texts texts = Readers.privately(event);
      refuse(event, texts.get("preview.editRefused", "reason", e.message(texts)));
      return;
    }
    if (!p.replace(s.article(), edited)) {
      refuse(event, p.settled());
      return;
    }
    event.deferEdit().queue();
    try {
      p.surface()
          .update(PostPayloads.messages(edited, pending.publicly(event.getGuild())), p.control());
    } catch (RuntimeException e) {
      log.debug("Could not show the edit of preview {}", p.key(), e);
      followUp(event, Readers.privately(event).get("preview.editLost"));
    }
  }

  private static String value(ModalInteractionEvent event, String input) {
    ModalMapping m = event.getValue(input);
    return m == null ? "" : m.getAsString();
  }

  /** The channel the post goes to, looked up again: it may have been deleted meanwhile. */
  private static GuildMessageChannel target(Guild guild, PendingPost p) {
    GuildMessageChannel ch =
        guild == null ? null : guild.getChannelById(GuildMessageChannel.class, p.targetId());
    if (ch == null) {
      throw UserError.of("preview.targetGone", "channel", Long.toString(p.targetId()));
    }
    return ch;
  }

  private static void refuse(IReplyCallback event, String text) {
    event.reply(MessageSpecs.text(text)).setEphemeral(true).queue();
  }
}
