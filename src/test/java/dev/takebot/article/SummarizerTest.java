package dev.takebot.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Summarizer")
class SummarizerTest {
  private final Summarizer summarizer = new Summarizer(Summarizer.DEFAULT_BUDGET);

  @Test
  @DisplayName(
      "says for the seed who does what to whom, and carries the Bamako visit or the Russia/minerals context")
  void seedSummary() {
    List<String> summary = summarizer.summarize(Articles.seed());
    String text = String.join(" ", summary);

    assertThat(text)
        .contains(
            "The United States is taking steps to normalize relations with Burkina Faso, Mali, and Niger");
    assertThat(text).containsAnyOf("Bamako", "Russia", "minerals");
  }

  @Test
  @DisplayName(
      "is two or three whole sentences of the article, in their original order, within the budget")
  void summaryProperties() {
    Article article = Articles.seed();
    List<String> sentences = sentences(article);

    List<String> summary = summarizer.summarize(article);

    assertThat(summary).hasSizeBetween(2, 3);
    assertThat(sentences).containsAll(summary);
    List<Integer> positions = summary.stream().map(sentences::indexOf).toList();
    assertThat(positions).isSorted().doesNotHaveDuplicates();
    assertThat(String.join(" ", summary)).hasSizeLessThanOrEqualTo(Summarizer.DEFAULT_BUDGET);
    assertThat(summary).allSatisfy(s -> assertThat(s).endsWith(".").doesNotEndWith("U.S."));
  }

  @Test
  @DisplayName("chooses by salience, not simply the first sentences")
  void notJustTheLead() {
    Article seed = Articles.seed();
    assertThat(summarizer.summarize(seed))
        .isNotEqualTo(sentences(seed).subList(0, summarizer.summarize(seed).size()));

    Article buried =
        Articles.plain(
            "Mali and Niger sign a border security pact",
            "It was a cold and windy morning in the capital. Crowds gathered early near the river.",
            "Mali and Niger signed a border security pact on Monday, pledging joint patrols along their shared border.",
            "Street vendors sold tea to the waiting crowds.",
            "Under the pact, Mali and Niger will share intelligence on armed groups operating in the border region.");

    List<String> summary = summarizer.summarize(buried);

    assertThat(summary)
        .contains(
            "Mali and Niger signed a border security pact on Monday, pledging joint patrols along their shared border.");
    assertThat(summary).doesNotContain("It was a cold and windy morning in the capital.");
  }

  @Test
  @DisplayName("does not pick a sentence that repeats one already chosen")
  void avoidsRepetition() {
    Article article =
        Articles.plain(
            "Niger reopens its border with Benin",
            "Niger reopened its border with Benin on Tuesday after months of closure.",
            "Niger reopened its border with Benin on Tuesday after months of closure, officials confirmed.",
            "Traders expect food prices in Niamey to fall as lorries cross again.",
            "The closure had followed the 2023 coup and a dispute over regional sanctions.");

    List<String> summary = summarizer.summarize(article);

    assertThat(summary.stream().filter(s -> s.startsWith("Niger reopened its border"))).hasSize(1);
  }

  @Test
  @DisplayName("prefers sentences that stand alone over ones leaning on the sentence before")
  void avoidsDanglingReferences() {
    assertThat(
            Summarizer.leansOnPrevious(
                "The alliance has aligned with Russia.",
                "They formed the Alliance of Sahel States."))
        .isTrue();
    assertThat(Summarizer.leansOnPrevious("It said so.", "Anything.")).isTrue();
    assertThat(
            Summarizer.leansOnPrevious(
                "The United States also spoke.", "The State Department said."))
        .isFalse();
    assertThat(String.join(" ", summarizer.summarize(Articles.seed())))
        .doesNotContain("The alliance has");
  }

  @Test
  @DisplayName("stays within its budget for a huge article")
  void hugeArticle() {
    List<String> summary = summarizer.summarize(Articles.huge());

    assertThat(summary).hasSizeBetween(2, 3);
    assertThat(String.join(" ", summary)).hasSizeLessThanOrEqualTo(Summarizer.DEFAULT_BUDGET);
  }

  @Test
  @DisplayName("cuts at a word boundary with '…' only when not one sentence fits")
  void giantSentence() {
    Article article = Articles.plain("One endless sentence", "word ".repeat(2000).strip());

    List<String> summary = summarizer.summarize(article);

    assertThat(summary)
        .singleElement()
        .satisfies(s -> assertThat(s).endsWith("word…").hasSizeLessThanOrEqualTo(700));
  }

  @Test
  @DisplayName("summarises a one-sentence article as that sentence")
  void oneSentence() {
    assertThat(summarizer.summarize(Articles.plain("Short", "Only this happened.")))
        .containsExactly("Only this happened.");
  }

  @Test
  @DisplayName("refuses a budget too small for any sentence")
  void tinyBudget() {
    assertThatThrownBy(() -> new Summarizer(10)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> sentences(Article article) {
    List<String> all = new ArrayList<>();
    article.paragraphs().forEach(p -> all.addAll(SentenceSplitter.split(p)));
    return all;
  }
}
