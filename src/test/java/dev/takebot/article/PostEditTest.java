package dev.takebot.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.message.EmbedSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("PostEdit: a moderator's changes to a post's title, summary and hashtags")
class PostEditTest {

  @Test
  @DisplayName(
      "keeps the typed values on one line; hashtags with or without '#', by spaces or commas, each once")
  void parses() {
    PostEdit e =
        PostEdit.parse(
            "  New\ntitle ", "First line.\nSecond line.", "#Sahel, Mali  #sahel_2 #SAHEL");

    assertThat(e.title()).isEqualTo("New title");
    assertThat(e.summary()).isEqualTo("First line. Second line.");
    assertThat(e.hashtags()).containsExactly("Sahel", "Mali", "sahel_2");
    assertThat(PostEdit.parse("T", "S", "   ").hashtags()).isEmpty();
    assertThat(PostEdit.parse("T", "S", null).hashtags()).isEmpty();
    assertThat(PostEdit.hashtagLine(e.hashtags())).isEqualTo("#Sahel #Mali #sahel_2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "blank title|'   '|Summary.|''|the title is empty",
        "invisible title|'\u3164\u200B'|Summary.|''|the title is empty",
        "blank summary|Title|' '|''|the summary is empty",
        "a dash in a tag|Title|Summary.|#ok #not-ok|`#not-ok` is not a hashtag: use letters, digits and '_' only, e.g. #BurkinaFaso",
        "a lone #|Title|Summary.|#|`#` is not a hashtag",
        "a mention|Title|Summary.|@everyone|`@\u200Beveryone` is not a hashtag",
      })
  @DisplayName("refuses, in one line naming the field, what cannot be posted")
  void refuses(String why, String title, String summary, String hashtags, String message) {
    assertThatThrownBy(() -> PostEdit.parse(title, summary, hashtags))
        .isInstanceOf(ArticleFormatException.class)
        .hasMessageStartingWith(message)
        .hasMessageNotContaining("\n");
  }

  @Test
  @DisplayName(
      "refuses what exceeds the limits: title, summary, a tag's length and the number of tags")
  void limits() {
    assertThatThrownBy(() -> PostEdit.parse("t".repeat(PostEdit.MAX_TITLE + 1), "S", ""))
        .hasMessage("the title is 201 characters; at most 200");
    assertThat(PostEdit.parse("t".repeat(PostEdit.MAX_TITLE), "S", "").title()).hasSize(200);
    assertThatThrownBy(() -> PostEdit.parse("T", "s".repeat(PostEdit.MAX_SUMMARY + 1), ""))
        .hasMessage("the summary is 3001 characters; at most 3000");
    assertThatThrownBy(() -> PostEdit.parse("T", "S", "#" + "a".repeat(41)))
        .hasMessageEndingWith(" is longer than 40 characters");
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      tags.append("#t").append(i).append(' ');
    }
    assertThatThrownBy(() -> PostEdit.parse("T", "S", tags.toString()))
        .hasMessage("21 hashtags; at most 20 fit a post");
  }

  @Test
  @DisplayName(
      "PostBuilder.edit renders the same article with the new title, summary and hashtags, as build would")
  void rendersAsBuildWould() {
    ArticlePost built = PostBuilder.build(Articles.seed());

    ArticlePost edited =
        PostBuilder.edit(built, PostEdit.parse("A *new* title", "Short summary.", "#Sahel #Mali"));

    assertThat(edited.article().articleKey()).isEqualTo(built.article().articleKey());
    assertThat(edited.article().videoUrl()).isEqualTo(built.article().videoUrl());
    assertThat(edited.messages()).hasSameSizeAs(built.messages());
    assertThat(edited.messages().get(0)).isEqualTo(built.messages().get(0));
    EmbedSpec embed = edited.threadAnchor().embeds().get(0);
    assertThat(embed.title()).isEqualTo("A \\*new\\* title");
    assertThat(embed.description()).isEqualTo("Short summary.\n\n#Sahel #Mali\n\n**Your take 👇**");
    EmbedSpec before = built.threadAnchor().embeds().get(0);
    assertThat(embed.url()).isEqualTo(before.url());
    assertThat(embed.footer()).isEqualTo(before.footer());
    assertThat(edited.threadAnchor().buttons()).isEqualTo(built.threadAnchor().buttons());
    assertThat(edited.threadName()).isEqualTo("Your take 👇 · A *new* title");
    assertThat(edited.summary()).containsExactly("Short summary.");
    assertThat(edited.hashtags()).containsExactly("Sahel", "Mali");
  }

  @Test
  @DisplayName(
      "an edit whose escaped hashtags would overflow Discord's embed is refused, not sent to fail")
  void overflowRefused() {
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < PostEdit.MAX_HASHTAGS; i++) {
      tags.append("#_").append("_".repeat(37)).append((char) ('a' + i)).append(' ');
    }
    PostEdit e = PostEdit.parse("T", "s".repeat(PostEdit.MAX_SUMMARY), tags.toString());

    assertThatThrownBy(() -> PostBuilder.edit(PostBuilder.build(Articles.seed()), e))
        .isInstanceOf(ArticleFormatException.class)
        .hasMessageContaining("longer than Discord allows");
  }
}
