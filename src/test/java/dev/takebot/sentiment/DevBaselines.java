package dev.takebot.sentiment;

import java.util.List;

/** VADER's figures on the dev files (see {@link VaderBaselines}). */
final class DevBaselines {
  record Baseline(
      String file, double pearson, double accuracy, double macroF1, double weightedF1) {}

  static final List<Baseline> ALL =
      VaderBaselines.ALL.stream()
          .map(b -> new Baseline(b.file(), b.pearson(), b.accuracy(), b.macroF1(), b.weightedF1()))
          .toList();

  private DevBaselines() {}
}
