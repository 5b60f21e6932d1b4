package dev.takebot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.article.Article;
import dev.takebot.article.ArticleDraft;
import dev.takebot.article.ArticleFormatException;
import dev.takebot.fetch.FixtureServer;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PageReader: a news page taken apart into title, date, text, tags and video")
class PageReaderTest {

  private static ArticleDraft read(String fixture, String url) {
    return PageReader.read(FixtureServer.read(fixture), null, url);
  }

  @Test
  @DisplayName(
      "OpenGraph title and date win over JSON-LD and <title>; the text is the story's paragraphs only")
  void newsPage() {
    ArticleDraft draft = read("news-page.html", "https://news.example.com/world/sahel-talks");

    assertThat(draft.title())
        .isEqualTo("Sahel States and Washington Resume Security Talks in Bamako");
    assertThat(draft.date()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(draft.paragraphs())
        .hasSize(5)
        .first()
        .asString()
        .startsWith("Officials from Mali, Burkina Faso and Niger met");
    assertThat(String.join("\n", draft.paragraphs()))
        .doesNotContain("cookies", "Share this story", "Reader comment", "All rights reserved")
        .doesNotContain("Home", "Related", "By A. Reporter");
    assertThat(draft.tags()).contains("Niger", "Diplomacy", "Sahel", "Mali", "Security talks");
  }

  @Test
  @DisplayName("the article made from it: tracking gone, the video link in the text is its video")
  void newsPageArticle() {
    Article article =
        read("news-page.html", "https://news.example.com/world/sahel-talks").toArticle();

    assertThat(article.format()).isEqualTo(Article.Format.WEB);
    assertThat(article.videoUrl()).isEqualTo("https://youtu.be/PQGu6Lzyf04");
    assertThat(article.links()).containsExactly("https://news.example.com/world/sahel-talks");
    assertThat(article.hashtags()).contains("Niger", "Diplomacy", "SecurityTalks");
    assertThat(article.body()).doesNotContain("https://", "youtube");
  }

  @Test
  @DisplayName("JSON-LD NewsArticle gives the title and date when there is no OpenGraph")
  void jsonLdWithoutOpenGraph() {
    String html =
        "<html><head><title>Site | Home</title><script type=\"application/ld+json\">"
            + "[{\"@type\":[\"NewsArticle\"],\"headline\":\"Ghana cuts rates\","
            + "\"datePublished\":\"2026-04-02\",\"keywords\":\"Ghana, Economy\"}]</script></head>"
            + "<body><article><p>The Bank of Ghana cut its main rate by two points on Thursday,"
            + " citing slowing inflation.</p></article></body></html>";

    ArticleDraft draft = PageReader.read(html, "https://example.com/ghana");

    assertThat(draft.title()).isEqualTo("Ghana cuts rates");
    assertThat(draft.date()).isEqualTo(LocalDate.of(2026, 4, 2));
    assertThat(draft.tags()).containsExactly("Ghana", "Economy");
  }

  @Test
  @DisplayName(
      "<title> and <time> serve when nothing else says; an embedded YouTube player is the video")
  void iframePage() {
    ArticleDraft draft = read("iframe-page.html", "https://video.example.net/niger-floods");

    assertThat(draft.title()).isEqualTo("Drone footage shows flooding along the Niger River");
    assertThat(draft.date()).isEqualTo(LocalDate.of(2026, 3, 14));
    assertThat(draft.video()).contains("youtube-nocookie.com/embed/dQw4w9WgXcQ");
    assertThat(draft.paragraphs()).hasSize(3);
    assertThat(draft.toArticle().videoUrl()).isEqualTo("https://youtu.be/dQw4w9WgXcQ");
  }

  @Test
  @DisplayName("a page without article text is refused: \"no article text found\"")
  void noText() {
    ArticleDraft draft =
        PageReader.read(
            "<html><head><title>Login</title></head><body><form><input></form></body></html>",
            "https://example.com/login");

    assertThatThrownBy(draft::toArticle)
        .isInstanceOf(ArticleFormatException.class)
        .hasMessage("no article text found");
  }

  @Test
  @DisplayName("HTML fragments become paragraphs; scripts go and entities are decoded")
  void htmlText() {
    assertThat(
            HtmlText.paragraphs(
                "<p>One &amp; <b>two</b></p><script>x()</script><div>Three<br>Four</div>"))
        .containsExactly("One & two", "Three", "Four");
    assertThat(HtmlText.paragraphs("Plain text.\n\nSecond paragraph."))
        .containsExactly("Plain text.", "Second paragraph.");
  }
}
