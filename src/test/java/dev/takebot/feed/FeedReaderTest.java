package dev.takebot.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.article.Article;
import dev.takebot.fetch.FixtureServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FeedReader: RSS 2.0, Atom 1.0 and YouTube channel feeds become article drafts")
class FeedReaderTest {

  private static ParsedFeed read(String fixture) {
    return FeedReader.read(FixtureServer.read(fixture), null);
  }

  @Test
  @DisplayName(
      "RSS: content:encoded reduced to text, categories as hashtags, guid as key, newest by date")
  void rss() {
    ParsedFeed feed = read("rss.xml");

    assertThat(feed.title()).isEqualTo("The Daily Example — Africa");
    assertThat(feed.items()).hasSize(2);
    FeedItem newest = feed.newest().orElseThrow();
    assertThat(newest.key()).isEqualTo("dailyexample-1002");
    assertThat(newest.published()).isEqualTo(Instant.parse("2026-02-03T08:00:00Z"));
    Article article = newest.draft().toArticle();
    assertThat(article.title()).isEqualTo("Niger reopens border with Benin after two years");
    assertThat(article.date()).isEqualTo(LocalDate.of(2026, 2, 3));
    assertThat(article.paragraphs())
        .containsExactly(
            "Niger has reopened its border with Benin, ending a closure that choked trade along"
                + " one of West Africa's busiest corridors.",
            "Traders in Malanville welcomed the decision, saying hundreds of lorries had been"
                + " stuck for months.",
            "Officials said customs posts would reopen gradually over the coming week.");
    assertThat(article.hashtags()).containsExactly("Niger", "TradeEconomy");
    assertThat(article.links())
        .containsExactly("https://news.example.com/africa/niger-benin-border");
    assertThat(feed.items().get(1).draft().toArticle().videoUrl())
        .as("media:content video")
        .isEqualTo("https://cdn.example.com/video/energy-deal.mp4");
    assertThat(feed.oldestFirst().get(0).key()).isEqualTo("dailyexample-1001");
  }

  @Test
  @DisplayName("Atom: HTML content, id as key, category terms, an undated entry's updated date")
  void atom() {
    ParsedFeed feed = read("atom.xml");

    FeedItem newest = feed.newest().orElseThrow();
    assertThat(newest.key()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
    Article article = newest.draft().toArticle();
    assertThat(article.title()).isEqualTo("Chad & Sudan agree on refugee corridor");
    assertThat(article.paragraphs()).hasSize(2);
    assertThat(article.hashtags()).containsExactly("Chad", "HumanitarianAid");
    assertThat(feed.items().get(1).published()).isEqualTo(Instant.parse("2026-02-04T10:00:00Z"));
  }

  @Test
  @DisplayName("YouTube: yt:videoId is the video, media:description the text")
  void youtube() {
    ParsedFeed feed = read("youtube.xml");

    FeedItem newest = feed.newest().orElseThrow();
    assertThat(newest.key()).isEqualTo("yt:video:PQGu6Lzyf04");
    Article article = newest.draft().toArticle();
    assertThat(article.videoUrl()).isEqualTo("https://youtu.be/PQGu6Lzyf04");
    assertThat(article.title())
        .isEqualTo("United States moves to reset relations with Burkina Faso, Mali and Niger");
    assertThat(article.paragraphs()).hasSize(2).first().asString().startsWith("Washington has");
    assertThat(article.links()).isEmpty();
    Article bare = feed.items().get(1).draft().toArticle();
    assertThat(bare.videoUrl()).isEqualTo("https://youtu.be/dQw4w9WgXcQ");
    assertThat(bare.paragraphs()).as("no description: the title").hasSize(1);
  }

  @Test
  @DisplayName("an item whose guid changed is still recognised by its hash")
  void hashSurvivesNewGuid() {
    ParsedFeed feed = read("rss.xml");
    FeedItem item = feed.items().get(0);
    FeedItem renamed = new FeedItem("other-guid", item.link(), item.published(), item.draft());

    assertThat(renamed.key()).isNotEqualTo(item.key());
    assertThat(renamed.hash()).isEqualTo(item.hash());
  }

  @Test
  @DisplayName("HTML and DOCTYPEs (external entities) are refused in one line")
  void refusals() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
    assertThatThrownBy(() -> FeedReader.read(xxe.getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOf(FeedFormatException.class)
        .hasMessage("that feed declares a DOCTYPE, which is refused for safety");
    assertThatThrownBy(
            () ->
                FeedReader.read(
                    "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOf(FeedFormatException.class)
        .hasMessage("that is XML, but neither an RSS nor an Atom feed");
  }

  @Test
  @DisplayName(
      "what the XML parser found is told in the reader's language, never in the parser's English")
  void parserFailuresInFrench() {
    dev.takebot.i18n.Texts french = dev.takebot.i18n.Texts.forTag("fr");
    java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
    java.util.Map<String, String> documents =
        java.util.Map.of(
            "not xml",
            "Service Unavailable",
            "broken",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>\n<item><title>a</item>"
                + "</channel></rss>",
            "doctype",
            "<?xml version=\"1.0\"?><!DOCTYPE rss><rss version=\"2.0\"></rss>",
            "other xml",
            "<html><body>hi</body></html>",
            "encoding",
            "<?xml version=\"1.0\" encoding=\"klingon\"?><rss version=\"2.0\"></rss>");
    documents.forEach(
        (name, xml) -> {
          try {
            FeedReader.read(xml.getBytes(StandardCharsets.UTF_8), null);
            shown.put(name, "read");
          } catch (FeedFormatException e) {
            shown.put(name, e.phrase().in(french));
          }
        });

    assertThat(shown)
        .containsEntry(
            "not xml", "ce n’est pas un flux RSS ou Atom\u00a0: son XML est mal formé à la ligne 1")
        .containsEntry(
            "broken", "ce n’est pas un flux RSS ou Atom\u00a0: son XML est mal formé à la ligne 2")
        .containsEntry("doctype", "ce flux déclare un DOCTYPE, refusé par sécurité")
        .containsEntry("other xml", "c’est du XML, mais ni un flux RSS ni un flux Atom")
        .containsEntry("encoding", "l’encodage du texte de ce flux est illisible");
  }
}
