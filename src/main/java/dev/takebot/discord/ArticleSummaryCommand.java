package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.ButtonSpec;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.takes.Discussion;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.EmbedType;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /article summary [article]} (moderators): reposts an article's summary embed where the
 * command is used, with a button that leads to its discussion. Public on purpose: a moderator
 * reposts to bring an article back into a conversation, which an answer only they could see would
 * not do; but never into a channel whose audience is wider than the discussion's ({@link
 * Audience}): then the moderator alone sees it, told why. Only articles the moderator may see can
 * be picked. The embed is copied from the original post (the store keeps no article text); when
 * that post is gone, a short embed with the title and the thread stands in.
 */
final class ArticleSummaryCommand implements SlashFeature {
  private static final Logger log = LoggerFactory.getLogger(ArticleSummaryCommand.class);

  private final BotContext ctx;
  private final ArticleOption articles;

  ArticleSummaryCommand(BotContext ctx) {
    this.ctx = ctx;
    this.articles = new ArticleOption(ctx.takes().discussions());
  }

  @Override
  public Access access() {
    return Access.moderators("repost articles");
  }

  @Override
  public CommandGroup group() {
    return CommandGroup.ARTICLE;
  }

  @Override
  public SubcommandData subcommand() {
    return new SubcommandData("summary", "Repost an article's summary here")
        .addOptions(
            ArticleOption.option("Article title (default: this thread's, else the newest)"));
  }

  @Override
  public void autoComplete(CommandAutoCompleteInteractionEvent event) {
    articles.autoComplete(event);
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    Texts mine = Readers.privately(event);
    Optional<Discussion> d = articles.resolveOrReply(event, mine.get("articles.none"));
    if (d.isEmpty()) {
      return;
    }
    Discussion discussion = d.get();
    boolean narrower = !Audience.quotableIn(discussion, event.getGuildChannel());
    InteractionHook hook = event.deferReply(narrower).complete();
    Texts texts = narrower ? mine : ctx.readers().publicly(event.getGuild());
    String note = narrower ? Audience.reason(discussion.channelId(), texts) + "\n" : "";
    ButtonSpec join =
        ButtonSpec.link(
            "https://discord.com/channels/" + discussion.guildId() + "/" + discussion.threadId(),
            texts.get("repost.join"));
    Optional<Message> original = original(event, discussion);
    if (original.isEmpty()) {
      EmbedSpec embed =
          new EmbedSpec(
              SafeText.truncate(SafeText.oneLine(discussion.title()), 250),
              TakeLines.postUrl(discussion),
              texts.get("repost.gone"),
              null,
              List.of(),
              "",
              discussion.postedAt(),
              null);
      hook.editOriginal(
              MessageSpecs.toEditData(
                  new MessageSpec(note, List.of(embed), List.of(join), List.of())))
          .queue();
      return;
    }
    Message post = original.get();
    List<MessageEmbed> embeds =
        post.getEmbeds().stream().filter(e -> e.getType() == EmbedType.RICH).toList();
    if (post.getContentRaw().isBlank() && embeds.isEmpty()) {
      hook.editOriginal(
              MessageSpecs.toEditData(
                  new MessageSpec(
                      note + SafeText.quote(discussion.title(), 200),
                      List.of(),
                      List.of(join),
                      List.of())))
          .queue();
      return;
    }
    // Keep the post's text (the cleaned video link) and embeds; swap its "Share your take" button,
    // which
    // belongs to the original message, for a link to the thread.
    MessageEditData repost =
        new MessageEditBuilder()
            .setContent(note + contentOf(post, embeds))
            .setEmbeds(embeds)
            .setComponents(ActionRow.of(MessageSpecs.button(join)))
            .setAllowedMentions(MessageSpecs.NO_MENTIONS)
            .mentionRepliedUser(false)
            .build();
    hook.editOriginal(repost).queue();
  }

  /**
   * The thread hangs off the embed message, while the video link had a message of its own before
   * it; the embed's title links to the same video, so put that back in content, where Discord shows
   * the player.
   */
  private static String contentOf(Message post, List<MessageEmbed> embeds) {
    if (!post.getContentRaw().isBlank() || embeds.isEmpty() || embeds.get(0).getUrl() == null) {
      return post.getContentRaw();
    }
    String url = embeds.get(0).getUrl();
    return url.matches("https://(youtu\\.be|(www\\.)?youtube\\.com|vimeo\\.com)/\\S+") ? url : "";
  }

  private static Optional<Message> original(SlashCommandInteractionEvent event, Discussion d) {
    GuildMessageChannel channel =
        event.getJDA().getChannelById(GuildMessageChannel.class, d.channelId());
    if (channel == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(channel.retrieveMessageById(d.postMessageId()).complete());
    } catch (RuntimeException e) {
      log.debug("Original post {} of {} not retrievable", d.postMessageId(), d.title(), e);
      return Optional.empty();
    }
  }
}
