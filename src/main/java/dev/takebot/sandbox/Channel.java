package dev.takebot.sandbox;

/**
 * A guild channel or thread.
 *
 * @param id snowflake
 * @param name name without the leading {@code #}
 * @param type Discord channel type ({@link #GUILD_TEXT}, {@link #PUBLIC_THREAD}, ...)
 * @param parentId the parent text channel for threads, otherwise the category or {@code null}
 * @param ownerId the creator of a thread, otherwise {@code null}
 */
public record Channel(String id, String name, int type, String parentId, String ownerId) {
  /** A text channel. */
  public static final int GUILD_TEXT = 0;

  /** A category. */
  public static final int GUILD_CATEGORY = 4;

  /** An announcement channel. */
  public static final int GUILD_ANNOUNCEMENT = 5;

  /** A thread in an announcement channel. */
  public static final int ANNOUNCEMENT_THREAD = 10;

  /** A public thread. */
  public static final int PUBLIC_THREAD = 11;

  /** A private thread. */
  public static final int PRIVATE_THREAD = 12;

  /** True for thread channels (types 10, 11, 12). */
  public boolean isThread() {
    return type == ANNOUNCEMENT_THREAD || type == PUBLIC_THREAD || type == PRIVATE_THREAD;
  }

  /** The mention markup, {@code <#id>}. */
  public String mention() {
    return "<#" + id + ">";
  }
}
