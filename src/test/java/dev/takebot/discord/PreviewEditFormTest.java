package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.article.ArticleParser;
import dev.takebot.article.ArticlePost;
import dev.takebot.article.PostBuilder;
import dev.takebot.article.PostEdit;
import dev.takebot.i18n.Texts;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.modals.Modal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The preview's edit form is filled in with the post, within its own limits")
class PreviewEditFormTest {

  private static List<TextInput> inputs(Modal form) {
    return form.getComponents().stream().map(c -> (TextInput) ((Label) c).getChild()).toList();
  }

  @Test
  @DisplayName(
      "a post without hashtags leaves that input empty; the longest title the parser takes fits the form")
  void fillsWithinLimits() {
    String title = "Word ".repeat(40).strip();
    ArticlePost post =
        PostBuilder.build(
            ArticleParser.parse(title + "\n\nA first paragraph. With two sentences.\n"), 0);
    PreparedArticle prepared = ArticlePipelineAdapter.prepared(post);
    PendingPost p =
        new PendingPost(
            "k",
            9,
            1,
            false,
            7,
            Instant.parse("2100-01-01T00:00:00Z"),
            null,
            prepared,
            Texts.english());

    Modal form = PostPreviewFeature.editForm(p, prepared.source());

    assertThat(form.getId()).startsWith("takebot-preview:save:k:");
    List<TextInput> inputs = inputs(form);
    assertThat(inputs)
        .extracting(TextInput::getCustomId)
        .containsExactly(
            PostPreviewFeature.TITLE, PostPreviewFeature.SUMMARY, PostPreviewFeature.HASHTAGS);
    assertThat(inputs.get(0).getValue())
        .isEqualTo(title)
        .hasSizeLessThanOrEqualTo(PostEdit.MAX_TITLE);
    assertThat(inputs.get(1).getValue()).isEqualTo(String.join(" ", post.summary()));
    assertThat(inputs.get(2).getValue()).isNull();
    assertThat(inputs.get(2).isRequired()).isFalse();
  }
}
