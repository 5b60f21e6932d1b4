package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static dev.takebot.discord.BotHarness.now;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.ArticleSettings;
import dev.takebot.config.DiscordSettings;
import dev.takebot.config.StorageSettings;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: {@code /article post name:} followed a symbolic link out of the articles folder and
 * posted whatever it pointed at (the config, the database, any file the bot can read) to the news
 * channel.
 */
@DisplayName("/article post name: through the real JDA client")
class ArticleFolderEndToEndTest {
  private static final String SECRET_MARKER = "do-not-publish-7f3a";

  @Test
  @DisplayName(
      "a link out of the articles folder is refused privately and nothing of its target is posted")
  void linkOutOfTheFolderIsNotPosted(@TempDir Path dir) throws Exception {
    Path articles = Files.createDirectory(dir.resolve("articles"));
    Files.writeString(
        articles.resolve("real.md"),
        "# A real article\n\nThe council met on Tuesday and agreed"
            + " a budget. Residents welcomed the decision.\n\nWatch: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n");
    Path secret =
        Files.writeString(
            dir.resolve("secret.md"),
            "# "
                + SECRET_MARKER
                + "\n\nThe "
                + SECRET_MARKER
                + " text of a file outside the folder.\n");
    Files.createSymbolicLink(articles.resolve("leak.md"), secret);

    try (DiscordSandbox sandbox = DiscordSandbox.start()) {
      TakeBotConfig config =
          TakeBotConfig.defaults()
              .withDiscord(
                  new DiscordSettings(
                      sandbox.restUrl(),
                      sandbox.gatewayUrl(),
                      Long.parseLong(sandbox.guildId()),
                      List.of("Moderator"),
                      "news"))
              .withArticles(new ArticleSettings(articles, 6))
              .withStorage(StorageSettings.of("jdbc:sqlite:" + dir.resolve("takes.db")));
      TakeBotAssembly bot =
          TakeBotAssembly.start(
              config,
              sandbox.token(),
              Map.of(),
              TakeBotAssembly.Overrides.none().analyzer(new KeywordAnalyzer()));
      try {
        // when a moderator names the link
        SandboxMessage refusal =
            sandbox
                .slash(sandbox.moderator(), sandbox.news(), "article post", Map.of("name", "leak"))
                .awaitResponse(WAIT);

        // then they are told why, privately
        assertThat(refusal.isEphemeral()).isTrue();
        assertThat(refusal.content())
            .isEqualTo(
                "`leak.md` links to a file outside the articles folder; I only"
                    + " post files that are in it. Copy the article into the folder instead.");

        // and a later, legitimate post goes through, with nothing of the link's target anywhere
        // before it
        SandboxMessage posted =
            sandbox
                .slash(
                    sandbox.moderator(),
                    sandbox.news(),
                    "article post",
                    now(Map.of("name", "real")))
                .awaitResponse(WAIT);
        assertThat(posted.content()).startsWith("Posted **A real article**");
        assertThat(sandbox.allMessages())
            .allSatisfy(m -> assertThat(m.toString()).doesNotContain(SECRET_MARKER));
        assertThat(sandbox.threads())
            .allSatisfy(t -> assertThat(t.toString()).doesNotContain(SECRET_MARKER));
      } finally {
        bot.close();
      }
    }
  }
}
