package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The learned judge of praise the rules let stand")
class WordModelTest {
  private static final ClassLoader LOADER = WordModelTest.class.getClassLoader();
  private static final Lexicon LEXICON = new Lexicon(LOADER);
  private static final Calibration CALIBRATION = Calibration.load(LOADER);
  private static final LabelModel LABELS = LabelModel.load(LOADER);

  private static LexiconSentimentAnalyzer with(WordModel sarcasm) {
    return new LexiconSentimentAnalyzer(LEXICON, Tuning.DEFAULT, CALIBRATION, LABELS, sarcasm);
  }

  @Test
  @DisplayName("the set of features seen tells new from seen after its generations wrap round")
  void seenFeaturesSurviveTheGenerationsWrappingRound() {
    // One set per thread, moved to a new generation per text: after 2^32 texts the generation
    // comes back to the stamp of slots never used, which read as full (adding looped forever).
    WordModel.Seen seen = new WordModel.Seen(-2);
    seen.clear();
    assertThat(seen.add(7)).isTrue();
    seen.clear(); // the wrap
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(10),
        () -> {
          for (int h = 1; h <= WordModel.MAX_FEATURES; h++) {
            assertThat(seen.add(h)).as("new %d", h).isTrue();
          }
          for (int h = 1; h <= WordModel.MAX_FEATURES; h++) {
            assertThat(seen.add(h)).as("seen %d", h).isFalse();
          }
        });
  }

  @Test
  void countsEveryFeatureItNamesWhenItReadsATextWithoutAllocating() {
    // The fitting command learns weights by name; the analyser looks them up by hash. A model
    // weighing every feature of a text by 1 must then add up to exactly as many features.
    var rules = with(null);
    for (String text :
        List.of(
            "great great great great, lol lol",
            "très réussi ".repeat(100),
            "great plan, very cool 🙄 #sahel",
            "Thank god the State Dept is here. Just like they saved Libya 🙏",
            "lol \"sovereign\" now?? that's cute!",
            "bravo les gars, vous arrivez après la bataille mdr")) {
      rules.analyze(text);
      TokenBuffer tb = rules.lastBuffer();
      List<String> names = WordModel.featureNames(tb, tb.scoredCount, LEXICON);
      List<String> distinct = names;
      assertThat(names).doesNotHaveDuplicates();
      float[] ones = new float[distinct.size()];
      java.util.Arrays.fill(ones, 1);
      WordModel all = WordModel.of(distinct, ones, 0.5f, 0);
      assertThat(all.logOdds(tb, tb.scoredCount, LEXICON)).as(text).isEqualTo(0.5f + names.size());
    }
  }

  @Test
  void turnsPraiseItJudgesScornAroundAndSaysSo() {
    WordModel model = WordModel.of(List.of("<s> perfect"), new float[] {3}, -1, 0);
    Sentiment s = with(model).analyze("perfect timing, right after they kicked out the French");
    assertThat(s.label()).isEqualTo(Label.NEGATIVE);
    assertThat(s.reasons()).contains(Sentiment.IRONY, Sentiment.LEARNED);
    Sentiment sincere = with(model).analyze("the timing is perfect, talking is the way forward");
    assertThat(sincere.label()).isEqualTo(Label.POSITIVE);
    assertThat(sincere.reasons()).doesNotContain(Sentiment.IRONY, Sentiment.LEARNED);
  }

  @Test
  void judgesOnlyTextsThatStillHoldPraiseAndNeverASlashS() {
    WordModel always = WordModel.of(List.of(), new float[0], 0, Float.NEGATIVE_INFINITY);
    assertThat(with(always).analyze("the coup was a disaster").label()).isEqualTo(Label.NEGATIVE);
    assertThat(with(always).analyze("the meeting is next week in Bamako").label())
        .isEqualTo(Label.NEUTRAL);
    Sentiment slashS = with(always).analyze("great move /s");
    assertThat(slashS.reasons()).contains("/s").doesNotContain(Sentiment.LEARNED);
  }

  @Test
  void theVersionChangesWithTheModelSoStoredTakesAreReadAgain() {
    String shipped = LexiconSentimentAnalyzer.standard().version();
    WordModel sarcasm = WordModel.load(LOADER, WordModel.SARCASM);
    WordModel mixed = WordModel.load(LOADER, WordModel.MIXED);
    WordModel cynicism = WordModel.load(LOADER, WordModel.CYNICISM);
    assertThat(
            new LexiconSentimentAnalyzer(
                    LEXICON, Tuning.DEFAULT, CALIBRATION, LABELS, Judges.load(LOADER))
                .version())
        .isEqualTo(shipped);
    assertThat(
            new LexiconSentimentAnalyzer(
                    LEXICON,
                    Tuning.DEFAULT,
                    CALIBRATION,
                    LABELS,
                    new Judges(sarcasm, mixed, cynicism, null))
                .version())
        .isNotEqualTo(shipped);
    assertThat(
            new LexiconSentimentAnalyzer(
                    LEXICON, Tuning.DEFAULT, CALIBRATION, LABELS, sarcasm, mixed)
                .version())
        .isNotEqualTo(shipped);
    WordModel other = WordModel.of(List.of("lol"), new float[] {1}, 0, 2);
    assertThat(with(other).version()).isNotEqualTo(shipped);
    assertThat(with(null).version()).isNotEqualTo(shipped);
  }

  @Test
  void readsHashtagFeaturesAsWeightsAndHashLinesWithoutATabAsComments() throws IOException {
    String text =
        "# a comment\r\n<bias>\t-1.5\n<threshold>\t0.25\n#\t2.0\n# sahel\t1.0\nlol\t.5\n"
            + "<s> lol\t-0.1250\n";
    WordModel parsed = WordModel.parse(text);
    WordModel built =
        WordModel.of(
            List.of("#", "# sahel", "lol", "<s> lol"),
            new float[] {2, 1, 0.5f, -0.125f},
            -1.5f,
            0.25f,
            Float.POSITIVE_INFINITY);
    var rules = with(null);
    rules.analyze("lol #sahel, great");
    TokenBuffer tb = rules.lastBuffer();
    assertThat(parsed.logOdds(tb, tb.scoredCount, LEXICON))
        .isEqualTo(built.logOdds(tb, tb.scoredCount, LEXICON))
        .isNotEqualTo(-1.5f);
    assertThat(parsed.fingerprint()).startsWith("crc32:");
    assertThatThrownBy(() -> WordModel.parse("no weight here\n"))
        .hasMessageContaining("feature<TAB>weight");
    assertThatThrownBy(() -> WordModel.parse("lol\tlots\n")).hasMessageContaining("not a number");
  }

  @ParameterizedTest
  @ValueSource(strings = {WordModel.SARCASM, WordModel.MIXED, WordModel.CYNICISM, WordModel.FACT})
  void theShippedJudgesWereFittedOnTheTakeSetsAsTheyAreNow(String model) throws Exception {
    // The resource's header names each take set's SHA-256; a set edited since the fitting makes
    // the judge stale: refit with SarcasmFit (--mixed) --write. The measuring set is never there.
    String resource;
    try (InputStream in = LOADER.getResourceAsStream(model)) {
      assertThat(in).as(model).isNotNull();
      resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String set : SarcasmFit.TAKE_SETS) {
      byte[] bytes;
      try (InputStream in = LOADER.getResourceAsStream("sentiment/" + set)) {
        assertThat(in).as(set).isNotNull();
        bytes = in.readAllBytes();
      }
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      assertThat(resource).as(set).contains(set + " sha256 " + sha);
    }
    assertThat(resource)
        .doesNotContain("discord-takes-3.tsv")
        .doesNotContain("discord-takes-25.tsv")
        .doesNotContain("discord-takes-26.tsv");
    assertThat(WordModel.load(LOADER, model)).isNotNull();
  }

  @Test
  void aTakeInANewsDiscussionIsJudgedAsAboutTheNewsWhetherOrNotItNamesAnActor() {
    // Log-odds 1: enough for a text about the news (threshold 0.5), far from enough elsewhere (99).
    WordModel model = WordModel.of(List.of("<s> great"), new float[] {2}, -1, 0.5f, 99);
    var judged = with(model);
    String unnamed = "great timing as always";
    assertThat(judged.analyze(unnamed, Context.ANY).reasons()).doesNotContain(Sentiment.LEARNED);
    Sentiment take = judged.analyze(unnamed, Context.NEWS);
    assertThat(take.label()).isEqualTo(Label.NEGATIVE);
    assertThat(take.reasons()).contains(Sentiment.IRONY, Sentiment.LEARNED);
    // The context is the text's own: the next text on the thread is read without it.
    assertThat(judged.analyze(unnamed).reasons()).doesNotContain(Sentiment.LEARNED);
  }

  @Test
  void theJudgeOfMixedAddsMixedToTextsThatPraiseAndBlameAndKeepsTheirScore() {
    WordModel sayMixed = WordModel.of(List.of(), new float[0], 0, Float.NEGATIVE_INFINITY);
    WordModel sayNot = WordModel.of(List.of(), new float[0], 0, Float.POSITIVE_INFINITY);
    var mixed =
        new LexiconSentimentAnalyzer(LEXICON, Tuning.DEFAULT, CALIBRATION, LABELS, null, sayMixed);
    var not =
        new LexiconSentimentAnalyzer(LEXICON, Tuning.DEFAULT, CALIBRATION, LABELS, null, sayNot);
    var rules = with(null);
    // One-sided by the rules, both sides in its words: the judge may call it mixed.
    String leaning = "brilliant strategy, abandon them for years then act surprised";
    assertThat(rules.analyze(leaning).label()).isNotEqualTo(Label.MIXED);
    assertThat(mixed.analyze(leaning).label()).isEqualTo(Label.MIXED);
    assertThat(mixed.analyze(leaning).score()).isEqualTo(rules.analyze(leaning).score());
    assertThat(mixed.analyze(leaning).reasons()).contains(Sentiment.LEARNED);
    // Without a threshold to reject below it never takes "mixed" away, and it never calls a
    // one-sided text mixed.
    String both = "decent idea, awful execution";
    assertThat(not.analyze(both).label()).isEqualTo(rules.analyze(both).label());
    assertThat(mixed.analyze("what a great step forward").label()).isEqualTo(Label.POSITIVE);
  }

  @Test
  void theJudgeOfMixedHoldsOneSidedWordsInATextOfTwoPartsToItsSecondThreshold() throws Exception {
    WordModel strict = WordModel.parse("<bias>\t1\n<threshold>\t0\n<threshold-elsewhere>\t2\n");
    WordModel lenient = WordModel.parse("<bias>\t1\n<threshold>\t0\n<threshold-elsewhere>\t0.5\n");
    var rules = with(null);
    String unsaid = "nice tone, thin substance";
    assertThat(rules.analyze(unsaid).label()).isEqualTo(Label.POSITIVE);
    assertThat(judgingMixed(strict).analyze(unsaid).label()).isEqualTo(Label.POSITIVE);
    assertThat(judgingMixed(lenient).analyze(unsaid).label()).isEqualTo(Label.MIXED);
    // Words of both signs meet the first threshold.
    String leaning = "brilliant strategy, abandon them for years then act surprised";
    assertThat(judgingMixed(strict).analyze(leaning).label()).isEqualTo(Label.MIXED);
    // One side in one part is never a candidate.
    assertThat(judgingMixed(lenient).analyze("what a great step forward").label())
        .isEqualTo(Label.POSITIVE);
  }

  private static LexiconSentimentAnalyzer judgingMixed(WordModel mixed) {
    return new LexiconSentimentAnalyzer(LEXICON, Tuning.DEFAULT, CALIBRATION, LABELS, null, mixed);
  }

  @Test
  void theJudgeOfMixedTakesMixedAwayOnlyFromATakeOnTheNewsItIsSureIsOneSided() throws Exception {
    WordModel sure = WordModel.parse("<bias>\t0\n<threshold>\t10\n<reject-below>\t1\n");
    var judged =
        new LexiconSentimentAnalyzer(LEXICON, Tuning.DEFAULT, CALIBRATION, LABELS, null, sure);
    var rules = with(null);
    String onTheNews = "Washington finally did a good thing, after years of terrible mistakes";
    Sentiment before = rules.analyze(onTheNews);
    assertThat(before.label()).isEqualTo(Label.MIXED);
    Sentiment after = judged.analyze(onTheNews);
    assertThat(after.label()).isEqualTo(Label.threeClass(before.score()));
    assertThat(after.score()).isEqualTo(before.score());
    assertThat(after.reasons()).contains(Sentiment.LEARNED);
    // A text that names no actor or topic of the news keeps the rules' "mixed".
    String elsewhere = "finally a good film, after years of terrible sequels";
    assertThat(rules.analyze(elsewhere).label()).isEqualTo(Label.MIXED);
    assertThat(judged.analyze(elsewhere).label()).isEqualTo(Label.MIXED);
  }

  private static LexiconSentimentAnalyzer judgingCynicism(WordModel cynicism) {
    return new LexiconSentimentAnalyzer(
        LEXICON, Tuning.DEFAULT, CALIBRATION, LABELS, new Judges(null, null, cynicism, null));
  }

  @Test
  void theJudgeOfCynicismReadsANeutralTakeOnTheNewsNegativeAndSaysItLearnedSo() {
    WordModel uranium = WordModel.of(List.of("uranium"), new float[] {5}, -1, 0);
    var judged = judgingCynicism(uranium);
    String take = "Washington found Niger right after the uranium survey";
    assertThat(with(null).analyze(take).label()).isEqualTo(Label.NEUTRAL);
    Sentiment s = judged.analyze(take);
    assertThat(s.label()).isEqualTo(Label.NEGATIVE);
    assertThat(s.score()).isEqualTo(Scorer.CYNICAL_SCORE);
    assertThat(s.reasons()).containsExactly(Sentiment.CYNICISM, Sentiment.LEARNED);
    // Below its threshold, the reading stays neutral.
    assertThat(judged.analyze("Washington sent a delegation to Niger").label())
        .isEqualTo(Label.NEUTRAL);
  }

  private static LexiconSentimentAnalyzer judgingFacts(WordModel fact) {
    return new LexiconSentimentAnalyzer(
        LEXICON, Tuning.DEFAULT, CALIBRATION, LABELS, new Judges(null, null, null, fact));
  }

  @Test
  void theJudgeOfFactReadsAPolarTakeOnTheNewsNeutralKeepingItsLean() {
    WordModel july = WordModel.of(List.of("july"), new float[] {5}, -1, 0);
    var judged = judgingFacts(july);
    String take = "the coup in Niger was in July 2023";
    Sentiment before = with(null).analyze(take);
    assertThat(before.label()).isEqualTo(Label.NEGATIVE);
    Sentiment s = judged.analyze(take);
    assertThat(s.label()).isEqualTo(Label.NEUTRAL);
    assertThat(s.score()).isEqualTo(-0.05);
    assertThat(Label.threeClass(s.score())).isEqualTo(Label.NEUTRAL);
    assertThat(s.reasons()).contains("coup", Sentiment.LEARNED);
    // Below its threshold the reading stands.
    assertThat(judged.analyze("the coup in Niger was a disaster").label())
        .isEqualTo(Label.NEGATIVE);
  }

  @Test
  void theJudgeOfFactLeavesTextsNamingNoActorIronyAndSlashSAlone() {
    WordModel always = WordModel.of(List.of(), new float[0], 0, Float.NEGATIVE_INFINITY);
    var judged = judgingFacts(always);
    assertThat(judged.analyze("what a terrible film").label()).isEqualTo(Label.NEGATIVE);
    assertThat(judged.analyze("great move by Washington /s").reasons())
        .doesNotContain(Sentiment.LEARNED);
    String ironic = "thanks for nothing, Washington";
    assertThat(with(null).analyze(ironic).reasons()).contains(Sentiment.IRONY);
    assertThat(judged.analyze(ironic).label()).isEqualTo(with(null).analyze(ironic).label());
    // A reading of both sides is the judge of mixed's.
    String mixed = "Washington finally did a good thing, after years of terrible mistakes";
    assertThat(judged.analyze(mixed).label()).isEqualTo(Label.MIXED);
  }

  @Test
  void theJudgeOfCynicismLeavesChatterPolarReadingsAndSlashSAlone() {
    WordModel always = WordModel.of(List.of(), new float[0], 0, Float.NEGATIVE_INFINITY);
    var judged = judgingCynicism(always);
    // Chatter names no actor or topic of the news.
    assertThat(judged.analyze("is the stream live? link pls").label()).isEqualTo(Label.NEUTRAL);
    assertThat(judged.analyze("anyone on tonight?").label()).isEqualTo(Label.NEUTRAL);
    // A reading the rest made polar or mixed is theirs.
    assertThat(judged.analyze("great news for Niger").label()).isEqualTo(Label.POSITIVE);
    String mixed = "Washington finally did a good thing, after years of terrible mistakes";
    assertThat(judged.analyze(mixed).label()).isEqualTo(with(null).analyze(mixed).label());
    // "/s" has already said what the writer means.
    assertThat(judged.analyze("Washington sent a delegation to Niger /s").reasons())
        .doesNotContain(Sentiment.LEARNED);
  }
}
