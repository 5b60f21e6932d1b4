package dev.takebot.sentiment;

import java.util.List;

/**
 * The analyser's reading of one text.
 *
 * @param label positive, negative, neutral or mixed
 * @param score overall polarity in [-1, 1]
 * @param reasons the words, emoji or rules that drove the reading, most influential first
 */
public record Sentiment(Label label, double score, List<String> reasons) {
  /**
   * The reason added after the words when the text read as ironic: its praise counts against it.
   */
  public static final String IRONY = "irony";

  /**
   * The reason added after the words when a take on the news reads as scorn that no word says ("new
   * course, same mines"): the learned judge of cynicism read its wording. {@link #LEARNED} follows
   * it.
   */
  public static final String CYNICISM = "cynicism";

  /** The reason added after the words when the learned label decision moved the rules' reading. */
  public static final String LEARNED = "learned";

  public Sentiment {
    if (!(score >= -1 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [-1, 1]: " + score);
    }
    reasons = List.copyOf(reasons);
  }

  public static Sentiment neutral() {
    return new Sentiment(Label.NEUTRAL, 0, List.of());
  }
}
