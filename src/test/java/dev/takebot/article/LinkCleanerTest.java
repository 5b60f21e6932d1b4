package dev.takebot.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("LinkCleaner")
class LinkCleanerTest {

  @DisplayName("canonicalises video links and strips tracking, keeping a start time")
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      https://youtu.be/PQGu6Lzyf04?si=9uFiBce3Joj_4nil                               | https://youtu.be/PQGu6Lzyf04          | YOUTUBE
      https://youtu.be/PQGu6Lzyf04                                                   | https://youtu.be/PQGu6Lzyf04          | YOUTUBE
      http://youtu.be/PQGu6Lzyf04?t=42                                               | https://youtu.be/PQGu6Lzyf04?t=42     | YOUTUBE
      https://www.youtube.com/watch?v=PQGu6Lzyf04                                    | https://youtu.be/PQGu6Lzyf04          | YOUTUBE
      https://www.youtube.com/watch?feature=share&v=PQGu6Lzyf04&utm_source=x          | https://youtu.be/PQGu6Lzyf04          | YOUTUBE
      https://m.youtube.com/watch?v=PQGu6Lzyf04&t=1m30s                              | https://youtu.be/PQGu6Lzyf04?t=90     | YOUTUBE
      https://music.youtube.com/watch?v=PQGu6Lzyf04&list=RDAMVM123&si=abc            | https://youtu.be/PQGu6Lzyf04          | YOUTUBE
      https://youtube.com/watch?v=PQGu6Lzyf04&t=1h2m3s                               | https://youtu.be/PQGu6Lzyf04?t=3723   | YOUTUBE
      https://www.youtube.com/watch?v=PQGu6Lzyf04#t=75                               | https://youtu.be/PQGu6Lzyf04?t=75     | YOUTUBE
      https://www.youtube.com/shorts/PQGu6Lzyf04?feature=share                       | https://youtu.be/PQGu6Lzyf04          | YOUTUBE
      https://www.youtube.com/live/PQGu6Lzyf04?si=xyz&t=120s                         | https://youtu.be/PQGu6Lzyf04?t=120    | YOUTUBE
      https://www.youtube.com/embed/PQGu6Lzyf04?start=30&rel=0                       | https://youtu.be/PQGu6Lzyf04?t=30     | YOUTUBE
      https://www.youtube-nocookie.com/embed/PQGu6Lzyf04                             | https://youtu.be/PQGu6Lzyf04          | YOUTUBE
      https://www.youtube.com/v/PQGu6Lzyf04                                          | https://youtu.be/PQGu6Lzyf04          | YOUTUBE
      www.youtube.com/watch?v=PQGu6Lzyf04&fbclid=IwAR0                               | https://youtu.be/PQGu6Lzyf04          | YOUTUBE
      youtu.be/PQGu6Lzyf04?t=0                                                       | https://youtu.be/PQGu6Lzyf04          | YOUTUBE
      https://YOUTU.BE/PQGu6Lzyf04                                                   | https://youtu.be/PQGu6Lzyf04          | YOUTUBE
      https://vimeo.com/76979871                                                     | https://vimeo.com/76979871            | VIMEO
      https://vimeo.com/76979871?utm_source=newsletter#t=1m5s                        | https://vimeo.com/76979871#t=65s      | VIMEO
      https://player.vimeo.com/video/76979871?h=8272103f6e&autoplay=1                | https://vimeo.com/76979871/8272103f6e | VIMEO
      https://vimeo.com/channels/staffpicks/76979871                                 | https://vimeo.com/76979871            | VIMEO
      https://vimeo.com/76979871/8272103f6e                                          | https://vimeo.com/76979871/8272103f6e | VIMEO
      https://www.youtube.com/@StateDept?si=abc                                      | https://www.youtube.com/@StateDept    | OTHER
      https://www.state.gov/africa?utm_source=tw&utm_medium=social&id=7              | https://www.state.gov/africa?id=7     | OTHER
      https://example.com/a?fbclid=1&gclid=2&igshid=3&q=sahel                        | https://example.com/a?q=sahel         | OTHER
      https://Example.COM:443/News/Story#:~:text=Mali                                | https://example.com/News/Story        | OTHER
      https://example.com/page?feature=x&si=keep#section                             | https://example.com/page?feature=x&si=keep#section | OTHER
      """)
  void cleans(String raw, String expected, CleanLink.Kind kind) {
    CleanLink link = LinkCleaner.clean(raw).orElseThrow();

    assertThat(link.url()).isEqualTo(expected);
    assertThat(link.kind()).isEqualTo(kind);
  }

  @Test
  @DisplayName("rejects what is not an http(s) link")
  void rejectsNonLinks() {
    assertThat(LinkCleaner.clean("ftp://example.com/file")).isEmpty();
    assertThat(LinkCleaner.clean("https://localhost")).isEmpty();
    assertThat(LinkCleaner.clean("not a link")).isEmpty();
  }

  @Test
  @DisplayName("finds links in prose without the punctuation around them")
  void findsLinksInProse() {
    String text =
        "Watch (https://youtu.be/PQGu6Lzyf04?si=x). More at https://en.wikipedia.org/wiki/Mali_(disambiguation), "
            + "or “https://example.com/a”.";

    assertThat(LinkCleaner.findUrls(text))
        .containsExactly(
            "https://youtu.be/PQGu6Lzyf04?si=x",
            "https://en.wikipedia.org/wiki/Mali_(disambiguation)",
            "https://example.com/a");
  }

  @DisplayName("reads start times in every YouTube spelling")
  @ParameterizedTest(name = "{0} → {1}s")
  @CsvSource({
    "90, 90",
    "90s, 90",
    "1m30s, 90",
    "1h, 3600",
    "2m, 120",
    "1h2m3s, 3723",
    "abc, 0",
    "'', 0",
    "-5, 0"
  })
  void readsStartTimes(String value, long seconds) {
    assertThat(LinkCleaner.seconds(value)).isEqualTo(seconds);
  }
}
