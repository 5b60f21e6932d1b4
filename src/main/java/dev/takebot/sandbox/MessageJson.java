package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns message bodies into Discord's stored form: mentions resolved under {@code
 * allowed_mentions}, uploaded files turned into attachments served by the sandbox's CDN route,
 * embeds typed {@code rich}, components numbered. Confined to the {@link EngineLoop}.
 */
final class MessageJson {
  private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d+)>");
  private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d+)>");

  /** A file served by the attachment CDN route. */
  record StoredFile(String id, String filename, String contentType, byte[] bytes) {}

  private final ObjectMapper json;
  private final Snowflakes ids;
  private final Guilds guilds;
  private final Map<String, StoredFile> files = new LinkedHashMap<>();
  private volatile String httpBase = "http://127.0.0.1/";

  MessageJson(ObjectMapper json, Snowflakes ids, Guilds guilds) {
    this.json = json;
    this.ids = ids;
    this.guilds = guilds;
  }

  void httpBase(String base) {
    this.httpBase = base;
  }

  StoredFile file(String id) {
    return files.get(id);
  }

  void applyMentions(
      ObjectNode m, JsonNode allowed, Member author, String channelId, Member repliedAuthor) {
    GuildModel guild = guilds.ofChannel(channelId);
    String content = m.path("content").asText("");
    Set<String> parse = new HashSet<>(List.of("users", "roles", "everyone"));
    Set<String> allowedUsers = new HashSet<>();
    Set<String> allowedRoles = new HashSet<>();
    boolean repliedUser = true;
    if (allowed.isObject()) {
      parse.clear();
      allowed.path("parse").forEach(n -> parse.add(n.asText()));
      allowed.path("users").forEach(n -> allowedUsers.add(n.asText()));
      allowed.path("roles").forEach(n -> allowedRoles.add(n.asText()));
      repliedUser = allowed.path("replied_user").asBoolean(false);
    }
    ArrayNode mentions = m.putArray("mentions");
    Set<String> seen = new HashSet<>();
    Matcher um = USER_MENTION.matcher(content);
    while (um.find()) {
      String id = um.group(1);
      Member target = guild.members.get(id);
      if (target != null
          && (parse.contains("users") || allowedUsers.contains(id))
          && seen.add(id)) {
        ObjectNode u = guild.userJson(json, target);
        u.set("member", guild.memberJson(json, target, false));
        mentions.add(u);
      }
    }
    if (repliedAuthor != null && repliedUser && seen.add(repliedAuthor.id())) {
      ObjectNode u = guild.userJson(json, repliedAuthor);
      u.set("member", guild.memberJson(json, repliedAuthor, false));
      mentions.add(u);
    }
    ArrayNode roles = m.putArray("mention_roles");
    Matcher rm = ROLE_MENTION.matcher(content);
    Set<String> seenRoles = new HashSet<>();
    while (rm.find()) {
      String id = rm.group(1);
      if (guild.roles.containsKey(id)
          && (parse.contains("roles") || allowedRoles.contains(id))
          && seenRoles.add(id)) {
        roles.add(id);
      }
    }
    boolean everyone =
        (content.contains("@everyone") || content.contains("@here"))
            && parse.contains("everyone")
            && Permissions.has(guild.permissions(author, channelId), Permissions.MENTION_EVERYONE);
    m.put("mention_everyone", everyone);
  }

  ArrayNode buildAttachments(
      String channelId, JsonNode declared, List<Upload> uploads, ArrayNode kept) {
    ArrayNode out = kept;
    for (Upload u : uploads) {
      JsonNode meta = null;
      for (JsonNode d : declared) {
        if (d.path("id").asText().equals(Integer.toString(u.index()))) {
          meta = d;
        }
      }
      String filename =
          meta != null && meta.hasNonNull("filename")
              ? meta.get("filename").asText()
              : u.filename();
      String id = ids.next();
      String contentType = ContentTypes.detect(filename, u.bytes());
      files.put(id, new StoredFile(id, filename, contentType, u.bytes()));
      ObjectNode a = out.addObject();
      a.put("id", id);
      a.put("filename", filename);
      a.put("size", u.bytes().length);
      String url =
          httpBase
              + "attachments/"
              + channelId
              + "/"
              + id
              + "/"
              + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
      a.put("url", url);
      a.put("proxy_url", url);
      a.put("content_type", contentType);
      int[] size = ContentTypes.imageSize(u.bytes());
      if (size != null) {
        a.put("width", size[0]);
        a.put("height", size[1]);
      }
      if (meta != null
          && meta.hasNonNull("description")
          && !meta.get("description").asText().isEmpty()) {
        a.put("description", meta.get("description").asText());
      }
    }
    return out;
  }

  ArrayNode normaliseEmbeds(JsonNode embeds, ArrayNode attachments) {
    ArrayNode out = json.createArrayNode();
    if (!embeds.isArray()) {
      return out;
    }
    for (JsonNode e : embeds) {
      ObjectNode copy = stripNulls(e.deepCopy());
      if (!copy.has("type")) {
        copy.put("type", "rich");
      }
      for (String media : List.of("image", "thumbnail")) {
        JsonNode url = copy.path(media).path("url");
        if (url.isTextual() && url.asText().startsWith("attachment://")) {
          String name = url.asText().substring("attachment://".length());
          for (JsonNode a : attachments) {
            if (a.path("filename").asText().equals(name)) {
              ObjectNode mediaNode = (ObjectNode) copy.get(media);
              mediaNode.put("url", a.get("url").asText());
              mediaNode.put("proxy_url", a.get("proxy_url").asText());
              if (a.has("width")) {
                mediaNode.put("width", a.get("width").asInt());
                mediaNode.put("height", a.get("height").asInt());
              }
            }
          }
        }
      }
      out.add(copy);
    }
    return out;
  }

  /** Discord gives every component an integer {@code id}; keep given ones, number the rest. */
  ArrayNode normaliseComponents(JsonNode components) {
    ArrayNode out = json.createArrayNode();
    if (!components.isArray()) {
      return out;
    }
    components.forEach(c -> out.add(stripNulls(c.deepCopy())));
    int[] next = {1};
    Set<Integer> used = new HashSet<>();
    collectIds(out, used);
    assignIds(out, used, next);
    return out;
  }

  private static void collectIds(JsonNode node, Set<Integer> used) {
    if (node.isObject() && node.path("id").isInt()) {
      used.add(node.get("id").asInt());
    }
    node.forEach(
        child -> {
          if (child.isContainerNode()) {
            collectIds(child, used);
          }
        });
  }

  private static void assignIds(JsonNode node, Set<Integer> used, int[] next) {
    if (node.isObject()
        && node.has("type")
        && node.get("type").isInt()
        && !node.path("id").isInt()) {
      while (used.contains(next[0])) {
        next[0]++;
      }
      ((ObjectNode) node).put("id", next[0]);
      used.add(next[0]);
    }
    node.forEach(
        child -> {
          if (child.isContainerNode()) {
            assignIds(child, used, next);
          }
        });
  }

  static ObjectNode stripNulls(ObjectNode node) {
    List<String> nulls = new ArrayList<>();
    node.properties()
        .forEach(
            e -> {
              if (e.getValue().isNull()) {
                nulls.add(e.getKey());
              } else if (e.getValue().isObject()) {
                stripNulls((ObjectNode) e.getValue());
              } else if (e.getValue().isArray()) {
                e.getValue()
                    .forEach(
                        v -> {
                          if (v.isObject()) {
                            stripNulls((ObjectNode) v);
                          }
                        });
              }
            });
    nulls.forEach(node::remove);
    return node;
  }
}
