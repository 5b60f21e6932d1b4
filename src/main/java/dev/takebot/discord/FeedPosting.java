package dev.takebot.discord;

import dev.takebot.feed.Feed;
import dev.takebot.feed.FeedItem;
import dev.takebot.feed.FeedPoller;
import dev.takebot.schedule.Routine;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the feeds of the servers this process serves and posts their new items like {@code /article
 * post}, thread and all, except an article the server already has a discussion of; a "review first"
 * feed's items wait in its moderators' channel as previews any moderator may post, edit or cancel
 * ({@link PendingPosts#offer}). Only the shards this process runs count: in a deployment of several
 * processes, each polls the feeds of its own servers, and no feed is polled twice.
 */
final class FeedPosting implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(FeedPosting.class);

  /** What a review needs in the moderators' channel: the preview's messages and buttons. */
  static final Set<Permission> REVIEW_NEEDED =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_ATTACH_FILES);

  private final BotContext ctx;
  private final FeedPoller poller;
  private final ArticlePublisher post;
  private final PendingPosts previews;
  private final Routine routine;
  private final Duration tick;
  private final Map<Integer, JDA> shards = new ConcurrentHashMap<>();
  private final AtomicBoolean started = new AtomicBoolean();

  /**
   * @param tick how often due feeds are looked for (each feed has its own interval)
   */
  FeedPosting(
      BotContext ctx,
      FeedPoller poller,
      ArticlePublisher post,
      PendingPosts previews,
      Routine routine,
      Duration tick) {
    this.previews = previews;
    this.ctx = ctx;
    this.poller = poller;
    this.post = post;
    this.routine = routine;
    this.tick = tick;
  }

  @Override
  public void onEvent(@NotNull GenericEvent event) {
    if (event instanceof ReadyEvent ready) {
      shards.put(ready.getJDA().getShardInfo().getShardId(), ready.getJDA());
      if (started.compareAndSet(false, true)) {
        try {
          routine.every(tick, tick, this::pollDue);
        } catch (RejectedExecutionException e) {
          log.debug("Scheduler stopped; feeds are not polled");
        }
      }
    } else if (event instanceof ShutdownEvent) {
      shards.remove(event.getJDA().getShardInfo().getShardId());
    }
  }

  /** Polls every due feed of this process's servers now (also what each tick does). */
  synchronized int pollDue() {
    List<Integer> ids = List.copyOf(shards.keySet());
    if (ids.isEmpty()) {
      return 0;
    }
    int total = shards.get(ids.get(0)).getShardInfo().getShardTotal();
    return poller.pollDue(
        total,
        ids,
        new FeedPoller.Publisher() {
          @Override
          public void publish(Feed feed, FeedItem item) {
            FeedPosting.this.publish(feed, item);
          }

          @Override
          public boolean serves(Feed feed) {
            return guild(feed) != null;
          }
        });
  }

  /** The feed's server, or null when the bot is not in it (or it is unavailable now). */
  private Guild guild(Feed feed) {
    JDA shard = shards.get((int) ((feed.guildId() >>> 22) % totalShards()));
    return shard == null ? null : shard.getGuildById(feed.guildId());
  }

  /** Posts one item; throws with a one-line reason when Discord or the server is in the way. */
  private void publish(Feed feed, FeedItem item) {
    PreparedArticle article;
    JDA owner = shards.get((int) ((feed.guildId() >>> 22) % totalShards()));
    Guild server = owner == null ? null : owner.getGuildById(feed.guildId());
    try {
      article =
          ctx.articles()
              .prepare(
                  feed.title(),
                  item.draft(),
                  server == null ? java.util.Locale.ENGLISH : ctx.readers().server(server));
    } catch (UserError e) {
      // The item itself is no article (e.g. no text): it stays seen and the feed goes on.
      log.info("Feed {} item {} skipped: {}", feed.id(), item.key(), e.getMessage());
      if (feed.reviewFirst()) {
        poller.decided(feed, item); // nothing to review, now or after a restart
      }
      return;
    }
    var earlier =
        post.earlierDiscussionSeenIn(
            feed.guildId(),
            server == null ? null : server.getGuildChannelById(feed.channelId()),
            article);
    if (earlier.isPresent()) {
      // The server already discusses it where this channel's members can join in (posted by hand,
      // by another feed, or by this one before it forgot the item): a second thread would split
      // its takes. The item stays seen.
      log.info(
          "Feed {} item {} skipped: guild {} already discusses it in post {}",
          feed.id(),
          item.key(),
          feed.guildId(),
          earlier.get().postMessageId());
      if (feed.reviewFirst()) {
        poller.decided(feed, item); // nothing to review, now or after a restart
      }
      return;
    }
    Guild guild = guild(feed);
    if (guild == null) {
      throw UserError.of("feed.error.notInServer");
    }
    GuildChannel ch = guild.getGuildChannelById(feed.channelId());
    if (!(ch instanceof GuildMessageChannel channel) || !(ch instanceof IThreadContainer)) {
      throw UserError.of("feed.error.channelGone");
    }
    Member self = guild.getSelfMember();
    for (Permission p : ArticlePublisher.NEEDED) {
      if (!self.hasPermission(channel, p)) {
        throw missing(p, channel);
      }
    }
    if (feed.reviewFirst()) {
      previews.offer(
          reviewChannel(guild, feed.reviewChannelId()),
          channel,
          article,
          () -> poller.decided(feed, item));
    } else {
      post.publish(guild, channel, article);
    }
  }

  /** The moderators' channel where a "review first" feed's items wait, checked like a target. */
  static GuildMessageChannel reviewChannel(Guild guild, long id) {
    if (!(guild.getGuildChannelById(id) instanceof GuildMessageChannel review)) {
      throw UserError.of("feed.error.reviewGone");
    }
    Member self = guild.getSelfMember();
    for (Permission p : REVIEW_NEEDED) {
      if (!self.hasPermission(review, p)) {
        throw missing(p, review);
      }
    }
    return review;
  }

  private static UserError missing(Permission p, GuildChannel channel) {
    String key = "permission." + p.name();
    return UserError.of(
        "feed.error.permission",
        "permission",
        dev.takebot.i18n.Texts.english().has(key)
            ? dev.takebot.i18n.Phrase.of(key)
            : dev.takebot.i18n.Phrase.text(p.getName()),
        "channel",
        channel.getName());
  }

  private int totalShards() {
    for (JDA shard : shards.values()) {
      return shard.getShardInfo().getShardTotal();
    }
    return 1;
  }
}
