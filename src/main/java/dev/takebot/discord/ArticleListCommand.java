package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Discussion;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /article list} (moderators, like every {@code /article} command): the server's most recent
 * posts with their take counts and jump links to the post and the thread. Answered ephemerally: it
 * is a lookup for the moderator, not news for the channel. Only posts in channels the moderator can
 * see are listed: being a moderator does not open channels Discord keeps closed to them.
 */
final class ArticleListCommand implements SlashFeature {
  static final int SHOWN = 10;
  private static final int COLOR = 0x5865F2;

  private final BotContext ctx;

  ArticleListCommand(BotContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Access access() {
    return Access.moderators("list articles");
  }

  @Override
  public CommandGroup group() {
    return CommandGroup.ARTICLE;
  }

  @Override
  public SubcommandData subcommand() {
    return new SubcommandData("list", "Recently posted articles with links (only you see this)");
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    event
        .reply(
            MessageSpecs.toCreateData(
                render(
                    event.getGuild().getIdLong(),
                    Audience.of(event.getMember()),
                    Readers.privately(event))))
        .setEphemeral(true)
        .queue();
  }

  MessageSpec render(long guildId, ChannelScope visible) {
    return render(guildId, visible, Texts.english());
  }

  MessageSpec render(long guildId, ChannelScope visible, Texts texts) {
    List<Discussion> recent = ctx.takes().discussions().list(guildId, visible, SHOWN);
    if (recent.isEmpty()) {
      return MessageSpec.ofContent(texts.get("articles.none"));
    }
    StringBuilder body = new StringBuilder();
    int i = 1;
    for (Discussion d : recent) {
      long takes = ctx.takes().stats(d.postMessageId()).takes();
      body.append(i++)
          .append(". [")
          .append(SafeText.quote(d.title(), 90))
          .append("](")
          .append(TakeLines.postUrl(d))
          .append(") · <t:")
          .append(d.postedAt().getEpochSecond())
          .append(":R> · ")
          .append(texts.get("articles.takes", "count", takes))
          .append(" · [")
          .append(texts.get("articles.thread"))
          .append("](")
          .append("https://discord.com/channels/" + d.guildId() + "/" + d.threadId())
          .append(")\n");
    }
    EmbedSpec embed =
        new EmbedSpec(
            texts.get("articles.title"),
            null,
            body.toString().strip(),
            COLOR,
            List.of(),
            texts.get("articles.footer"),
            null,
            null);
    return new MessageSpec("", List.of(embed), List.of(), List.of());
  }
}
