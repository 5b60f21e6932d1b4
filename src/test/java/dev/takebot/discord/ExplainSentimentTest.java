package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.i18n.Texts;
import dev.takebot.sentiment.Label;
import dev.takebot.sentiment.LexiconSentimentAnalyzer;
import dev.takebot.sentiment.Sentiment;
import dev.takebot.takes.Take;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Explain sentiment: wording of the answer")
class ExplainSentimentTest {
  private static final Sentiment POSITIVE =
      new Sentiment(Label.POSITIVE, 0.62, List.of("love", "great", "👍"));

  private static Take take(Label label, String version) {
    return new Take(1, 2, 3, 4, "ada", "I love it", Instant.EPOCH, null, label, 0.1, version);
  }

  @Test
  @DisplayName(
      "a plain message: the reading and its words in order, quoted so they cannot ping or format")
  void message() {
    String text =
        ExplainSentimentFeature.explain(
            Optional.empty(), new Sentiment(Label.NEGATIVE, -0.5, List.of("@everyone", "*bad*")));
    assertThat(text)
        .startsWith("This message reads as 🔴 **negative** (score -0.50).")
        .contains("`@\u200Beveryone`")
        .contains("`*bad*`");
  }

  @Test
  @DisplayName(
      "a corrected take: the moderator's tag counts, the analyser's reading is shown beside it")
  void corrected() {
    String text =
        ExplainSentimentFeature.explain(Optional.of(take(Label.NEGATIVE, "moderator")), POSITIVE);
    assertThat(text)
        .startsWith("This take is tagged **negative** by a moderator")
        .contains("reads it as 🟢 **positive** (score +0.62)")
        .contains("`love`, `great`, `👍`");
  }

  @Test
  @DisplayName(
      "a take tagged by an older analyser: both tags, and a note that it will be re-tagged")
  void outdated() {
    String text =
        ExplainSentimentFeature.explain(Optional.of(take(Label.NEUTRAL, "old")), POSITIVE);
    assertThat(text).contains("tagged ⚪ **neutral** (+0.10)").contains("will re-tag it");
  }

  @Test
  @DisplayName("no sentiment words: says so; many words: the first twelve and a count")
  void reasons() {
    assertThat(ExplainSentimentFeature.reasons(List.of())).contains("No sentiment words");
    assertThat(ExplainSentimentFeature.reasons(Collections.nCopies(15, "w")))
        .endsWith("and 3 more.");
  }

  @Test
  @DisplayName("the analyser's markers are told in words after the words, not shown as words")
  void markers() {
    String both =
        ExplainSentimentFeature.reasons(List.of("respect", Sentiment.IRONY, Sentiment.LEARNED));
    assertThat(both)
        .startsWith("What drove it, most influential first: `respect`.")
        .contains("reads as irony")
        .endsWith("moved the reading.")
        .doesNotContain("`irony`", "`learned`");
    assertThat(ExplainSentimentFeature.reasons(List.of(Sentiment.LEARNED)))
        .startsWith("No sentiment words")
        .endsWith("moved the reading.");
  }

  @Test
  @DisplayName("a take a fitted model reads neutral despite its words says so, in both languages")
  void neutralized() {
    Sentiment reading =
        LexiconSentimentAnalyzer.standard().analyze("the coup in Niger was in July 2023");
    assertThat(reading.label()).isEqualTo(Label.NEUTRAL);
    assertThat(reading.reasons()).endsWith(Sentiment.LEARNED).contains("coup");
    String english = ExplainSentimentFeature.explain(Optional.empty(), reading, Texts.english());
    String french = ExplainSentimentFeature.explain(Optional.empty(), reading, Texts.forTag("fr"));
    assertThat(english).contains("`coup`").contains("reads it as neutral").doesNotContain("drove");
    assertThat(french).contains("`coup`").contains("comme neutre").doesNotContain("compté");
  }

  @Test
  @DisplayName("scorn no word says is explained as the learned judge's reading, in both languages")
  void cynicism() {
    Sentiment reading =
        LexiconSentimentAnalyzer.standard()
            .analyze("Washington found Niger right after the uranium survey");
    assertThat(reading.label()).isEqualTo(Label.NEGATIVE);
    assertThat(reading.reasons()).endsWith(Sentiment.CYNICISM, Sentiment.LEARNED);
    String english = ExplainSentimentFeature.explain(Optional.empty(), reading, Texts.english());
    String french = ExplainSentimentFeature.explain(Optional.empty(), reading, Texts.forTag("fr"));
    assertThat(english).contains("reads as scorn").doesNotContain("first 64 words", "`");
    assertThat(french).contains("dédain").doesNotContain("64 premiers mots", "`");
  }

  @Test
  @DisplayName(
      "scorn read by the judge of cynicism from a take whose words the reasons list names them,"
          + " never says no word judges, in both languages")
  void cynicismWithWords() {
    // The judge reads what the rest left neutral, words or none: "don't" is listed, and the answer
    // must not say that no word in the take praises or blames.
    Sentiment reading =
        LexiconSentimentAnalyzer.standard()
            .analyze("Paris found Mali right after the gold survey. I don't buy it.");
    assertThat(reading.label()).isEqualTo(Label.NEGATIVE);
    assertThat(reading.reasons()).containsExactly("don't", Sentiment.CYNICISM, Sentiment.LEARNED);
    String english = ExplainSentimentFeature.explain(Optional.empty(), reading, Texts.english());
    String french = ExplainSentimentFeature.explain(Optional.empty(), reading, Texts.forTag("fr"));
    assertThat(english)
        .contains("`don't`", "reads as scorn")
        .doesNotContain("No word", "`cynicism`", "`learned`", "@");
    assertThat(french)
        .contains("`don't`", "dédain")
        .doesNotContain("Aucun mot", "`cynicism`", "`learned`", "@");
  }

  @Test
  @DisplayName(
      "a long take whose sentiment words come after the first 64 words is not said to read neutral")
  void longTakeReadFromLaterWords() {
    // Reasons come from the first 64 words only: a long take (a judge may turn its praise) has
    // none listed, and the answer must not contradict its own reading.
    String pad = "the State Dept met the envoy in the capital on tuesday and then ".repeat(6);
    for (String text :
        List.of(
            pad + "this is awful",
            pad + "thank god Washington is here to save us 🙏 just like they saved Libya")) {
      Sentiment reading = LexiconSentimentAnalyzer.standard().analyze(text);
      assertThat(reading.label()).as(text).isNotEqualTo(Label.NEUTRAL);
      String english = ExplainSentimentFeature.explain(Optional.empty(), reading, Texts.english());
      String french =
          ExplainSentimentFeature.explain(Optional.empty(), reading, Texts.forTag("fr"));
      assertThat(english).doesNotContain("reads as neutral").contains("first 64 words");
      assertThat(french).doesNotContain("comme neutre").contains("64 premiers mots");
    }
    String turned =
        ExplainSentimentFeature.explain(
            Optional.empty(),
            new Sentiment(Label.NEGATIVE, -0.4, List.of(Sentiment.IRONY, Sentiment.LEARNED)),
            Texts.english());
    assertThat(turned)
        .doesNotContain("reads as neutral")
        .contains("reads as irony")
        .endsWith("moved the reading.");
  }
}
