package dev.takebot.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.message.ButtonSpec;
import dev.takebot.message.DiscordLimits;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.MessageSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("PostBuilder")
class PostBuilderTest {

  @Test
  @DisplayName(
      "posts the seed as the video link in content, then the summary embed the thread hangs from")
  void seedPost() {
    ArticlePost post = PostBuilder.build(Articles.seed());

    assertThat(post.messages()).hasSize(2);
    MessageSpec video = post.messages().get(0);
    assertThat(video.content()).isEqualTo("https://youtu.be/PQGu6Lzyf04");
    assertThat(video.embeds()).isEmpty();

    MessageSpec summary = post.messages().get(1);
    assertThat(post.threadAnchor()).isSameAs(summary);
    assertThat(summary.content()).isEmpty();
    EmbedSpec embed = summary.embeds().get(0);
    assertThat(embed.title())
        .isEqualTo("United States Moves to Reset Relations with Burkina Faso, Mali, and Niger");
    assertThat(embed.url()).isEqualTo("https://youtu.be/PQGu6Lzyf04");
    assertThat(embed.description())
        .startsWith(
            "The United States is taking steps to normalize relations with Burkina Faso, Mali, and Niger")
        .contains("\n\n#Russia #Bamako #")
        .contains("#BurkinaFaso")
        .endsWith("\n\n**Your take 👇**");
    assertThat(embed.footer()).isEqualTo("📅 1 February 2026");
    assertThat(embed.color()).isEqualTo(PostBuilder.COLOR);
    assertThat(post.hashtags()).hasSize(6);
    assertThat(post.summary()).hasSizeBetween(2, 3);
    assertThat(post.threadName())
        .isEqualTo(
            "Your take 👇 · United States Moves to Reset Relations with Burkina Faso, Mali, and Niger")
        .hasSizeLessThanOrEqualTo(DiscordLimits.THREAD_NAME);
  }

  @Test
  @DisplayName("passes the hashtag limit through")
  void hashtagLimit() {
    ArticlePost post = PostBuilder.build(Articles.seed(), 2);

    assertThat(post.hashtags()).containsExactly("Russia", "Bamako");
    assertThat(post.threadAnchor().embeds().get(0).description())
        .contains("\n\n#Russia #Bamako\n\n");
    assertThat(PostBuilder.build(Articles.seed(), 0).threadAnchor().embeds().get(0).description())
        .doesNotContain("#");
    assertThatThrownBy(() -> PostBuilder.build(Articles.seed(), 99))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "without a video the post is one embed message, with other links as read-more buttons")
  void noVideo() {
    Article article =
        ArticleParser.parse(
            """
        Niger reopens its border with Benin

        Niger reopened its border with Benin on Tuesday after months of closure. Traders welcomed the move.

        Source: https://www.example.org/niger-benin?utm_source=twitter&fbclid=abc
        """);

    ArticlePost post = PostBuilder.build(article);

    assertThat(post.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.content()).isEmpty();
              assertThat(m.embeds()).hasSize(1);
              assertThat(m.buttons())
                  .containsExactly(
                      ButtonSpec.link(
                          "https://www.example.org/niger-benin", "Read more · example.org"));
            });
    assertThat(post.threadName()).isEqualTo("Your take 👇 · Niger reopens its border with Benin");
  }

  @Test
  @DisplayName("quotes hostile input so that it cannot ping anyone or break the layout")
  void hostileInput() {
    Article article =
        ArticleParser.parse(
            """
        @everyone **BREAKING** <@&123456> `code` [click](https://evil.example) ||spoiler||

        @here the vote in Bamako is today, says <@987654321> in #general. ```a fence``` and > a quote.

        Second sentence about the vote in Bamako for <#555> and @everyone.

        @everyone what is your take?
        """);

    ArticlePost post = PostBuilder.build(article);
    EmbedSpec embed = post.threadAnchor().embeds().get(0);
    String everything = post.threadName() + embed.title() + embed.description() + embed.footer();
    String rendered = embed.title() + embed.description();

    assertThat(everything)
        .doesNotContainPattern("@(everyone|here)")
        .doesNotContainPattern("<@&?\\d+>|<#\\d+>");
    // Thread names show text literally; in the embed, markdown must be escaped.
    assertThat(rendered)
        .doesNotContain("**BREAKING**")
        .doesNotContain("```")
        .doesNotContain("||spoiler||");
    assertThat(embed.title()).contains("\\*\\*BREAKING\\*\\*").contains("\\`code\\`");
    assertThat(post.threadName())
        .doesNotContain("\n")
        .hasSizeLessThanOrEqualTo(DiscordLimits.THREAD_NAME);
  }

  @Test
  @DisplayName(
      "a huge article with a 200-character title still fits every Discord limit with room to spare")
  void hugeArticleFits() {
    String title = "Sahel " + "leaders agree ".repeat(13).strip();
    Article huge = ArticleParser.parse(title + "\n\n" + Articles.huge().body());

    ArticlePost post = PostBuilder.build(huge, 20);

    assertThat(huge.title()).hasSizeGreaterThan(180);
    EmbedSpec embed = post.threadAnchor().embeds().get(0);
    assertThat(embed.description()).hasSizeLessThan(DiscordLimits.DESCRIPTION_BUDGET);
    assertThat(embed.totalLength()).isLessThan(DiscordLimits.EMBED_TOTAL / 4);
    assertThat(post.threadName()).hasSizeLessThanOrEqualTo(DiscordLimits.THREAD_NAME).endsWith("…");
  }

  @DisplayName(
      "survives pathological 90 KB input (regression: unbounded regex repetition overflowed the stack"
          + " on a line of capitals, and lazy emphasis patterns took minutes on a line of stars)")
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"*a ", "_a ", "[a](", "A ", "Aa-Bb ", "U.S. ", "#a ", "**a __b ~~c "})
  void pathologicalInput(String unit) {
    for (String head : new String[] {"# Title\n\n", "Title\n\n"}) {
      String text = head + unit.repeat(90_000 / unit.length()) + " end.";

      ArticlePost post = PostBuilder.build(ArticleParser.parse(text));

      assertThat(post.threadAnchor().embeds().get(0).description())
          .hasSizeLessThan(DiscordLimits.DESCRIPTION_BUDGET);
    }
  }

  @Test
  @DisplayName("names the thread after the author's short call to action, or the default one")
  void threadName() {
    assertThat(PostBuilder.threadName("Title", "What do you think?"))
        .isEqualTo("What do you think? · Title");
    assertThat(
            PostBuilder.threadName(
                "Title", "Please do tell us in the replies everything you think about this"))
        .isEqualTo("Your take 👇 · Title");
    assertThat(PostBuilder.threadName("x".repeat(300), "Your take 👇"))
        .hasSize(DiscordLimits.THREAD_NAME);
  }
}
