package dev.takebot.sentiment;

import java.util.List;
import java.util.Optional;

/**
 * Python VADER's figures on the shared dev files, from {@code
 * ../shared/data/sentiment/dev/BASELINES.md} (whole files only: the reference was not run per
 * half), so that {@code sentiment --eval} can print them next to ours.
 */
public final class VaderBaselines {
  /**
   * One file's figures.
   *
   * @param n the file's number of texts: figures for the whole file only
   * @param pearson NaN where the file has no gold scores
   */
  public record Baseline(
      String file, int n, double pearson, double accuracy, double macroF1, double weightedF1) {}

  public static final List<Baseline> ALL =
      List.of(
          new Baseline("vader_tweets.tsv", 2127, 0.876, 0.892, 0.737, 0.885),
          new Baseline("vader_nyt.tsv", 2532, 0.496, 0.534, 0.532, 0.540),
          new Baseline("vader_movies.tsv", 5265, 0.428, 0.548, 0.402, 0.575),
          new Baseline("vader_amazon.tsv", 1866, 0.600, 0.602, 0.539, 0.620),
          new Baseline("goemotions.tsv", 4652, Double.NaN, 0.638, 0.612, 0.625));

  private VaderBaselines() {}

  /**
   * The figures for a file of this name and size, if it is one of the shared dev files (a part of
   * one, or another file of the same name, has none: the whole file's figures would mislead).
   */
  public static Optional<Baseline> forFile(String fileName, int n) {
    return ALL.stream().filter(b -> b.file().equals(fileName) && b.n() == n).findFirst();
  }
}
