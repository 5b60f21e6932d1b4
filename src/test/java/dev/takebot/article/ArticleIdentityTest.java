package dev.takebot.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("ArticleIdentity: what makes two posts the same article")
class ArticleIdentityTest {
  private static final LocalDate FEB_3 = LocalDate.of(2026, 2, 3);
  private static final String BORDER = "https://news.example.com/sahel/niger-benin-border";

  private static final String PASTED_SEED =
      """
      date 2026-02-03 Niger reopens its border with Benin after two years

      Niger has reopened its border with Benin, ending a closure that choked trade.

      Read more: https://news.example.com/sahel/niger-benin-border?utm_source=rss
      """;

  /** A feed item or a page, as the readers hand it over: the page it was read from first. */
  private static ArticleDraft draft(String title, LocalDate date, String text, String... links) {
    return new ArticleDraft(title, date, List.of(text), List.of(), null, List.of(links));
  }

  private static ArticleIdentity of(ArticleDraft draft) {
    return ArticleIdentity.of(draft.toArticle());
  }

  private static ArticleIdentity pasted(String text) {
    return ArticleIdentity.of(ArticleParser.parse(text));
  }

  @Nested
  @DisplayName("the link decides when both have one")
  class Links {
    @Test
    @DisplayName(
        "a feed item and the same page pasted by hand are the same article, whatever their words")
    void feedItemAndPasteOfItsPage() {
      ArticleIdentity item =
          of(
              draft(
                  "Niger reopens its border with Benin",
                  FEB_3,
                  "Different words from the feed.",
                  BORDER + "?utm_source=rss&utm_medium=feed"));
      assertThat(item.sameAs(pasted(PASTED_SEED))).isTrue();
      assertThat(pasted(PASTED_SEED).sameAs(item)).isTrue();
    }

    @Test
    @DisplayName("two videos with the same title and description are two articles")
    void sameWordsOtherVideo() {
      ArticleIdentity monday =
          of(
              draft(
                  "Daily news",
                  FEB_3,
                  "Today's news.",
                  "https://www.youtube.com/watch?v=AAAAAAAAAAA"));
      ArticleIdentity tuesday =
          of(
              draft(
                  "Daily news",
                  FEB_3,
                  "Today's news.",
                  "https://www.youtube.com/watch?v=BBBBBBBBBBB"));
      assertThat(monday.textKey()).isEqualTo(tuesday.textKey());
      assertThat(monday.titleKey()).isEqualTo(tuesday.titleKey());
      assertThat(monday.sameAs(tuesday)).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @DisplayName("spellings of one link are one link")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
        https://news.example.com/a/b                 | http://www.news.example.com/a/b/
        https://news.example.com/a/b                 | https://news.example.com/a/b#comments
        https://news.example.com/a/b?id=3            | https://news.example.com/a/b/?id=3
        https://news.example.com/a/b                 | https://NEWS.example.com/a/b?fbclid=x
        https://www.youtube.com/watch?v=PQGu6Lzyf04  | https://youtu.be/PQGu6Lzyf04?t=42
        https://vimeo.com/76979871#t=65s             | https://player.vimeo.com/video/76979871
        """)
    void spellings(String one, String other) {
      assertThat(of(draft("A", null, "x", one)).sameAs(of(draft("B", null, "y", other)))).isTrue();
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @DisplayName("other pages are other articles")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
        https://news.example.com/a/b       | https://news.example.com/a/c
        https://news.example.com/a/b?id=3  | https://news.example.com/a/b?id=4
        https://news.example.com/a/B       | https://news.example.com/a/b
        https://news.example.com/a/b       | https://other.example.com/a/b
        """)
    void otherPages(String one, String other) {
      assertThat(of(draft("A", FEB_3, "x", one)).sameAs(of(draft("A", FEB_3, "x", other))))
          .isFalse();
    }

    @Test
    @DisplayName(
        "a pasted article's link is the one its post points at: its video, else its first link")
    void pastedLink() {
      String withVideo =
          "Title\n\nText with a reference https://example.org/ref and a video"
              + " https://www.youtube.com/watch?v=PQGu6Lzyf04 here.";
      assertThat(pasted(withVideo).linkKey())
          .isEqualTo(ArticleIdentity.linkKey("https://youtu.be/PQGu6Lzyf04"));
      assertThat(
              pasted("Title\n\nSee https://example.org/ref and https://example.org/two.").linkKey())
          .isEqualTo(ArticleIdentity.linkKey("https://example.org/ref"));
      assertThat(pasted("Title\n\nNo link at all.").linkKey()).isNull();
    }

    @Test
    @DisplayName("a page's link is where it was read, not the video it embeds")
    void pageLinkIsItsSource() {
      ArticleDraft page =
          new ArticleDraft(
              "Title",
              null,
              List.of("Text."),
              List.of(),
              "https://www.youtube.com/embed/PQGu6Lzyf04",
              List.of(BORDER));
      assertThat(of(page).linkKey()).isEqualTo(ArticleIdentity.linkKey(BORDER));
    }
  }

  /**
   * Regression (review of #15): a link that names a whole site or channel, not one page, made every
   * article pointing at it "the same": two pasted articles whose first link was the outlet's home
   * page asked for Post anyway, and a feed whose items all link to its home page posted its first
   * item and skipped every later one for good.
   */
  @Nested
  @DisplayName("a link to a whole site or channel is no article's link")
  class GenericLinks {
    @ParameterizedTest(name = "{0}")
    @DisplayName("a home page (with or without tracking), or a YouTube page that is no video")
    @CsvSource(
        textBlock =
            """
        https://www.lemonde.fr/
        http://lemonde.fr
        https://news.example.com/?utm_source=rss
        https://news.example.com/#top
        https://www.youtube.com/
        https://www.youtube.com/watch
        https://www.youtube.com/@sahelwire
        https://m.youtube.com/channel/UC0123456789abcdefghijkl
        """)
    void noLinkKey(String link) {
      assertThat(of(draft("A", FEB_3, "x", link)).linkKey()).isNull();
    }

    @Test
    @DisplayName("two pasted articles whose first link is the same home page are two articles")
    void sameHomePage() {
      ArticleIdentity a =
          pasted("Mali signs an energy deal\n\nText. Source: https://www.lemonde.fr/");
      ArticleIdentity b =
          pasted("Niger reopens its border\n\nOther. Source: https://www.lemonde.fr/");
      assertThat(a.sameAs(b)).isFalse();
    }

    @Test
    @DisplayName(
        "feed items that all link to the feed's home page are told apart by their dated title and"
            + " text")
    void feedItemsLinkingHome() {
      ArticleIdentity monday = of(draft("Episode 1", FEB_3, "First.", "https://podcast.example/"));
      ArticleIdentity tuesday =
          of(draft("Episode 2", FEB_3.plusDays(1), "Second.", "https://podcast.example/"));
      assertThat(monday.sameAs(tuesday)).isFalse();
      assertThat(monday.sameAs(of(draft("Episode 1", FEB_3, "First.", "https://podcast.example"))))
          .isTrue();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @DisplayName("a page's link still decides, whatever tracking it carries")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
        https://news.example.com/a?utm_source=x   | https://news.example.com/a?utm_campaign=y&fbclid=z
        https://news.example.com/?p=123           | https://www.news.example.com/?p=123&utm_medium=rss
        """)
    void pagesStillDecide(String one, String other) {
      ArticleIdentity a = of(draft("A", FEB_3, "x", one));
      assertThat(a.linkKey()).isNotNull();
      assertThat(a.sameAs(of(draft("B", null, "y", other)))).isTrue();
    }

    @Test
    @DisplayName(
        "titles in any script, and titles of symbols only, neither collide nor break (huge ones"
            + " too)")
    void unicodeTitles() {
      assertThat(of(draft("尼日尔重新开放边境", FEB_3, "x")).sameAs(of(draft("马里签署能源协议", FEB_3, "y"))))
          .isFalse();
      assertThat(of(draft("Ｎｉｇｅｒ　ｖｏｔｅ", FEB_3, "x")).sameAs(of(draft("niger vote", FEB_3, "y"))))
          .isTrue();
      assertThat(ArticleIdentity.titleKey("🔥🔥🔥", FEB_3)).isNull();
      assertThat(ArticleIdentity.titleKey("🔥 Niger 🔥", FEB_3))
          .isNotEqualTo(ArticleIdentity.titleKey("🔥 Mali 🔥", FEB_3));
      String huge = "mot ".repeat(250_000);
      assertThat(ArticleIdentity.titleKey(huge, FEB_3)).hasSize(32);
    }
  }

  @Nested
  @DisplayName("without a link on both sides, the same text or the same dated title")
  class WithoutLinks {
    @Test
    @DisplayName("the same text pasted twice (other line endings, spaces) is the same article")
    void sameText() {
      String text = "Title\n\nThe first paragraph.\n\nThe second one.";
      assertThat(pasted(text).sameAs(pasted("\uFEFF" + text.replace("\n", "\r\n") + "  \n")))
          .isTrue();
    }

    @Test
    @DisplayName(
        "the same title on the same date is the same article, however spelled (case, accents,"
            + " punctuation)")
    void sameDatedTitle() {
      ArticleIdentity a = pasted("date 2026-02-03 L'Élysée répond au Mali!\n\nUn premier texte.");
      ArticleIdentity b =
          of(draft("l’elysee  REPOND au mali", FEB_3, "Un tout autre texte, sans lien."));
      assertThat(a.sameAs(b)).isTrue();
    }

    @Test
    @DisplayName("the same title on another date, or undated, is not enough")
    void titleNeedsItsDate() {
      ArticleIdentity a = of(draft("Weekly roundup", FEB_3, "One week."));
      assertThat(a.sameAs(of(draft("Weekly roundup", FEB_3.plusDays(7), "Next week.")))).isFalse();
      assertThat(of(draft("Weekly roundup", null, "One week.")).titleKey()).isNull();
      assertThat(
              of(draft("Weekly roundup", null, "One week."))
                  .sameAs(of(draft("Weekly roundup", null, "Another week."))))
          .isFalse();
    }

    @Test
    @DisplayName("a linked article and an unlinked one are compared by text and dated title")
    void oneSideLinked() {
      ArticleIdentity linked = of(draft("Border reopens", FEB_3, "Some text.", BORDER));
      ArticleIdentity unlinked = of(draft("Border reopens!", FEB_3, "Other text."));
      assertThat(linked.sameAs(unlinked)).isTrue();
      assertThat(unlinked.sameAs(linked)).isTrue();
      assertThat(linked.sameAs(of(draft("Something else", FEB_3, "Other text.")))).isFalse();
    }

    @Test
    @DisplayName("a post known only by its text (recorded before links were) matches that text")
    void textOnly() {
      ArticleIdentity now = pasted(PASTED_SEED);
      assertThat(ArticleIdentity.ofText(now.textKey()).sameAs(now)).isTrue();
      assertThat(ArticleIdentity.ofText("other").sameAs(now)).isFalse();
    }
  }

  @Test
  @DisplayName("a moderator's edit keeps the article's link and date")
  void editKeepsTheSource() {
    Article read = draft("Title", FEB_3, "Text.", BORDER).toArticle();
    ArticlePost edited =
        PostBuilder.edit(
            PostBuilder.build(read, 6, java.util.Locale.ENGLISH),
            PostEdit.parse("A new title", "A summary.", ""));
    assertThat(ArticleIdentity.of(edited.article()).linkKey())
        .isEqualTo(ArticleIdentity.of(read).linkKey());
  }
}
