package dev.takebot.message;

import java.util.List;
import java.util.Objects;

/**
 * One message as TakeBot wants it posted.
 *
 * @param content plain content (may be empty when there are embeds); links here get Discord's
 *     player
 * @param embeds rich embeds, at most {@link DiscordLimits#MAX_EMBEDS}
 * @param buttons buttons shown below the message, in one row
 * @param files attachments, e.g. a rendered chart
 */
public record MessageSpec(
    String content, List<EmbedSpec> embeds, List<ButtonSpec> buttons, List<FileSpec> files) {

  public MessageSpec {
    content = Objects.requireNonNullElse(content, "");
    embeds = List.copyOf(embeds);
    buttons = List.copyOf(buttons);
    files = List.copyOf(files);
    if (content.isBlank() && embeds.isEmpty() && files.isEmpty()) {
      throw new IllegalArgumentException("a message needs content, an embed or a file");
    }
    if (content.length() > DiscordLimits.CONTENT) {
      throw new IllegalArgumentException(
          "content is " + content.length() + " chars, limit " + DiscordLimits.CONTENT);
    }
    if (embeds.size() > DiscordLimits.MAX_EMBEDS) {
      throw new IllegalArgumentException("too many embeds: " + embeds.size());
    }
    if (buttons.size() > 5) {
      throw new IllegalArgumentException("at most 5 buttons fit in one row, got " + buttons.size());
    }
  }

  public static MessageSpec ofContent(String content) {
    return new MessageSpec(content, List.of(), List.of(), List.of());
  }

  public static MessageSpec ofEmbed(EmbedSpec embed) {
    return new MessageSpec("", List.of(embed), List.of(), List.of());
  }

  public MessageSpec withButtons(List<ButtonSpec> newButtons) {
    return new MessageSpec(content, embeds, newButtons, files);
  }

  public MessageSpec withFiles(List<FileSpec> newFiles) {
    return new MessageSpec(content, embeds, buttons, newFiles);
  }
}
