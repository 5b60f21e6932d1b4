package dev.takebot.sentiment;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * A small linear model, fitted on the fitting halves of the shared dev sets, that sets how strong a
 * polar reading is: {@code z = (positive - negativeWeight * negative) / tokens^lengthExponent},
 * plus the punctuation emphasis in z's direction, squashed by {@code z / sqrt(z² + alpha)}.
 * Positive and negative are the summed valences after the rules (contrast, irony, sarcasm), so the
 * reasons that name those words still explain the reading. It sets only the strength: which side a
 * text is on, and whether it is neutral or mixed, stay the rules' decision, so no label moves with
 * it.
 *
 * <p>The weights ship in {@code sentiment/calibration.tsv}, whose header says how they were made;
 * the test-scope {@code CalibrationFit} command fits them again.
 */
final class Calibration {
  static final String RESOURCE = "sentiment/calibration.tsv";

  /** The weakest polar score: a calibrated score stays outside the neutral band (±0.05). */
  static final double MIN_POLAR = 0.051;

  /** Token counts below this read their length divisor from a table rather than Math.pow. */
  private static final int TABLE = 256;

  /** Weight of negative evidence relative to positive. */
  final double negativeWeight;

  /** Weight of exclamation and question-mark emphasis. */
  final double emphasis;

  /** A reading is divided by its length to this power: the same words weigh less in a long text. */
  final double lengthExponent;

  /** Normalisation constant of the squash. */
  final double alpha;

  private final double[] divisors = new double[TABLE];

  Calibration(double negativeWeight, double emphasis, double lengthExponent, double alpha) {
    if (!(alpha > 0 && negativeWeight > 0 && lengthExponent >= 0 && emphasis >= 0)) {
      throw new IllegalArgumentException(
          "invalid calibration: "
              + negativeWeight
              + " "
              + emphasis
              + " "
              + lengthExponent
              + " "
              + alpha);
    }
    this.negativeWeight = negativeWeight;
    this.emphasis = emphasis;
    this.lengthExponent = lengthExponent;
    this.alpha = alpha;
    for (int i = 1; i < TABLE; i++) {
      divisors[i] = Math.pow(i, -lengthExponent);
    }
  }

  /** The calibration shipped with the analyser. */
  static Calibration load(ClassLoader loader) {
    return SentimentResource.read(loader, RESOURCE, Calibration::parse);
  }

  /** Reads "name TAB value" lines; lines starting with '#' are the provenance header. */
  static Calibration parse(BufferedReader r) throws IOException {
    double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    String[] names = {"negativeWeight", "emphasis", "lengthExponent", "alpha"};
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String name = tab < 0 ? line : line.substring(0, tab);
      int k = 0;
      while (k < names.length && !names[k].equals(name)) {
        k++;
      }
      if (tab < 0 || k == names.length) {
        throw new IllegalStateException("unexpected line in " + RESOURCE + ": " + line);
      }
      v[k] = Double.parseDouble(line.substring(tab + 1).strip());
    }
    for (int k = 0; k < v.length; k++) {
      if (Double.isNaN(v[k])) {
        throw new IllegalStateException(RESOURCE + " lacks " + names[k]);
      }
    }
    return new Calibration(v[0], v[1], v[2], v[3]);
  }

  /**
   * The calibrated score of a text the rules read as {@code base}, from the positive and negative
   * evidence (both as positive sums), its token count and its punctuation emphasis.
   */
  double score(double base, double positive, double negative, int tokens, double amp) {
    if (!(Math.abs(base) > 0.05)) {
      return base; // neutral stays as the rules read it
    }
    double z = (positive - negativeWeight * negative) * lengthDivisor(tokens);
    z += z > 0 ? emphasis * amp : z < 0 ? -emphasis * amp : 0;
    double side = Math.signum(base);
    double m = side * z / Math.sqrt(z * z + alpha);
    return side * Math.min(1, Math.max(MIN_POLAR, m));
  }

  private double lengthDivisor(int tokens) {
    return tokens < TABLE ? divisors[Math.max(tokens, 1)] : Math.pow(tokens, -lengthExponent);
  }

  /** The weights, for the analyser's version string. */
  String fingerprint() {
    // Appended rather than concatenated: see Tuning.fingerprint.
    return new StringBuilder()
        .append(negativeWeight)
        .append('/')
        .append(emphasis)
        .append('/')
        .append(lengthExponent)
        .append('/')
        .append(alpha)
        .toString();
  }
}
