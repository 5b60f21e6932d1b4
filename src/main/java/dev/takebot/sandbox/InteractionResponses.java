package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The bot's side of interactions: callbacks (types 4 to 9) with Discord's 3-second window and
 * single acknowledgement, and the webhook routes for follow-ups and {@code @original}, valid 15
 * minutes. Confined to the {@link EngineLoop}.
 */
final class InteractionResponses {
  private static final Duration ACK_WINDOW = Duration.ofSeconds(3);
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

  private final ObjectMapper json;
  private final Clock clock;
  private final Guilds guilds;
  private final MessageJson messageJson;
  private final Messages messages;
  private final Interactions interactions;

  InteractionResponses(
      ObjectMapper json,
      Clock clock,
      Guilds guilds,
      MessageJson messageJson,
      Messages messages,
      Interactions interactions) {
    this.json = json;
    this.clock = clock;
    this.guilds = guilds;
    this.messageJson = messageJson;
    this.messages = messages;
    this.interactions = interactions;
  }

  /** Handles {@code POST interactions/{id}/{token}/callback}; returns the 200 body. */
  ObjectNode interactionCallback(
      String id, String interactionToken, JsonNode body, List<Upload> uploads) {
    InteractionState s = interactions.byId(id);
    if (s == null || !s.token.equals(interactionToken)) {
      throw ApiException.unknownInteraction();
    }
    if (s.callbackType != null) {
      throw ApiException.alreadyAcknowledged();
    }
    if (Duration.between(s.createdAt, clock.instant()).compareTo(ACK_WINDOW) > 0) {
      s.expiredCallbacks++;
      throw ApiException.unknownInteraction();
    }
    int type = body.path("type").asInt(-1);
    JsonNode data = body.path("data");
    boolean componentLike =
        s.type == InteractionState.MESSAGE_COMPONENT
            || (s.type == InteractionState.MODAL_SUBMIT && s.sourceMessageId != null);
    boolean valid =
        switch (type) {
          case 4, 5 -> s.type != InteractionState.AUTOCOMPLETE;
          case 6, 7 -> componentLike;
          case 8 -> s.type == InteractionState.AUTOCOMPLETE;
          case 9 ->
              s.type == InteractionState.APPLICATION_COMMAND
                  || s.type == InteractionState.MESSAGE_COMPONENT;
          default -> false;
        };
    if (!valid) {
      throw Validation.invalidField(
          json,
          "type",
          "INTERACTION_RESPONSE_TYPE_INVALID",
          "Interaction response type " + type + " is not valid for this interaction");
    }
    ObjectNode resource = json.createObjectNode();
    resource.put("type", type);
    StoredMessage message = null;
    switch (type) {
      case 4 -> {
        Validation.message(json, data, uploads.size(), 0, true);
        int flags =
            data.path("flags").asInt() & (SandboxMessage.EPHEMERAL | 1 << 2 | 1 << 12 | 1 << 15);
        message =
            messages.insert(
                s.channelId,
                guilds.ofChannel(s.channelId).bot,
                s.responseMessageType,
                data,
                uploads,
                flags,
                true);
        decorateResponse(s, message);
        s.originalMessageId = message.id;
        messages.dispatch("MESSAGE_CREATE", message);
      }
      case 5 -> {
        int flags =
            SandboxMessage.LOADING | (data.path("flags").asInt() & SandboxMessage.EPHEMERAL);
        message =
            messages.insert(
                s.channelId,
                guilds.ofChannel(s.channelId).bot,
                s.responseMessageType,
                json.createObjectNode(),
                List.of(),
                flags,
                true);
        decorateResponse(s, message);
        s.originalMessageId = message.id;
        s.originalLoading = true;
        messages.dispatch("MESSAGE_CREATE", message);
      }
      case 6 -> s.originalMessageId = s.sourceMessageId;
      case 7 -> {
        s.originalMessageId = s.sourceMessageId;
        message = messages.byId(s.sourceMessageId);
        if (message == null || message.deleted) {
          throw ApiException.unknownMessage();
        }
        messages.applyEdit(message, data, uploads, true);
        messages.dispatch("MESSAGE_UPDATE", message);
      }
      case 8 -> s.autocompleteChoices = data.deepCopy();
      case 9 -> {
        ObjectNode modal = data.deepCopy();
        ObjectNode errors = json.createObjectNode();
        if (Validation.text(modal, "custom_id") == null) {
          Validation.addError(
              errors, "data.custom_id", "BASE_TYPE_REQUIRED", "This field is required");
        }
        String title = Validation.text(modal, "title");
        if (title == null || Validation.length(title) > 45) {
          Validation.addError(
              errors, "data.title", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length.");
        }
        int count = modal.path("components").size();
        if (count < 1 || count > 5) {
          Validation.addError(
              errors,
              "data.components",
              "BASE_TYPE_BAD_LENGTH",
              "Must be between 1 and 5 in length.");
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
    return out;
  }

  private void decorateResponse(InteractionState s, StoredMessage message) {
    GuildModel guild = guilds.ofChannel(s.channelId);
    ObjectNode meta = markAnswer(s, message);
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

  /** Marks {@code message} as an answer to {@code s}; its new {@code interaction_metadata}. */
  private ObjectNode markAnswer(InteractionState s, StoredMessage message) {
    GuildModel guild = guilds.ofChannel(s.channelId);
    message.interactionId = s.id;
    ObjectNode meta = message.json.putObject("interaction_metadata");
    meta.put("id", s.id);
    meta.put("type", s.type);
    meta.set("user", guild.userJson(json, s.member));
    meta.putObject("authorizing_integration_owners").put("0", guild.id);
    return meta;
  }

  private InteractionState byToken(String applicationId, String interactionToken) {
    InteractionState s = interactions.byToken(interactionToken);
    if (s == null || !applicationId.equals(guilds.bot().id()) || s.callbackType == null) {
      throw ApiException.unknownWebhook();
    }
    if (Duration.between(s.createdAt, clock.instant()).compareTo(TOKEN_LIFETIME) > 0) {
      throw ApiException.invalidWebhookToken();
    }
    return s;
  }

  /**
   * {@code POST webhooks/{app}/{token}}: a follow-up, or the first one filling a deferred reply.
   * Discord documents that the first follow-up after a deferred reply edits the loading message and
   * ignores the ephemeral flag; once that message is deleted there is nothing to fill, and the
   * follow-up is a new message with its own flags (discord-api-docs#2739). That holds however it
   * was deleted: by the bot through {@code @original}, or by a member in the channel (a moderator
   * removing the "thinking" message).
   */
  ObjectNode followUp(
      String applicationId, String interactionToken, JsonNode body, List<Upload> uploads) {
    InteractionState s = byToken(applicationId, interactionToken);
    Validation.message(json, body, uploads.size(), 0, true);
    StoredMessage message;
    if (s.originalLoading) {
      StoredMessage loading = messages.byId(s.originalMessageId);
      s.originalLoading = loading != null && !loading.deleted;
    }
    if (s.originalLoading) {
      message = messages.byId(s.originalMessageId);
      int ephemeral = message.flags() & SandboxMessage.EPHEMERAL;
      ObjectNode patch = body.deepCopy();
      patch.remove("flags");
      messages.applyEdit(message, patch, uploads, false);
      message.json.put("flags", ephemeral | (body.path("flags").asInt() & (1 << 2 | 1 << 12)));
      s.originalLoading = false;
      messages.dispatch("MESSAGE_UPDATE", message);
    } else {
      int flags =
          body.path("flags").asInt() & (SandboxMessage.EPHEMERAL | 1 << 2 | 1 << 12 | 1 << 15);
      message =
          messages.insert(
              s.channelId, guilds.ofChannel(s.channelId).bot, 0, body, uploads, flags, true);
      markAnswer(s, message);
      s.followUpIds.add(message.id);
      messages.dispatch("MESSAGE_CREATE", message);
    }
    return message.json.deepCopy();
  }

  private StoredMessage webhookMessage(InteractionState s, String messageId) {
    String id = "@original".equals(messageId) ? s.originalMessageId : messageId;
    if (id == null || !(id.equals(s.originalMessageId) || s.followUpIds.contains(id))) {
      throw ApiException.unknownMessage();
    }
    StoredMessage m = messages.byId(id);
    if (m == null || m.deleted) {
      throw ApiException.unknownMessage();
    }
    return m;
  }

  ObjectNode webhookEdit(
      String applicationId,
      String interactionToken,
      String messageId,
      JsonNode body,
      List<Upload> uploads) {
    InteractionState s = byToken(applicationId, interactionToken);
    StoredMessage m = webhookMessage(s, messageId);
    boolean filling = s.originalLoading && m.id.equals(s.originalMessageId);
    ObjectNode patch = body.deepCopy();
    patch.remove("flags");
    messages.applyEdit(m, patch, uploads, !filling);
    if (filling) {
      m.json.put("flags", m.flags() & ~SandboxMessage.LOADING);
      s.originalLoading = false;
    }
    messages.dispatch("MESSAGE_UPDATE", m);
    return m.json.deepCopy();
  }

  ObjectNode webhookGet(String applicationId, String interactionToken, String messageId) {
    return webhookMessage(byToken(applicationId, interactionToken), messageId).json.deepCopy();
  }

  /**
   * {@code DELETE webhooks/{app}/{token}/messages/{id}}, ephemeral messages included. Deleting a
   * deferred reply that is still loading ends the defer: Discord's next follow-up is then a new
   * message with its own flags (so it may be ephemeral) instead of filling the deleted one.
   */
  void webhookDelete(String applicationId, String interactionToken, String messageId) {
    InteractionState s = byToken(applicationId, interactionToken);
    StoredMessage m = webhookMessage(s, messageId);
    messages.delete(m);
    if (m.id.equals(s.originalMessageId)) {
      s.originalLoading = false;
    }
  }
}
