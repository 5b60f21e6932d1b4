package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.ButtonSpec;
import dev.takebot.message.MessageSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One preview waiting for Post, Edit or Cancel: what it would post, where, and who may decide.
 *
 * <p>Its stage moves PENDING → POSTING → POSTED (back to PENDING when posting fails), or PENDING →
 * CANCELLED, each move a compare-and-set on one reference: of two presses of Post (a double click,
 * or two moderators at once) exactly one posts, and an edit submitted while the post goes out
 * changes nothing.
 */
final class PendingPost {
  private static final Logger log = LoggerFactory.getLogger(PendingPost.class);

  enum Stage {
    PENDING,
    POSTING,
    POSTED,
    CANCELLED
  }

  /**
   * @param article what Post would post now
   * @param outcome the moderator's answer once posted or cancelled, else {@code null}
   * @param edited whether a moderator changed the article
   */
  record State(Stage stage, PreparedArticle article, String outcome, boolean edited) {}

  /** Everyone the router lets in (moderators) may decide a review; see {@link #ownerId}. */
  static final long ANY_MODERATOR = 0;

  private final String key;
  private final long guildId;
  private final long targetId;
  private final boolean adopt;
  private final long ownerId;
  private final Instant deadline;
  private final PreviewSurface surface;
  private final AtomicReference<State> state;
  private final Texts texts;
  private final Runnable decided;

  /** Whether Post posts even if the server already discusses the article. */
  private final boolean anyway;

  /**
   * @param key the preview's id in its buttons' custom ids
   * @param guildId the server it is in: only a press from there may decide it
   * @param targetId the channel the post goes to
   * @param adopt make the target the server's post channel when posted (see {@link
   *     ArticlePublisher#post})
   * @param ownerId the one moderator who may decide, or {@link #ANY_MODERATOR}
   * @param deadline when the preview expires
   * @param texts the language of whoever reads the preview: the moderator's own for a private one,
   *     the server's for a review
   */
  PendingPost(
      String key,
      long guildId,
      long targetId,
      boolean adopt,
      long ownerId,
      Instant deadline,
      PreviewSurface surface,
      PreparedArticle article,
      Texts texts) {
    this(
        key, guildId, targetId, adopt, ownerId, deadline, surface, article, texts, () -> {}, false);
  }

  /**
   * @param texts the language of whoever reads the preview: the moderator's own for a private one,
   *     the server's for a review
   * @param decided run once when it is posted or cancelled (e.g. the feed item is then decided)
   * @param anyway Post posts even if the server already has a discussion of the article (the
   *     moderator asked for it with {@code again})
   */
  PendingPost(
      String key,
      long guildId,
      long targetId,
      boolean adopt,
      long ownerId,
      Instant deadline,
      PreviewSurface surface,
      PreparedArticle article,
      Texts texts,
      Runnable decided,
      boolean anyway) {
    this.anyway = anyway;
    this.decided = decided;
    this.texts = texts;
    this.key = key;
    this.guildId = guildId;
    this.targetId = targetId;
    this.adopt = adopt;
    this.ownerId = ownerId;
    this.deadline = deadline;
    this.surface = surface;
    this.state = new AtomicReference<>(new State(Stage.PENDING, article, null, false));
  }

  String key() {
    return key;
  }

  long targetId() {
    return targetId;
  }

  boolean adopt() {
    return adopt;
  }

  /** Whether Post posts even if the server already discusses the article. */
  boolean anyway() {
    return anyway;
  }

  Instant deadline() {
    return deadline;
  }

  PreviewSurface surface() {
    return surface;
  }

  State state() {
    return state.get();
  }

  /**
   * Whether {@code userId}, pressing in server {@code inGuild}, may decide it (the router has
   * checked they moderate there). A review lets any moderator decide, but only of its own server: a
   * custom id replayed from another server, where the presser does moderate, must not reach it.
   */
  boolean mayDecide(long inGuild, long userId) {
    return inGuild == guildId && (ownerId == ANY_MODERATOR || ownerId == userId);
  }

  long guildId() {
    return guildId;
  }

  long ownerId() {
    return ownerId;
  }

  /** A review in a moderators' channel, rather than one moderator's private preview. */
  boolean isReview() {
    return ownerId == ANY_MODERATOR;
  }

  /** The article to post, for the one caller that moves PENDING to POSTING; empty for the rest. */
  Optional<PreparedArticle> claim() {
    State s = state.get();
    while (s.stage() == Stage.PENDING) {
      if (state.compareAndSet(s, new State(Stage.POSTING, s.article(), null, s.edited()))) {
        return Optional.of(s.article());
      }
      s = state.get();
    }
    return Optional.empty();
  }

  /** After a successful post by the claimer. */
  void posted(String answer) {
    state.updateAndGet(s -> new State(Stage.POSTED, s.article(), answer, s.edited()));
    decided();
  }

  /** Only the one press that posted or cancelled gets here, so it runs once. */
  private void decided() {
    try {
      decided.run();
    } catch (RuntimeException e) {
      // The decision stands; at worst the item is offered again after a restart.
      log.warn("Could not record that preview {} was decided", key, e);
    }
  }

  /** After a failed post: nothing went out, so the preview may be posted again. */
  void release() {
    state.updateAndGet(
        s ->
            s.stage() == Stage.POSTING
                ? new State(Stage.PENDING, s.article(), null, s.edited())
                : s);
  }

  /** Moves PENDING to CANCELLED; false when it was not pending any more. */
  boolean cancel(String outcome) {
    State s = state.get();
    while (s.stage() == Stage.PENDING) {
      if (state.compareAndSet(s, new State(Stage.CANCELLED, s.article(), outcome, s.edited()))) {
        decided();
        return true;
      }
      s = state.get();
    }
    return false;
  }

  /**
   * Replaces the article a moderator edited, provided the preview still shows {@code seen}: false
   * when it was posted, cancelled or edited by someone else meanwhile.
   */
  boolean replace(PreparedArticle seen, PreparedArticle edited) {
    State s = state.get();
    return s.stage() == Stage.PENDING
        && s.article() == seen
        && state.compareAndSet(s, new State(Stage.PENDING, edited, null, true));
  }

  /** Why a button does nothing now that the preview is no longer pending. */
  String settled() {
    State s = state.get();
    return switch (s.stage()) {
      case PENDING -> texts.get("preview.waiting");
      case POSTING -> texts.get("preview.posting");
      case POSTED -> texts.get("preview.posted") + " " + s.outcome();
      case CANCELLED -> texts.get("preview.cancelled");
    };
  }

  /** The control message under the preview while it waits, with its buttons. */
  MessageSpec control() {
    State s = state.get();
    boolean editable = s.article().editable();
    String actions = texts.get(editable ? "preview.actions.editable" : "preview.actions");
    String expires = texts.get("preview.expires", "when", Long.toString(deadline.getEpochSecond()));
    String text =
        texts.get(
            isReview() ? "preview.review" : "preview.private",
            "channel",
            Long.toString(targetId),
            "actions",
            actions,
            "expires",
            expires);
    if (s.edited()) {
      text += "\n" + texts.get("preview.edited");
    }
    List<ButtonSpec> buttons = new ArrayList<>();
    buttons.add(ButtonSpec.primary(PreviewId.of(PreviewId.POST, this), texts.get("preview.post")));
    if (editable) {
      buttons.add(
          ButtonSpec.secondary(PreviewId.of(PreviewId.EDIT, this), texts.get("preview.edit")));
    }
    buttons.add(
        new ButtonSpec(
            ButtonSpec.Style.DANGER,
            texts.get("preview.cancel"),
            PreviewId.of(PreviewId.CANCEL, this),
            null,
            false));
    return MessageSpec.ofContent(text).withButtons(buttons);
  }
}
