package dev.takebot.sentiment;

import java.util.List;

/**
 * VADER's figures on the dev files, copied from {@code ../shared/data/sentiment/dev/BASELINES.md}.
 */
final class DevBaselines {
  record Baseline(
      String file, double pearson, double accuracy, double macroF1, double weightedF1) {}

  static final List<Baseline> ALL =
      List.of(
          new Baseline("vader_tweets.tsv", 0.876, 0.892, 0.737, 0.885),
          new Baseline("vader_nyt.tsv", 0.496, 0.534, 0.532, 0.540),
          new Baseline("vader_movies.tsv", 0.428, 0.548, 0.402, 0.575),
          new Baseline("vader_amazon.tsv", 0.600, 0.602, 0.539, 0.620),
          new Baseline("goemotions.tsv", Double.NaN, 0.638, 0.612, 0.625));

  private DevBaselines() {}
}
