package dev.takebot.text;

/**
 * Light English stemming for lower-case words: enough to count "relation" and "relations" as one
 * term.
 */
public final class Stems {
  private Stems() {}

  /**
   * Plural to singular for words of five letters or more ("minerals" → "mineral", "countries" →
   * "country"); "ss", "us" and "is" endings are not plurals ("press", "virus", "crisis").
   */
  public static String singular(String lower) {
    return singular(lower, 5);
  }

  /**
   * {@link #singular} down to four-letter words ("jobs" → "job"), and "-ing" (words of six letters
   * or more) and "-ed" (five or more, not "-eed") cut off: "talking" → "talk", "signed" → "sign".
   */
  public static String light(String lower) {
    int n = lower.length();
    if (n > 5 && lower.endsWith("ing")) {
      return lower.substring(0, n - 3);
    }
    if (n > 4 && lower.endsWith("ed") && !lower.endsWith("eed")) {
      return lower.substring(0, n - 2);
    }
    return singular(lower, 4);
  }

  private static String singular(String lower, int shortestPlural) {
    int n = lower.length();
    if (n > 4 && lower.endsWith("ies")) {
      return lower.substring(0, n - 3) + "y";
    }
    if (n >= shortestPlural
        && lower.endsWith("s")
        && !lower.endsWith("ss")
        && !lower.endsWith("us")
        && !lower.endsWith("is")) {
      return lower.substring(0, n - 1);
    }
    return lower;
  }
}
