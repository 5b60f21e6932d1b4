package dev.takebot.takes;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners told after any change to a discussion's takes, shared by the services that make
 * such changes so a cached summary hears of every one of them.
 */
final class TakeChanges {
  private static final Logger log = LoggerFactory.getLogger(TakeChanges.class);

  private final List<TakeListener> listeners = new CopyOnWriteArrayList<>();

  void add(TakeListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Tells every listener; one that throws is logged and the others still hear of it. */
  void changed(long postMessageId) {
    for (TakeListener l : listeners) {
      try {
        l.takesChanged(postMessageId);
      } catch (RuntimeException e) {
        log.warn("Take listener {} failed for discussion {}", l, postMessageId, e);
      }
    }
  }
}
