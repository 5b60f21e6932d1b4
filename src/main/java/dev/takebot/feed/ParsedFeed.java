package dev.takebot.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A feed as read: its title and items in the feed's order.
 *
 * @param title the feed's title, or "" when it has none
 */
public record ParsedFeed(String title, List<FeedItem> items) {
  public ParsedFeed {
    items = List.copyOf(items);
  }

  /** The newest item: the latest dated one, else the first listed (feeds list newest first). */
  public Optional<FeedItem> newest() {
    if (items.stream().allMatch(i -> i.published() == null)) {
      return items.stream().findFirst();
    }
    return items.stream()
        .filter(i -> i.published() != null)
        .max(Comparator.comparing(FeedItem::published));
  }

  /** Items oldest first (undated ones keep their order, after dated ones), for posting in order. */
  public List<FeedItem> oldestFirst() {
    List<FeedItem> reversed = new java.util.ArrayList<>(items);
    java.util.Collections.reverse(reversed); // feeds list newest first
    return reversed.stream()
        .sorted(
            Comparator.comparing(
                FeedItem::published, Comparator.nullsLast(Comparator.<Instant>naturalOrder())))
        .toList();
  }
}
