package dev.takebot.takes;

import dev.takebot.sentiment.Label;
import java.util.EnumMap;
import java.util.Map;

/**
 * Aggregates of one discussion, kept up to date incrementally by the store so that a summary never
 * scans the takes.
 *
 * @param takes number of takes
 * @param members distinct authors
 * @param byLabel takes per label (every label present, possibly 0)
 * @param scoreSum sum of scores, for the mean tone
 */
public record TakeStats(long takes, long members, Map<Label, Long> byLabel, double scoreSum) {
  public TakeStats {
    EnumMap<Label, Long> copy = new EnumMap<>(Label.class);
    for (Label l : Label.values()) {
      copy.put(l, byLabel.getOrDefault(l, 0L));
    }
    byLabel = Map.copyOf(copy);
  }

  public double meanScore() {
    return takes == 0 ? 0 : scoreSum / takes;
  }

  public double share(Label label) {
    return takes == 0 ? 0 : (double) byLabel.get(label) / takes;
  }
}
