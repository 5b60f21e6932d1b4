package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The learned label decision")
class LabelModelTest {
  private static final ClassLoader LOADER = LabelModelTest.class.getClassLoader();
  private static final Calibration CALIBRATION = Calibration.load(LOADER);
  private static final LabelModel SHIPPED = LabelModel.load(LOADER);
  private static final Lexicon LEXICON = new Lexicon(LOADER);

  /** The shipped label model without the judge of praise, which reads before it (its own test). */
  private static final SentimentAnalyzer ANALYZER =
      new LexiconSentimentAnalyzer(LEXICON, Tuning.DEFAULT, CALIBRATION, SHIPPED, Judges.NONE);

  private static final SentimentAnalyzer RULES =
      new LexiconSentimentAnalyzer(LEXICON, Tuning.DEFAULT, CALIBRATION, null);

  /**
   * Our own texts (the corpus and the first take set; the blind set's texts stay out of failure
   * messages), and every 7th dev text when ../shared is present.
   */
  private static List<String> sample;

  @BeforeAll
  static void readSample() throws Exception {
    sample = new ArrayList<>();
    for (String line : resource("sentiment/fingerprint-corpus.txt").lines().toList()) {
      if (!line.isBlank() && !line.startsWith("#")) {
        sample.add(line.replace("\\n", "\n"));
      }
    }
    String takes = resource("sentiment/" + LabelFit.TAKE_SETS[0]);
    for (SentimentTsv.Row r :
        SentimentTsv.parse(takes.getBytes(StandardCharsets.UTF_8), true).rows()) {
      sample.add(r.text());
    }
    Path dev = devDir();
    if (dev != null) {
      for (String set : LabelFit.SETS) {
        List<SentimentTsv.Row> rows =
            SentimentTsv.parse(Files.readAllBytes(dev.resolve(set)), true).rows();
        for (int i = 0; i < rows.size(); i += 7) {
          sample.add(rows.get(i).text());
        }
      }
    }
  }

  @Test
  void theAnalyserDecidesEveryReadingAsTheFittingCommandDoes() {
    // The fitting command reads each text by the rules alone and applies the model to the
    // features it gets from LabelModel.features: the figures in the resource's header are those.
    Tokenizer tokenizer = new Tokenizer(LEXICON);
    Scorer rules = new Scorer(LEXICON, Tuning.DEFAULT, CALIBRATION);
    int moved = 0;
    for (String text : sample) {
      LabelFit.Point p = LabelFit.point(tokenizer, rules, text, null, Double.NaN);
      Sentiment expected = LabelFit.reading(p, SHIPPED, CALIBRATION);
      Sentiment actual = ANALYZER.analyze(text);
      assertThat(actual.label()).as(text).isEqualTo(expected.label());
      assertThat(actual.score()).as(text).isEqualTo(expected.score());
      moved += Label.threeClass(expected.score()) != Label.threeClass(p.shipped()) ? 1 : 0;
    }
    assertThat(moved).as("readings the model moves in the sample").isGreaterThan(5);
  }

  @Test
  void turnsNoReadingPositiveThatTheRulesDidNotReadPositive() {
    for (String text : sample) {
      Sentiment learned = ANALYZER.analyze(text);
      if (Label.threeClass(learned.score()) == Label.POSITIVE) {
        assertThat(Label.threeClass(RULES.analyze(text).score()))
            .as(text)
            .isEqualTo(Label.POSITIVE);
      }
    }
  }

  @Test
  void leavesWhetherAReadingIsMixedToTheRules() {
    for (String text : sample) {
      assertThat(ANALYZER.analyze(text).label() == Label.MIXED)
          .as(text)
          .isEqualTo(RULES.analyze(text).label() == Label.MIXED);
    }
  }

  @Test
  void keepsTheRulesReasonsAndSaysLearnedWhereItMovedTheReading() {
    int moved = 0;
    for (String text : sample) {
      Sentiment rules = RULES.analyze(text);
      Sentiment learned = ANALYZER.analyze(text);
      List<String> expected = new ArrayList<>(rules.reasons());
      if (Label.threeClass(learned.score()) != Label.threeClass(rules.score())) {
        expected.add(LabelModel.REASON);
        moved++;
      }
      assertThat(learned.reasons()).as(text).isEqualTo(expected);
    }
    assertThat(moved).isGreaterThan(5);
  }

  @Test
  void aBareNegationWithNothingJudgedReadsNeutral() {
    // The rules lean a negation with nothing to negate negative ("it does not work"); here it only
    // says what the writer had not heard.
    String text = "no, I had not heard about it";
    assertThat(RULES.analyze(text).label()).isEqualTo(Label.NEGATIVE);

    Sentiment read = ANALYZER.analyze(text);

    assertThat(read.label()).isEqualTo(Label.NEUTRAL);
    assertThat(read.reasons()).containsExactly("not", "learned");
  }

  @Test
  void aMixedTakeStaysMixedAndTheModelSetsItsLean() {
    String text = "glad someone went, sad it's only a mid-level official";
    assertThat(RULES.analyze(text).score()).isZero();

    Sentiment read = ANALYZER.analyze(text);

    assertThat(read.label()).isEqualTo(Label.MIXED);
    assertThat(read.score()).isLessThan(-0.05);
    assertThat(read.reasons()).containsExactly("sad", "glad", "learned");
  }

  @Test
  void shipsItsWeightsWithHowTheyWereMade() {
    String text = resource(LabelModel.RESOURCE);
    assertThat(text)
        .contains("LabelFit", Half.RULE, "sha256", "checking", "rules -> learned")
        .contains(LabelFit.SETS)
        .contains(LabelFit.TAKE_SETS);
  }

  @Test
  void itsProvenanceNamesTheSharedFilesAsTheyAre() throws Exception {
    Path dev = devDir();
    assumeTrue(
        dev != null,
        "skipped: dev sets not found (system property takebot.shared -> ../shared/data/sentiment/dev)");
    String text = resource(LabelModel.RESOURCE);
    for (String set : LabelFit.SETS) {
      byte[] bytes = Files.readAllBytes(dev.resolve(set));
      int fitting = 0;
      int checking = 0;
      for (SentimentTsv.Row r : SentimentTsv.parse(bytes, true).rows()) {
        if (Label.parse(r.goldLabel()) != Label.MIXED) {
          if (Half.of(r.text()) == Half.FITTING) {
            fitting++;
          } else {
            checking++;
          }
        }
      }
      assertThat(text)
          .as("%s changed since the model was fitted: refit it (see LabelFit)", set)
          .contains(FitSets.provenanceLine(set, bytes, fitting, checking));
    }
  }

  @Test
  void refusesWeightsForOtherFeatures() {
    String swapped = LabelModel.COLUMNS + "\nbias\t0\t1\t0\t0\nnegative\t0\t1\t0\t0\n";
    assertThatThrownBy(() -> LabelModel.parse(new BufferedReader(new StringReader(swapped))))
        .hasMessageContaining("expected feature positive");
  }

  @Test
  void refusesAFileWithoutItsThresholds() throws IOException {
    String text = resource(LabelModel.RESOURCE).replaceAll("(?m)^sideThreshold.*$", "");
    assertThatThrownBy(() -> LabelModel.parse(new BufferedReader(new StringReader(text))))
        .hasMessageContaining("sideThreshold");
  }

  @Test
  void theVersionChangesWithTheModel() {
    String shipped = LexiconSentimentAnalyzer.standard().version();
    assertThat(new LexiconSentimentAnalyzer(LEXICON, Tuning.DEFAULT, CALIBRATION).version())
        .isEqualTo(shipped);
    LabelModel other = SHIPPED.withThresholds(SHIPPED.polarThreshold + 0.05, SHIPPED.sideThreshold);
    assertThat(new LexiconSentimentAnalyzer(LEXICON, Tuning.DEFAULT, CALIBRATION, other).version())
        .isNotEqualTo(shipped);
    assertThat(RULES.version()).isNotEqualTo(shipped);
  }

  private static String resource(String name) {
    try (InputStream in = LOADER.getResourceAsStream(name)) {
      assertThat(in).as("resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shared dev sets' folder, or null when absent. */
  private static Path devDir() {
    String shared = System.getProperty("takebot.shared");
    Path dir = shared == null ? null : Path.of(shared, "data", "sentiment", "dev");
    return dir != null && Files.isDirectory(dir) ? dir : null;
  }
}
