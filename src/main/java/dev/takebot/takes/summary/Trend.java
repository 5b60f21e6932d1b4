package dev.takebot.takes.summary;

import java.time.Instant;

/**
 * How the tone moved since an earlier summary.
 *
 * @param direction warmer, cooler, steady, or first when there is nothing to compare with
 * @param delta change of the mean score (0 when first)
 * @param newTakes takes added since (may be negative after deletions; 0 when first)
 * @param since when the earlier summary was made, or {@code null} when first
 */
public record Trend(Direction direction, double delta, long newTakes, Instant since) {
  /** Smallest change of the mean score that counts as movement. */
  static final double STEADY_BAND = 0.05;

  /** Which way the tone went. */
  public enum Direction {
    FIRST("•", "first summary"),
    WARMER("↗", "warming"),
    COOLER("↘", "cooling"),
    STEADY("→", "steady");

    private final String arrow;
    private final String words;

    Direction(String arrow, String words) {
      this.arrow = arrow;
      this.words = words;
    }

    public String arrow() {
      return arrow;
    }

    public String words() {
      return words;
    }
  }

  static Trend between(Baseline previous, long takes, double meanScore) {
    if (previous == null) {
      return new Trend(Direction.FIRST, 0, 0, null);
    }
    double delta = meanScore - previous.meanScore();
    Direction d =
        Math.abs(delta) < STEADY_BAND
            ? Direction.STEADY
            : delta > 0 ? Direction.WARMER : Direction.COOLER;
    return new Trend(d, delta, takes - previous.takes(), previous.at());
  }
}
