package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A simulated member's interaction (slash command, context menu, button press or modal submit), to
 * await and inspect the bot's answer: the callback, the original response, follow-ups, edits and
 * modals. Thread-safe; every accessor reads the sandbox's current state on its {@link EngineLoop}.
 */
public final class InteractionHandle {
  private final SandboxEngine engine;
  private final String id;

  InteractionHandle(SandboxEngine engine, String id) {
    this.engine = engine;
    this.id = id;
  }

  /** The interaction's snowflake (time-based, so JDA treats it as fresh). */
  public String id() {
    return id;
  }

  /** The interaction token used in the webhook routes. */
  public String token() {
    return engine.call(() -> state().token);
  }

  /** Interaction type: 2 application command, 3 component, 5 modal submit. */
  public int type() {
    return engine.call(() -> state().type);
  }

  /** The member who triggered it. */
  public Member member() {
    return engine.call(() -> state().member);
  }

  /** The INTERACTION_CREATE payload as dispatched. */
  public JsonNode payload() {
    return engine.call(() -> state().payload.deepCopy());
  }

  /**
   * The callback type the bot answered with (4 reply, 5 defer, 6 deferred update, 7 update, 9
   * modal), if any.
   */
  public Optional<Integer> callbackType() {
    return engine.call(() -> Optional.ofNullable(state().callbackType));
  }

  /**
   * Waits until the bot has tried to acknowledge the interaction after its 3 s window and Discord
   * refused it (10062 Unknown interaction); returns how many such tries there were.
   */
  public int awaitExpiredCallback(Duration timeout) {
    return engine.await(
        () -> state().expiredCallbacks > 0 ? state().expiredCallbacks : null,
        timeout,
        () -> "the bot to answer interaction " + id + " too late");
  }

  /**
   * Whether the member's Discord client shows "This interaction failed": nothing acknowledged the
   * interaction within its 3 s window.
   */
  public boolean memberSeesFailure() {
    return engine.call(
        () ->
            state().callbackType == null
                && Duration.between(state().createdAt, engine.clock.instant())
                        .compareTo(Duration.ofSeconds(3))
                    > 0);
  }

  /** Waits for the bot's callback and returns its type. */
  public int awaitAck(Duration timeout) {
    return engine.await(
        () -> state().callbackType, timeout, () -> "the bot to acknowledge interaction " + id);
  }

  /**
   * Waits for the original response to be complete — a type 4 reply, a deferred reply once filled
   * in by an edit or the first follow-up, or the updated message of a type 7 — and returns it.
   */
  public SandboxMessage awaitResponse(Duration timeout) {
    return engine.await(
        () -> {
          InteractionState s = state();
          if (s.originalMessageId == null
              || s.originalLoading
              || s.callbackType == null
              || s.callbackType == 6 && !edited(s.originalMessageId)) {
            return null;
          }
          return engine.messages.message(s.originalMessageId);
        },
        timeout,
        () -> "a complete response to interaction " + id);
  }

  /** The id of the original response, deleted or not, once the bot has acknowledged. */
  public Optional<String> originalId() {
    return engine.call(() -> Optional.ofNullable(state().originalMessageId));
  }

  /** The original response as it is now (possibly still loading), if any. */
  public Optional<SandboxMessage> original() {
    return engine.call(
        () -> {
          String m = state().originalMessageId;
          return Optional.ofNullable(m == null ? null : engine.messages.message(m));
        });
  }

  /**
   * Follow-up messages created through {@code POST webhooks/{app}/{token}} (not counting one that
   * filled a defer).
   */
  public List<SandboxMessage> followUps() {
    return engine.call(
        () ->
            state().followUpIds.stream()
                .map(engine.messages::message)
                .filter(m -> m != null)
                .toList());
  }

  /** Waits until at least {@code index + 1} follow-ups exist and returns that one. */
  public SandboxMessage awaitFollowUp(int index, Duration timeout) {
    return engine.await(
        () -> {
          List<String> ids = state().followUpIds;
          return ids.size() > index ? engine.messages.message(ids.get(index)) : null;
        },
        timeout,
        () -> "follow-up #" + index + " of interaction " + id);
  }

  /**
   * Waits for the bot to answer with a modal (callback type 9) and returns its data ({@code
   * custom_id}, title, components).
   */
  public JsonNode awaitModal(Duration timeout) {
    return engine.await(
        () -> {
          InteractionState s = state();
          return s.modal == null ? null : (JsonNode) s.modal.deepCopy();
        },
        timeout,
        () -> "a modal in answer to interaction " + id);
  }

  /**
   * Waits for the bot's autocomplete answer (callback type 8) and returns its choices (name and
   * value).
   */
  public List<JsonNode> awaitChoices(Duration timeout) {
    return engine.await(
        () -> {
          InteractionState s = state();
          if (s.autocompleteChoices == null) {
            return null;
          }
          List<JsonNode> choices = new ArrayList<>();
          s.autocompleteChoices.path("choices").forEach(c -> choices.add(c.deepCopy()));
          return choices;
        },
        timeout,
        () -> "autocomplete choices in answer to interaction " + id);
  }

  /** True when the original response is ephemeral (flag 64). */
  public boolean isEphemeral() {
    return original().map(SandboxMessage::isEphemeral).orElse(false);
  }

  private boolean edited(String messageId) {
    SandboxMessage m = engine.messages.message(messageId);
    return m != null && m.isEdited();
  }

  /** On the loop only. */
  private InteractionState state() {
    return engine.interactions.byId(id);
  }

  @Override
  public String toString() {
    return "InteractionHandle[" + id + "]";
  }
}
