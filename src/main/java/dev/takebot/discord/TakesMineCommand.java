package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /takes mine}, answered only to the member: their most recent takes on this server, each
 * with its tag, its article and a jump link. Members see how the bot read them (and can ask a
 * moderator to correct it); nobody else sees the list. Takes in channels the member can no longer
 * see are left out: their titles and neighbours' context are not the member's to read any more.
 */
final class TakesMineCommand implements SlashFeature {
  static final int SHOWN = 15;
  private static final int COLOR = 0x5865F2;

  private final BotContext ctx;

  TakesMineCommand(BotContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CommandGroup group() {
    return CommandGroup.TAKES;
  }

  @Override
  public SubcommandData subcommand() {
    return new SubcommandData("mine", "Your takes and how they were tagged (only you see this)");
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    long guild = event.getGuild().getIdLong();
    event
        .reply(
            MessageSpecs.toCreateData(
                render(
                    guild,
                    event.getUser().getIdLong(),
                    Audience.of(event.getMember()),
                    Readers.privately(event))))
        .setEphemeral(true)
        .queue();
  }

  /**
   * @param visible the member's own takes in channels they can no longer see stay out too
   */
  MessageSpec render(long guildId, long memberId, ChannelScope visible) {
    return render(guildId, memberId, visible, Texts.english());
  }

  MessageSpec render(long guildId, long memberId, ChannelScope visible, Texts texts) {
    // One more than shown, to know whether there are older ones.
    List<Take> takes =
        new ArrayList<>(
            ctx.takes()
                .page(
                    TakeQuery.byAuthor(guildId, memberId, visible),
                    Long.MAX_VALUE,
                    false,
                    SHOWN + 1));
    if (takes.isEmpty()) {
      return MessageSpec.ofContent(texts.get("mine.none"));
    }
    boolean more = takes.size() > SHOWN;
    List<Take> shown =
        new ArrayList<>(takes.subList(takes.size() - Math.min(SHOWN, takes.size()), takes.size()));
    java.util.Collections.reverse(shown); // newest first
    Map<Long, Optional<Discussion>> articles = new HashMap<>();
    StringBuilder body = new StringBuilder();
    for (Take t : shown) {
      String title =
          articles
              .computeIfAbsent(t.postMessageId(), ctx.takes().discussions()::find)
              .map(d -> SafeText.quote(d.title(), 60))
              .orElse(texts.get("mine.anArticle"));
      body.append(
              texts.get(
                  "mine.line", "line", TakeLines.line(guildId, t, false, texts), "title", title))
          .append('\n');
    }
    String footer =
        more
            ? texts.get("mine.footer.newest", "count", SHOWN)
            : texts.get("mine.footer.all", "count", shown.size());
    EmbedSpec embed =
        new EmbedSpec(
            texts.get("mine.title"),
            null,
            SafeText.truncate(body.toString().strip(), 4000),
            COLOR,
            List.of(),
            footer + " " + texts.get("mine.wrongTag"),
            null,
            null);
    return new MessageSpec("", List.of(embed), List.of(), List.of());
  }
}
