package dev.takebot.sentiment;

import static dev.takebot.sentiment.TokenBuffer.T_FACE;
import static dev.takebot.sentiment.TokenBuffer.T_NEGATED;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * A learned decision of the label, over evidence the rules already computed: two logistic models
 * over {@link #FEATURES} standardised features of a reading, one for polar against neutral and one
 * for the side, each with a threshold. Fitted on the fitting halves of the shared dev sets by the
 * test-scope {@code LabelFit} command, which writes {@code sentiment/label-model.tsv} with its
 * provenance.
 *
 * <p>The model only moves a reading across the neutral band or to the other side; the words the
 * reasons name stay those the rules weighed, and {@link Scorer} adds the reason {@link #REASON}
 * when the model moved the reading. A reading it calls polar gets its strength from {@link
 * Calibration} as the rules' readings do; one it calls neutral keeps the rules' score within the
 * neutral band. Two guards: it never turns a reading positive that the rules did not read positive
 * (the errors users notice most are negative takes tagged positive, and the model cannot see irony
 * the rules missed: without the guard it read more negative takes as positive), and a text with no
 * scored word stays as the rules read it. Whether a reading is mixed stays the rules' decision; the
 * model sets which way it leans.
 */
final class LabelModel {
  static final String RESOURCE = "sentiment/label-model.tsv";

  /** The reason a reading carries when the model moved it. */
  static final String REASON = Sentiment.LEARNED;

  /** The features, in the order of {@link #features} and of the resource's rows. */
  static final String[] NAMES = {
    "bias",
    "positive",
    "negative",
    "positive/sqrt(length)",
    "negative/sqrt(length)",
    "ruleScore",
    "score",
    "|score|",
    "|ruleScore|",
    "emphasis",
    "ln(length)",
    "question",
    "exclamation",
    "ironic",
    "contrast",
    "negated",
    "maxPositive",
    "maxNegative",
    "positiveWords",
    "negativeWords",
    "faces",
    "faceValence",
    "upperWords",
    "nothingScored",
    "min(positive,negative)",
    "mixed"
  };

  static final int FEATURES = NAMES.length;

  /** The resource's column heads, above the feature rows. */
  static final String COLUMNS = "feature\tmean\tscale\tpolar\tside";

  // Indexes of the features the decision reads besides the two models.
  static final int POSITIVE = 1;
  static final int NEGATIVE = 2;
  static final int RULE_SCORE = 5;
  static final int SCORE = 6;
  static final int EMPHASIS = 9;
  static final int NOTHING_SCORED = 23;

  /** Lengths below this read their logarithm and inverse square root from tables. */
  private static final int TABLE = 256;

  private static final double[] LOG = new double[TABLE];
  private static final double[] INV_SQRT = new double[TABLE];

  static {
    // The values Math.log and Math.sqrt give, looked up rather than computed for every text.
    for (int i = 1; i < TABLE; i++) {
      LOG[i] = Math.log(i);
      INV_SQRT[i] = 1 / Math.sqrt(i);
    }
  }

  final double[] mean;
  final double[] scale;
  final double[] polar;
  final double[] side;
  final double polarThreshold;
  final double sideThreshold;

  // The standardisation folded into the weights: z = bias + sum(w[k] * f[k]).
  private final double polarBias;
  private final double sideBias;
  private final double[] polarW = new double[FEATURES];
  private final double[] sideW = new double[FEATURES];

  LabelModel(
      double[] mean,
      double[] scale,
      double[] polar,
      double[] side,
      double polarThreshold,
      double sideThreshold) {
    for (double[] a : new double[][] {mean, scale, polar, side}) {
      if (a.length != FEATURES) {
        throw new IllegalArgumentException("a label model has " + FEATURES + " features");
      }
    }
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.polar = polar.clone();
    this.side = side.clone();
    this.polarThreshold = polarThreshold;
    this.sideThreshold = sideThreshold;
    double pb = polar[0];
    double sb = side[0];
    for (int k = 1; k < FEATURES; k++) {
      if (!(scale[k] > 0)) {
        throw new IllegalArgumentException("scale of " + NAMES[k] + " must be positive");
      }
      polarW[k] = polar[k] / scale[k];
      sideW[k] = side[k] / scale[k];
      pb -= polarW[k] * mean[k];
      sb -= sideW[k] * mean[k];
    }
    this.polarBias = pb;
    this.sideBias = sb;
  }

  /** The same weights with other thresholds (the fitting command picks them on a grid). */
  LabelModel withThresholds(double polarThreshold, double sideThreshold) {
    return new LabelModel(mean, scale, polar, side, polarThreshold, sideThreshold);
  }

  /** The model shipped with the analyser. */
  static LabelModel load(ClassLoader loader) {
    return SentimentResource.read(loader, RESOURCE, LabelModel::parse);
  }

  /**
   * Reads the column heads, one row per feature ("name TAB mean TAB scale TAB polar TAB side", in
   * the order of {@link #NAMES}) and the two thresholds ("polarThreshold TAB value", "sideThreshold
   * TAB value"); lines starting with '#' are the provenance header. A file whose features are not
   * the code's, in its order, is refused: weights fitted for other features would read nonsense.
   */
  static LabelModel parse(BufferedReader r) throws IOException {
    double[][] columns = new double[4][FEATURES];
    double polarThreshold = Double.NaN;
    double sideThreshold = Double.NaN;
    int row = 0;
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#") || line.equals(COLUMNS)) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length == 2 && cells[0].equals("polarThreshold")) {
        polarThreshold = Double.parseDouble(cells[1].strip());
      } else if (cells.length == 2 && cells[0].equals("sideThreshold")) {
        sideThreshold = Double.parseDouble(cells[1].strip());
      } else if (cells.length == 5 && row < FEATURES && cells[0].equals(NAMES[row])) {
        for (int c = 0; c < 4; c++) {
          columns[c][row] = Double.parseDouble(cells[c + 1].strip());
        }
        row++;
      } else {
        throw new IllegalStateException(
            "unexpected line in "
                + RESOURCE
                + (row < FEATURES ? " (expected feature " + NAMES[row] + "): " : ": ")
                + line);
      }
    }
    if (row < FEATURES) {
      throw new IllegalStateException(RESOURCE + " lacks feature " + NAMES[row]);
    }
    if (Double.isNaN(polarThreshold) || Double.isNaN(sideThreshold)) {
      throw new IllegalStateException(RESOURCE + " lacks polarThreshold or sideThreshold");
    }
    return new LabelModel(
        columns[0], columns[1], columns[2], columns[3], polarThreshold, sideThreshold);
  }

  /**
   * Writes into {@code f} the features of the reading just made in {@code tb}: the {@code m} tokens
   * listed in {@code tb.scored}, the evidence the scorer left in the buffer, the calibrated {@code
   * score} and whether the rules read it as mixed. With {@code m} zero (nothing scored: the scorer
   * did not reach its reading, so the buffer's evidence is stale) the evidence counts as none. The
   * fitting command and the scorer both call this, so the features the weights were fitted on are
   * the ones they are applied to.
   */
  static void features(TokenBuffer tb, int m, double score, boolean mixed, double[] f) {
    final float[] sent = tb.sent;
    final int[] flags = tb.flags;
    final int[] scored = tb.scored;
    double maxPos = 0;
    double maxNeg = 0;
    int positiveWords = 0;
    int negativeWords = 0;
    int faces = 0;
    double faceValence = 0;
    int negated = 0;
    for (int r = 0; r < m; r++) {
      int i = scored[r];
      float v = sent[i];
      if (v == 0) {
        continue; // a word the rules silenced (chatter, the first word of a phrase) is no evidence
      }
      // Comparisons rather than Math.max and Math.min, which C1 (all a one-off run compiles our
      // code
      // with) calls rather than inlines; no value here is NaN or -0.
      if (v > 0) {
        positiveWords++;
        if (v > maxPos) {
          maxPos = v;
        }
      } else {
        negativeWords++;
        if (-v > maxNeg) {
          maxNeg = -v;
        }
      }
      int g = flags[i];
      if ((g & T_FACE) != 0) {
        faces++;
        faceValence += v;
      }
      if ((g & T_NEGATED) != 0) {
        negated++;
      }
    }
    boolean read = m > 0;
    double positive = read ? tb.positive : 0;
    double negative = read ? tb.negative : 0;
    double rule = read ? tb.ruleScore : 0;
    int len = read ? Math.max(1, tb.length) : 1;
    double isq = len < TABLE ? INV_SQRT[len] : 1 / Math.sqrt(len);
    f[0] = 1;
    f[1] = positive;
    f[2] = negative;
    f[3] = positive * isq;
    f[4] = negative * isq;
    f[5] = rule;
    f[6] = score;
    f[7] = Math.abs(score);
    f[8] = Math.abs(rule);
    f[9] = read ? tb.emphasis : 0;
    f[10] = len < TABLE ? LOG[len] : Math.log(len);
    f[11] = tb.quest > 0 ? 1 : 0;
    f[12] = tb.excl > 0 ? 1 : 0;
    f[13] = tb.ironic || tb.sarcasm ? 1 : 0;
    f[14] = tb.contrastAt >= 0 ? 1 : 0;
    f[15] = negated;
    f[16] = maxPos;
    f[17] = maxNeg;
    f[18] = positiveWords;
    f[19] = negativeWords;
    f[20] = faces;
    f[21] = faceValence;
    f[22] = tb.upperWords > 0 ? 1 : 0;
    f[23] = positiveWords + negativeWords == 0 ? 1 : 0;
    f[24] = positive < negative ? positive : negative;
    f[25] = mixed ? 1 : 0;
  }

  /**
   * The score of the reading with features {@code f} (its calibrated score is {@code f[SCORE]}),
   * {@code length} tokens long, as the model decides it.
   */
  double score(double[] f, int length, Calibration calibration) {
    double shipped = f[SCORE];
    if (f[NOTHING_SCORED] != 0) {
      return shipped;
    }
    // Both models' margins in one pass (the polar model: polar above its threshold; the side model:
    // positive above its threshold).
    double polarZ = polarBias;
    double sideZ = sideBias;
    for (int k = 1; k < FEATURES; k++) {
      double x = f[k];
      polarZ += polarW[k] * x;
      sideZ += sideW[k] * x;
    }
    double d;
    if (polarZ <= polarThreshold) {
      // Neutral: the rules' own score, held within the neutral band.
      double rule = f[RULE_SCORE];
      d = rule > 0.05 ? 0.05 : rule < -0.05 ? -0.05 : rule;
    } else {
      double sign = sideZ > sideThreshold ? 1 : -1;
      // The calibration reads only the side of its first argument: on the rules' side of a polar
      // reading it gives the rules' own score again.
      d =
          (shipped > 0.05 && sign > 0) || (shipped < -0.05 && sign < 0)
              ? shipped
              : calibration.score(sign, f[POSITIVE], f[NEGATIVE], length, f[EMPHASIS]);
    }
    // No new positives: a reading the rules did not read positive keeps the rules' score.
    return d > 0.05 && shipped <= 0.05 ? shipped : d;
  }

  /**
   * The weights, for the analyser's version string: a hash of their bits (formatting 106 doubles as
   * text cost a one-off run a few milliseconds of start-up).
   */
  String fingerprint() {
    long h = Double.doubleToLongBits(polarThreshold) * 31 + Double.doubleToLongBits(sideThreshold);
    for (double[] a : new double[][] {mean, scale, polar, side}) {
      for (double v : a) {
        h = h * 31 + Double.doubleToLongBits(v);
      }
    }
    return Long.toHexString(h);
  }
}
