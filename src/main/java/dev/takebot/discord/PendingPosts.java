package dev.takebot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.takebot.feed.FeedPoller;
import dev.takebot.i18n.Texts;
import dev.takebot.message.MessageSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * The previews waiting for Post, Edit or Cancel ({@link PostPreviewFeature} handles the buttons): a
 * moderator's private one, shown in answer to {@code /article post}, and reviews offered in a
 * moderators' channel, e.g. by a feed set to "review first".
 *
 * <p>They are kept in memory, not in the database, because a preview is a short-lived piece of UI,
 * not a record. A private preview is an ephemeral message: only its moderator sees it, and Discord
 * lets the bot change it only through the command's token, which lapses after 15 minutes — so it
 * cannot outlive that however it were stored. If the bot restarts, nothing has been posted and
 * nothing is lost but a click: the buttons then answer that the preview is gone and the moderator
 * runs the command again. A review lasts longer ({@link #REVIEW_LIFETIME}) and a restart forgets it
 * too; whoever offers reviews keeps its own record of what it offered and may offer it again (a
 * feed's poller does: see {@link FeedPoller}).
 *
 * <p>Expiry runs on the bot's clock (Caffeine's ticker reads it), the same clock that stamps the
 * deadline shown in the preview, so a test moves one clock and every part agrees.
 */
final class PendingPosts {
  /** As long as Discord lets the bot edit an ephemeral answer (the interaction token's life). */
  static final Duration PRIVATE_LIFETIME = Duration.ofMinutes(15);

  /** A review waits in the moderators' channel until someone is around to look. */
  static final Duration REVIEW_LIFETIME = FeedPoller.REVIEW_LIFETIME;

  /** Far more than moderators make in a quarter of an hour; bounds memory against a flood. */
  private static final int MAX_PENDING = 10_000;

  /**
   * Previews one server may have waiting at once. Without it one server's flood (a feed set to
   * review first whose site invents items) would push every other server's previews out of the
   * {@link #MAX_PENDING} and fill its review channel; with it a feed's extra items wait unseen for
   * a later poll.
   */
  static final int MAX_PER_SERVER = 50;

  private final Clock clock;
  private final Cache<String, PendingPost> pending;
  private final SecureRandom random = new SecureRandom();

  /** The language each server reads its posts in, for the post a preview shows. */
  private final Readers readers;

  PendingPosts(Clock clock) {
    this(clock, Readers.discordOnly());
  }

  PendingPosts(Clock clock, Readers readers) {
    this.clock = clock;
    this.readers = readers;
    this.pending =
        Caffeine.newBuilder()
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .expireAfter(
                Expiry.creating(
                    (String key, PendingPost p) -> Duration.between(clock.instant(), p.deadline())))
            .maximumSize(MAX_PENDING)
            .build();
  }

  /**
   * Answers a moderator's deferred private reply with the preview of {@code article}: only they may
   * post, edit or cancel it.
   *
   * @param adopt make {@code target} the server's post channel once posted
   * @param texts the moderator's language
   * @param anyway Post posts even if the server already discusses the article
   */
  void showPrivately(
      InteractionHook hook,
      Member moderator,
      GuildMessageChannel target,
      boolean adopt,
      PreparedArticle article,
      Texts texts,
      boolean anyway) {
    PendingPost p = holdPrivately(hook, moderator, target, adopt, article, texts, anyway);
    show(p, PostPayloads.messages(article, publicly(target.getGuild())), p.control());
  }

  /**
   * Answers a moderator's deferred private reply to a direct post ({@code now}) of an article the
   * server already discusses with {@code why}'s notice, holding the post for its Post anyway button
   * as long as a private preview would be held.
   */
  void holdPrivately(
      InteractionHook hook,
      Member moderator,
      GuildMessageChannel target,
      boolean adopt,
      PreparedArticle article,
      Texts texts,
      AlreadyDiscussed why) {
    PendingPost p = holdPrivately(hook, moderator, target, adopt, article, texts, false);
    show(p, List.of(), why.notice(texts, p, moderator));
  }

  /** A private preview for {@code moderator} alone, held as long as {@link #PRIVATE_LIFETIME}. */
  private PendingPost holdPrivately(
      InteractionHook hook,
      Member moderator,
      GuildMessageChannel target,
      boolean adopt,
      PreparedArticle article,
      Texts texts,
      boolean anyway) {
    return hold(
        PreviewSurface.privately(hook),
        target.getGuild().getIdLong(),
        target.getIdLong(),
        adopt,
        moderator.getIdLong(),
        PRIVATE_LIFETIME,
        article,
        texts,
        () -> {},
        anyway);
  }

  /**
   * A new preview, not yet held nor shown.
   *
   * @throws UserError when the server already has {@link #MAX_PER_SERVER} previews waiting
   */
  private PendingPost hold(
      PreviewSurface surface,
      long guildId,
      long targetId,
      boolean adopt,
      long ownerId,
      Duration lifetime,
      PreparedArticle article,
      Texts texts,
      Runnable decided,
      boolean anyway) {
    checkRoom(guildId, texts);
    return new PendingPost(
        newKey(),
        guildId,
        targetId,
        adopt,
        ownerId,
        clock.instant().plus(lifetime),
        surface,
        article,
        texts,
        decided,
        anyway);
  }

  /**
   * Offers {@code article} for review in the moderators' channel: the same preview as a private
   * one, but an ordinary message there, and any moderator may post, edit or cancel it. Blocks while
   * the messages are sent; call it off the gateway thread.
   *
   * @param moderators where the preview appears
   * @param target where Post posts it
   */
  void offer(GuildMessageChannel moderators, GuildMessageChannel target, PreparedArticle article) {
    offer(moderators, target, article, () -> {});
  }

  /**
   * {@link #offer}, running {@code decided} once a moderator posts or cancels it (not when it
   * expires or the bot stops).
   */
  void offer(
      GuildMessageChannel moderators,
      GuildMessageChannel target,
      PreparedArticle article,
      Runnable decided) {
    show(
        PreviewSurface.in(moderators),
        target.getGuild().getIdLong(),
        target.getIdLong(),
        false,
        PendingPost.ANY_MODERATOR,
        REVIEW_LIFETIME,
        article,
        publicly(target.getGuild()), // moderators of the server read it together
        publicly(target.getGuild()),
        decided);
  }

  /**
   * Shows a preview on {@code surface} and holds it, running {@code decided} once it is posted or
   * cancelled.
   *
   * @throws UserError when the server already has {@link #MAX_PER_SERVER} previews waiting
   */
  void show(
      PreviewSurface surface,
      long guildId,
      long targetId,
      boolean adopt,
      long ownerId,
      Duration lifetime,
      PreparedArticle article,
      Texts texts,
      Texts postTexts,
      Runnable decided) {
    PendingPost p =
        hold(surface, guildId, targetId, adopt, ownerId, lifetime, article, texts, decided, false);
    show(p, PostPayloads.messages(article, postTexts), p.control());
  }

  /** Refuses a preview more when the server already has {@link #MAX_PER_SERVER} waiting. */
  private void checkRoom(long guildId, Texts texts) {
    long waiting =
        pending.asMap().values().stream()
            .filter(w -> w.guildId() == guildId)
            .filter(w -> w.state().stage() == PendingPost.Stage.PENDING)
            .count();
    if (waiting >= MAX_PER_SERVER) {
      throw new UserError(texts.get("preview.tooMany", "count", waiting));
    }
  }

  /** Holds {@code p} and shows {@code post} then {@code control} on its surface. */
  private void show(PendingPost p, List<MessageSpec> post, MessageSpec control) {
    // Held before the buttons exist, so the quickest press finds it.
    pending.put(p.key(), p);
    try {
      p.surface().show(post, control);
    } catch (RuntimeException | Error e) {
      pending.invalidate(p.key());
      throw e;
    }
  }

  /** The language of what everyone in {@code guild} reads, as the post will be. */
  Texts publicly(net.dv8tion.jda.api.entities.Guild guild) {
    return readers.publicly(guild);
  }

  /** The preview, while it has not expired. */
  Optional<PendingPost> find(String key) {
    return Optional.ofNullable(pending.getIfPresent(key));
  }

  Instant now() {
    return clock.instant();
  }

  private String newKey() {
    return Long.toString(random.nextLong() >>> 1, 36);
  }
}
