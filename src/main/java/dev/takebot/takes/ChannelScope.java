package dev.takebot.takes;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The channels whose discussions a reader may see. A discussion's takes live in its thread and as
 * replies in the channel it was posted in, and a public thread is seen by whoever sees its parent,
 * so a discussion is visible exactly when its {@link Discussion#channelId()} is in scope. The
 * {@code discord} package builds a member's scope from Discord's permissions; the store narrows its
 * queries with it, so nothing outside the scope is ever read into an answer.
 *
 * @param everyChannel true only for the operator's own tools (command line, retention, backfill),
 *     which answer to no member; then {@code channelIds} is empty and ignored
 * @param channelIds the channels in scope (no threads: a thread's visibility is its parent's)
 */
public record ChannelScope(boolean everyChannel, Set<Long> channelIds) {
  private static final ChannelScope EVERY = new ChannelScope(true, Set.of());
  private static final ChannelScope NONE = new ChannelScope(false, Set.of());

  public ChannelScope {
    channelIds = Set.copyOf(Objects.requireNonNull(channelIds, "channelIds"));
    if (everyChannel && !channelIds.isEmpty()) {
      throw new IllegalArgumentException(
          "a scope of every channel lists no channels: " + channelIds);
    }
  }

  /** No restriction: for the operator's tools only, never for an answer to a member. */
  public static ChannelScope unrestricted() {
    return EVERY;
  }

  /** Nothing is visible. */
  public static ChannelScope none() {
    return NONE;
  }

  /** Only discussions posted in these channels. */
  public static ChannelScope only(Collection<Long> channelIds) {
    return channelIds.isEmpty() ? NONE : new ChannelScope(false, Set.copyOf(channelIds));
  }

  /** True when no discussion at all is in scope. */
  public boolean isEmpty() {
    return !everyChannel && channelIds.isEmpty();
  }

  public boolean allows(long channelId) {
    return everyChannel || channelIds.contains(channelId);
  }

  public boolean allows(Discussion discussion) {
    return allows(discussion.channelId());
  }

  /**
   * The channels in this scope but not in {@code other}. Every channel minus a few cannot be
   * listed, so it stays every channel: callers use the difference to find what to hold back, where
   * more is safe.
   */
  public ChannelScope minus(ChannelScope other) {
    if (other.everyChannel) {
      return NONE;
    }
    if (everyChannel) {
      return this;
    }
    Set<Long> rest = new HashSet<>(channelIds);
    rest.removeAll(other.channelIds);
    return only(rest);
  }

  /** The channels in both scopes. */
  public ChannelScope and(ChannelScope other) {
    if (everyChannel) {
      return other;
    }
    if (other.everyChannel) {
      return this;
    }
    Set<Long> both = new HashSet<>(channelIds);
    both.retainAll(other.channelIds);
    return only(both);
  }
}
