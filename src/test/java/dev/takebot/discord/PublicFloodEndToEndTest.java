package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member without any permission cannot make the bot flood a channel: public answers anyone may
 * ask for come at most once per member per pause (the server's summary cooldown).
 */
@DisplayName("Floods: a member cannot fill a channel with the bot's public answers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicFloodEndToEndTest {
  private BotHarness h;
  private DiscordSandbox sandbox;
  private Member bob;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    h =
        new BotHarness(
            DiscordSandbox.builder(),
            dir,
            s -> List.of(),
            new TakesSettings(30, 0),
            BotHarness.realAnalyzer());
    sandbox = h.sandbox;
    bob = sandbox.addMember("bob");
    h.postArticleWithATake();
  }

  @AfterAll
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  @DisplayName(
      "a second /takes list within the cooldown is answered only to the member, saying why, and"
          + " still lists the takes")
  void publicListsAreRateLimitedPerMember() {
    InteractionHandle first = sandbox.slash(bob, sandbox.general(), "takes list");
    SandboxMessage shown = first.awaitResponse(WAIT);
    InteractionHandle second = sandbox.slash(bob, sandbox.general(), "takes list");
    SandboxMessage again = second.awaitResponse(WAIT);

    assertThat(first.isEphemeral()).as("the first list is public").isFalse();
    assertThat(shown.embeds().toString()).contains("a wise and welcome plan");
    assertThat(second.isEphemeral()).as("the second, within 30 s, is not").isTrue();
    assertThat(again.content())
        .startsWith("🔒 Shown only to you: you listed takes publicly less than ")
        .endsWith(" s ago.");
    assertThat(again.embeds().toString()).contains("a wise and welcome plan");
    InteractionHandle other = sandbox.slash(sandbox.member(), sandbox.general(), "takes list");
    other.awaitResponse(WAIT);
    assertThat(other.isEphemeral()).as("each member has their own pause").isFalse();
  }
}
