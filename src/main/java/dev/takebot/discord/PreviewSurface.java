package dev.takebot.discord;

import dev.takebot.message.MessageSpec;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * Where a preview's messages live: the post as it will be, then the control message with Post, Edit
 * and Cancel under it. The messages are changed by their ids, never as "the message a button was
 * pressed on": a button's custom id is input, and a forged press must not make the bot rewrite some
 * other message of its own.
 *
 * <p>Sending holds the surface's lock, so a press that arrives while the last messages are still
 * going out waits for their ids instead of missing them; this runs on the interaction pool, never
 * on the gateway thread.
 */
abstract class PreviewSurface {
  private final List<Long> ids = new ArrayList<>();

  /** A private preview: ephemeral messages answering the moderator's deferred command. */
  static PreviewSurface privately(InteractionHook hook) {
    return new Private(hook);
  }

  /** A preview any moderator sees: ordinary messages in a moderators' channel. */
  static PreviewSurface in(GuildMessageChannel channel) {
    return new InChannel(channel);
  }

  /** Sends the post's messages, then the control message under them. */
  synchronized void show(List<MessageSpec> post, MessageSpec control) {
    for (MessageSpec m : post) {
      ids.add(send(m));
    }
    ids.add(send(control));
  }

  /** Replaces the post's messages (an edit keeps their number) and then the control message. */
  synchronized void update(List<MessageSpec> post, MessageSpec control) {
    if (post.size() != ids.size() - 1) {
      throw new IllegalStateException(
          "the preview has " + (ids.size() - 1) + " messages, the edit " + post.size());
    }
    for (int i = 0; i < post.size(); i++) {
      edit(ids.get(i), post.get(i));
    }
    conclude(control);
  }

  /** Replaces the control message only, e.g. with what became of the preview. */
  synchronized void conclude(MessageSpec control) {
    edit(ids.get(ids.size() - 1), control);
  }

  /** Whether {@code messageId} is one of its messages. */
  synchronized boolean holds(long messageId) {
    return ids.contains(messageId);
  }

  abstract long send(MessageSpec message);

  abstract void edit(long messageId, MessageSpec message);

  private static final class Private extends PreviewSurface {
    private final InteractionHook hook;

    Private(InteractionHook hook) {
      this.hook = hook.setEphemeral(true);
    }

    /**
     * The first fills the deferred answer, the next are follow-ups: all from the same create data
     * as the real post.
     */
    @Override
    long send(MessageSpec message) {
      return hook.sendMessage(MessageSpecs.toCreateData(message))
          .setEphemeral(true)
          .complete()
          .getIdLong();
    }

    /** Through the command's token: only it may change an ephemeral message, for 15 minutes. */
    @Override
    void edit(long messageId, MessageSpec message) {
      hook.editMessageById(messageId, MessageSpecs.toEditData(message)).complete();
    }
  }

  private static final class InChannel extends PreviewSurface {
    private final GuildMessageChannel channel;

    InChannel(GuildMessageChannel channel) {
      this.channel = channel;
    }

    @Override
    long send(MessageSpec message) {
      return channel.sendMessage(MessageSpecs.toCreateData(message)).complete().getIdLong();
    }

    @Override
    void edit(long messageId, MessageSpec message) {
      channel.editMessageById(messageId, MessageSpecs.toEditData(message)).complete();
    }
  }
}
