package dev.takebot.sentiment;

import java.util.Locale;

/** The four tags a take can carry. */
public enum Label {
  POSITIVE,
  NEGATIVE,
  NEUTRAL,
  MIXED;

  /** Lower-case name as used in commands, TSV and JSON. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()} (case-insensitive). */
  public static Label parse(String id) {
    try {
      return valueOf(id.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown sentiment '" + id + "': use positive, negative, neutral or mixed", e);
    }
  }

  /** The three-class reading used in evaluation: mixed counts by the sign of its score. */
  public static Label threeClass(double score) {
    return score > 0.05 ? POSITIVE : score < -0.05 ? NEGATIVE : NEUTRAL;
  }
}
