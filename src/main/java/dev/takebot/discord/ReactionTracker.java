package dev.takebot.discord;

import dev.takebot.takes.Discussion;
import dev.takebot.takes.TakeListener;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.summary.ReactionCounts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveAllEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.jetbrains.annotations.NotNull;

/**
 * Counts reactions on takes from the gateway, so summaries can show the most-reacted take. Counts live in
 * memory and start from zero when the bot starts: a summary shows what the room reacted to recently,
 * not an audit trail.
 */
public final class ReactionTracker implements ReactionCounts {
  private final TakeRepository repository;
  private final Map<Long, Map<Long, Integer>> byDiscussion = new ConcurrentHashMap<>();
  private final List<TakeListener> listeners = new CopyOnWriteArrayList<>();

  public ReactionTracker(TakeRepository repository) {
    this.repository = repository;
  }

  /** Told when a take's reactions change, e.g. to drop a cached summary. */
  public void addListener(TakeListener listener) {
    listeners.add(listener);
  }

  @Override
  public Map<Long, Integer> of(Discussion discussion) {
    return Map.copyOf(byDiscussion.getOrDefault(discussion.postMessageId(), Map.of()));
  }

  ListenerAdapter listener() {
    return new ListenerAdapter() {
      @Override
      public void onMessageReactionAdd(@NotNull MessageReactionAddEvent event) {
        change(event.getMessageIdLong(), 1);
      }

      @Override
      public void onMessageReactionRemove(@NotNull MessageReactionRemoveEvent event) {
        change(event.getMessageIdLong(), -1);
      }

      @Override
      public void onMessageReactionRemoveAll(@NotNull MessageReactionRemoveAllEvent event) {
        change(event.getMessageIdLong(), Integer.MIN_VALUE);
      }
    };
  }

  private void change(long messageId, int delta) {
    repository.findTake(messageId).ifPresent(t -> {
      Map<Long, Integer> counts = byDiscussion.computeIfAbsent(t.postMessageId(), k -> new ConcurrentHashMap<>());
      counts.compute(messageId, (k, n) -> {
        int next = delta == Integer.MIN_VALUE ? 0 : (n == null ? 0 : n) + delta;
        return next > 0 ? next : null;
      });
      listeners.forEach(l -> l.takesChanged(t.postMessageId()));
    });
  }
}
