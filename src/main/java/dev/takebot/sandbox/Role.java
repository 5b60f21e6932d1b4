package dev.takebot.sandbox;

/**
 * A guild role as the sandbox models it.
 *
 * @param id snowflake; the {@code @everyone} role's id equals the guild id
 * @param name display name
 * @param position hierarchy position ({@code @everyone} is 0)
 * @param permissions Discord permission bits (see {@link Permissions})
 * @param color RGB colour, 0 for none
 * @param managed true for the bot's integration role
 */
public record Role(
    String id, String name, int position, long permissions, int color, boolean managed) {

  /** The mention markup, {@code <@&id>}. */
  public String mention() {
    return "<@&" + id + ">";
  }
}
