package dev.takebot.message;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders a {@link MessageSpec} as the JSON body of Discord's Create Message request
 * ({@code POST /channels/{id}/messages}): {@code content}, {@code embeds}, {@code allowed_mentions},
 * {@code components} and, for files, the {@code attachments} metadata that goes beside them in the
 * multipart request. Empty parts are left out, as Discord's own clients do.
 *
 * <p>{@code allowed_mentions} is always {@code {"parse": []}}: whatever the text says, the message pings
 * no one. {@code preview --json} prints these payloads; the sandbox server accepts exactly them.
 */
public final class DiscordPayloads {
  /** Discord's component types and button styles, from the API reference. */
  private static final int ACTION_ROW = 1;
  private static final int BUTTON = 2;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private DiscordPayloads() {}

  /** The Create Message payload for {@code message}. */
  public static ObjectNode createMessage(MessageSpec message) {
    ObjectNode payload = JSON.objectNode();
    if (!message.content().isEmpty()) {
      payload.put("content", message.content());
    }
    if (!message.embeds().isEmpty()) {
      ArrayNode embeds = payload.putArray("embeds");
      message.embeds().forEach(e -> embeds.add(embed(e)));
    }
    payload.putObject("allowed_mentions").putArray("parse");
    if (!message.buttons().isEmpty()) {
      payload.putArray("components").add(actionRow(message.buttons()));
    }
    if (!message.files().isEmpty()) {
      ArrayNode attachments = payload.putArray("attachments");
      for (int i = 0; i < message.files().size(); i++) {
        attachments.addObject().put("id", i).put("filename", message.files().get(i).name());
      }
    }
    return payload;
  }

  /** One rich embed object. */
  public static ObjectNode embed(EmbedSpec embed) {
    ObjectNode node = JSON.objectNode();
    node.put("type", "rich");
    if (!embed.title().isEmpty()) {
      node.put("title", embed.title());
    }
    if (!embed.description().isEmpty()) {
      node.put("description", embed.description());
    }
    if (embed.url() != null) {
      node.put("url", embed.url());
    }
    if (embed.color() != null) {
      node.put("color", embed.color() & 0xFFFFFF);
    }
    if (!embed.fields().isEmpty()) {
      ArrayNode fields = node.putArray("fields");
      for (FieldSpec f : embed.fields()) {
        fields.addObject().put("name", f.name()).put("value", f.value()).put("inline", f.inline());
      }
    }
    if (!embed.footer().isEmpty()) {
      node.putObject("footer").put("text", embed.footer());
    }
    if (embed.timestamp() != null) {
      node.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(embed.timestamp()));
    }
    if (embed.imageUrl() != null) {
      node.putObject("image").put("url", embed.imageUrl());
    }
    return node;
  }

  /** An action row (type 1) holding the buttons (type 2). */
  public static ObjectNode actionRow(List<ButtonSpec> buttons) {
    ObjectNode row = JSON.objectNode();
    row.put("type", ACTION_ROW);
    ArrayNode components = row.putArray("components");
    for (ButtonSpec b : buttons) {
      ObjectNode button = components.addObject();
      button.put("type", BUTTON);
      button.put("style", style(b.style()));
      button.put("label", b.label());
      if (b.style() == ButtonSpec.Style.LINK) {
        button.put("url", b.url());
      } else {
        button.put("custom_id", b.customId());
      }
      if (b.disabled()) {
        button.put("disabled", true);
      }
    }
    return row;
  }

  private static int style(ButtonSpec.Style style) {
    return switch (style) {
      case PRIMARY -> 1;
      case SECONDARY -> 2;
      case SUCCESS -> 3;
      case DANGER -> 4;
      case LINK -> 5;
    };
  }
}
