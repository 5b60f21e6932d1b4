package dev.takebot.message;

/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message), and the smaller
 * budgets TakeBot aims for so that everything fits with room to spare.
 */
public final class DiscordLimits {
  public static final int CONTENT = 2000;
  public static final int MAX_EMBEDS = 10;
  public static final int EMBED_TITLE = 256;
  public static final int EMBED_DESCRIPTION = 4096;
  public static final int EMBED_FIELDS = 25;
  public static final int FIELD_NAME = 256;
  public static final int FIELD_VALUE = 1024;
  public static final int EMBED_FOOTER = 2048;
  public static final int EMBED_TOTAL = 6000;
  public static final int THREAD_NAME = 100;

  /** JDA refuses longer embed URLs ({@code MessageEmbed.URL_MAX_LENGTH}). */
  public static final int EMBED_URL = 2000;

  /** What TakeBot itself allows in content, leaving room for Discord's own counting quirks. */
  public static final int CONTENT_BUDGET = 1800;

  /** What TakeBot itself allows in one embed description. */
  public static final int DESCRIPTION_BUDGET = 3500;

  private DiscordLimits() {}

  static void checkLength(String what, String value, int limit) {
    if (value != null && value.length() > limit) {
      throw new IllegalArgumentException(what + " is " + value.length() + " chars, limit " + limit);
    }
  }
}
