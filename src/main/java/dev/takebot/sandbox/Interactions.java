package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Interactions as members start them: the {@code data} of slash and context-menu commands (options
 * checked against the registered definition, {@code resolved} filled in), autocomplete, button
 * presses and modal submits, forged ones included, then INTERACTION_CREATE. Keeps every interaction
 * by id and token for {@link InteractionResponses}. Confined to the {@link EngineLoop}.
 */
final class Interactions {
  private final ObjectMapper json;
  private final Snowflakes ids;
  private final Guilds guilds;
  private final Gateway gateway;
  private final MessageJson messageJson;
  private final Messages messages;
  private final CommandRegistry commands;
  private final Map<String, InteractionState> byId = new LinkedHashMap<>();
  private final Map<String, InteractionState> byToken = new LinkedHashMap<>();

  /** How long after their creation interactions reach the bot ({@link #deliverLate}). */
  private Duration lateness = Duration.ZERO;

  /** Each user's client language by user id, sent as an interaction's {@code locale}. */
  private final Map<String, String> userLocales = new java.util.HashMap<>();

  Interactions(
      ObjectMapper json,
      Snowflakes ids,
      Guilds guilds,
      Gateway gateway,
      MessageJson messageJson,
      Messages messages,
      CommandRegistry commands) {
    this.json = json;
    this.ids = ids;
    this.guilds = guilds;
    this.gateway = gateway;
    this.messageJson = messageJson;
    this.messages = messages;
    this.commands = commands;
  }

  /** The language the user's Discord client is set to, e.g. {@code fr}; en-US until set. */
  void setUserLocale(Member member, String locale) {
    userLocales.put(member.id(), java.util.Objects.requireNonNull(locale, "locale"));
  }

  /**
   * Interactions started from now on reach the bot {@code lateness} after Discord created them (a
   * lagging gateway), their ids and acknowledgement window dated from then; zero ends it.
   */
  void deliverLate(Duration lateness) {
    this.lateness = Objects.requireNonNull(lateness, "lateness");
  }

  InteractionState byId(String id) {
    return byId.get(id);
  }

  InteractionState byToken(String token) {
    return byToken.get(token);
  }

  InteractionState slash(Member member, Channel channel, String command, Map<String, ?> options) {
    String[] path = command.trim().split("\\s+");
    ObjectNode registered = registeredSlash(path[0]);
    ObjectNode data = commandData(registered, path[0], 1);
    if (registered.has("guild_id")) {
      data.put("guild_id", registered.get("guild_id").asText());
    }
    ObjectNode resolved = json.createObjectNode();
    Subcommand leaf = subcommand(command, path, registered, data);
    ArrayNode target = leaf.options();
    JsonNode defs = leaf.defs();
    for (JsonNode def : defs) {
      int t = def.path("type").asInt();
      if (t == 1 || t == 2) {
        throw new IllegalArgumentException(
            "/"
                + command
                + " needs a subcommand, e.g. '"
                + command
                + " "
                + def.path("name").asText()
                + "'");
      }
      if (def.path("required").asBoolean(false)
          && !options.containsKey(def.path("name").asText())) {
        throw new IllegalArgumentException(
            "/" + command + ": required option '" + def.path("name").asText() + "' is missing");
      }
    }
    for (Map.Entry<String, ?> e : options.entrySet()) {
      JsonNode def = find(defs, e.getKey());
      if (def == null) {
        throw new IllegalArgumentException("/" + command + ": unknown option '" + e.getKey() + "'");
      }
      target.add(
          option(e.getKey(), def.path("type").asInt(), e.getValue(), member, channel, resolved));
    }
    if (!resolved.isEmpty()) {
      data.set("resolved", resolved);
    }
    InteractionState s =
        create(InteractionState.APPLICATION_COMMAND, member, channel.id(), data, null, 20);
    return s;
  }

  InteractionState messageCommand(Member member, SandboxMessage target, String name) {
    ObjectNode registered = commands.registeredCommand(name, 3);
    if (registered == null) {
      throw new IllegalArgumentException(
          "no message command '" + name + "' is registered; registered: " + registeredNames());
    }
    ObjectNode data = commandData(registered, name, 3);
    data.put("target_id", target.id());
    if (registered.has("guild_id")) {
      data.put("guild_id", registered.get("guild_id").asText());
    }
    ObjectNode resolvedMessage = messages.current(target.id()).json.deepCopy();
    data.putObject("resolved").putObject("messages").set(target.id(), resolvedMessage);
    InteractionState s =
        create(InteractionState.APPLICATION_COMMAND, member, target.channelId(), data, null, 23);
    return s;
  }

  InteractionState pressButton(Member member, SandboxMessage message, String customId) {
    SandboxMessage current = messages.message(message.id());
    if (current == null) {
      throw new IllegalArgumentException("message " + message.id() + " no longer exists");
    }
    JsonNode button = findButton(current.json().path("components"), customId);
    if (button == null) {
      throw new IllegalArgumentException(
          "no button '"
              + customId
              + "' on message "
              + message.id()
              + "; buttons: "
              + current.buttonIds());
    }
    if (button.path("disabled").asBoolean(false)) {
      throw new IllegalStateException("button '" + customId + "' is disabled");
    }
    ObjectNode data = json.createObjectNode();
    data.put("custom_id", customId);
    data.put("component_type", 2);
    if (button.has("id")) {
      data.put("id", button.get("id").asInt());
    }
    InteractionState s =
        create(
            InteractionState.MESSAGE_COMPONENT, member, current.channelId(), data, current.id(), 0);
    return s;
  }

  /**
   * A member picks {@code values} in a role select (type 6) or channel select (type 8) on a
   * message: {@code data.values} holds their ids and {@code data.resolved} their objects, as
   * Discord sends.
   */
  InteractionState selectEntities(
      Member member, SandboxMessage message, String customId, List<?> values) {
    GuildModel guild = guilds.ofChannel(message.channelId());
    SandboxMessage current = messages.message(message.id());
    if (current == null) {
      throw new IllegalArgumentException("message " + message.id() + " no longer exists");
    }
    JsonNode select = findComponent(current.json().path("components"), customId);
    int type = select == null ? 0 : select.path("type").asInt();
    if (type != 6 && type != 8) {
      throw new IllegalArgumentException(
          "no role or channel select '" + customId + "' on message " + message.id());
    }
    if (values.size() < select.path("min_values").asInt(1)
        || values.size() > select.path("max_values").asInt(1)) {
      throw new IllegalArgumentException(
          "select '" + customId + "' takes between its min_values and max_values: " + values);
    }
    ObjectNode data = json.createObjectNode();
    data.put("custom_id", customId);
    data.put("component_type", type);
    ArrayNode ids = data.putArray("values");
    ObjectNode resolved = data.putObject("resolved");
    for (Object v : values) {
      if (type == 8) {
        Channel c = (Channel) expect(customId, v, Channel.class);
        ids.add(c.id());
        Validation.child(resolved, "channels")
            .set(c.id(), guild.resolvedChannelJson(json, c, member));
      } else {
        Role r = (Role) expect(customId, v, Role.class);
        ids.add(r.id());
        Validation.child(resolved, "roles").set(r.id(), guild.roleJson(json, r));
      }
    }
    return create(
        InteractionState.MESSAGE_COMPONENT, member, current.channelId(), data, current.id(), 0);
  }

  InteractionState pressForgedButton(Member member, SandboxMessage message, String customId) {
    if (messages.message(message.id()) == null) {
      throw new IllegalArgumentException("message " + message.id() + " no longer exists");
    }
    ObjectNode data = json.createObjectNode();
    data.put("custom_id", customId);
    data.put("component_type", 2);
    InteractionState s =
        create(
            InteractionState.MESSAGE_COMPONENT, member, message.channelId(), data, message.id(), 0);
    return s;
  }

  InteractionState autocomplete(
      Member member, Channel channel, String command, String option, String typed) {
    String[] path = command.trim().split("\\s+");
    ObjectNode registered = registeredSlash(path[0]);
    ObjectNode data = commandData(registered, path[0], 1);
    Subcommand leaf = subcommand(command, path, registered, data);
    ArrayNode target = leaf.options();
    JsonNode defs = leaf.defs();
    JsonNode def = find(defs, option);
    if (def == null || !def.path("autocomplete").asBoolean(false)) {
      throw new IllegalArgumentException(
          "/" + command + ": option '" + option + "' is not autocompleted");
    }
    ObjectNode focused = target.addObject();
    focused.put("type", def.path("type").asInt());
    focused.put("name", option);
    focused.put("value", typed);
    focused.put("focused", true);
    InteractionState s = create(InteractionState.AUTOCOMPLETE, member, channel.id(), data, null, 0);
    return s;
  }

  InteractionState submitModal(
      Member member, InteractionHandle opener, Map<String, String> values) {
    InteractionState origin = byId(opener.id());
    if (origin.modal == null) {
      throw new IllegalStateException("the bot has not answered " + opener + " with a modal");
    }
    Map<String, String> remaining = new LinkedHashMap<>(values);
    ObjectNode data = json.createObjectNode();
    data.put("custom_id", origin.modal.path("custom_id").asText());
    ArrayNode out = data.putArray("components");
    for (JsonNode c : origin.modal.path("components")) {
      out.add(submitted(c, remaining));
    }
    if (!remaining.isEmpty()) {
      throw new IllegalArgumentException("the modal has no inputs " + remaining.keySet());
    }
    InteractionState s =
        create(
            InteractionState.MODAL_SUBMIT,
            member,
            origin.channelId,
            data,
            origin.sourceMessageId,
            0);
    return s;
  }

  InteractionState submitModal(
      Member member, Channel channel, String customId, Map<String, String> values) {
    ObjectNode data = json.createObjectNode();
    data.put("custom_id", customId);
    ArrayNode out = data.putArray("components");
    int id = 1;
    for (Map.Entry<String, String> e : values.entrySet()) {
      ObjectNode label = out.addObject();
      label.put("type", 18);
      label.put("id", id++);
      ObjectNode input = label.putObject("component");
      input.put("type", 4);
      input.put("id", id++);
      input.put("custom_id", e.getKey());
      input.put("value", e.getValue());
    }
    InteractionState s = create(InteractionState.MODAL_SUBMIT, member, channel.id(), data, null, 0);
    return s;
  }

  private ObjectNode submitted(JsonNode component, Map<String, String> values) {
    ObjectNode n = json.createObjectNode();
    int type = component.path("type").asInt();
    n.put("type", type);
    if (component.has("id")) {
      n.put("id", component.get("id").asInt());
    }
    switch (type) {
      case 18 -> n.set("component", submitted(component.path("component"), values));
      case 1 -> {
        ArrayNode children = n.putArray("components");
        component.path("components").forEach(child -> children.add(submitted(child, values)));
      }
      case 4 -> {
        String customId = component.path("custom_id").asText();
        String value = values.remove(customId);
        boolean required = component.path("required").asBoolean(true);
        if (value == null || value.isEmpty()) {
          if (required) {
            throw new IllegalArgumentException("modal input '" + customId + "' is required");
          }
          value = "";
        }
        int length = value.codePointCount(0, value.length());
        if (!value.isEmpty()
            && (length < component.path("min_length").asInt(0)
                || length > component.path("max_length").asInt(4000))) {
          throw new IllegalArgumentException(
              "modal input '"
                  + customId
                  + "' must be between "
                  + component.path("min_length").asInt(0)
                  + " and "
                  + component.path("max_length").asInt(4000)
                  + " characters, got "
                  + length);
        }
        n.put("custom_id", customId);
        n.put("value", value);
      }
      case 3 -> {
        String customId = component.path("custom_id").asText();
        String value = values.remove(customId);
        n.put("custom_id", customId);
        n.put("component_type", 3);
        ArrayNode chosen = n.putArray("values");
        if (value != null && !value.isEmpty()) {
          for (String v : value.split(",")) {
            chosen.add(v.trim());
          }
        }
      }
      default -> {
        /* text displays and other static components come back with type and id only */
      }
    }
    return n;
  }

  private ObjectNode option(
      String name, int type, Object value, Member invoker, Channel channel, ObjectNode resolved) {
    GuildModel guild = guilds.ofChannel(channel.id());
    ObjectNode o = json.createObjectNode();
    o.put("name", name);
    o.put("type", type);
    switch (type) {
      case 3 -> o.put("value", String.valueOf(value));
      case 4 -> o.put("value", ((Number) expect(name, value, Number.class)).longValue());
      case 10 -> o.put("value", ((Number) expect(name, value, Number.class)).doubleValue());
      case 5 -> o.put("value", (Boolean) expect(name, value, Boolean.class));
      case 6 -> resolveMember(o, (Member) expect(name, value, Member.class), resolved);
      case 7 -> {
        Channel c = (Channel) expect(name, value, Channel.class);
        o.put("value", c.id());
        Validation.child(resolved, "channels")
            .set(c.id(), guild.resolvedChannelJson(json, c, invoker));
      }
      case 8 -> {
        Role r = (Role) expect(name, value, Role.class);
        o.put("value", r.id());
        Validation.child(resolved, "roles").set(r.id(), guild.roleJson(json, r));
      }
      case 9 -> {
        if (value instanceof Role r) {
          o.put("value", r.id());
          Validation.child(resolved, "roles").set(r.id(), guild.roleJson(json, r));
        } else {
          resolveMember(o, (Member) expect(name, value, Member.class), resolved);
        }
      }
      case 11 -> {
        FileUpload f = (FileUpload) expect(name, value, FileUpload.class);
        ObjectNode attachment = storeCommandAttachment(channel.id(), f);
        o.put("value", attachment.get("id").asText());
        Validation.child(resolved, "attachments").set(attachment.get("id").asText(), attachment);
      }
      default ->
          throw new IllegalArgumentException("option '" + name + "' has unsupported type " + type);
    }
    return o;
  }

  private void resolveMember(ObjectNode o, Member m, ObjectNode resolved) {
    GuildModel guild = guilds.ofMember(m.id());
    o.put("value", m.id());
    Validation.child(resolved, "users").set(m.id(), guild.userJson(json, m));
    Validation.child(resolved, "members").set(m.id(), guild.memberJson(json, m, false));
  }

  private static Object expect(String name, Object value, Class<?> type) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "option '"
              + name
              + "' needs a "
              + type.getSimpleName()
              + ", got "
              + (value == null ? "null" : value.getClass().getSimpleName()));
    }
    return value;
  }

  private ObjectNode registeredSlash(String name) {
    ObjectNode registered = commands.registeredCommand(name, 1);
    if (registered == null) {
      throw new IllegalArgumentException(
          "no slash command /" + name + " is registered; registered: " + registeredNames());
    }
    return registered;
  }

  /** The {@code data} of an application-command interaction, as Discord starts it. */
  private ObjectNode commandData(ObjectNode registered, String name, int type) {
    ObjectNode data = json.createObjectNode();
    data.put("id", registered.get("id").asText());
    data.put("name", name);
    data.put("type", type);
    return data;
  }

  /** The innermost {@code options} array of an invocation and the option definitions it takes. */
  private record Subcommand(ArrayNode options, JsonNode defs) {}

  /**
   * Nests the subcommand group and subcommand that {@code path} names (after the command itself)
   * into {@code data}'s options.
   */
  private static Subcommand subcommand(
      String command, String[] path, ObjectNode registered, ObjectNode data) {
    JsonNode defs = registered.path("options");
    ArrayNode target = data.putArray("options");
    for (int i = 1; i < path.length; i++) {
      JsonNode def = find(defs, path[i]);
      if (def == null || (def.path("type").asInt() != 1 && def.path("type").asInt() != 2)) {
        throw new IllegalArgumentException("/" + command + ": no subcommand '" + path[i] + "'");
      }
      ObjectNode o = target.addObject();
      o.put("type", def.get("type").asInt());
      o.put("name", path[i]);
      target = o.putArray("options");
      defs = def.path("options");
    }
    return new Subcommand(target, defs);
  }

  private static JsonNode find(JsonNode defs, String name) {
    for (JsonNode d : defs) {
      if (d.path("name").asText().equals(name)) {
        return d;
      }
    }
    return null;
  }

  private static JsonNode findComponent(JsonNode components, String customId) {
    for (JsonNode c : components) {
      if (customId.equals(c.path("custom_id").asText(null))) {
        return c;
      }
      JsonNode nested = findComponent(c.path("components"), customId);
      if (nested != null) {
        return nested;
      }
    }
    return null;
  }

  private static JsonNode findButton(JsonNode components, String customId) {
    for (JsonNode c : components) {
      if (c.path("type").asInt() == 2 && customId.equals(c.path("custom_id").asText(null))) {
        return c;
      }
      JsonNode nested = findButton(c.path("components"), customId);
      if (nested != null) {
        return nested;
      }
      if (c.has("accessory")
          && c.get("accessory").path("type").asInt() == 2
          && customId.equals(c.get("accessory").path("custom_id").asText(null))) {
        return c.get("accessory");
      }
    }
    return null;
  }

  private List<String> registeredNames() {
    List<String> names = new ArrayList<>();
    commands.commands(true).forEach(c -> names.add(c.path("name").asText()));
    commands.commands(false).forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  /**
   * Registers the interaction and dispatches INTERACTION_CREATE, as a member's client makes Discord
   * do.
   */
  private InteractionState create(
      int type,
      Member member,
      String channelId,
      ObjectNode data,
      String sourceMessageId,
      int responseType) {
    GuildModel guild = guilds.ofChannel(channelId);
    GuildModel.ChannelData channel = guild.channelData(channelId);
    Member m = guild.members.get(member.id());
    if (m == null) {
      throw new IllegalArgumentException("not a member: " + member.name());
    }
    long perms = guild.permissions(m, channelId);
    if (!Permissions.has(perms, Permissions.VIEW_CHANNEL)) {
      throw new IllegalStateException(m.name() + " cannot see #" + channel.channel.name());
    }
    String id = lateness.isZero() ? ids.next() : ids.minted(lateness);
    byte[] random = new byte[48];
    ThreadLocalRandom.current().nextBytes(random);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String interactionToken =
        "aW50ZXJhY3Rpb246"
            + b64.encodeToString((id + ":").getBytes(StandardCharsets.UTF_8))
            + b64.encodeToString(random);
    ObjectNode p = json.createObjectNode();
    p.put("id", id);
    p.put("application_id", guild.bot.id());
    p.put("type", type);
    p.set("data", data);
    p.put("guild_id", guild.id);
    ObjectNode g = p.putObject("guild");
    g.put("id", guild.id);
    g.put("locale", guild.preferredLocale);
    g.putArray("features");
    p.put("channel_id", channelId);
    ObjectNode ch = guild.channelJson(json, channel, true);
    ch.put("permissions", Long.toString(perms));
    p.set("channel", ch);
    ObjectNode mem = guild.memberJson(json, m, true);
    mem.put("permissions", Long.toString(perms));
    p.set("member", mem);
    p.put("token", interactionToken);
    p.put("version", 1);
    p.put("app_permissions", Long.toString(guild.permissions(guild.bot, channelId)));
    p.put("locale", userLocales.getOrDefault(m.id(), "en-US"));
    p.put("guild_locale", guild.preferredLocale);
    p.putArray("entitlements");
    p.putObject("authorizing_integration_owners").put("0", guild.id);
    p.put("context", 0);
    p.put("attachment_size_limit", 26_214_400);
    if (sourceMessageId != null) {
      StoredMessage source = messages.byId(sourceMessageId);
      if (source != null) {
        p.set("message", messages.currentJson(source));
      }
    }
    InteractionState s =
        new InteractionState(
            id,
            interactionToken,
            type,
            Snowflakes.timeOf(id),
            m,
            channelId,
            p,
            sourceMessageId,
            responseType);
    byId.put(id, s);
    byToken.put(interactionToken, s);
    gateway.dispatch("INTERACTION_CREATE", p.deepCopy(), 0);
    return s;
  }

  /** Stores a file a member attached to a command and returns its resolved attachment object. */
  ObjectNode storeCommandAttachment(String channelId, FileUpload upload) {
    ArrayNode arr =
        messageJson.buildAttachments(
            channelId,
            json.createArrayNode(),
            List.of(new Upload(0, upload.filename(), upload.bytes())),
            json.createArrayNode());
    ObjectNode a = (ObjectNode) arr.get(0);
    a.put("ephemeral", true);
    return a;
  }
}
