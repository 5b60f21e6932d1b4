package dev.takebot.sentiment;

import java.util.Locale;

/**
 * Agreement between predicted scores and human labels, computed as the project's baselines are:
 * three classes from the score (positive above 0.05, negative below -0.05, else neutral; "mixed"
 * counts by the sign of its score), accuracy, macro-F1, support-weighted F1, and Pearson r against
 * gold scores where present.
 *
 * @param n items compared on three classes (gold "mixed" items are not among them)
 * @param pearson Pearson r against gold scores, NaN when the data has none
 * @param confusion counts indexed [gold][predicted] in the order positive, neutral, negative
 * @param goldMixed items whose gold label is "mixed"
 * @param goldMixedReadMixed of those, how many the analyser labelled mixed
 */
public record Evaluation(
    int n,
    double pearson,
    double accuracy,
    double macroF1,
    double weightedF1,
    int[][] confusion,
    int goldMixed,
    int goldMixedReadMixed) {

  static final Label[] ORDER = {Label.POSITIVE, Label.NEUTRAL, Label.NEGATIVE};

  /**
   * Compares predictions with gold labels (and gold scores; NaN entries are skipped for Pearson r).
   */
  public static Evaluation of(Label[] gold, double[] goldScore, Sentiment[] predicted) {
    int[][] cm = new int[3][3];
    int n = 0;
    int mixed = 0;
    int mixedHit = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    int m = 0;
    for (int i = 0; i < gold.length; i++) {
      double p = predicted[i].score();
      if (goldScore != null && !Double.isNaN(goldScore[i])) {
        double g = goldScore[i];
        sx += p;
        sy += g;
        sxx += p * p;
        syy += g * g;
        sxy += p * g;
        m++;
      }
      if (gold[i] == Label.MIXED) {
        mixed++;
        if (predicted[i].label() == Label.MIXED) {
          mixedHit++;
        }
        continue;
      }
      cm[index(gold[i])][index(Label.threeClass(p))]++;
      n++;
    }
    double pearson = Double.NaN;
    if (m > 1) {
      double cov = sxy - sx * sy / m;
      double vx = sxx - sx * sx / m;
      double vy = syy - sy * sy / m;
      pearson = vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : 0;
    }
    int correct = 0;
    double macro = 0;
    double weighted = 0;
    for (int c = 0; c < 3; c++) {
      correct += cm[c][c];
      int support = cm[c][0] + cm[c][1] + cm[c][2];
      int predictedC = cm[0][c] + cm[1][c] + cm[2][c];
      double precision = predictedC == 0 ? 0 : (double) cm[c][c] / predictedC;
      double recall = support == 0 ? 0 : (double) cm[c][c] / support;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      macro += f1 / 3;
      weighted += n == 0 ? 0 : f1 * support / n;
    }
    return new Evaluation(
        n, pearson, n == 0 ? 0 : (double) correct / n, macro, weighted, cm, mixed, mixedHit);
  }

  private static int index(Label l) {
    return switch (l) {
      case POSITIVE -> 0;
      case NEUTRAL -> 1;
      case NEGATIVE -> 2;
      case MIXED -> throw new IllegalArgumentException("mixed has no three-class index");
    };
  }

  /** The columns of {@link #row}. */
  public static final String ROW_HEADER =
      "part\tn\tpearson_r\taccuracy\tmacro_f1\tweighted_f1\tgold_mixed_read_mixed";

  /** One tab-separated line of the figures, named {@code part} (see {@link #ROW_HEADER}). */
  public String row(String part) {
    return String.format(
        Locale.ROOT,
        "%s\t%d\t%s\t%s\t%s\t%s\t%s",
        part,
        n,
        Double.isNaN(pearson) ? "-" : fmt(pearson),
        fmt(accuracy),
        fmt(macroF1),
        fmt(weightedF1),
        goldMixed == 0 ? "-" : goldMixedReadMixed + "/" + goldMixed);
  }

  /** A short human-readable report. */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "n\t%d%n", n));
    if (n == 0) {
      b.append(
          String.format(
              Locale.ROOT, "gold_mixed\t%d (read as mixed: %d)%n", goldMixed, goldMixedReadMixed));
      return b.append("no positive/neutral/negative gold labels to score\n").toString();
    }
    b.append(
        String.format(Locale.ROOT, "pearson_r\t%s%n", Double.isNaN(pearson) ? "-" : fmt(pearson)));
    b.append(String.format(Locale.ROOT, "accuracy\t%s%n", fmt(accuracy)));
    b.append(String.format(Locale.ROOT, "macro_f1\t%s%n", fmt(macroF1)));
    b.append(String.format(Locale.ROOT, "weighted_f1\t%s%n", fmt(weightedF1)));
    if (goldMixed > 0) {
      b.append(
          String.format(
              Locale.ROOT, "gold_mixed\t%d (read as mixed: %d)%n", goldMixed, goldMixedReadMixed));
    }
    b.append("confusion (rows gold, columns predicted)\n");
    b.append(
        String.format(Locale.ROOT, "%-10s%10s%10s%10s%n", "", "positive", "neutral", "negative"));
    for (int g = 0; g < 3; g++) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-10s%10d%10d%10d%n",
              ORDER[g].id(),
              confusion[g][0],
              confusion[g][1],
              confusion[g][2]));
    }
    return b.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
