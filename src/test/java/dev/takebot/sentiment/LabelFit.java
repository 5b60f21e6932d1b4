package dev.takebot.sentiment;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits {@link LabelModel}, the learned decision of the label (neutral or polar, and the side), on
 * the fitting halves of the five shared dev sets; prints each half's weighted F1 and Pearson r
 * before and after and the Discord take sets' figures per half (the blind set's figures only, never
 * a reading); with {@code --write} stores the model with its provenance in {@code
 * src/main/resources/sentiment/label-model.tsv}. Run with the test classpath: {@code java -cp
 * target/classes:target/test-classes:DEPS dev.takebot.sentiment.LabelFit
 * ../shared/data/sentiment/dev [L2] [--write]} (L2 defaults to 100).
 *
 * <p>The fitting: two L2-regularised logistic models over the {@link LabelModel#FEATURES}
 * standardised features {@link LabelModel#features} computes (polar against neutral gold; positive
 * against negative gold), each set weighted equally, by Newton's method from zero weights; then
 * their two thresholds are picked on a 0.05 grid by the sum of the fitting halves' weighted-F1
 * gains less 5 × any loss, smoothed over the neighbouring grid points. Everything is deterministic,
 * so the same data gives the same weights. The texts are read by the rules alone (no model), and
 * every figure after fitting comes from {@link LabelModel#score}, the method the analyser calls.
 *
 * <p>Variants tried and not shipped: a hand-shaped rule fitted by coordinate descent on weighted F1
 * (tweets and goemotions lost on their checking halves), a guard on the takes' fitting halves
 * (goemotions lost), the rules' side kept (more negative takes read positive), a demote-only
 * decision (nothing gained), and this model without the "no new positives" guard, which read more
 * negative takes as positive (the README's paragraph on the learned label decision gives those
 * figures).
 */
final class LabelFit {
  static final String[] SETS = {
    "vader_tweets.tsv", "vader_nyt.tsv", "vader_movies.tsv", "vader_amazon.tsv", "goemotions.tsv"
  };
  static final String[] TAKE_SETS = {"discord-takes.tsv", "discord-takes-2.tsv"};
  static final double DEFAULT_L2 = 100;

  static final int POS = 0;
  static final int NEU = 1;
  static final int NEG = 2;
  static final int MIX = 3;

  private static final double GRID_FROM = -3;
  private static final double GRID_STEP = 0.05;
  private static final int GRID_STEPS = 121;

  private LabelFit() {}

  /**
   * One text as the rules read it: its features, its length in tokens (for the calibration), its
   * rules' score and whether they read it mixed, and its gold label (POS, NEU, NEG or MIX) and
   * score (NaN when the set has none).
   */
  record Point(double[] f, int tokens, double shipped, boolean mixed, int gold, double goldScore) {}

  /** The sets' halves as read by the rules, and each file's provenance line. */
  record Data(
      List<List<Point>> fitting,
      List<List<Point>> checking,
      List<List<Point>> takesFitting,
      List<List<Point>> takesChecking,
      String provenance) {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment/dev");
    boolean write = List.of(args).contains("--write");
    double l2 =
        args.length > 1 && !args[1].startsWith("--") ? Double.parseDouble(args[1]) : DEFAULT_L2;
    ClassLoader loader = LabelFit.class.getClassLoader();
    Calibration calibration = Calibration.load(loader);
    Data data = read(dir, calibration);
    LabelModel model = fit(data.fitting(), l2, calibration);
    String out = resource(data, model, l2, calibration);
    System.out.print(out);
    if (write) {
      Path target = Path.of("src/main/resources", LabelModel.RESOURCE);
      Files.writeString(target, out);
      System.out.println("written to " + target);
    }
  }

  /** Reads the five sets and both take sets by the rules alone. */
  static Data read(Path dir, Calibration calibration) throws Exception {
    ClassLoader loader = LabelFit.class.getClassLoader();
    Lexicon lex = new Lexicon(loader);
    Tokenizer tokenizer = new Tokenizer(lex);
    Scorer rules = new Scorer(lex, Tuning.DEFAULT, calibration);
    FitSets<Point> sets =
        FitSets.read(
            SETS,
            set -> Files.readAllBytes(dir.resolve(set)),
            r -> point(tokenizer, rules, r.text(), r.goldLabel(), r.goldScore()),
            p -> p.gold() != MIX);
    FitSets<Point> takes =
        FitSets.read(
            TAKE_SETS,
            set -> {
              try (InputStream in = loader.getResourceAsStream("sentiment/" + set)) {
                return in.readAllBytes();
              }
            },
            r -> point(tokenizer, rules, r.text(), r.goldLabel(), r.goldScore()),
            p -> true);
    return new Data(
        sets.fitting(), sets.checking(), takes.fitting(), takes.checking(), sets.provenance());
  }

  /** One text read by {@code rules} (a scorer without a model), as the analyser reads it. */
  static Point point(
      Tokenizer tokenizer, Scorer rules, String raw, String goldLabel, double goldScore) {
    TokenBuffer tb = FitSets.tokens(tokenizer, raw);
    Sentiment s = rules.score(tb);
    double[] f = new double[LabelModel.FEATURES];
    boolean mixed = s.label() == Label.MIXED;
    LabelModel.features(tb, tb.scoredCount, s.score(), mixed, f);
    Label g = goldLabel == null ? Label.NEUTRAL : Label.parse(goldLabel);
    int gold = g == Label.POSITIVE ? POS : g == Label.NEGATIVE ? NEG : g == Label.MIXED ? MIX : NEU;
    int tokens = tb.scoredCount > 0 ? tb.length : 1;
    return new Point(f, tokens, s.score(), mixed, gold, goldScore);
  }

  /** The reading of {@code x}: the rules' ({@code model} null) or the model's. */
  static Sentiment reading(Point x, LabelModel model, Calibration c) {
    double score = model == null ? x.shipped() : model.score(x.f(), x.tokens(), c);
    return new Sentiment(x.mixed() ? Label.MIXED : Label.threeClass(score), score, List.of());
  }

  /** Fits both models and their thresholds on the fitting halves. */
  static LabelModel fit(List<List<Point>> fit, double l2, Calibration c) {
    Logit polar = train(fit, p -> p.gold() == NEU ? 0 : 1, l2);
    Logit side = train(fit, p -> p.gold() == NEU ? -1 : p.gold() == POS ? 1 : 0, l2);
    // Both models standardise over the same points, so they share means and scales.
    LabelModel m = new LabelModel(polar.mean(), polar.sd(), polar.w(), side.w(), 0, 0);
    double[] base = new double[fit.size()];
    for (int s = 0; s < fit.size(); s++) {
      base[s] = figures(fit.get(s), null, c)[0];
    }
    double[][] obj = new double[GRID_STEPS][GRID_STEPS];
    for (int i = 0; i < GRID_STEPS; i++) {
      for (int j = 0; j < GRID_STEPS; j++) {
        LabelModel q = m.withThresholds(GRID_FROM + GRID_STEP * i, GRID_FROM + GRID_STEP * j);
        double sum = 0;
        double loss = 0;
        for (int s = 0; s < fit.size(); s++) {
          double g = figures(fit.get(s), q, c)[0] - base[s];
          sum += g;
          loss += Math.max(0, -g);
        }
        obj[i][j] = sum - 5 * loss;
      }
    }
    double best = -1e9;
    int bi = 0;
    int bj = 0;
    for (int i = 1; i < GRID_STEPS - 1; i++) {
      for (int j = 1; j < GRID_STEPS - 1; j++) {
        double v = 0;
        for (int di = -1; di <= 1; di++) {
          for (int dj = -1; dj <= 1; dj++) {
            v += obj[i + di][j + dj] / 9;
          }
        }
        if (v > best) {
          best = v;
          bi = i;
          bj = j;
        }
      }
    }
    return m.withThresholds(round(GRID_FROM + GRID_STEP * bi), round(GRID_FROM + GRID_STEP * bj));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The resource: provenance header, one row per feature, the thresholds. */
  static String resource(Data data, LabelModel model, double l2, Calibration c) {
    StringBuilder out = new StringBuilder();
    out.append("# Learned decision of the sentiment label (see LabelModel.java).\n")
        .append("# Fitted by: java -cp target/classes:target/test-classes:DEPS")
        .append(" dev.takebot.sentiment.LabelFit ../shared/data/sentiment/dev ")
        .append(fmt(l2))
        .append(" --write\n")
        .append("# on the fitting halves of the shared dev sets (")
        .append(Half.RULE)
        .append("),\n# gold-mixed texts left out, each set weighted equally: two logistic models")
        .append(" (L2 ")
        .append(fmt(l2))
        .append(") over the standardised features,\n# polar against neutral gold and positive")
        .append(" against negative gold, fitted by Newton's method; thresholds on a 0.05 grid\n")
        .append("# maximising the sum of the fitting halves' weighted-F1 gains less 5 x any")
        .append(" loss, smoothed over neighbouring grid points.\n")
        .append(data.provenance())
        .append("# Weighted F1 and Pearson r, rules -> learned:\n");
    for (int s = 0; s < SETS.length; s++) {
      double[] f0 = figures(data.fitting().get(s), null, c);
      double[] f1 = figures(data.fitting().get(s), model, c);
      double[] c0 = figures(data.checking().get(s), null, c);
      double[] c1 = figures(data.checking().get(s), model, c);
      out.append(
          String.format(
              Locale.ROOT,
              "#   %-18s fitting wF1 %.4f -> %.4f r %.4f -> %.4f   checking wF1 %.4f -> %.4f r"
                  + " %.4f -> %.4f%n",
              SETS[s],
              f0[0],
              f1[0],
              f0[1],
              f1[1],
              c0[0],
              c1[0],
              c0[1],
              c1[1]));
    }
    out.append(
        "# Discord takes (not fitted on; the second set written blind), rules -> learned:\n");
    for (int t = 0; t < TAKE_SETS.length; t++) {
      for (Half h : Half.values()) {
        List<Point> part = (h == Half.FITTING ? data.takesFitting() : data.takesChecking()).get(t);
        DiscordTakesTest.Figures f0 = takes(part, null, c);
        DiscordTakesTest.Figures f1 = takes(part, model, c);
        out.append(
            String.format(
                Locale.ROOT,
                "#   %-19s %-8s four-class wF1 %.3f -> %.3f three-class wF1 %.3f -> %.3f"
                    + " negatives read positive %.1f%% -> %.1f%% mixed recall %.2f%n",
                TAKE_SETS[t],
                h.id(),
                f0.fourClassF1(),
                f1.fourClassF1(),
                f0.threeClassF1(),
                f1.threeClassF1(),
                100 * f0.negativesReadPositive(),
                100 * f1.negativesReadPositive(),
                f1.mixed()));
      }
    }
    out.append(LabelModel.COLUMNS).append('\n');
    for (int k = 0; k < LabelModel.FEATURES; k++) {
      out.append(LabelModel.NAMES[k])
          .append('\t')
          .append(model.mean[k])
          .append('\t')
          .append(model.scale[k])
          .append('\t')
          .append(model.polar[k])
          .append('\t')
          .append(model.side[k])
          .append('\n');
    }
    out.append("polarThreshold\t").append(model.polarThreshold).append('\n');
    out.append("sideThreshold\t").append(model.sideThreshold).append('\n');
    return out.toString();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * The take figures DiscordTakesTest asserts (four-class and three-class weighted F1, negatives
   * read positive, mixed recall), for the rules' or the model's readings. Computed here rather than
   * by DiscordTakesTest, which loads the shipped model this command may be about to write.
   */
  static DiscordTakesTest.Figures takes(List<Point> points, LabelModel model, Calibration c) {
    int[][] cm = new int[4][4];
    List<Label> gold3 = new ArrayList<>();
    List<Sentiment> read3 = new ArrayList<>();
    int negatives = 0;
    int negativesPositive = 0;
    int mixed = 0;
    int mixedHit = 0;
    for (Point p : points) {
      Sentiment s = reading(p, model, c);
      int read = s.label() == Label.MIXED ? MIX : index(Label.threeClass(s.score()));
      cm[p.gold()][read]++;
      gold3.add(GOLD[p.gold()]);
      read3.add(s);
      if (p.gold() == NEG) {
        negatives++;
        negativesPositive += Label.threeClass(s.score()) == Label.POSITIVE ? 1 : 0;
      }
      if (p.gold() == MIX) {
        mixed++;
        mixedHit += s.label() == Label.MIXED ? 1 : 0;
      }
    }
    double weighted = 0;
    for (int g = 0; g < 4; g++) {
      int support = 0;
      int predicted = 0;
      for (int q = 0; q < 4; q++) {
        support += cm[g][q];
        predicted += cm[q][g];
      }
      weighted += support + predicted == 0 ? 0 : 2.0 * cm[g][g] / (support + predicted) * support;
    }
    return new DiscordTakesTest.Figures(
        points.size(),
        weighted / points.size(),
        Evaluation.of(gold3.toArray(Label[]::new), null, read3.toArray(Sentiment[]::new))
            .weightedF1(),
        (double) negativesPositive / negatives,
        (double) mixedHit / mixed);
  }

  private static final Label[] GOLD = {Label.POSITIVE, Label.NEUTRAL, Label.NEGATIVE, Label.MIXED};

  private static int index(Label l) {
    return l == Label.POSITIVE ? POS : l == Label.NEGATIVE ? NEG : NEU;
  }

  /** Weighted F1, Pearson r and accuracy of the rules' ({@code m} null) or the model's readings. */
  static double[] figures(List<Point> points, LabelModel m, Calibration c) {
    int n = points.size();
    Label[] gold = new Label[n];
    double[] gs = new double[n];
    Sentiment[] pred = new Sentiment[n];
    boolean hasScore = false;
    for (int i = 0; i < n; i++) {
      Point x = points.get(i);
      gold[i] = x.gold() == POS ? Label.POSITIVE : x.gold() == NEG ? Label.NEGATIVE : Label.NEUTRAL;
      gs[i] = x.goldScore();
      hasScore |= !Double.isNaN(x.goldScore());
      pred[i] = reading(x, m, c);
    }
    Evaluation e = Evaluation.of(gold, hasScore ? gs : null, pred);
    return new double[] {e.weightedF1(), e.pearson(), e.accuracy()};
  }

  /** A logistic model over the standardised features: z = w·((f - mean) / sd). */
  record Logit(double[] mean, double[] sd, double[] w) {
    double z(double[] f) {
      double z = w[0];
      for (int k = 1; k < f.length; k++) {
        z += w[k] * (f[k] - mean[k]) / sd[k];
      }
      return z;
    }
  }

  interface Target {
    /** 1 or 0 for a point that takes part, -1 for one that does not. */
    int y(Point p);
  }

  /**
   * Fits a logistic model by Newton's method, each set weighted equally, with an L2 penalty on
   * every weight but the bias. The standardisation is over all points of all sets.
   */
  static Logit train(List<List<Point>> sets, Target t, double l2) {
    int d = sets.get(0).get(0).f().length;
    double[] mean = new double[d];
    double[] sd = new double[d];
    double total = 0;
    for (List<Point> set : sets) {
      for (Point p : set) {
        for (int k = 0; k < d; k++) {
          mean[k] += p.f()[k];
        }
        total++;
      }
    }
    for (int k = 0; k < d; k++) {
      mean[k] /= total;
    }
    for (List<Point> set : sets) {
      for (Point p : set) {
        for (int k = 0; k < d; k++) {
          double x = p.f()[k] - mean[k];
          sd[k] += x * x;
        }
      }
    }
    for (int k = 0; k < d; k++) {
      sd[k] = Math.sqrt(sd[k] / total);
      if (sd[k] < 1e-9) {
        sd[k] = 1;
      }
    }
    mean[0] = 0;
    sd[0] = 1;
    double[] w = new double[d];
    Logit m = new Logit(mean, sd, w);
    for (int iter = 0; iter < 30; iter++) {
      double[] g = new double[d];
      double[][] h = new double[d][d];
      for (List<Point> set : sets) {
        int n = 0;
        for (Point p : set) {
          n += t.y(p) >= 0 ? 1 : 0;
        }
        double weight = 1000.0 / n;
        for (Point p : set) {
          int y = t.y(p);
          if (y < 0) {
            continue;
          }
          double[] x = new double[d];
          for (int k = 0; k < d; k++) {
            x[k] = (p.f()[k] - mean[k]) / sd[k];
          }
          double pr = 1 / (1 + Math.exp(-m.z(p.f())));
          for (int a = 0; a < d; a++) {
            g[a] += weight * (pr - y) * x[a];
            for (int b = 0; b < d; b++) {
              h[a][b] += weight * pr * (1 - pr) * x[a] * x[b];
            }
          }
        }
      }
      for (int a = 1; a < d; a++) {
        g[a] += l2 * w[a];
        h[a][a] += l2;
      }
      for (int a = 0; a < d; a++) {
        h[a][a] += 1e-9;
      }
      double[] step = solve(h, g);
      for (int a = 0; a < d; a++) {
        w[a] -= step[a];
      }
    }
    return m;
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a0, double[] b0) {
    int n = b0.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = a0[i].clone();
    }
    double[] b = b0.clone();
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      double tb = b[c];
      b[c] = b[piv];
      b[piv] = tb;
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k < n; k++) {
          a[r][k] -= f * a[c][k];
        }
        b[r] -= f * b[c];
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double v = b[i];
      for (int k = i + 1; k < n; k++) {
        v -= a[i][k] * x[k];
      }
      x[i] = v / a[i][i];
    }
    return x;
  }
}
