package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.Member;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.takes.Discussion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moderator-only is declared once per feature ({@link Feature#access()}) and enforced by the router
 * before the feature runs, for every kind of interaction: a command, its autocomplete, a button, a
 * form.
 */
@DisplayName("The router enforces moderator-only features")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModeratorAccessEndToEndTest {
  private static final String TITLE = "Harbour budget vote";

  private BotHarness h;
  private DiscordSandbox sandbox;
  private Member bob;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            new KeywordAnalyzer(),
            List.of(),
            r -> r,
            new TakesSettings(0, 0));
    sandbox = h.sandbox;
    bob = sandbox.addMember("bob");
    long post = 9_000;
    h.store.saveDiscussion(
        new Discussion(
            post,
            Long.parseLong(sandbox.guildId()),
            Long.parseLong(sandbox.news().id()),
            post,
            "harbour",
            TITLE,
            Instant.EPOCH));
  }

  @AfterAll
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private List<String> suggested(Member member, String command) {
    return sandbox
        .autocomplete(member, sandbox.general(), command, "article", "")
        .awaitChoices(WAIT)
        .stream()
        .map(c -> c.path("name").asText())
        .toList();
  }

  @Test
  @DisplayName(
      "a moderator-only command suggests nothing to a member, while its moderators get the articles")
  void autocompleteOfModeratorCommands() {
    assertThat(suggested(bob, "article summary")).isEmpty();
    assertThat(suggested(bob, "takes export")).isEmpty();
    assertThat(suggested(sandbox.moderator(), "article summary")).containsExactly(TITLE);
    assertThat(suggested(bob, "takes summary"))
        .as("a command for everyone still suggests")
        .containsExactly(TITLE);
  }

  @Test
  @DisplayName("a member running a moderator-only command hears the command's refusal, privately")
  void commandRefusal() {
    var answer = sandbox.slash(bob, sandbox.general(), "takes export").awaitResponse(WAIT);
    assertThat(answer.isEphemeral()).isTrue();
    assertThat(answer.content())
        .startsWith("Only moderators can export takes: you need the Manage Messages");
  }
}
