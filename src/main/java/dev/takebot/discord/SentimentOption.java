package dev.takebot.discord;

import dev.takebot.sentiment.Label;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** The {@code sentiment} option: a choice of the four tags, so no free text needs validating. */
final class SentimentOption {
  static final String NAME = "sentiment";

  private SentimentOption() {}

  static OptionData option(String description, boolean required) {
    OptionData o = new OptionData(OptionType.STRING, NAME, description, required);
    for (Label l : Label.values()) {
      o.addChoice(l.id(), l.id());
    }
    return o;
  }
}
