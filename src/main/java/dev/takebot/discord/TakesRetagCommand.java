package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Take;
import java.util.Optional;
import java.util.OptionalLong;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /takes retag message:<link or id> sentiment:<tag>} (moderators): the typed twin of the
 * "Correct sentiment" message command. Lives under {@code /takes} (visible to everyone, so members
 * can discover it), and the router refuses non-moderators ({@link #access()}).
 */
final class TakesRetagCommand implements SlashFeature {
  private final BotContext ctx;

  TakesRetagCommand(BotContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Access access() {
    return Access.moderators(CorrectSentimentFeature.ACTION);
  }

  @Override
  public CommandGroup group() {
    return CommandGroup.TAKES;
  }

  @Override
  public SubcommandData subcommand() {
    return new SubcommandData("retag", "Correct a take's sentiment tag (moderators)")
        .addOptions(
            new OptionData(
                OptionType.STRING,
                "message",
                "Link to the take (Copy Message Link) or its id",
                true),
            SentimentOption.option("The right tag", true));
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    Texts texts = Readers.privately(event);
    String link = event.getOption("message").getAsString();
    OptionalLong id = TakeLines.messageId(link);
    if (id.isEmpty()) {
      reply(event, texts.get("retag.badLink"));
      return;
    }
    Label label = Label.parse(event.getOption(SentimentOption.NAME).getAsString());
    long guild = event.getGuild().getIdLong();
    ChannelScope visible = Audience.of(event.getMember());
    Optional<Take> take = ctx.takes().find(guild, visible, id.getAsLong());
    if (take.isEmpty()) {
      reply(event, texts.get("retag.notATake"));
      return;
    }
    Optional<Take> corrected =
        ctx.takes().correct(id.getAsLong(), label, event.getUser().getIdLong());
    reply(
        event,
        corrected
            .map(
                t ->
                    texts.get(
                        "retag.done",
                        "link",
                        TakeLines.jumpUrl(guild, t),
                        "tag",
                        TakeLines.tag(t, texts)))
            .orElse(texts.get("retag.gone")));
  }

  private static void reply(SlashCommandInteractionEvent event, String text) {
    event.reply(MessageSpecs.text(text)).setEphemeral(true).queue();
  }
}
