package dev.takebot.discord;

import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeService;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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

/**
 * Collects takes from the gateway: every member message in a discussion thread, and every reply to a
 * post in its channel. Edits re-tag, deletes remove. Messages from bots (TakeBot included), webhooks and
 * the system are not takes.
 *
 * <p>Runs on the gateway thread, on purpose: events of one message are then handled in the order
 * Discord sent them (create before edit before delete), and each store call is a single quick write.
 */
final class TakesListener extends ListenerAdapter {
  private final TakeService takes;
  private final TakeRepository repository;

  TakesListener(TakeService takes) {
    this.takes = takes;
    this.repository = takes.repository();
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
    collect(m, event.getMember(), discussion.get());
  }

  /** Stores a member's message as a take of {@code d}: the one ingest path, shared with {@link Backfill}. */
  Optional<Take> collect(Message m, Member member, Discussion d) {
    User author = m.getAuthor();
    return takes.ingest(
        m.getIdLong(),
        d.postMessageId(),
        m.getChannelIdLong(),
        author.getIdLong(),
        member != null ? member.getEffectiveName() : author.getEffectiveName(),
        m.getContentRaw(),
        m.getTimeCreated().toInstant());
  }

  @Override
  public void onMessageUpdate(@NotNull MessageUpdateEvent event) {
    Message m = event.getMessage();
    if (!event.isFromGuild() || !isMemberMessage(m) || hasOnlyMedia(m)) {
      return;
    }
    OffsetDateTime edited = m.getTimeEdited();
    takes.edit(m.getIdLong(), m.getContentRaw(), edited == null ? null : edited.toInstant());
  }

  @Override
  public void onMessageDelete(@NotNull MessageDeleteEvent event) {
    takes.delete(event.getMessageIdLong());
  }

  @Override
  public void onMessageBulkDelete(@NotNull MessageBulkDeleteEvent event) {
    List<Long> ids = event.getMessageIds().stream().map(Long::parseUnsignedLong).toList();
    takes.deleteAll(ids);
  }

  static boolean isMemberMessage(Message m) {
    User a = m.getAuthor();
    return !a.isBot() && !a.isSystem() && !m.isWebhookMessage() && !m.getType().isSystem();
  }

  /**
   * A message without text that still carries something (an image, a sticker) is not a take; one that
   * carries nothing at all is what Discord delivers without the Message Content intent, and goes on to
   * {@link TakeService#ingest} so it can warn.
   */
  static boolean hasOnlyMedia(Message m) {
    return m.getContentRaw().isBlank()
        && !(m.getAttachments().isEmpty() && m.getStickers().isEmpty() && m.getEmbeds().isEmpty());
  }

  private Optional<Discussion> discussionOf(Message m) {
    if (m.getChannelType().isThread()) {
      return repository.findDiscussionByThread(m.getChannelIdLong());
    }
    MessageReference ref = m.getMessageReference();
    if (ref == null || ref.getType() != MessageReference.MessageReferenceType.DEFAULT) {
      return Optional.empty(); // not a reply (forwards carry a reference too)
    }
    return repository.findDiscussion(ref.getMessageIdLong())
        .filter(d -> d.channelId() == m.getChannelIdLong());
  }
}
