package dev.takebot.sentiment;

/**
 * The learned judges ({@link WordModel}) a {@link Scorer} consults after the rules, each fitted by
 * {@code SarcasmFit} on the take sets; any may be null, and the rules' reading then stands.
 *
 * @param praise whether praise the rules let stand is scorn (it is turned around)
 * @param mixed whether a text of both signs, or of one side in two parts, is mixed, and whether one
 *     the rules read mixed is one-sided
 * @param cynicism whether a take on the news every other part reads neutral scorns (negative)
 * @param fact whether a take on the news every other part reads polar only states a fact (neutral)
 */
record Judges(WordModel praise, WordModel mixed, WordModel cynicism, WordModel fact) {
  static final Judges NONE = new Judges(null, null, null, null);

  /** The shipped judges in {@code loader}'s resources. */
  static Judges load(ClassLoader loader) {
    return new Judges(
        WordModel.load(loader, WordModel.SARCASM),
        WordModel.load(loader, WordModel.MIXED),
        WordModel.load(loader, WordModel.CYNICISM),
        WordModel.load(loader, WordModel.FACT));
  }

  /** The judges' part of the analyser's version: each one's fingerprint, in order. */
  String fingerprint() {
    StringBuilder b = new StringBuilder();
    for (WordModel judge : new WordModel[] {praise, mixed, cynicism, fact}) {
      if (judge != null) {
        b.append('-').append(Integer.toHexString(judge.fingerprint().hashCode()));
      }
    }
    return b.toString();
  }
}
