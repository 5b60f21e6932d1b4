package dev.takebot.message;

/**
 * A button. Either an interactive button with a {@code customId} (≤ 100 chars) or a link button
 * with a {@code url}.
 */
public record ButtonSpec(Style style, String label, String customId, String url, boolean disabled) {

  /** Discord button styles that TakeBot uses. */
  public enum Style {
    PRIMARY,
    SECONDARY,
    SUCCESS,
    DANGER,
    LINK
  }

  public ButtonSpec {
    DiscordLimits.checkLength("button label", label, 80);
    if (style == Style.LINK ? url == null : customId == null || customId.length() > 100) {
      throw new IllegalArgumentException(
          "link buttons need a url, others a custom id of ≤ 100 chars");
    }
  }

  public static ButtonSpec primary(String customId, String label) {
    return new ButtonSpec(Style.PRIMARY, label, customId, null, false);
  }

  public static ButtonSpec secondary(String customId, String label) {
    return new ButtonSpec(Style.SECONDARY, label, customId, null, false);
  }

  public static ButtonSpec link(String url, String label) {
    return new ButtonSpec(Style.LINK, label, null, url, false);
  }
}
