package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A stored message: Discord's JSON object plus bookkeeping. Confined to the {@link EngineLoop}. */
final class StoredMessage {
  final String id;
  final String channelId;
  final Member author;
  ObjectNode json;
  boolean deleted;
  String interactionId;

  StoredMessage(String id, String channelId, Member author, ObjectNode json) {
    this.id = id;
    this.channelId = channelId;
    this.author = author;
    this.json = json;
  }

  int flags() {
    return json.path("flags").asInt();
  }

  boolean ephemeral() {
    return (flags() & SandboxMessage.EPHEMERAL) != 0;
  }

  long key() {
    return Long.parseUnsignedLong(id);
  }

  SandboxMessage snapshot() {
    return new SandboxMessage(
        id,
        channelId,
        author.id(),
        json.path("content").asText(""),
        flags(),
        interactionId,
        json.deepCopy());
  }
}
