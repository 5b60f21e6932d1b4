package dev.takebot.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A rich embed. The compact constructor enforces Discord's per-embed limits, so an {@code
 * EmbedSpec} that exists can always be sent.
 *
 * @param title embed title (≤ 256), may be empty
 * @param url link for the title, or {@code null}
 * @param description body (≤ 4,096), may be empty
 * @param color RGB colour, or {@code null} for Discord's default
 * @param fields up to 25 fields
 * @param footer footer text (≤ 2,048), may be empty
 * @param timestamp shown beside the footer, or {@code null}
 * @param imageUrl image shown large, e.g. {@code attachment://chart.png}, or {@code null}
 */
public record EmbedSpec(
    String title,
    String url,
    String description,
    Integer color,
    List<FieldSpec> fields,
    String footer,
    Instant timestamp,
    String imageUrl) {

  public EmbedSpec {
    title = Objects.requireNonNullElse(title, "");
    description = Objects.requireNonNullElse(description, "");
    footer = Objects.requireNonNullElse(footer, "");
    fields = List.copyOf(fields);
    DiscordLimits.checkLength("embed title", title, DiscordLimits.EMBED_TITLE);
    DiscordLimits.checkLength("embed description", description, DiscordLimits.EMBED_DESCRIPTION);
    DiscordLimits.checkLength("embed footer", footer, DiscordLimits.EMBED_FOOTER);
    if (fields.size() > DiscordLimits.EMBED_FIELDS) {
      throw new IllegalArgumentException("too many embed fields: " + fields.size());
    }
    int total = totalLength(title, description, footer, fields);
    if (total > DiscordLimits.EMBED_TOTAL) {
      throw new IllegalArgumentException(
          "embed has " + total + " chars, limit " + DiscordLimits.EMBED_TOTAL);
    }
    if (title.isEmpty() && description.isEmpty() && fields.isEmpty() && imageUrl == null) {
      throw new IllegalArgumentException("an embed needs a title, description, field or image");
    }
  }

  /** Characters Discord counts towards the 6,000 per-embed total. */
  public int totalLength() {
    return totalLength(title, description, footer, fields);
  }

  private static int totalLength(
      String title, String description, String footer, List<FieldSpec> fields) {
    int n = title.length() + description.length() + footer.length();
    for (FieldSpec f : fields) {
      n += f.name().length() + f.value().length();
    }
    return n;
  }
}
