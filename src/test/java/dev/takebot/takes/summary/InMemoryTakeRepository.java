package dev.takebot.takes.summary;

import dev.takebot.sentiment.Label;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeStats;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A small, complete in-memory {@link TakeRepository} for tests; the real store is tested separately. */
final class InMemoryTakeRepository implements TakeRepository {
  private final Map<Long, Discussion> discussions = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Long, Take> takes = new ConcurrentSkipListMap<>();
  private final Map<List<Long>, Long> forgotten = new ConcurrentHashMap<>();
  /** Reads of take texts for a summary (sampled passes); the aggregate reads cost no texts. */
  final AtomicInteger streams = new AtomicInteger();

  @Override
  public void saveDiscussion(Discussion discussion) {
    discussions.putIfAbsent(discussion.postMessageId(), discussion);
  }

  @Override
  public boolean deleteDiscussion(long postMessageId) {
    if (discussions.remove(postMessageId) == null) {
      return false;
    }
    takes.values().removeIf(t -> t.postMessageId() == postMessageId);
    return true;
  }

  @Override
  public Optional<Discussion> findDiscussion(long postMessageId) {
    return Optional.ofNullable(discussions.get(postMessageId));
  }

  @Override
  public Optional<Discussion> findDiscussionByPostMessage(long messageId) {
    return discussions.values().stream().filter(d -> d.isPostMessage(messageId)).findFirst();
  }

  @Override
  public Optional<Discussion> findDiscussionByThread(long threadId) {
    return discussions.values().stream().filter(d -> d.threadId() == threadId).findFirst();
  }

  @Override
  public List<Discussion> listDiscussions(long guildId, int limit) {
    return discussions.values().stream().filter(d -> d.guildId() == guildId)
        .sorted(Comparator.comparing(Discussion::postedAt).reversed()).limit(limit).toList();
  }

  @Override
  public boolean insertTake(Take take) {
    return takes.putIfAbsent(take.messageId(), take) == null;
  }

  @Override
  public boolean upsertTake(Take take) {
    boolean[] changed = {false};
    takes.compute(take.messageId(), (id, stored) -> {
      boolean newer = stored == null || (take.editedAt() != null
          && (stored.editedAt() == null || take.editedAt().isAfter(stored.editedAt())));
      changed[0] = newer;
      return newer ? take : stored;
    });
    return changed[0];
  }

  @Override
  public boolean updateTake(long messageId, String text, Instant editedAt, Label label, double score,
      String analyzerVersion) {
    return takes.computeIfPresent(messageId, (id, t) -> new Take(t.messageId(), t.postMessageId(),
        t.channelId(), t.authorId(), t.authorName(), text, t.createdAt(), editedAt, label, score,
        analyzerVersion)) != null;
  }

  @Override
  public boolean deleteTake(long messageId) {
    return takes.remove(messageId) != null;
  }

  @Override
  public int deleteTakes(Collection<Long> messageIds) {
    int n = 0;
    for (long id : messageIds) {
      n += deleteTake(id) ? 1 : 0;
    }
    return n;
  }

  @Override
  public Optional<Take> findTake(long messageId) {
    return Optional.ofNullable(takes.get(messageId));
  }

  @Override
  public TakeStats stats(long postMessageId) {
    long n = 0;
    double sum = 0;
    Set<Long> members = new HashSet<>();
    Map<Label, Long> byLabel = new EnumMap<>(Label.class);
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
  public void forEachSampledTake(long postMessageId, int perLabel, Consumer<Take> action) {
    streams.incrementAndGet();
    TakeRepository.super.forEachSampledTake(postMessageId, perLabel, action); // the default under test
  }

  @Override
  public void forEachTake(long postMessageId, Consumer<Take> action) {
    for (Take t : takes.values()) {
      if (t.postMessageId() == postMessageId) {
        action.accept(t);
      }
    }
  }

  @Override
  public long lastTakeMessageId(long postMessageId) {
    return takes.values().stream().filter(t -> t.postMessageId() == postMessageId)
        .mapToLong(Take::messageId).max().orElse(0);
  }

  @Override
  public int forgetAuthor(long guildId, long authorId, long upToMessageId) {
    forgotten.merge(List.of(guildId, authorId), upToMessageId, Math::max);
    return forgetAuthor(guildId, authorId);
  }

  @Override
  public Map<Long, Long> forgottenAuthors(long guildId) {
    Map<Long, Long> out = new HashMap<>();
    forgotten.forEach((k, v) -> {
      if (k.get(0) == guildId) {
        out.put(k.get(1), v);
      }
    });
    return out;
  }

  @Override
  public int forgetAuthor(long guildId, long authorId) {
    List<Long> ids = takes.values().stream().filter(t -> t.authorId() == authorId
        && discussions.containsKey(t.postMessageId())
        && discussions.get(t.postMessageId()).guildId() == guildId).map(Take::messageId).toList();
    return deleteTakes(ids);
  }

  @Override
  public void correctLabel(long messageId, Label label, long moderatorId, Instant at) {
    takes.computeIfPresent(messageId, (id, t) -> new Take(t.messageId(), t.postMessageId(), t.channelId(),
        t.authorId(), t.authorName(), t.text(), t.createdAt(), t.editedAt(), label, t.score(), "moderator"));
  }

  // Store contract additions (#4), not needed by the summary tests.
  @Override
  public List<Discussion> findDiscussionsByArticle(String articleKey) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean retag(long messageId, String scoredText, Label label, double score, String analyzerVersion) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int forEachTakeWithVersionNot(String version, long afterMessageId, int limit, Consumer<Take> action) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void forEachCorrection(long guildId, Consumer<dev.takebot.takes.Correction> action) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int purgeOlderThan(long guildId, Instant cutoff) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Take> listTakes(dev.takebot.takes.TakeQuery query, long cursor, boolean forward, int limit) {
    throw new UnsupportedOperationException();
  }

  // Privacy additions (#11), not needed by the summary tests.
  @Override
  public Set<Long> storedGuilds() {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean markGuildDeparted(long guildId, Instant at) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean cancelGuildDeparture(long guildId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Map<Long, Instant> departedGuilds() {
    throw new UnsupportedOperationException();
  }

  @Override
  public int purgeDepartedGuild(long guildId, Instant departedBy) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
