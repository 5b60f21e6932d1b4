package dev.takebot.sentiment;

/**
 * The few global numbers fitted on the development sets. Everything else is lexicon data or VADER's
 * published constants. Changing a default changes readings, so {@link
 * LexiconSentimentAnalyzer#version()} includes them.
 *
 * @param alpha normalisation constant of {@code x / sqrt(x² + alpha)} (VADER uses 15)
 * @param scale multiplier applied to every lexicon valence
 * @param deadZone summed valence below which a text reads as neutral; the rest is shifted towards
 *     zero
 * @param negation factor applied to a negated valence (VADER: -0.74)
 * @param beforeContrast weight of the words before "but" (VADER: 0.5)
 * @param afterContrast weight of the words after "but" (VADER: 1.5)
 * @param sarcasm factor applied to the whole text when it carries a {@code /s} marker
 * @param quoted weight of words in quoted lines ({@code > ...}), which are usually someone else's
 *     words
 * @param mixedMin smallest positive and negative mass for a "mixed" reading
 * @param bareNegation valence of a negation with no sentiment word to negate
 * @param mixedRatio smallest ratio of the weaker to the stronger side for a "mixed" reading
 * @param question weight of words in a sentence that ends in a question mark
 * @param inquiry weight of words in a question that opens with a question word ("is the stream
 *     live?"), which asks rather than judges
 */
record Tuning(
    double alpha,
    double scale,
    double deadZone,
    double negation,
    double beforeContrast,
    double afterContrast,
    double sarcasm,
    double quoted,
    double mixedMin,
    double mixedRatio,
    double bareNegation,
    double question,
    double inquiry) {

  static final Tuning DEFAULT =
      new Tuning(15, 1.0, 0.1, -0.74, 0.6, 1.3, -0.6, 0.35, 1.0, 0.25, -0.4, 0.8, 0.15);

  String fingerprint() {
    // Joined rather than concatenated: a 25-part concatenation spins up its own method handles,
    // some 50 ms of a one-off "sentiment FILE" run's start-up.
    double[] values = {
      alpha,
      scale,
      deadZone,
      negation,
      beforeContrast,
      afterContrast,
      sarcasm,
      quoted,
      mixedMin,
      mixedRatio,
      bareNegation,
      question,
      inquiry
    };
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append('/');
      }
      b.append(values[i]);
    }
    return b.toString();
  }
}
