package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analyser stays above VADER on every human-labelled dev set in {@code ../shared} (skipped
 * without it).
 */
@DisplayName("dev-set evaluation against VADER")
class DevSetEvaluationTest {
  private static final SentimentAnalyzer ANALYZER = LexiconSentimentAnalyzer.standard();

  private static Path devDir() {
    String shared = System.getProperty("takebot.shared");
    Path dir = shared == null ? null : Path.of(shared, "data", "sentiment", "dev");
    assumeTrue(
        dir != null && Files.isDirectory(dir),
        "skipped: dev sets not found (system property takebot.shared -> ../shared/data/sentiment/dev)");
    return dir;
  }

  static Stream<DevBaselines.Baseline> baselines() {
    return DevBaselines.ALL.stream();
  }

  private static Evaluation evaluate(Path file) throws Exception {
    return evaluate(file, null);
  }

  /** The evaluation on one half of the file, or on all of it when {@code half} is null. */
  private static Evaluation evaluate(Path file, Half half) throws Exception {
    SentimentTsv.Table all = SentimentTsv.parse(Files.readAllBytes(file), true);
    SentimentTsv.Table table =
        half == null
            ? all
            : new SentimentTsv.Table(
                all.rows().stream().filter(r -> Half.of(r.text()) == half).toList(),
                all.hasGoldScore());
    int n = table.rows().size();
    Label[] gold = new Label[n];
    double[] score = new double[n];
    Sentiment[] predicted = new Sentiment[n];
    for (int i = 0; i < n; i++) {
      SentimentTsv.Row r = table.rows().get(i);
      gold[i] = Label.parse(r.goldLabel());
      score[i] = r.goldScore();
      predicted[i] = ANALYZER.analyze(r.text());
    }
    return Evaluation.of(gold, table.hasGoldScore() ? score : null, predicted);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("baselines")
  @DisplayName("beats VADER's Pearson r and weighted F1")
  void beatsVader(DevBaselines.Baseline vader) throws Exception {
    Path file = devDir().resolve(vader.file());
    assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is missing");

    Evaluation ours = evaluate(file);

    assertThat(ours.weightedF1())
        .as("weighted F1 on " + vader.file())
        .isGreaterThan(vader.weightedF1());
    if (!Double.isNaN(vader.pearson())) {
      assertThat(ours.pearson()).as("Pearson r on " + vader.file()).isGreaterThan(vader.pearson());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("baselines")
  @DisplayName(
      "beats VADER's Pearson r and weighted F1 on the checking half, which no rule was fitted on")
  void beatsVaderOnTheCheckingHalf(DevBaselines.Baseline vader) throws Exception {
    Path file = devDir().resolve(vader.file());
    assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is missing");

    Evaluation ours = evaluate(file, Half.CHECKING);

    // VADER's figures are for the whole file (BASELINES.md): the reference was not run per half.
    assertThat(ours.weightedF1())
        .as("weighted F1 on the checking half of " + vader.file())
        .isGreaterThan(vader.weightedF1());
    if (!Double.isNaN(vader.pearson())) {
      assertThat(ours.pearson())
          .as("Pearson r on the checking half of " + vader.file())
          .isGreaterThan(vader.pearson());
    }
  }

  @Test
  @DisplayName(
      "reads most of the GoEmotions comments with both positive and negative emotions as mixed")
  void mixed() throws Exception {
    Path file = devDir().resolve("goemotions.mixed.tsv");
    assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is missing");

    Evaluation e = evaluate(file);

    assertThat(e.goldMixed()).isEqualTo(109);
    assertThat(e.goldMixedReadMixed()).isGreaterThan(e.goldMixed() / 2);
  }
}
