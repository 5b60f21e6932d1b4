package dev.takebot.discord;

import dev.takebot.message.SafeText;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.summary.Cooldowns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /takes summary [article] [private]}, for anyone; {@code private} answers only the asker.
 * Defers first (a summary may stream many takes), then edits the original response. Without {@code article}: the discussion of the thread it is used in,
 * else the newest article of the server.
 */
final class TakesSummaryCommand implements SlashFeature {
  private static final int RECENT = 25;

  private final BotContext ctx;
  private final Cooldowns cooldowns;

  TakesSummaryCommand(BotContext ctx) {
    this.ctx = ctx;
    int seconds = ctx.config().takes().summaryCooldownSeconds();
    this.cooldowns = seconds > 0 ? new Cooldowns(Duration.ofSeconds(seconds)) : null;
  }

  @Override
  public CommandGroup group() {
    return CommandGroup.TAKES;
  }

  @Override
  public SubcommandData subcommand() {
    return new SubcommandData("summary", "How members feel about an article")
        .addOptions(new OptionData(OptionType.STRING, "article", "Article title (default: this thread's, else the newest)")
            .setAutoComplete(true),
            new OptionData(OptionType.BOOLEAN, "private", "Only you see the summary (default: everyone in the channel)"));
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    long member = event.getUser().getIdLong();
    Optional<Duration> wait = cooldowns == null ? Optional.empty() : cooldowns.tryAcquire(member);
    if (wait.isPresent()) {
      long s = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      event.reply(MessageSpecs.text("You asked for a summary a moment ago; try again in " + s
          + (s == 1 ? " second." : " seconds."))).setEphemeral(true).queue();
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
    InteractionHook hook = event.deferReply(hidden != null && hidden.getAsBoolean()).complete();
    OptionMapping opt = event.getOption("article");
    Optional<Discussion> d = resolve(ctx.takes().repository(), event.getGuild().getIdLong(),
        event.getChannelIdLong(), opt == null ? null : opt.getAsString());
    if (d.isEmpty()) {
      hook.editOriginal(MessageSpecs.editText(opt == null
          ? "No article has been posted here yet: moderators post one with `/article post`."
          : "No article matches " + ArticlePostCommand.code(SafeText.truncate(opt.getAsString(), 100)) + ".")).queue();
      return;
    }
    hook.editOriginal(MessageSpecs.toEditData(ctx.summaries().render(d.get(), event.getUser().getIdLong()))).queue();
  }

  @Override
  public void autoComplete(CommandAutoCompleteInteractionEvent event) {
    autoCompleteArticle(ctx.takes().repository(), event);
  }

  /** The server's recent articles whose title contains what was typed; the choice's value is the post id. */
  static void autoCompleteArticle(TakeRepository repo, CommandAutoCompleteInteractionEvent event) {
    String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
    List<Command.Choice> choices = new ArrayList<>();
    for (Discussion d : repo.listDiscussions(event.getGuild().getIdLong(), RECENT)) {
      if (d.title().toLowerCase(Locale.ROOT).contains(typed)) {
        choices.add(new Command.Choice(SafeText.truncate(SafeText.oneLine(d.title()), 100),
            Long.toUnsignedString(d.postMessageId())));
      }
    }
    event.replyChoices(choices).queue();
  }

  /** By id (what autocomplete sends), by title, by the current thread, else the newest. */
  static Optional<Discussion> resolve(TakeRepository repo, long guildId, long channelId, String article) {
    if (article == null || article.isBlank()) {
      Optional<Discussion> here = repo.findDiscussionByThread(channelId);
      return here.isPresent() ? here : repo.listDiscussions(guildId, 1).stream().findFirst();
    }
    String a = article.strip();
    if (a.matches("\\d{1,19}")) {
      Optional<Discussion> byId = repo.findDiscussion(Long.parseUnsignedLong(a)).filter(d -> d.guildId() == guildId);
      if (byId.isPresent()) {
        return byId;
      }
    }
    String needle = a.toLowerCase(Locale.ROOT);
    return repo.listDiscussions(guildId, RECENT).stream()
        .filter(d -> d.title().toLowerCase(Locale.ROOT).contains(needle))
        .findFirst();
  }
}
