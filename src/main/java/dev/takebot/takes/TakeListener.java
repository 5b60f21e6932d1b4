package dev.takebot.takes;

/**
 * Told whenever the takes of a discussion change (added, edited, deleted), e.g. to drop a cached
 * summary. Called on the thread that made the change; implementations must be quick and must not
 * throw.
 */
@FunctionalInterface
public interface TakeListener {
  void takesChanged(long postMessageId);
}
