package dev.takebot.takes.summary;

import dev.takebot.takes.Discussion;
import java.util.Map;

/**
 * Where reaction counts of a discussion's takes come from (the Discord layer tracks them from
 * reaction events). Keys are take message ids; takes without reactions may be absent.
 */
@FunctionalInterface
public interface ReactionCounts {
  /** No reaction counts: summaries skip the most-reacted take. */
  ReactionCounts NONE = discussion -> Map.of();

  Map<Long, Integer> of(Discussion discussion);
}
