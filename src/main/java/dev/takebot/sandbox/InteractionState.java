package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Server-side record of one interaction. Confined to the {@link EngineLoop}. */
final class InteractionState {
  static final int APPLICATION_COMMAND = 2;
  static final int MESSAGE_COMPONENT = 3;
  static final int AUTOCOMPLETE = 4;
  static final int MODAL_SUBMIT = 5;

  final String id;
  final String token;
  final int type;
  final Instant createdAt;
  final Member member;
  final String channelId;
  final ObjectNode payload;

  /** For component interactions (and modals opened from one): the message the component is on. */
  final String sourceMessageId;

  /** 20 for slash commands, 23 for context menus, 0 otherwise: the type of response messages. */
  final int responseMessageType;

  Integer callbackType;

  /** Callbacks refused because the 3 s window had passed. */
  int expiredCallbacks;

  String originalMessageId;
  boolean originalLoading;
  final List<String> followUpIds = new ArrayList<>();
  ObjectNode modal;
  ObjectNode autocompleteChoices;

  InteractionState(
      String id,
      String token,
      int type,
      Instant createdAt,
      Member member,
      String channelId,
      ObjectNode payload,
      String sourceMessageId,
      int responseMessageType) {
    this.id = id;
    this.token = token;
    this.type = type;
    this.createdAt = createdAt;
    this.member = member;
    this.channelId = channelId;
    this.payload = payload;
    this.sourceMessageId = sourceMessageId;
    this.responseMessageType = responseMessageType;
  }
}
