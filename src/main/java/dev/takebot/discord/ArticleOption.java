package dev.takebot.discord;

import dev.takebot.i18n.Texts;
import dev.takebot.message.SafeText;
import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.DiscussionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * The {@code article} option shared by the listing commands: autocompleted from the server's recent
 * articles (the choice's value is the post id), and resolved by id, by title, by the thread it is
 * used in, or else the newest article. Only ever among the discussions the member may see ({@link
 * Audience}): a hidden article is neither suggested, nor the default, nor found by id or title.
 */
final class ArticleOption {
  static final String NAME = "article";
  private static final int RECENT = 25;

  private final DiscussionService discussions;

  ArticleOption(DiscussionService discussions) {
    this.discussions = discussions;
  }

  static OptionData option(String description) {
    return new OptionData(OptionType.STRING, NAME, description).setAutoComplete(true);
  }

  void autoComplete(CommandAutoCompleteInteractionEvent event) {
    String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
    List<Command.Choice> choices = new ArrayList<>();
    ChannelScope visible = Audience.of(event.getMember());
    for (Discussion d : discussions.list(event.getGuild().getIdLong(), visible, RECENT)) {
      if (d.title().toLowerCase(Locale.ROOT).contains(typed)) {
        choices.add(
            new Command.Choice(
                SafeText.truncate(SafeText.oneLine(d.title()), 100),
                Long.toUnsignedString(d.postMessageId())));
      }
    }
    event.replyChoices(choices).queue();
  }

  /** {@link #resolve(long, ChannelScope, long, String)} of the command's option, for its member. */
  Optional<Discussion> resolve(SlashCommandInteractionEvent event) {
    OptionMapping article = event.getOption(NAME);
    return resolve(
        event.getGuild().getIdLong(),
        Audience.of(event.getMember()),
        event.getChannelIdLong(),
        article == null ? null : article.getAsString());
  }

  /**
   * {@link #resolve(SlashCommandInteractionEvent)}, or empty once the member has been told
   * (ephemerally) that nothing matched; {@code nonePosted} is the answer when no article was named.
   */
  Optional<Discussion> resolveOrReply(SlashCommandInteractionEvent event, String nonePosted) {
    Optional<Discussion> d = resolve(event);
    if (d.isEmpty()) {
      event
          .reply(MessageSpecs.text(notFound(event, nonePosted, Readers.privately(event))))
          .setEphemeral(true)
          .queue();
    }
    return d;
  }

  /** Why {@link #resolve(SlashCommandInteractionEvent)} found nothing. */
  static String notFound(SlashCommandInteractionEvent event, String nonePosted) {
    return notFound(event, nonePosted, Texts.english());
  }

  static String notFound(SlashCommandInteractionEvent event, String nonePosted, Texts texts) {
    OptionMapping article = event.getOption(NAME);
    return article == null ? nonePosted : noMatch(article.getAsString(), texts);
  }

  /**
   * The named article; without a name the current thread's, else the newest of the server, always
   * within {@code visible}.
   */
  Optional<Discussion> resolve(long guildId, ChannelScope visible, long channelId, String article) {
    if (article == null || article.isBlank()) {
      Optional<Discussion> here =
          discussions.byThread(channelId).filter(d -> d.guildId() == guildId && visible.allows(d));
      return here.isPresent() ? here : discussions.list(guildId, visible, 1).stream().findFirst();
    }
    return named(guildId, visible, article);
  }

  /**
   * The named article only (by post id or part of its title) within {@code visible}, never a
   * default.
   */
  Optional<Discussion> named(long guildId, ChannelScope visible, String article) {
    String a = article.strip();
    if (a.matches("\\d{1,19}")) {
      Optional<Discussion> byId =
          discussions.find(guildId, Long.parseUnsignedLong(a)).filter(visible::allows);
      if (byId.isPresent()) {
        return byId;
      }
    }
    String needle = a.toLowerCase(Locale.ROOT);
    return discussions.list(guildId, visible, RECENT).stream()
        .filter(d -> d.title().toLowerCase(Locale.ROOT).contains(needle))
        .findFirst();
  }

  static String noMatch(String article) {
    return noMatch(article, Texts.english());
  }

  static String noMatch(String article, Texts texts) {
    return texts.get(
        "article.noMatch", "article", ArticlePostCommand.code(SafeText.truncate(article, 100)));
  }
}
