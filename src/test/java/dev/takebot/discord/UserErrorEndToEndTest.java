package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.message.MessageSpec;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User errors and invariant failures are different types. Regression (#12): {@code /article post}
 * caught every {@link IllegalArgumentException} and showed it to the moderator as advice ("Could
 * not use that article: postIndex 3 outside 1 messages"), so a bug looked like a problem with their
 * article and left no trace in the log.
 */
@DisplayName("A broken invariant reaches the member as a logged failure, never as advice")
class UserErrorEndToEndTest {

  @Test
  @DisplayName(
      "an IllegalArgumentException while preparing a post is answered with an error reference")
  void invariantFailureIsNotAdvice(@TempDir Path dir) throws InterruptedException {
    // A pipeline whose output breaks PreparedArticle's invariant: a bug, not a bad article.
    ArticlePipeline broken =
        (origin, text) ->
            new PreparedArticle(
                "Title", "key", "Title", List.of(MessageSpec.ofContent("video")), 3);
    try (BotHarness h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            s -> List.of(),
            new TakesSettings(0, 0),
            TakeBotAssembly.Overrides.none().analyzer(new KeywordAnalyzer()).articles(broken))) {
      DiscordSandbox sandbox = h.sandbox;
      var post =
          sandbox.slash(
              sandbox.moderator(),
              sandbox.news(),
              "article post",
              Map.of("text", "# Title  A paragraph."));
      SandboxMessage answer = post.awaitResponse(WAIT);

      assertThat(answer.isEphemeral()).isTrue();
      assertThat(answer.content())
          .isEqualTo(
              dev.takebot.i18n.Texts.english()
                  .get(InteractionErrors.MESSAGE_KEY, "reference", post.id()))
          .doesNotContain("Could not use that article", "postIndex");
    }
  }

  @Test
  @DisplayName("a text that is no article is still explained to the moderator, as a user error")
  void badArticleIsAdvice(@TempDir Path dir) throws InterruptedException {
    try (BotHarness h = new BotHarness(dir, new KeywordAnalyzer(), List.of(), s -> s)) {
      var post =
          h.sandbox.slash(
              h.sandbox.moderator(), h.sandbox.news(), "article post", Map.of("text", "#x #y"));
      assertThat(post.awaitResponse(WAIT).content())
          .startsWith("Could not use that article: pasted text: ");
    }
  }
}
