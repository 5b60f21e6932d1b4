package dev.takebot.sentiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Fits {@link Calibration}'s four weights on the fitting halves of the shared dev sets that carry
 * gold scores, prints them with their provenance and each half's Pearson r before and after, and
 * with {@code --write} stores them in {@code src/main/resources/sentiment/calibration.tsv}. Labels
 * do not depend on the calibration, so the objective is Pearson r alone: the sum over the sets,
 * with a penalty on any set losing more than 0.001. The search is a deterministic coordinate
 * descent from fixed starting weights, so the same data gives the same weights. Run with the test
 * classpath: {@code java -cp target/classes:target/test-classes:DEPS
 * dev.takebot.sentiment.CalibrationFit ../shared/data/sentiment/dev [--write]}.
 */
final class CalibrationFit {
  static final String[] SETS = {
    "vader_tweets.tsv", "vader_nyt.tsv", "vader_movies.tsv", "vader_amazon.tsv"
  };
  private static final double[] START = {1.0, 1.0, 0.5, 5.0};
  private static final double[] STEP = {0.1, 0.2, 0.1, 1.0};
  private static final int[] MOVES = {-4, -2, -1, 1, 2, 4};
  private static final int ROUNDS = 6;

  private CalibrationFit() {}

  /** One text's evidence as the rules left it, and its gold score. */
  record Point(double rule, double pos, double neg, int tokens, double amp, double gold) {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment/dev");
    boolean write = List.of(args).contains("--write");
    Lexicon lex = new Lexicon(CalibrationFit.class.getClassLoader());
    Tokenizer tokenizer = new Tokenizer(lex);
    Scorer scorer =
        new Scorer(lex, Tuning.DEFAULT, Calibration.load(CalibrationFit.class.getClassLoader()));
    FitSets<Point> sets =
        FitSets.read(
            SETS,
            set -> Files.readAllBytes(dir.resolve(set)),
            r -> point(tokenizer, scorer, r.text(), r.goldScore()),
            p -> true);
    List<List<Point>> fitting = sets.fitting();
    List<List<Point>> checking = sets.checking();
    String provenance = sets.provenance();
    double[] base = new double[SETS.length];
    for (int s = 0; s < SETS.length; s++) {
      base[s] = pearson(fitting.get(s), null);
    }
    double[] w = START.clone();
    double best = objective(fitting, base, w);
    for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < w.length; k++) {
        for (int move : MOVES) {
          double[] q = w.clone();
          q[k] += move * STEP[k] / (round + 1);
          if (q[3] <= 0 || q[2] < 0 || q[1] < 0 || q[0] <= 0) {
            continue;
          }
          double v = objective(fitting, base, q);
          if (v > best) {
            best = v;
            w = q;
          }
        }
      }
    }
    Calibration fitted = new Calibration(round(w[0]), round(w[1]), round(w[2]), round(w[3]));
    StringBuilder out = new StringBuilder();
    out.append("# Calibration of the sentiment score's strength (see Calibration.java).\n")
        .append("# Fitted by: java -cp target/classes:target/test-classes:DEPS")
        .append(" dev.takebot.sentiment.CalibrationFit ../shared/data/sentiment/dev --write\n")
        .append("# on the fitting halves of the shared dev sets with gold scores (")
        .append(Half.RULE)
        .append("),\n# maximising the sum of Pearson r (labels do not depend on these weights):\n")
        .append(provenance)
        .append("# Pearson r, rules only -> calibrated:\n");
    for (int s = 0; s < SETS.length; s++) {
      out.append(
          String.format(
              Locale.ROOT,
              "#   %-18s fitting %.4f -> %.4f   checking %.4f -> %.4f%n",
              SETS[s],
              base[s],
              pearson(fitting.get(s), fitted),
              pearson(checking.get(s), null),
              pearson(checking.get(s), fitted)));
    }
    out.append("negativeWeight\t").append(fitted.negativeWeight).append('\n');
    out.append("emphasis\t").append(fitted.emphasis).append('\n');
    out.append("lengthExponent\t").append(fitted.lengthExponent).append('\n');
    out.append("alpha\t").append(fitted.alpha).append('\n');
    System.out.print(out);
    if (write) {
      Path target = Path.of("src/main/resources", Calibration.RESOURCE);
      Files.writeString(target, out);
      System.out.println("written to " + target);
    }
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static Point point(Tokenizer tokenizer, Scorer scorer, String raw, double gold) {
    TokenBuffer tb = FitSets.tokens(tokenizer, raw);
    // A text with nothing scored never reaches the calibration: its evidence stays zero.
    tb.ruleScore = 0;
    tb.positive = 0;
    tb.negative = 0;
    tb.emphasis = 0;
    tb.length = 1;
    scorer.score(tb);
    return new Point(tb.ruleScore, tb.positive, tb.negative, tb.length, tb.emphasis, gold);
  }

  private static double objective(List<List<Point>> sets, double[] base, double[] w) {
    Calibration c = new Calibration(w[0], w[1], w[2], w[3]);
    double v = 0;
    for (int s = 0; s < sets.size(); s++) {
      double r = pearson(sets.get(s), c);
      v += r - base[s] - 5 * Math.max(0, base[s] - r - 0.001);
    }
    return v;
  }

  /** Pearson r of the gold scores with the rules' scores ({@code c} null) or calibrated ones. */
  static double pearson(List<Point> points, Calibration c) {
    int n = points.size();
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (Point p : points) {
      double x = c == null ? p.rule() : c.score(p.rule(), p.pos(), p.neg(), p.tokens(), p.amp());
      double y = p.gold();
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
    double cov = sxy - sx * sy / n;
    return cov / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
  }
}
