package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Interactions end to end: INTERACTION_CREATE payloads for members' commands, clicks and modal submits, and the
 * bot's side — callbacks (types 4, 5, 6, 7, 8, 9) with Discord's 3-second window and single acknowledgement, and
 * the webhook routes for follow-ups and {@code @original}. Called with the engine lock held.
 */
final class Interactions {
  private static final Duration ACK_WINDOW = Duration.ofSeconds(3);
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

  private final SandboxEngine engine;
  private final Object lock;
  private final ObjectMapper json;
  private final Clock clock;
  private final Snowflakes ids;
  private final GuildModel guild;
  private final Gateway gateway;
  private final MessageJson messageJson;
  private final Map<String, InteractionState> interactions = new LinkedHashMap<>();
  private final Map<String, InteractionState> interactionsByToken = new LinkedHashMap<>();

  Interactions(SandboxEngine engine, MessageJson messageJson) {
    this.engine = engine;
    this.lock = engine;
    this.json = engine.json;
    this.clock = engine.clock;
    this.ids = engine.ids;
    this.guild = engine.guild;
    this.gateway = engine.gateway;
    this.messageJson = messageJson;
  }

  InteractionState interaction(String id) {
    return interactions.get(id);
  }

  InteractionState createInteraction(int type, Member member, String channelId, ObjectNode data,
                          String sourceMessageId, int responseType) {
    GuildModel.ChannelData channel = engine.channelData(channelId);
    Member m = guild.members.get(member.id());
    if (m == null) {
      throw new IllegalArgumentException("not a member: " + member.name());
    }
    long perms = guild.permissions(m, channelId);
    if (!Permissions.has(perms, Permissions.VIEW_CHANNEL)) {
      throw new IllegalStateException(m.name() + " cannot see #" + channel.channel.name());
    }
    String id = ids.next();
    byte[] random = new byte[48];
    ThreadLocalRandom.current().nextBytes(random);
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String interactionToken = "aW50ZXJhY3Rpb246" + b64.encodeToString((id + ":").getBytes(StandardCharsets.UTF_8))
        + b64.encodeToString(random);
    ObjectNode p = json.createObjectNode();
    p.put("id", id);
    p.put("application_id", guild.bot.id());
    p.put("type", type);
    p.set("data", data);
    p.put("guild_id", guild.id);
    ObjectNode g = p.putObject("guild");
    g.put("id", guild.id);
    g.put("locale", "en-US");
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
    p.put("locale", "en-US");
    p.put("guild_locale", "en-US");
    p.putArray("entitlements");
    p.putObject("authorizing_integration_owners").put("0", guild.id);
    p.put("context", 0);
    p.put("attachment_size_limit", 26_214_400);
    if (sourceMessageId != null) {
      SandboxEngine.StoredMessage source = engine.storedById(sourceMessageId);
      if (source != null) {
        p.set("message", engine.currentJson(source));
      }
    }
    InteractionState s = new InteractionState(id, interactionToken, type, Snowflakes.timeOf(id), m, channelId, p,
        sourceMessageId, responseType);
    interactions.put(id, s);
    interactionsByToken.put(interactionToken, s);
    gateway.dispatch("INTERACTION_CREATE", p.deepCopy(), 0);
    lock.notifyAll();
    return s;
  }

  /** Stores a file a member attached to a command and returns its resolved attachment object. */
  ObjectNode storeCommandAttachment(String channelId, FileUpload upload) {
    ArrayNode arr = messageJson.buildAttachments(channelId, json.createArrayNode(),
        List.of(new SandboxEngine.Upload(0, upload.filename(), upload.bytes())), json.createArrayNode());
    ObjectNode a = (ObjectNode) arr.get(0);
    a.put("ephemeral", true);
    return a;
  }

  /** Handles {@code POST interactions/{id}/{token}/callback}; returns the 200 body. */
  ObjectNode interactionCallback(String id, String interactionToken, JsonNode body, List<SandboxEngine.Upload> uploads) {
    InteractionState s = interactions.get(id);
    if (s == null || !s.token.equals(interactionToken)) {
      throw ApiException.unknownInteraction();
    }
    if (s.callbackType != null) {
      throw ApiException.alreadyAcknowledged();
    }
    if (Duration.between(s.createdAt, clock.instant()).compareTo(ACK_WINDOW) > 0) {
      throw ApiException.unknownInteraction();
    }
    int type = body.path("type").asInt(-1);
    JsonNode data = body.path("data");
    boolean componentLike = s.type == InteractionState.MESSAGE_COMPONENT
        || (s.type == InteractionState.MODAL_SUBMIT && s.sourceMessageId != null);
    boolean valid = switch (type) {
      case 4, 5 -> s.type != InteractionState.AUTOCOMPLETE;
      case 6, 7 -> componentLike;
      case 8 -> s.type == InteractionState.AUTOCOMPLETE;
      case 9 -> s.type == InteractionState.APPLICATION_COMMAND || s.type == InteractionState.MESSAGE_COMPONENT;
      default -> false;
    };
    if (!valid) {
      ObjectNode errors = json.createObjectNode();
      ObjectNode e = errors.putObject("type").putArray("_errors").addObject();
      e.put("code", "INTERACTION_RESPONSE_TYPE_INVALID");
      e.put("message", "Interaction response type " + type + " is not valid for this interaction");
      throw ApiException.invalidForm(errors);
    }
    ObjectNode resource = json.createObjectNode();
    resource.put("type", type);
    SandboxEngine.StoredMessage message = null;
    switch (type) {
      case 4 -> {
        Validation.message(json, data, uploads.size(), 0, true);
        int flags = data.path("flags").asInt() & (SandboxMessage.EPHEMERAL | 1 << 2 | 1 << 12 | 1 << 15);
        message = engine.insertMessage(s.channelId, guild.bot, s.responseMessageType, data, uploads, flags, true);
        decorateResponse(s, message);
        s.originalMessageId = message.id;
        engine.dispatchMessage("MESSAGE_CREATE", message);
      }
      case 5 -> {
        int flags = SandboxMessage.LOADING | (data.path("flags").asInt() & SandboxMessage.EPHEMERAL);
        message = engine.insertMessage(s.channelId, guild.bot, s.responseMessageType, json.createObjectNode(),
            List.of(), flags, true);
        decorateResponse(s, message);
        s.originalMessageId = message.id;
        s.originalLoading = true;
        engine.dispatchMessage("MESSAGE_CREATE", message);
      }
      case 6 -> s.originalMessageId = s.sourceMessageId;
      case 7 -> {
        s.originalMessageId = s.sourceMessageId;
        message = engine.storedById(s.sourceMessageId);
        if (message == null || message.deleted) {
          throw ApiException.unknownMessage();
        }
        engine.applyEdit(message, data, uploads, true);
        engine.dispatchMessage("MESSAGE_UPDATE", message);
      }
      case 8 -> s.autocompleteChoices = data.deepCopy();
      case 9 -> {
        ObjectNode modal = data.deepCopy();
        ObjectNode errors = json.createObjectNode();
        if (Validation.text(modal, "custom_id") == null) {
          errors.putObject("data").putObject("custom_id").putArray("_errors").addObject()
              .put("code", "BASE_TYPE_REQUIRED").put("message", "This field is required");
        }
        String title = Validation.text(modal, "title");
        if (title == null || Validation.length(title) > 45) {
          SandboxEngine.child(errors, "data").putObject("title").putArray("_errors").addObject()
              .put("code", "BASE_TYPE_BAD_LENGTH").put("message", "Must be between 1 and 45 in length.");
        }
        int count = modal.path("components").size();
        if (count < 1 || count > 5) {
          SandboxEngine.child(errors, "data").putObject("components").putArray("_errors").addObject()
              .put("code", "BASE_TYPE_BAD_LENGTH").put("message", "Must be between 1 and 5 in length.");
        }
        if (!errors.isEmpty()) {
          throw ApiException.invalidForm(errors);
        }
        modal.set("components", messageJson.normaliseComponents(modal.path("components")));
        s.modal = modal;
      }
      default -> throw new IllegalStateException("unreachable");
    }
    s.callbackType = type;
    s.acknowledgedAt = clock.instant();
    ObjectNode out = json.createObjectNode();
    ObjectNode inter = out.putObject("interaction");
    inter.put("id", s.id);
    inter.put("type", s.type);
    if (message != null) {
      inter.put("response_message_id", message.id);
      inter.put("response_message_loading", (message.flags() & SandboxMessage.LOADING) != 0);
      inter.put("response_message_ephemeral", message.ephemeral());
      resource.set("message", message.json.deepCopy());
    }
    out.set("resource", resource);
    lock.notifyAll();
    return out;
  }

  private void decorateResponse(InteractionState s, SandboxEngine.StoredMessage message) {
    message.interactionId = s.id;
    ObjectNode meta = message.json.putObject("interaction_metadata");
    meta.put("id", s.id);
    meta.put("type", s.type);
    meta.set("user", guild.userJson(json, s.member));
    meta.putObject("authorizing_integration_owners").put("0", guild.id);
    if (s.type == InteractionState.APPLICATION_COMMAND) {
      String name = s.payload.path("data").path("name").asText();
      meta.put("name", name);
      ObjectNode legacy = message.json.putObject("interaction");
      legacy.put("id", s.id);
      legacy.put("type", s.type);
      legacy.put("name", name);
      legacy.set("user", guild.userJson(json, s.member));
      ObjectNode member = guild.memberJson(json, s.member, false);
      legacy.set("member", member);
    }
    if (s.sourceMessageId != null) {
      meta.put("interacted_message_id", s.sourceMessageId);
    }
  }

  private InteractionState byToken(String applicationId, String interactionToken) {
    InteractionState s = interactionsByToken.get(interactionToken);
    if (s == null || !applicationId.equals(guild.bot.id()) || s.callbackType == null) {
      throw ApiException.unknownWebhook();
    }
    if (Duration.between(s.createdAt, clock.instant()).compareTo(TOKEN_LIFETIME) > 0) {
      throw ApiException.invalidWebhookToken();
    }
    return s;
  }

  /** {@code POST webhooks/{app}/{token}}: a follow-up, or the first one filling a deferred reply. */
  ObjectNode followUp(String applicationId, String interactionToken, JsonNode body, List<SandboxEngine.Upload> uploads) {
    InteractionState s = byToken(applicationId, interactionToken);
    Validation.message(json, body, uploads.size(), 0, true);
    SandboxEngine.StoredMessage message;
    if (s.originalLoading) {
      message = engine.storedById(s.originalMessageId);
      int ephemeral = message.flags() & SandboxMessage.EPHEMERAL;
      ObjectNode patch = body.deepCopy();
      patch.remove("flags");
      engine.applyEdit(message, patch, uploads, false);
      message.json.put("flags", ephemeral | (body.path("flags").asInt() & (1 << 2 | 1 << 12)));
      s.originalLoading = false;
      engine.dispatchMessage("MESSAGE_UPDATE", message);
    } else {
      int flags = body.path("flags").asInt() & (SandboxMessage.EPHEMERAL | 1 << 2 | 1 << 12 | 1 << 15);
      message = engine.insertMessage(s.channelId, guild.bot, 0, body, uploads, flags, true);
      message.interactionId = s.id;
      ObjectNode meta = message.json.putObject("interaction_metadata");
      meta.put("id", s.id);
      meta.put("type", s.type);
      meta.set("user", guild.userJson(json, s.member));
      meta.putObject("authorizing_integration_owners").put("0", guild.id);
      s.followUpIds.add(message.id);
      engine.dispatchMessage("MESSAGE_CREATE", message);
    }
    lock.notifyAll();
    return message.json.deepCopy();
  }

  private SandboxEngine.StoredMessage webhookMessage(InteractionState s, String messageId) {
    String id = "@original".equals(messageId) ? s.originalMessageId : messageId;
    if (id == null || !(id.equals(s.originalMessageId) || s.followUpIds.contains(id))) {
      throw ApiException.unknownMessage();
    }
    SandboxEngine.StoredMessage m = engine.storedById(id);
    if (m == null || m.deleted) {
      throw ApiException.unknownMessage();
    }
    return m;
  }

  ObjectNode webhookEdit(String applicationId, String interactionToken, String messageId, JsonNode body,
                    List<SandboxEngine.Upload> uploads) {
    InteractionState s = byToken(applicationId, interactionToken);
    SandboxEngine.StoredMessage m = webhookMessage(s, messageId);
    boolean filling = s.originalLoading && m.id.equals(s.originalMessageId);
    ObjectNode patch = body.deepCopy();
    patch.remove("flags");
    engine.applyEdit(m, patch, uploads, !filling);
    if (filling) {
      m.json.put("flags", m.flags() & ~SandboxMessage.LOADING);
      s.originalLoading = false;
    }
    engine.dispatchMessage("MESSAGE_UPDATE", m);
    lock.notifyAll();
    return m.json.deepCopy();
  }

  ObjectNode webhookGet(String applicationId, String interactionToken, String messageId) {
    return webhookMessage(byToken(applicationId, interactionToken), messageId).json.deepCopy();
  }

  void webhookDelete(String applicationId, String interactionToken, String messageId) {
    InteractionState s = byToken(applicationId, interactionToken);
    engine.deleteStored(webhookMessage(s, messageId));
    lock.notifyAll();
  }
}
