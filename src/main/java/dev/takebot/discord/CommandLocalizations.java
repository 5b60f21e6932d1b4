package dev.takebot.discord;

import dev.takebot.i18n.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;

/**
 * The names and descriptions of TakeBot's commands in every language TakeBot speaks, for Discord's
 * {@code name_localizations}/{@code description_localizations}. English stays in the code (it is
 * what Discord shows by default); each other language has {@code i18n/commands_<code>.properties},
 * keyed the way JDA asks ({@code takes.summary.description}, {@code
 * takes.summary.options.public.name}, {@code Explain sentiment.name}). A language with several
 * Discord locales ({@code es-ES}, {@code pt-BR}) gets the same text in each.
 */
final class CommandLocalizations implements LocalizationFunction {
  private final Map<Locale, Properties> byLanguage = new LinkedHashMap<>();
  private final Set<String> missing = new TreeSet<>();

  CommandLocalizations() {
    for (Locale l : Languages.supported()) {
      if (!l.equals(Languages.DEFAULT)) {
        byLanguage.put(l, load("/i18n/commands_" + l.getLanguage() + ".properties"));
      }
    }
  }

  @Override
  public Map<DiscordLocale, String> apply(String key) {
    Map<DiscordLocale, String> out = new EnumMap<>(DiscordLocale.class);
    byLanguage.forEach(
        (language, texts) -> {
          String text = texts.getProperty(key);
          if (text == null) {
            synchronized (missing) {
              missing.add(language.getLanguage() + ": " + key);
            }
            return;
          }
          for (DiscordLocale d : DiscordLocale.values()) {
            if (d != DiscordLocale.UNKNOWN
                && Locale.forLanguageTag(d.getLocale())
                    .getLanguage()
                    .equals(language.getLanguage())) {
              out.put(d, text);
            }
          }
        });
    return out;
  }

  /** Keys asked for that a language's file lacks, e.g. {@code fr: takes.mine.description}. */
  Set<String> missing() {
    synchronized (missing) {
      return Set.copyOf(missing);
    }
  }

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = CommandLocalizations.class.getResourceAsStream(resource)) {
      if (in == null) {
        return p; // a language without command translations: Discord shows the English names
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
