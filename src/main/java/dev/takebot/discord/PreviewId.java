package dev.takebot.discord;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The custom id of a preview's buttons and edit form: {@code
 * takebot-preview:<action>:<key>:<deadline>} (at most 52 characters, well within Discord's 100).
 * The deadline (epoch seconds, base 36) rides along so that a press on a preview the bot no longer
 * holds can say whether it expired or was lost (a restart); it is input like the rest of the id and
 * decides nothing else.
 *
 * @param action {@link #POST}, {@link #EDIT}, {@link #CANCEL}, {@link #SAVE} (the edit form) or
 *     {@link #ANYWAY} (Post anyway, on the notice that the server already discusses the article)
 */
record PreviewId(String action, String key, Instant deadline) {
  static final String PREFIX = "takebot-preview";
  static final String POST = "post";
  static final String EDIT = "edit";
  static final String CANCEL = "cancel";
  static final String SAVE = "save";
  static final String ANYWAY = "anyway";

  private static final Pattern FORMAT =
      Pattern.compile(
          Pattern.quote(PREFIX)
              + ":(post|edit|cancel|save|anyway):([0-9a-z]{1,13}):([0-9a-z]{1,12})");

  static String of(String action, PendingPost p) {
    return PREFIX
        + ":"
        + action
        + ":"
        + p.key()
        + ":"
        + Long.toString(p.deadline().getEpochSecond(), 36);
  }

  /** Empty for an id no preview made (a modified client can send anything). */
  static Optional<PreviewId> parse(String customId) {
    Matcher m = FORMAT.matcher(customId);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new PreviewId(
              m.group(1), m.group(2), Instant.ofEpochSecond(Long.parseLong(m.group(3), 36))));
    } catch (RuntimeException outOfRange) {
      return Optional.empty();
    }
  }
}
