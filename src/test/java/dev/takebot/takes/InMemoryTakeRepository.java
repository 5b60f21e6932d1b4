package dev.takebot.takes;

import dev.takebot.sentiment.Label;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/** A test double of {@link TakeRepository}: maps in memory, computed stats. */
public final class InMemoryTakeRepository implements TakeRepository {
  private final Map<Long, Discussion> discussions = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Long, Take> takes = new ConcurrentSkipListMap<>();

  @Override
  public void saveDiscussion(Discussion d) {
    discussions.putIfAbsent(d.postMessageId(), d);
  }

  @Override
  public Optional<Discussion> findDiscussion(long postMessageId) {
    return Optional.ofNullable(discussions.get(postMessageId));
  }

  @Override
  public Optional<Discussion> findDiscussionByThread(long threadId) {
    return discussions.values().stream().filter(d -> d.threadId() == threadId).findFirst();
  }

  @Override
  public List<Discussion> listDiscussions(long guildId, int limit) {
    return discussions.values().stream()
        .filter(d -> d.guildId() == guildId)
        .sorted(Comparator.comparingLong(Discussion::postMessageId).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized boolean insertTake(Take take) {
    return takes.putIfAbsent(take.messageId(), take) == null;
  }

  @Override
  public synchronized boolean updateTake(
      long messageId, String text, Instant editedAt, Label label, double score, String version) {
    Take t = takes.get(messageId);
    if (t == null) {
      return false;
    }
    takes.put(messageId, new Take(t.messageId(), t.postMessageId(), t.channelId(), t.authorId(),
        t.authorName(), text, t.createdAt(), editedAt, label, score, version));
    return true;
  }

  @Override
  public boolean deleteTake(long messageId) {
    return takes.remove(messageId) != null;
  }

  @Override
  public int deleteTakes(Collection<Long> messageIds) {
    int n = 0;
    for (long id : messageIds) {
      n += takes.remove(id) != null ? 1 : 0;
    }
    return n;
  }

  @Override
  public Optional<Take> findTake(long messageId) {
    return Optional.ofNullable(takes.get(messageId));
  }

  @Override
  public TakeStats stats(long postMessageId) {
    Map<Label, Long> byLabel = new EnumMap<>(Label.class);
    Set<Long> members = new HashSet<>();
    long n = 0;
    double sum = 0;
    for (Take t : takes.values()) {
      if (t.postMessageId() == postMessageId) {
        n++;
        sum += t.score();
        members.add(t.authorId());
        byLabel.merge(t.label(), 1L, Long::sum);
      }
    }
    return new TakeStats(n, members.size(), byLabel, sum);
  }

  @Override
  public void forEachTake(long postMessageId, Consumer<Take> action) {
    takes.values().stream().filter(t -> t.postMessageId() == postMessageId).forEach(action);
  }

  @Override
  public long lastTakeMessageId(long postMessageId) {
    return takes.values().stream().filter(t -> t.postMessageId() == postMessageId)
        .mapToLong(Take::messageId).max().orElse(0);
  }

  @Override
  public int forgetAuthor(long guildId, long authorId) {
    int n = 0;
    for (Take t : List.copyOf(takes.values())) {
      if (t.authorId() == authorId) {
        n += takes.remove(t.messageId()) != null ? 1 : 0;
      }
    }
    return n;
  }

  @Override
  public void correctLabel(long messageId, Label label, long moderatorId, Instant at) {
    takes.computeIfPresent(messageId, (id, t) -> new Take(t.messageId(), t.postMessageId(),
        t.channelId(), t.authorId(), t.authorName(), t.text(), t.createdAt(), t.editedAt(), label,
        t.score(), "moderator"));
  }

  @Override
  public void close() {}
}
