package dev.takebot.discord;

import dev.takebot.ops.Metrics;
import dev.takebot.schedule.Routine;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.DiscussionService;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeService;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageReference;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects takes from the gateway: every member message in a discussion thread, and every reply to
 * a post in its channel. A post of two messages (the video link, then the embed) is the post either
 * way: a reply to either message is a take. Edits re-tag, deletes remove. Messages from bots
 * (TakeBot included), webhooks and the system are not takes.
 *
 * <p>Runs on the gateway thread, on purpose: events of one message are then handled in the order
 * Discord sent them (create before edit before delete), and each store call is a single quick
 * write. A take whose write fails (the database briefly unavailable) is retried once, a moment
 * later (the delay is the composition root's to choose), on the scheduler's {@code take-retry}
 * routine; an edit or delete of it meanwhile updates or cancels the retry, so the order still
 * holds. If the retry fails too, backfill collects the take on the next reconnect.
 */
final class TakesListener extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(TakesListener.class);

  private final TakeService takes;
  private final DiscussionService discussions;
  private final Routine retries;
  private final Duration retryDelay;
  private final Metrics metrics;

  /**
   * Takes waiting for their retry, by message id: the newest version of the message and its thread.
   */
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

  private record Pending(Message message, Member member, Discussion discussion) {}

  /**
   * @param retries where retries run, {@code retryDelay} after the failed write
   */
  TakesListener(TakeService takes, Routine retries, Duration retryDelay) {
    this(takes, retries, retryDelay, Metrics.none());
  }

  /**
   * @param metrics counts stored, edited and deleted takes and times live ones from message to row
   */
  TakesListener(TakeService takes, Routine retries, Duration retryDelay, Metrics metrics) {
    this.metrics = metrics;
    this.takes = takes;
    this.discussions = takes.discussions();
    this.retries = retries;
    this.retryDelay = retryDelay;
  }

  @Override
  public void onMessageReceived(@NotNull MessageReceivedEvent event) {
    if (!event.isFromGuild() || !isMemberMessage(event.getMessage())) {
      return;
    }
    Message m = event.getMessage();
    Optional<Discussion> discussion = discussionOf(m);
    if (discussion.isEmpty() || hasOnlyMedia(m)) {
      return;
    }
    try {
      stored(m, collect(m, event.getMember(), discussion.get()));
    } catch (RuntimeException e) {
      log.warn(
          "Could not store take {} ({}); retrying in {} ms",
          m.getId(),
          e.toString(),
          retryDelay.toMillis());
      scheduleRetry(new Pending(m, event.getMember(), discussion.get()));
    }
  }

  private void scheduleRetry(Pending p) {
    long id = p.message().getIdLong();
    pending.put(id, p);
    try {
      retries.after(retryDelay, () -> retry(id));
    } catch (RejectedExecutionException e) {
      // The bot is stopping: the routines stop before the gateway does, so an event handled in
      // between lands here. The take stays pending for drainRetries, which runs once the gateway
      // has closed; were it to come later still, the next start's backfill collects it.
      log.info("Bot shutting down: take {} will be stored as the bot stops", id);
    }
  }

  /** How many takes wait for their retry; tests watch it instead of guessing a delay. */
  int waitingForRetry() {
    return pending.size();
  }

  /**
   * Writes every take still waiting for its retry now, once: when the bot stops, after the gateway
   * closed (no event can race it) and before the store does. One that fails again is left to the
   * next start's backfill.
   */
  void drainRetries() {
    List<Long> waiting = List.copyOf(pending.keySet());
    if (!waiting.isEmpty()) {
      log.info("Storing {} takes that were waiting for a retry before stopping", waiting.size());
      waiting.forEach(this::retry);
    }
  }

  private void retry(long id) {
    // Inside compute, so an edit or delete of this message arriving meanwhile waits for the write
    // and
    // then applies to the stored take; a message deleted before the retry has no entry and is
    // skipped.
    pending.computeIfPresent(
        id,
        (key, p) -> {
          try {
            stored(p.message(), collect(p.message(), p.member(), p.discussion()));
            log.info("Stored take {} on retry", id);
          } catch (RuntimeException e) {
            log.warn(
                "Could not store take {} on retry either ({}); backfill will collect it on the next reconnect",
                id,
                e.toString());
          }
          return null;
        });
  }

  /** Counts a live take stored, and how long after its message was created. */
  private void stored(Message m, Optional<Take> take) {
    if (take.isPresent()) {
      metrics.takeStored();
      metrics.ingestLatency(
          Duration.between(m.getTimeCreated().toInstant(), takes.clock().instant()));
    }
  }

  /**
   * Stores a member's message as a take of {@code d}, or this version of it when it was edited: the
   * one ingest path, shared with {@link Backfill}. The store keeps the version with the newest edit
   * time.
   */
  Optional<Take> collect(Message m, Member member, Discussion d) {
    OffsetDateTime edited = m.getTimeEdited();
    return collect(m, member, d, edited == null ? null : edited.toInstant());
  }

  private Optional<Take> collect(Message m, Member member, Discussion d, Instant editedAt) {
    User author = m.getAuthor();
    return takes.ingest(
        m.getIdLong(),
        d.postMessageId(),
        m.getChannelIdLong(),
        author.getIdLong(),
        member != null ? member.getEffectiveName() : author.getEffectiveName(),
        m.getContentRaw(),
        m.getTimeCreated().toInstant(),
        editedAt);
  }

  @Override
  public void onMessageUpdate(@NotNull MessageUpdateEvent event) {
    Message m = event.getMessage();
    if (!event.isFromGuild() || !isMemberMessage(m) || hasOnlyMedia(m)) {
      return;
    }
    // A take still waiting for its retry has no row to edit yet: the retry stores the newest text
    // instead.
    if (pending.computeIfPresent(
            m.getIdLong(), (id, p) -> new Pending(m, p.member(), p.discussion()))
        != null) {
      return;
    }
    OffsetDateTime edited = m.getTimeEdited();
    Instant editedAt = edited == null ? takes.clock().instant() : edited.toInstant();
    // Stored as the newest version, whether or not the take has a row yet: a backfill may hold an
    // older
    // version of this message in a page it has read but not written, and must not win over this
    // edit.
    discussionOf(m)
        .flatMap(d -> collect(m, event.getMember(), d, editedAt))
        .ifPresent(t -> metrics.takeEdited());
  }

  @Override
  public void onMessageDelete(@NotNull MessageDeleteEvent event) {
    pending.remove(event.getMessageIdLong());
    if (takes.delete(event.getMessageIdLong())) {
      metrics.takesDeleted(1);
    }
  }

  @Override
  public void onMessageBulkDelete(@NotNull MessageBulkDeleteEvent event) {
    List<Long> ids = event.getMessageIds().stream().map(Long::parseUnsignedLong).toList();
    ids.forEach(pending::remove);
    metrics.takesDeleted(takes.deleteAll(ids));
  }

  static boolean isMemberMessage(Message m) {
    User a = m.getAuthor();
    return !a.isBot() && !a.isSystem() && !m.isWebhookMessage() && !m.getType().isSystem();
  }

  /**
   * A message without text that still carries something (an image, a sticker) is not a take; one
   * that carries nothing at all is what Discord delivers without the Message Content intent, and
   * goes on to {@link TakeService#ingest} so it can warn.
   */
  static boolean hasOnlyMedia(Message m) {
    return m.getContentRaw().isBlank()
        && !(m.getAttachments().isEmpty() && m.getStickers().isEmpty() && m.getEmbeds().isEmpty());
  }

  private Optional<Discussion> discussionOf(Message m) {
    if (m.getChannelType().isThread()) {
      return discussions.byThread(m.getChannelIdLong());
    }
    MessageReference ref = m.getMessageReference();
    if (ref == null || ref.getType() != MessageReference.MessageReferenceType.DEFAULT) {
      return Optional.empty(); // not a reply (forwards carry a reference too)
    }
    // The post or its lead message (the video link): members reply to either.
    return discussions
        .byPostMessage(ref.getMessageIdLong())
        .filter(d -> d.channelId() == m.getChannelIdLong());
  }
}
