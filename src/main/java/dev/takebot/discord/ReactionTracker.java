package dev.takebot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeListener;
import dev.takebot.takes.TakeService;
import dev.takebot.takes.summary.ReactionCounts;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveAllEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts reactions on takes from the gateway, so summaries can show the most-reacted take. Counts
 * live in memory and start from zero when the bot starts: a summary shows what the room reacted to
 * recently, not an audit trail.
 *
 * <p>Reaction events arrive on JDA's event thread, which must not wait on the store: each is handed
 * to the bot's background thread (one thread, so a message's add and remove are counted in order),
 * which looks the take up and tells the listeners only when the discussion's most-reacted take or
 * its count changed, the one thing a summary shows of reactions. At most {@code maxTakes} counts
 * are kept (whole discussions are forgotten, by Caffeine's size policy), and a deleted discussion's
 * counts go with it.
 */
public final class ReactionTracker implements ReactionCounts {
  /** Counts kept by default, over every discussion: a few megabytes at most. */
  public static final long DEFAULT_MAX_TAKES = 100_000;

  private static final Logger log = LoggerFactory.getLogger(ReactionTracker.class);
  private static final int CLEAR = Integer.MIN_VALUE;

  private final TakeService takes;

  /** Per discussion, the counts of its takes that have reactions; weighed by how many. */
  private final Cache<Long, Map<Long, Integer>> byDiscussion;

  private final List<TakeListener> listeners = new CopyOnWriteArrayList<>();

  /** Discussions with an existence check queued and not started yet. */
  private final Set<Long> checking = ConcurrentHashMap.newKeySet();

  private volatile Executor background;

  public ReactionTracker(TakeService takes) {
    this(takes, DEFAULT_MAX_TAKES);
  }

  /**
   * @param maxTakes how many takes' counts are kept at most
   */
  public ReactionTracker(TakeService takes, long maxTakes) {
    if (maxTakes < 1) {
      throw new IllegalArgumentException("maxTakes must be at least 1, got " + maxTakes);
    }
    this.takes = Objects.requireNonNull(takes, "takes");
    this.byDiscussion =
        Caffeine.newBuilder()
            .maximumWeight(maxTakes)
            .<Long, Map<Long, Integer>>weigher((post, counts) -> counts.size())
            .executor(Runnable::run) // eviction on the thread that counts: no pool of its own
            .build();
  }

  /** Told when the reactions a summary shows change, e.g. to drop a cached summary. */
  public void addListener(TakeListener listener) {
    listeners.add(listener);
  }

  @Override
  public Map<Long, Integer> of(Discussion discussion) {
    Map<Long, Integer> counts = byDiscussion.asMap().get(discussion.postMessageId());
    return counts == null ? Map.of() : Map.copyOf(counts);
  }

  /** The gateway listener; its work runs on {@code background}, never on the event thread. */
  ListenerAdapter listener(Executor background) {
    this.background = Objects.requireNonNull(background, "background");
    return new ListenerAdapter() {
      @Override
      public void onMessageReactionAdd(@NotNull MessageReactionAddEvent event) {
        long id = event.getMessageIdLong();
        submit(background, () -> reacted(id, 1));
      }

      @Override
      public void onMessageReactionRemove(@NotNull MessageReactionRemoveEvent event) {
        long id = event.getMessageIdLong();
        submit(background, () -> reacted(id, -1));
      }

      @Override
      public void onMessageReactionRemoveAll(@NotNull MessageReactionRemoveAllEvent event) {
        long id = event.getMessageIdLong();
        submit(background, () -> reacted(id, CLEAR));
      }

      // A deleted take must not stay "most reacted" in memory, hiding changes to the one summaries
      // show.
      @Override
      public void onMessageDelete(@NotNull MessageDeleteEvent event) {
        long id = event.getMessageIdLong();
        submit(background, () -> forgetTakes(Set.of(id)));
      }

      @Override
      public void onMessageBulkDelete(@NotNull MessageBulkDeleteEvent event) {
        Set<Long> ids =
            Set.copyOf(event.getMessageIds().stream().map(Long::parseUnsignedLong).toList());
        submit(background, () -> forgetTakes(ids));
      }
    };
  }

  /**
   * Told of every change to a discussion's takes: when it has counts here, checks on the background
   * thread whether the discussion still exists, and forgets them if not (at most one check queued
   * each).
   */
  void discussionChanged(long postMessageId) {
    Executor pool = background;
    if (pool == null
        || !byDiscussion.asMap().containsKey(postMessageId)
        || !checking.add(postMessageId)) {
      return;
    }
    if (!submit(
        pool,
        () -> {
          checking.remove(postMessageId);
          if (takes.discussions().find(postMessageId).isEmpty()) {
            byDiscussion.invalidate(postMessageId);
          }
        })) {
      checking.remove(postMessageId);
    }
  }

  /** Applies one reaction event to the counts; runs on the background thread. */
  void reacted(long messageId, int delta) {
    Optional<Take> take = takes.find(messageId);
    if (take.isEmpty()) {
      return; // a reaction on something that is not a take
    }
    long post = take.get().postMessageId();
    boolean[] shown = {false};
    byDiscussion
        .asMap()
        .compute(
            post,
            (id, counts) -> {
              Map<Long, Integer> c = counts != null ? counts : new ConcurrentHashMap<>();
              Top before = top(c);
              c.compute(
                  messageId,
                  (k, n) -> {
                    int next = delta == CLEAR ? 0 : (n == null ? 0 : n) + delta;
                    return next > 0 ? next : null;
                  });
              shown[0] = !Objects.equals(before, top(c));
              return c.isEmpty()
                  ? null
                  : c; // returned even when unchanged, so the cache weighs it again
            });
    if (shown[0]) {
      listeners.forEach(l -> l.takesChanged(post));
    }
  }

  /** Drops the counts of deleted messages; runs on the background thread. */
  void forgetTakes(Collection<Long> messageIds) {
    byDiscussion
        .asMap()
        .forEach(
            (post, counts) -> {
              if (messageIds.stream().anyMatch(counts::containsKey)) {
                byDiscussion
                    .asMap()
                    .computeIfPresent(
                        post,
                        (id, c) -> {
                          c.keySet().removeAll(messageIds);
                          return c.isEmpty() ? null : c;
                        });
              }
            });
  }

  /** How many takes' counts are kept, for tests. */
  long trackedTakes() {
    byDiscussion.cleanUp();
    return byDiscussion.asMap().values().stream().mapToLong(Map::size).sum();
  }

  /** The most-reacted take as summaries pick it: most reactions, the lowest message id on a tie. */
  private static Top top(Map<Long, Integer> counts) {
    Top best = null;
    for (Map.Entry<Long, Integer> e : counts.entrySet()) {
      int n = e.getValue();
      long id = e.getKey();
      if (best == null || n > best.count() || (n == best.count() && id < best.messageId())) {
        best = new Top(id, n);
      }
    }
    return best;
  }

  private record Top(long messageId, int count) {}

  private static boolean submit(Executor pool, Runnable work) {
    try {
      pool.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              log.warn("Reaction bookkeeping failed", e);
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      log.debug("Reaction event dropped (shutting down or too busy)");
      return false;
    }
  }
}
