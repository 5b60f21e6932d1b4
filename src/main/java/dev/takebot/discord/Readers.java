package dev.takebot.discord;

import dev.takebot.i18n.Languages;
import dev.takebot.i18n.Texts;
import dev.takebot.takes.settings.SettingsService;
import java.util.Locale;
import java.util.function.LongFunction;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Who reads a message decides its language. A private (ephemeral) answer is read by the member
 * alone: their Discord client's language (the interaction's {@code locale}). A public post is read
 * by the whole server: the language its managers chose in {@code /takebot settings}, or else the
 * server's own Discord language ({@code preferred_locale}).
 */
final class Readers {
  private final LongFunction<String> chosenLanguage;

  /**
   * @param chosenLanguage a server's language setting by guild id, blank when its managers chose
   *     none
   */
  Readers(LongFunction<String> chosenLanguage) {
    this.chosenLanguage = chosenLanguage;
  }

  static Readers of(SettingsService settings) {
    return new Readers(g -> settings.get(g).language());
  }

  /** English everywhere unless a server chose a language: for features built without settings. */
  static Readers discordOnly() {
    return new Readers(g -> "");
  }

  /** The member's own language, for an answer only they see. */
  static Locale member(Interaction interaction) {
    return locale(interaction.getUserLocale());
  }

  /** {@link #member} as texts. */
  static Texts privately(Interaction interaction) {
    return Texts.forLocale(member(interaction));
  }

  /** The server's language, for what everyone in it reads. */
  Locale server(Guild guild) {
    String chosen = chosenLanguage.apply(guild.getIdLong());
    return chosen != null && !chosen.isBlank() ? Languages.of(chosen) : locale(guild.getLocale());
  }

  /** {@link #server} as texts. */
  Texts publicly(Guild guild) {
    return Texts.forLocale(server(guild));
  }

  /**
   * The server's own Discord language ({@code guild_locale}), for the rare public line written
   * where the server's settings are not at hand; the member's outside a server.
   */
  static Texts guildDiscord(Interaction interaction) {
    return Texts.forLocale(
        interaction.getGuild() == null
            ? member(interaction)
            : locale(interaction.getGuildLocale()));
  }

  /** Private when {@code ephemeral}, else public. */
  Locale of(Interaction interaction, boolean ephemeral) {
    return ephemeral || interaction.getGuild() == null
        ? member(interaction)
        : server(interaction.getGuild());
  }

  private static Locale locale(DiscordLocale d) {
    return d == null || d == DiscordLocale.UNKNOWN
        ? Languages.DEFAULT
        : Languages.of(d.getLocale());
  }
}
