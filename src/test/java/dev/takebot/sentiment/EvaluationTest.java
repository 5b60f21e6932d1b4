package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Evaluation")
class EvaluationTest {
  private static Sentiment s(Label l, double score) {
    return new Sentiment(l, score, List.of());
  }

  @Test
  @DisplayName("computes accuracy, F1 and the confusion matrix from three classes at ±0.05")
  void metrics() {
    Label[] gold = {Label.POSITIVE, Label.POSITIVE, Label.NEGATIVE, Label.NEUTRAL};
    Sentiment[] pred = {
      s(Label.POSITIVE, 0.5), s(Label.NEUTRAL, 0.05), s(Label.MIXED, -0.3), s(Label.NEUTRAL, 0)
    };

    Evaluation e = Evaluation.of(gold, null, pred);

    assertThat(e.n()).isEqualTo(4);
    assertThat(e.accuracy()).isEqualTo(0.75);
    assertThat(e.confusion()[0]).containsExactly(1, 1, 0);
    // positive F1 = 2/3 (p=1, r=.5); neutral F1 = 2/3 (p=.5, r=1); negative F1 = 1
    assertThat(e.macroF1()).isCloseTo((2.0 / 3 + 2.0 / 3 + 1) / 3, within(1e-9));
    assertThat(e.weightedF1()).isCloseTo((2 * 2.0 / 3 + 2.0 / 3 + 1) / 4, within(1e-9));
    assertThat(e.pearson()).isNaN();
  }

  @Test
  @DisplayName("computes Pearson r where gold scores exist and counts gold-mixed items apart")
  void pearsonAndMixed() {
    Label[] gold = {Label.POSITIVE, Label.NEGATIVE, Label.NEUTRAL, Label.MIXED};
    double[] scores = {0.8, -0.6, 0.0, Double.NaN};
    Sentiment[] pred = {
      s(Label.POSITIVE, 0.4), s(Label.NEGATIVE, -0.3), s(Label.NEUTRAL, 0), s(Label.MIXED, 0.1)
    };

    Evaluation e = Evaluation.of(gold, scores, pred);

    assertThat(e.pearson()).isCloseTo(0.99, within(0.01));
    assertThat(e.n()).isEqualTo(3);
    assertThat(e.goldMixed()).isEqualTo(1);
    assertThat(e.goldMixedReadMixed()).isEqualTo(1);
    assertThat(e.format()).contains("pearson_r", "weighted_f1", "gold_mixed\t1");
  }
}
