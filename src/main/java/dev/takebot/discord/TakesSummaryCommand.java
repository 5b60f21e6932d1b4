package dev.takebot.discord;

import dev.takebot.message.MessageSpec;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.settings.GuildSettings;
import dev.takebot.takes.settings.SettingsService;
import dev.takebot.takes.summary.Cooldowns;
import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /takes summary [article] [private]}, for anyone; {@code private} answers only the asker,
 * and without it the server's setting decides ({@link GuildSettings#summariesPrivate}). Defers (a
 * summary may stream many takes), then edits the original response. Without {@code article}: the
 * discussion of the thread it is used in, else the newest article the member may see. A summary of
 * a discussion whose audience is narrower than this channel's is always private, with a sentence
 * saying why ({@link Audience}).
 */
final class TakesSummaryCommand implements SlashFeature {

  private final BotContext ctx;
  private final SettingsService settings;
  private final ArticleOption articles;

  private final ServerCooldowns cooldowns;

  /**
   * @param settings each server's pause between a member's two summaries ({@link
   *     GuildSettings#summaryCooldownSeconds}; zero: none) and default visibility
   */
  TakesSummaryCommand(BotContext ctx, SettingsService settings) {
    this.ctx = ctx;
    this.settings = settings;
    this.articles = new ArticleOption(ctx.takes().discussions());
    this.cooldowns = new ServerCooldowns(settings);
  }

  /** The guild's cooldowns at its current pause, or null when it has none. */
  private Cooldowns cooldowns(long guildId) {
    return cooldowns.of(guildId);
  }

  @Override
  public CommandGroup group() {
    return CommandGroup.TAKES;
  }

  @Override
  public SubcommandData subcommand() {
    return new SubcommandData("summary", "How members feel about an article")
        .addOptions(
            ArticleOption.option("Article title (default: this thread's, else the newest)"),
            new OptionData(
                OptionType.BOOLEAN,
                "private",
                "Only you see the summary (default: as the server's settings say)"));
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    long member = event.getUser().getIdLong();
    Cooldowns cooldowns = cooldowns(event.getGuild().getIdLong());
    Optional<Duration> wait = cooldowns == null ? Optional.empty() : cooldowns.tryAcquire(member);
    if (wait.isPresent()) {
      long s = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      event
          .reply(MessageSpecs.text(Readers.privately(event).get("summary.tryAgain", "seconds", s)))
          .setEphemeral(true)
          .queue();
      return;
    }
    try {
      summarize(event);
    } catch (RuntimeException e) {
      if (cooldowns != null) {
        cooldowns.release(member); // a failure should not cost the member their next try
      }
      throw e;
    }
  }

  private void summarize(SlashCommandInteractionEvent event) {
    OptionMapping hidden = event.getOption("private");
    boolean asked =
        hidden != null
            ? hidden.getAsBoolean()
            : settings.get(event.getGuild().getIdLong()).summariesPrivate();
    // Resolved before the answer is opened (one indexed read): whether it may be public depends on
    // it.
    Optional<Discussion> d =
        articles.resolveOrReply(event, Readers.privately(event).get("article.noneYet"));
    if (d.isEmpty()) {
      return;
    }
    boolean narrower = !Audience.quotableIn(d.get(), event.getGuildChannel());
    InteractionHook hook = event.deferReply(asked || narrower).complete();
    MessageSpec summary =
        ctx.summaries()
            .render(
                d.get(), event.getUser().getIdLong(), ctx.readers().of(event, asked || narrower));
    if (narrower && !asked) {
      summary = Audience.explained(summary, d.get().channelId(), Readers.privately(event));
    }
    hook.editOriginal(MessageSpecs.toEditData(summary)).queue();
  }

  @Override
  public void autoComplete(CommandAutoCompleteInteractionEvent event) {
    articles.autoComplete(event);
  }
}
