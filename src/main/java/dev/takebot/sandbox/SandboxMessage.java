package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot of a message as the sandbox stores it (Discord's JSON message object, unfiltered by
 * intents).
 *
 * @param id snowflake
 * @param channelId channel or thread the message is in
 * @param authorId user id of the author (the application id for interaction responses)
 * @param content text content
 * @param flags Discord message flags (64 = ephemeral, 128 = loading)
 * @param interactionId the interaction this message answers, or {@code null}
 * @param json the full message object (a private copy)
 */
public record SandboxMessage(
    String id,
    String channelId,
    String authorId,
    String content,
    int flags,
    String interactionId,
    JsonNode json) {
  /** Flag of interaction responses only the invoking member can see. */
  public static final int EPHEMERAL = 1 << 6;

  /** Flag of a deferred response still showing "thinking...". */
  public static final int LOADING = 1 << 7;

  /** True when only the invoking member can see the message; such messages are never dispatched. */
  public boolean isEphemeral() {
    return (flags & EPHEMERAL) != 0;
  }

  /** True for a deferred interaction response that has not been filled in yet. */
  public boolean isLoading() {
    return (flags & LOADING) != 0;
  }

  /** The author's username, for transcripts. */
  public String authorName() {
    return json.path("author").path("username").asText();
  }

  /** Discord's message type (0 default, 19 reply, 20 slash command response, ...). */
  public int type() {
    return json.path("type").asInt();
  }

  /** The embeds, each with Discord's {@code type: "rich"}. */
  public List<JsonNode> embeds() {
    return list(json.path("embeds"));
  }

  /** Top-level components (action rows). */
  public List<JsonNode> components() {
    return list(json.path("components"));
  }

  /** Attachments with {@code filename}, {@code size}, {@code url}, {@code content_type}. */
  public List<JsonNode> attachments() {
    return list(json.path("attachments"));
  }

  /**
   * Every text a reader sees, one per line: the content, each embed's title, description, fields
   * and footer, and the buttons' labels.
   */
  public String visibleText() {
    StringBuilder sb = new StringBuilder(content).append('\n');
    for (JsonNode e : embeds()) {
      sb.append(e.path("title").asText()).append('\n');
      sb.append(e.path("description").asText()).append('\n');
      e.path("fields")
          .forEach(
              f ->
                  sb.append(f.path("name").asText())
                      .append('\n')
                      .append(f.path("value").asText())
                      .append('\n'));
      sb.append(e.path("footer").path("text").asText()).append('\n');
    }
    components()
        .forEach(
            row ->
                row.path("components")
                    .forEach(b -> sb.append(b.path("label").asText()).append('\n')));
    return sb.toString();
  }

  /** The {@code custom_id}s of all buttons on the message, in order. */
  public List<String> buttonIds() {
    List<String> ids = new ArrayList<>();
    collectButtons(json.path("components"), ids);
    return ids;
  }

  /** The id of the message this one replies to, or {@code null}. */
  public String referencedMessageId() {
    JsonNode ref = json.path("message_reference").path("message_id");
    return ref.isTextual() ? ref.asText() : null;
  }

  /** True once the message has been edited. */
  public boolean isEdited() {
    return json.hasNonNull("edited_timestamp");
  }

  private static void collectButtons(JsonNode components, List<String> out) {
    for (JsonNode c : components) {
      if (c.path("type").asInt() == 2 && c.hasNonNull("custom_id")) {
        out.add(c.get("custom_id").asText());
      }
      collectButtons(c.path("components"), out);
      if (c.has("accessory")) {
        collectButtons(List.of(c.get("accessory")), out);
      }
    }
  }

  private static void collectButtons(List<JsonNode> nodes, List<String> out) {
    for (JsonNode n : nodes) {
      if (n.path("type").asInt() == 2 && n.hasNonNull("custom_id")) {
        out.add(n.get("custom_id").asText());
      }
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
