package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.SafeText;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.settings.SettingsService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a prepared article up: checks who asks and what the bot may do in the channel, sends the
 * post's messages, records the discussion and opens its thread, taking everything back if a step
 * fails. {@code /article post now:true} and a preview's Post button both end here, so a previewed
 * post is posted exactly as a direct one.
 */
final class ArticlePublisher {
  /**
   * What posting needs in the target channel: the post and its embeds, then a thread to reply in.
   */
  static final EnumSet<Permission> NEEDED =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_ATTACH_FILES,
          Permission.CREATE_PUBLIC_THREADS,
          Permission.MESSAGE_SEND_IN_THREADS);

  private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

  private final BotContext ctx;

  /** Where a server that had no post channel gets the one it was first posted in. */
  private final SettingsService settings;

  ArticlePublisher(BotContext ctx, SettingsService settings) {
    this.ctx = ctx;
    this.settings = settings;
  }

  /**
   * Posts {@code article} in {@code target} for {@code moderator} and returns their answer: the
   * link to the post and its thread.
   *
   * @param adopt make {@code target} the server's post channel, unless it has one by now
   * @throws UserError with the one-line reason when the post could not be made
   */
  String post(
      Member moderator, GuildMessageChannel target, boolean adopt, PreparedArticle article) {
    return post(moderator, target, adopt, article, Texts.english(), false);
  }

  /**
   * {@link #post(Member, GuildMessageChannel, boolean, PreparedArticle)}, answered in {@code
   * texts}.
   *
   * @param anyway post even if the server already has a discussion of the article
   * @throws AlreadyDiscussed unless {@code anyway}, when the server already has one: nothing was
   *     posted
   */
  String post(
      Member moderator,
      GuildMessageChannel target,
      boolean adopt,
      PreparedArticle article,
      Texts texts,
      boolean anyway) {
    try {
      checkPermissions(moderator, target);
      Guild guild = target.getGuild();
      if (!anyway) {
        Optional<Discussion> earlier = earlierDiscussion(guild.getIdLong(), article);
        if (earlier.isPresent()) {
          throw new AlreadyDiscussed(earlier.get());
        }
      }
      Discussion d = publish(guild, target, article);
      String adopted = "";
      if (adopt && !settings.hasOwnPostChannel(guild.getIdLong())) {
        settings.setPostChannel(d.guildId(), target.getIdLong());
        adopted = "\n" + texts.get("post.adopted");
      }
      return texts.get(
              "post.posted",
              "title",
              SafeText.escapeMarkdown(SafeText.truncate(SafeText.oneLine(article.title()), 200)),
              "channel",
              target.getId(),
              "link",
              TakeLines.postUrl(d),
              "thread",
              Long.toString(d.threadId()))
          + adopted;
    } catch (InsufficientPermissionException e) {
      throw UserError.caused(
          e,
          "post.botNeeds",
          "channel",
          e.getChannelId(),
          "permission",
          permission(e.getPermission()));
    } catch (ErrorResponseException e) {
      throw UserError.caused(e, "post.refused", "meaning", DiscordRefusals.of(e));
    }
  }

  /**
   * The newest discussion {@code guildId} already has of {@code article} (see {@link
   * dev.takebot.article.ArticleIdentity} for what makes two the same), if any.
   */
  Optional<Discussion> earlierDiscussion(long guildId, PreparedArticle article) {
    return ctx.takes()
        .discussions()
        .sameArticle(
            guildId,
            article.identity().textKey(),
            article.identity().linkKey(),
            article.identity().titleKey());
  }

  /**
   * How many of a server's discussions of one article a feed looks through for one its channel's
   * audience can see: each is a deliberate Post anyway, so a handful at most.
   */
  private static final int SAME_ARTICLE_LOOKS = 25;

  /**
   * The newest discussion {@code guildId} already has of {@code article} that everyone who can see
   * {@code target} can see too ({@link Audience#quotableIn(Discussion, GuildChannel)}: in {@code
   * target} itself, or in a channel open to the whole server), if any. A feed posting in {@code
   * target} skips only those: a discussion in a private {@code #staff} must not keep the article
   * from a public channel, whose members could never join it. Without {@code target} (its channel
   * is gone), any discussion counts.
   */
  Optional<Discussion> earlierDiscussionSeenIn(
      long guildId, GuildChannel target, PreparedArticle article) {
    if (target == null) {
      return earlierDiscussion(guildId, article);
    }
    ChannelScope seen = Audience.quotableIn(target);
    return ctx
        .takes()
        .discussions()
        .sameArticles(
            guildId,
            article.identity().textKey(),
            article.identity().linkKey(),
            article.identity().titleKey(),
            SAME_ARTICLE_LOOKS)
        .stream()
        .filter(seen::allows)
        .findFirst();
  }

  /**
   * Refuses up front what would fail half-way: a moderator who could not post there themselves (the
   * command must not lend them the bot's voice), or a bot missing a permission it needs there.
   */
  static void checkPermissions(Member moderator, GuildMessageChannel target) {
    if (moderator == null
        || !moderator.hasPermission(target, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)) {
      throw UserError.of("post.memberCannot", "channel", target.getId());
    }
    checkBotCanPost(target);
  }

  /** Refuses a channel where the bot lacks a permission that posting there needs. */
  static void checkBotCanPost(GuildMessageChannel target) {
    Member self = target.getGuild().getSelfMember();
    for (Permission p : NEEDED) {
      if (!self.hasPermission(target, p)) {
        throw UserError.of("post.botNeeds", "channel", target.getId(), "permission", permission(p));
      }
    }
  }

  /**
   * Posts the article's messages, records the discussion and opens its thread. If any step fails,
   * the messages already sent are deleted (best effort), so no half-made post without a thread is
   * left.
   */
  Discussion publish(Guild guild, GuildMessageChannel channel, PreparedArticle article) {
    List<Message> sent = new ArrayList<>();
    try {
      return publish(guild, channel, article, sent);
    } catch (RuntimeException | Error e) { // an Error too: a half-made post must not stay up

      log.warn(
          "Posting article {} in channel {} failed after {} messages; deleting them",
          article.articleKey(),
          channel.getId(),
          sent.size(),
          e);
      for (Message m : sent) {
        m.delete()
            .queue(
                null,
                failure ->
                    log.warn(
                        "Could not delete message {} of a failed post: {}",
                        m.getId(),
                        failure.toString()));
      }
      throw failed(e, sent.size());
    }
  }

  private static UserError failed(Throwable e, int sent) {
    if (e instanceof InsufficientPermissionException p) {
      return UserError.of(
          "post.failed.permission",
          "sent",
          sent,
          "permission",
          permission(p.getPermission()),
          "channel",
          p.getChannelId());
    }
    if (e instanceof ErrorResponseException r) {
      return UserError.of("post.failed.discord", "sent", sent, "meaning", DiscordRefusals.of(r));
    }
    return UserError.of("post.failed", "sent", sent);
  }

  /** A permission's name, in whichever language the error is read. */
  static UserError.Term permission(Permission p) {
    return texts -> permission(p, texts);
  }

  /** A permission's name as Discord shows it in the reader's language. */
  static String permission(Permission p, Texts texts) {
    String key = "permission." + p.name();
    return texts.has(key) ? texts.get(key) : p.getName();
  }

  private Discussion publish(
      Guild guild, GuildMessageChannel channel, PreparedArticle article, List<Message> sentSoFar) {
    Message post = null;
    // The same messages preview --json prints: PostPayloads decides what the post carries.
    List<MessageCreateData> messages =
        PostPayloads.createData(article, ctx.readers().publicly(guild));
    for (int i = 0; i < messages.size(); i++) {
      Message sent = channel.sendMessage(messages.get(i)).complete();
      sentSoFar.add(sent);
      if (i == article.postIndex()) {
        post = sent;
      }
    }
    // Discord gives a thread started from a message that message's id. Recording the discussion
    // before
    // opening the thread means no take posted in its first milliseconds finds the thread unknown.
    // The message before the post (the video link of a two-message post) is part of the post too:
    // members reply to it as readily as to the embed.
    long lead = article.postIndex() > 0 ? sentSoFar.get(article.postIndex() - 1).getIdLong() : 0;
    Discussion d =
        new Discussion(
            post.getIdLong(),
            guild.getIdLong(),
            channel.getIdLong(),
            post.getIdLong(),
            article.articleKey(),
            article.title(),
            post.getTimeCreated().toInstant(),
            lead,
            article.identity().linkKey(),
            article.identity().titleKey());
    ctx.takes().discussions().save(d);
    try {
      ThreadChannel thread =
          post.createThreadChannel(article.threadName())
              .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_24_HOURS)
              .complete();
      if (thread.getIdLong() != d.threadId()) {
        throw new IllegalStateException(
            "thread " + thread.getId() + " does not carry its post's id " + post.getId());
      }
      return d;
    } catch (RuntimeException | Error e) {
      forgetDiscussion(d, e);
      throw e;
    }
  }

  /**
   * Removes the record of a post being taken back, so listings, backfill, retention and digests
   * never meet a discussion whose post is gone. Best effort: the original failure is what the
   * moderator hears.
   */
  private void forgetDiscussion(Discussion d, Throwable cause) {
    try {
      ctx.takes().discussions().delete(d.postMessageId());
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      log.warn(
          "Could not remove discussion {} of a failed post; it points at a deleted message",
          d.postMessageId(),
          e);
    }
  }
}
