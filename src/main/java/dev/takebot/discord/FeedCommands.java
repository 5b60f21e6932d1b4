package dev.takebot.discord;

import dev.takebot.feed.Feed;
import dev.takebot.feed.FeedFormatException;
import dev.takebot.feed.FeedItem;
import dev.takebot.feed.FeedPoller;
import dev.takebot.feed.FeedRefusal;
import dev.takebot.feed.FeedService;
import dev.takebot.fetch.FetchException;
import dev.takebot.i18n.Phrased;
import dev.takebot.i18n.Texts;
import dev.takebot.message.DiscordLimits;
import dev.takebot.message.SafeText;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.settings.SettingsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /feed add|list|remove|pause|resume}: the feeds a server follows, for moderators (the
 * router checks, see {@link #ACCESS}). New items are posted by {@link FeedPosting}.
 */
final class FeedCommands {
  static final Access ACCESS = Access.moderators("manage feeds");

  private FeedCommands() {}

  /** Every {@code /feed} subcommand. */
  static List<SlashFeature> all(
      BotContext ctx,
      FeedService feeds,
      SettingsService settings,
      ArticlePublisher post,
      PendingPosts previews,
      FeedPoller poller) {
    return List.of(
        new Add(ctx, feeds, settings, post, previews, poller),
        new ListFeeds(feeds),
        new Change(feeds, Change.Kind.REMOVE),
        new Change(feeds, Change.Kind.PAUSE),
        new Change(feeds, Change.Kind.RESUME));
  }

  /** What every {@code /feed} subcommand shares: moderators only, under {@code /feed}. */
  private abstract static class FeedSubcommand implements SlashFeature {
    @Override
    public final Access access() {
      return ACCESS;
    }

    @Override
    public final CommandGroup group() {
      return CommandGroup.FEED;
    }
  }

  /** {@code /feed add url [channel] [minutes]}. */
  static final class Add extends FeedSubcommand {
    private final BotContext ctx;
    private final FeedService feeds;
    private final SettingsService settings;
    private final ArticlePublisher post;
    private final PendingPosts previews;
    private final FeedPoller poller;

    Add(
        BotContext ctx,
        FeedService feeds,
        SettingsService settings,
        ArticlePublisher post,
        PendingPosts previews,
        FeedPoller poller) {
      this.poller = poller;
      this.previews = previews;
      this.ctx = ctx;
      this.feeds = feeds;
      this.settings = settings;
      this.post = post;
    }

    @Override
    public SubcommandData subcommand() {
      return new SubcommandData("add", "Follow an RSS, Atom or YouTube feed and post its new items")
          .addOptions(
              new OptionData(OptionType.STRING, "url", "The feed (or a site that names its feed)")
                  .setRequired(true)
                  .setMaxLength(2000),
              new OptionData(
                      OptionType.CHANNEL,
                      "channel",
                      "Where its items are posted (default: the server's post channel)")
                  .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS),
              new OptionData(
                      OptionType.INTEGER, "minutes", "How often to read it (default: the bot's)")
                  .setRequiredRange(5, 1440),
              new OptionData(
                      OptionType.CHANNEL,
                      "review",
                      "Review first: new items wait here as previews to post, edit or cancel")
                  .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS));
    }

    @Override
    public void execute(SlashCommandInteractionEvent event) {
      String url = event.getOption("url").getAsString();
      OptionMapping channel = event.getOption("channel");
      OptionMapping minutes = event.getOption("minutes");
      OptionMapping review = event.getOption("review");
      InteractionHook hook = event.deferReply(true).complete();
      Texts texts = Readers.privately(event);
      try {
        GuildMessageChannel target = target(event, channel == null ? null : channel.getAsChannel());
        ArticlePublisher.checkPermissions(event.getMember(), target);
        // A review channel is written in as much as a target: the moderator must see and post there
        // (checked before the bot's own permissions, whose refusal names the channel).
        if (review != null
            && !event
                .getMember()
                .hasPermission(
                    review.getAsChannel(), Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)) {
          throw UserError.of("feed.error.reviewNotYours", "channel", review.getAsChannel().getId());
        }
        GuildMessageChannel reviewIn =
            review == null
                ? null
                : FeedPosting.reviewChannel(event.getGuild(), review.getAsChannel().getIdLong());
        FeedService.Added added =
            feeds.add(
                event.getGuild().getIdLong(),
                target.getIdLong(),
                reviewIn == null ? 0 : reviewIn.getIdLong(),
                url,
                event.getUser().getIdLong(),
                minutes == null ? 0 : minutes.getAsInt());
        Feed feed = added.feed();
        StringBuilder answer =
            new StringBuilder(
                texts.get(
                    reviewIn == null ? "feed.following" : "feed.following.review",
                    "title",
                    SafeText.escapeMarkdown(SafeText.truncate(SafeText.oneLine(feed.title()), 150)),
                    "channel",
                    target.getId(),
                    "minutes",
                    feed.pollMinutes(),
                    "review",
                    reviewIn == null ? "" : reviewIn.getId()));
        Optional<Discussion> discussed =
            added.firstPost().flatMap(first -> discussed(event.getGuild(), target, feed, first));
        if (discussed.isPresent()) {
          // The server already discusses it (e.g. a moderator posted it by hand): not again.
          if (reviewIn != null) {
            poller.offered(feed, added.firstPost().get());
            poller.decided(feed, added.firstPost().get());
          }
          answer
              .append('\n')
              .append(
                  texts.get("feed.newest.discussed", "link", TakeLines.postUrl(discussed.get())));
        } else if (added.firstPost().isPresent() && reviewIn != null) {
          FeedItem first = added.firstPost().get();
          poller.offered(feed, first);
          try {
            previews.offer(
                reviewIn,
                target,
                ctx.articles()
                    .prepare(feed.title(), first.draft(), ctx.readers().server(event.getGuild())),
                () -> poller.decided(feed, first));
            answer.append('\n').append(texts.get("feed.newest.review"));
          } catch (UserError e) {
            poller.decided(feed, first); // the moderator is told it was not offered
            answer
                .append('\n')
                .append(texts.get("feed.newest.notOffered", "reason", e.message(texts)));
          }
        } else if (added.firstPost().isPresent()) {
          try {
            PreparedArticle article =
                ctx.articles()
                    .prepare(
                        feed.title(),
                        added.firstPost().get().draft(),
                        ctx.readers().server(event.getGuild()));
            Discussion d = post.publish(event.getGuild(), target, article);
            answer
                .append('\n')
                .append(texts.get("feed.newest.posted", "link", TakeLines.postUrl(d)));
          } catch (UserError e) {
            answer
                .append('\n')
                .append(texts.get("feed.newest.notPosted", "reason", e.message(texts)));
          }
        } else {
          answer.append('\n').append(texts.get("feed.newest.none"));
        }
        hook.editOriginal(MessageSpecs.editText(SafeText.truncate(answer.toString(), 2000)))
            .queue();
      } catch (FetchException | FeedFormatException | FeedRefusal e) {
        hook.editOriginal(
                MessageSpecs.editText(
                    texts.get("feed.addFailed", "reason", ((Phrased) e).phrase())))
            .queue();
      } catch (UserError e) {
        hook.editOriginal(MessageSpecs.editText(e.message(texts))).queue();
      }
    }

    /** The chosen channel, else the server's post channel, else the one the command ran in. */
    private GuildMessageChannel target(SlashCommandInteractionEvent event, GuildChannel chosen) {
      Guild guild = event.getGuild();
      GuildChannel ch = chosen;
      if (ch == null) {
        String configured = settings.get(guild.getIdLong()).postChannel();
        ch =
            configured == null || configured.isBlank()
                ? null
                : ArticlePostCommand.findChannel(guild, configured);
      }
      if (ch == null) {
        ch = event.getGuildChannel();
      }
      if (!(ch instanceof GuildMessageChannel gm) || !(ch instanceof IThreadContainer)) {
        throw UserError.of("feed.error.noThreads", "channel", ch.getId());
      }
      return gm;
    }

    /**
     * The server's discussion of {@code item}'s article that {@code target}'s members can see, when
     * it already has one (what keeps the feed from posting it there); empty too when the item is no
     * article (the posting below says why). The moderator sees {@code target}, so they see it too.
     */
    private Optional<Discussion> discussed(
        Guild guild, GuildMessageChannel target, Feed feed, FeedItem item) {
      try {
        PreparedArticle article =
            ctx.articles().prepare(feed.title(), item.draft(), ctx.readers().server(guild));
        return post.earlierDiscussionSeenIn(guild.getIdLong(), target, article);
      } catch (UserError e) {
        return Optional.empty();
      }
    }
  }

  /** {@code /feed list}: each feed, where it posts, and how its polling goes. */
  static final class ListFeeds extends FeedSubcommand {
    private final FeedService feeds;

    ListFeeds(FeedService feeds) {
      this.feeds = feeds;
    }

    @Override
    public SubcommandData subcommand() {
      return new SubcommandData("list", "The feeds this server follows and how they are doing");
    }

    @Override
    public void execute(SlashCommandInteractionEvent event) {
      List<Feed> list = feeds.list(event.getGuild().getIdLong());
      Texts texts = Readers.privately(event);
      String text = list.isEmpty() ? texts.get("feed.none") : describe(list, texts);
      event.reply(MessageSpecs.text(text)).setEphemeral(true).queue();
    }

    static String describe(List<Feed> list) {
      return describe(list, Texts.english());
    }

    static String describe(List<Feed> list, Texts texts) {
      StringBuilder s =
          new StringBuilder(texts.get("feed.list.title", "count", list.size())).append('\n');
      int n = 0;
      for (Feed f : list) {
        StringBuilder line =
            new StringBuilder()
                .append(++n)
                .append(". **")
                .append(SafeText.escapeMarkdown(SafeText.truncate(SafeText.oneLine(f.title()), 80)))
                .append("** <")
                .append(SafeText.truncate(f.url(), 200))
                .append(">\n   → ")
                .append(
                    f.channelId() == 0
                        ? texts.get("feed.list.postChannel")
                        : "<#" + f.channelId() + ">")
                .append(
                    f.reviewFirst()
                        ? " "
                            + texts.get(
                                "feed.list.reviewed", "channel", Long.toString(f.reviewChannelId()))
                        : "")
                .append(" · ")
                .append(texts.get("feed.list.every", "minutes", f.pollMinutes()))
                .append(" · ");
        if (f.paused()) {
          line.append(texts.get("feed.list.paused"));
        } else if (f.failures() > 0) {
          line.append(
              texts.get(
                  "feed.list.failing",
                  "error",
                  SafeText.escapeMarkdown(
                      SafeText.truncate(SafeText.oneLine(lastError(f, texts)), 200)),
                  "failures",
                  f.failures(),
                  "when",
                  Long.toString(f.nextPollAt().getEpochSecond())));
        } else {
          line.append(
              texts.get("feed.list.next", "when", Long.toString(f.nextPollAt().getEpochSecond())));
        }
        line.append('\n');
        if (s.length() + line.length() > DiscordLimits.CONTENT - 20) {
          s.append("…");
          break;
        }
        s.append(line);
      }
      return s.toString().stripTrailing();
    }
  }

  /** {@code /feed remove|pause|resume feed}. */
  static final class Change extends FeedSubcommand {
    enum Kind {
      REMOVE("remove", "Stop following a feed"),
      PAUSE("pause", "Stop posting a feed's items for now"),
      RESUME("resume", "Post a paused feed's items again");

      final String name;
      final String description;

      Kind(String name, String description) {
        this.name = name;
        this.description = description;
      }
    }

    private final FeedService feeds;
    private final Kind kind;

    Change(FeedService feeds, Kind kind) {
      this.feeds = feeds;
      this.kind = kind;
    }

    @Override
    public SubcommandData subcommand() {
      return new SubcommandData(kind.name, kind.description)
          .addOptions(
              new OptionData(OptionType.STRING, "feed", "The feed (its address, or pick one)")
                  .setRequired(true)
                  .setAutoComplete(true)
                  .setMaxLength(2000));
    }

    @Override
    public void execute(SlashCommandInteractionEvent event) {
      long guild = event.getGuild().getIdLong();
      String which = event.getOption("feed").getAsString();
      var changed =
          switch (kind) {
            case REMOVE -> feeds.remove(guild, which);
            case PAUSE -> feeds.setPaused(guild, which, true);
            case RESUME -> feeds.setPaused(guild, which, false);
          };
      Texts texts = Readers.privately(event);
      String answer =
          changed
              .map(
                  f ->
                      texts.get(
                          "feed.done." + kind.name,
                          "title",
                          SafeText.escapeMarkdown(
                              SafeText.truncate(SafeText.oneLine(f.title()), 150))))
              .orElse(texts.get("feed.noSuch"));
      event.reply(MessageSpecs.text(answer)).setEphemeral(true).queue();
    }

    /** The server's feeds by title and address; the value is the feed's id. */
    @Override
    public void autoComplete(CommandAutoCompleteInteractionEvent event) {
      String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
      List<Command.Choice> choices = new ArrayList<>();
      for (Feed f : feeds.list(event.getGuild().getIdLong())) {
        String name = SafeText.truncate(SafeText.oneLine(f.title()) + " — " + f.url(), 100);
        if (name.toLowerCase(Locale.ROOT).contains(typed) && choices.size() < 25) {
          choices.add(new Command.Choice(name, Long.toString(f.id())));
        }
      }
      event.replyChoices(choices).queue();
    }
  }

  /** A feed's stored error in the reader's language; one stored as words is shown as it is. */
  static String lastError(Feed f, Texts texts) {
    return f.lastError() == null
        ? texts.get("feed.error.internal")
        : dev.takebot.i18n.Phrase.decode(f.lastError()).map(p -> p.in(texts)).orElse(f.lastError());
  }
}
