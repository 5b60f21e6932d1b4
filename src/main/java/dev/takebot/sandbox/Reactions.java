package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reactions by the bot (REST) and by members (tests): who reacted with what, the {@code reactions}
 * counts on the message and the MESSAGE_REACTION_* dispatches. Confined to the {@link EngineLoop}.
 */
final class Reactions {
  private final ObjectMapper json;
  private final Guilds guilds;
  private final Gateway gateway;
  private final Messages messages;

  /** User ids by "messageId/emoji". */
  private final Map<String, Set<String>> users = new LinkedHashMap<>();

  Reactions(ObjectMapper json, Guilds guilds, Gateway gateway, Messages messages) {
    this.json = json;
    this.guilds = guilds;
    this.gateway = gateway;
    this.messages = messages;
  }

  /**
   * Adds or removes {@code member}'s reaction; {@code emoji} is unicode or {@code name:id} for a
   * custom one.
   */
  void react(Member member, String channelId, String messageId, String emoji, boolean add) {
    GuildModel guild = guilds.ofChannel(channelId);
    StoredMessage sm = messages.stored(channelId, messageId);
    if (member.id().equals(guild.bot.id())) {
      guild.requireBot(channelId, Permissions.READ_MESSAGE_HISTORY);
      if (add) {
        guild.requireBot(channelId, Permissions.ADD_REACTIONS);
      }
    }
    Set<String> reacted = users.computeIfAbsent(sm.id + "/" + emoji, k -> new LinkedHashSet<>());
    boolean changed = add ? reacted.add(member.id()) : reacted.remove(member.id());
    if (!changed) {
      return;
    }
    int colon = emoji.lastIndexOf(':');
    String name = colon > 0 ? emoji.substring(0, colon) : emoji;
    String emojiId = colon > 0 ? emoji.substring(colon + 1) : null;
    count(sm, name, emojiId, reacted);

    ObjectNode d = json.createObjectNode();
    d.put("user_id", member.id());
    d.put("channel_id", channelId);
    d.put("message_id", messageId);
    d.put("guild_id", guild.id);
    if (add) {
      d.set("member", guild.memberJson(json, member, true));
      d.put("message_author_id", sm.author.id());
    }
    emojiJson(d.putObject("emoji"), name, emojiId);
    d.put("burst", false);
    d.put("type", 0);
    gateway.dispatch(
        add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE",
        d,
        Gateway.GUILD_MESSAGE_REACTIONS);
  }

  /**
   * Updates the message's entry for the emoji; the entry goes when nobody reacts with it any more.
   */
  private void count(StoredMessage sm, String name, String emojiId, Set<String> reacted) {
    ArrayNode reactions =
        sm.json.get("reactions") instanceof ArrayNode existing
            ? existing
            : sm.json.putArray("reactions");
    int index = -1;
    for (int i = 0; i < reactions.size(); i++) {
      if (reactions.get(i).path("emoji").path("name").asText().equals(name)) {
        index = i;
      }
    }
    if (reacted.isEmpty()) {
      if (index >= 0) {
        reactions.remove(index);
      }
      return;
    }
    ObjectNode entry = index >= 0 ? (ObjectNode) reactions.get(index) : reactions.addObject();
    if (index < 0) {
      emojiJson(entry.putObject("emoji"), name, emojiId);
    }
    entry.put("count", reacted.size());
    ObjectNode details = entry.putObject("count_details");
    details.put("burst", 0);
    details.put("normal", reacted.size());
    entry.put("me", reacted.contains(guilds.bot().id()));
    entry.put("me_burst", false);
    entry.put("burst_me", false);
  }

  private static void emojiJson(ObjectNode e, String name, String emojiId) {
    if (emojiId == null) {
      e.putNull("id");
    } else {
      e.put("id", emojiId);
    }
    e.put("name", name);
  }
}
