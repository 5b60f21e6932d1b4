package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The score's calibration")
class CalibrationTest {
  private static final Calibration SHIPPED =
      Calibration.load(CalibrationTest.class.getClassLoader());
  private static final SentimentAnalyzer ANALYZER = LexiconSentimentAnalyzer.standard();

  @Test
  void neverMovesATextAcrossTheNeutralBandOrToTheOtherSide() {
    Random random = new Random(17);
    for (int i = 0; i < 100_000; i++) {
      double base = random.nextDouble() * 2 - 1;
      double pos = random.nextDouble() * 6;
      double neg = random.nextDouble() * 6;
      double s = SHIPPED.score(base, pos, neg, 1 + random.nextInt(400), random.nextDouble() * 2);
      assertThat(Label.threeClass(s)).as("base %s", base).isEqualTo(Label.threeClass(base));
      assertThat(s).isBetween(-1.0, 1.0);
    }
  }

  @Test
  void theSameWordsReadMilderInALongerText() {
    Sentiment alone = ANALYZER.analyze("the film was good");
    Sentiment longer =
        ANALYZER.analyze(
            "the film was good, we watched it on a tuesday evening with my cousin at the old"
                + " cinema downtown after dinner");
    assertThat(longer.label()).isEqualTo(Label.POSITIVE);
    assertThat(longer.score()).isLessThan(alone.score());
    assertThat(longer.reasons()).containsExactly("good");
  }

  @Test
  void negativeEvidenceWeighsMoreThanTheSamePositiveEvidence() {
    assertThat(SHIPPED.negativeWeight).isGreaterThan(1);
    assertThat(-SHIPPED.score(-0.5, 0, 2, 5, 0)).isGreaterThan(SHIPPED.score(0.5, 2, 0, 5, 0));
  }

  @Test
  void leavesNeutralReadingsAsTheRulesReadThem() {
    assertThat(SHIPPED.score(0.03, 0.4, 0, 3, 0)).isEqualTo(0.03);
    assertThat(SHIPPED.score(0, 0, 0, 1, 0)).isZero();
  }

  @Test
  void shipsItsWeightsWithHowTheyWereMade() throws IOException {
    String text;
    try (InputStream in =
        CalibrationTest.class.getClassLoader().getResourceAsStream(Calibration.RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(text)
        .contains("CalibrationFit", Half.RULE, "sha256", "checking")
        .contains("vader_tweets.tsv");
  }

  @Test
  void refusesAFileThatLacksAWeight() {
    BufferedReader r = new BufferedReader(new StringReader("# header\nalpha\t2\n"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Calibration.parse(r))
        .hasMessageContaining("negativeWeight");
  }
}
