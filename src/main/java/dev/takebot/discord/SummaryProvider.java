package dev.takebot.discord;

import dev.takebot.message.MessageSpec;
import dev.takebot.takes.Discussion;
import java.util.Locale;

/**
 * Renders the answer to {@code /takes summary}. The default is {@link
 * dev.takebot.takes.BasicSummary}; {@code takes.summary} plugs in the richer one (chart, themes,
 * representative takes).
 */
@FunctionalInterface
public interface SummaryProvider {
  /**
   * @param discussion the article's discussion
   * @param requesterId the member asking, e.g. to compare with what they saw last time
   * @param locale the language of the readers (the member's when only they see it, else the
   *     server's)
   */
  MessageSpec render(Discussion discussion, long requesterId, Locale locale);
}
