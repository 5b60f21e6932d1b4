package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Application commands, global and guild-scoped: overwrite, upsert, edit, delete, with Discord's
 * validation, stable ids across overwrites and a new {@code version} on every change. Confined to
 * the {@link EngineLoop}.
 */
final class CommandRegistry {
  private final ObjectMapper json;
  private final Snowflakes ids;
  private final Guilds guilds;
  private final String botId;
  private final Map<String, ObjectNode> globalCommands = new LinkedHashMap<>();

  /** Guild commands per guild id. */
  private final Map<String, Map<String, ObjectNode>> guildCommands = new LinkedHashMap<>();

  CommandRegistry(ObjectMapper json, Snowflakes ids, Guilds guilds) {
    this.json = json;
    this.ids = ids;
    this.guilds = guilds;
    this.botId = guilds.bot().id();
  }

  List<JsonNode> commands(boolean guildScoped) {
    return (guildScoped ? guildCommands.getOrDefault(guilds.first().id, Map.of()) : globalCommands)
        .values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
  }

  ArrayNode listCommands(String guildId) {
    Map<String, ObjectNode> target = commandMap(guildId);
    ArrayNode out = json.createArrayNode();
    target.values().forEach(c -> out.add(c.deepCopy()));
    return out;
  }

  ArrayNode overwriteCommands(String guildId, JsonNode body) {
    Map<String, ObjectNode> target = commandMap(guildId);
    if (!body.isArray()) {
      throw ApiException.invalidForm(json.createObjectNode());
    }
    for (int i = 0; i < body.size(); i++) {
      Validation.command(json, body.get(i), Integer.toString(i));
    }
    Map<String, ObjectNode> old = new LinkedHashMap<>(target);
    target.clear();
    ArrayNode out = json.createArrayNode();
    for (JsonNode c : body) {
      ObjectNode stored = commandJson(guildId, c, findByName(old, c));
      target.put(stored.get("id").asText(), stored);
      out.add(stored.deepCopy());
    }
    return out;
  }

  /** Creates or replaces one command; returns {@code [created?, json]}. */
  Object[] upsertCommand(String guildId, JsonNode body) {
    Map<String, ObjectNode> target = commandMap(guildId);
    Validation.command(json, body, "");
    ObjectNode existing = findByName(target, body);
    ObjectNode stored = commandJson(guildId, body, existing);
    target.put(stored.get("id").asText(), stored);
    return new Object[] {existing == null, stored.deepCopy()};
  }

  ObjectNode getCommand(String guildId, String commandId) {
    ObjectNode c = commandMap(guildId).get(commandId);
    if (c == null) {
      throw ApiException.unknownCommand();
    }
    return c.deepCopy();
  }

  ObjectNode editCommand(String guildId, String commandId, JsonNode patch) {
    Map<String, ObjectNode> target = commandMap(guildId);
    ObjectNode c = target.get(commandId);
    if (c == null) {
      throw ApiException.unknownCommand();
    }
    ObjectNode merged = c.deepCopy();
    patch.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
    Validation.command(json, merged, "");
    merged.put("version", ids.next());
    target.put(commandId, merged);
    return merged.deepCopy();
  }

  void deleteCommand(String guildId, String commandId) {
    if (commandMap(guildId).remove(commandId) == null) {
      throw ApiException.unknownCommand();
    }
  }

  private Map<String, ObjectNode> commandMap(String guildId) {
    if (guildId == null) {
      return globalCommands;
    }
    if (guilds.byId(guildId) == null) {
      throw new ApiException(403, 50001, "Missing Access");
    }
    return guildCommands.computeIfAbsent(guildId, g -> new LinkedHashMap<>());
  }

  private static ObjectNode findByName(Map<String, ObjectNode> commands, JsonNode c) {
    for (ObjectNode existing : commands.values()) {
      if (existing.path("name").asText().equals(c.path("name").asText())
          && existing.path("type").asInt(1) == c.path("type").asInt(1)) {
        return existing;
      }
    }
    return null;
  }

  private ObjectNode commandJson(String guildId, JsonNode c, ObjectNode existing) {
    ObjectNode n = c.deepCopy();
    n.put("id", existing != null ? existing.get("id").asText() : ids.next());
    n.put("application_id", botId);
    n.put("version", ids.next());
    if (!n.has("type")) {
      n.put("type", 1);
    }
    if (!n.has("description") || n.get("description").isNull()) {
      n.put("description", "");
    }
    if (!n.has("default_member_permissions")) {
      n.putNull("default_member_permissions");
    }
    if (!n.has("nsfw")) {
      n.put("nsfw", false);
    }
    if (!n.has("integration_types") || n.get("integration_types").isNull()) {
      n.putArray("integration_types").add(0);
    }
    if (!n.has("contexts") || n.get("contexts").isNull()) {
      n.putArray("contexts").add(0).add(1).add(2);
    }
    if (guildId != null) {
      n.put("guild_id", guildId);
    }
    return n;
  }

  /** The registered command with that name and type, guild commands first. */
  ObjectNode registeredCommand(String name, int type) {
    List<Map<String, ObjectNode>> maps = new ArrayList<>(guildCommands.values());
    maps.add(globalCommands);
    for (Map<String, ObjectNode> map : maps) {
      for (ObjectNode c : map.values()) {
        if (c.path("name").asText().equals(name) && c.path("type").asInt(1) == type) {
          return c.deepCopy();
        }
      }
    }
    return null;
  }

  /**
   * Whether Discord would show the command to the member: {@code default_member_permissions}
   * against theirs.
   */
  boolean commandVisibleTo(Member member, String channelId, String name, int type) {
    GuildModel guild = guilds.ofChannel(channelId);
    ObjectNode c = registeredCommand(name, type);
    if (c == null) {
      return false;
    }
    JsonNode required = c.path("default_member_permissions");
    if (required.isNull() || required.isMissingNode()) {
      return true;
    }
    long bits = Long.parseLong(required.asText());
    long has = guild.permissions(guild.members.getOrDefault(member.id(), member), channelId);
    return bits != 0 ? Permissions.has(has, bits) : Permissions.has(has, Permissions.ALL);
  }
}
