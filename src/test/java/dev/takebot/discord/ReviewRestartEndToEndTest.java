package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.TakesSettings;
import dev.takebot.fetch.FixtureServer;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A "review first" feed across restarts of the bot: what waits for a moderator is not lost. */
@DisplayName("Review first across restarts: real JDA, the sandbox, the same database")
class ReviewRestartEndToEndTest {
  private final MovableClock clock = MovableClock.startingNow();
  private final FixtureServer web = new FixtureServer();
  @TempDir Path dir;
  private DiscordSandbox sandbox;
  private TakeBotAssembly app;

  @AfterEach
  void stop() {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      try {
        if (sandbox != null) {
          sandbox.close();
        }
      } finally {
        web.close();
      }
    }
  }

  /** Starts (again) the bot on the sandbox and the same database. */
  private TakeBotAssembly start() throws InterruptedException {
    return TakeBotAssembly.start(
        BotHarness.readsLocalFeeds(
            BotHarness.config(sandbox, dir, List.of(), new TakesSettings(0, 0), "news")),
        sandbox.token(),
        Map.of(),
        BotHarness.keywordsOn(clock));
  }

  private void restart() throws InterruptedException {
    app.close();
    app = null;
    app = start();
  }

  private List<SandboxMessage> controls(Channel channel) {
    return sandbox.messages(channel).stream()
        .filter(m -> m.authorId().equals(sandbox.bot().id()) && !m.isEphemeral())
        .filter(m -> m.buttonIds().stream().anyMatch(id -> id.startsWith(PreviewId.PREFIX + ":")))
        .toList();
  }

  private List<SandboxMessage> posts() {
    return sandbox.messages(sandbox.news()).stream()
        .filter(x -> x.authorId().equals(sandbox.bot().id()) && !x.isEphemeral())
        .filter(x -> !x.embeds().isEmpty())
        .toList();
  }

  @Test
  @DisplayName(
      "an item waiting for review when the bot restarts is offered again; once posted, never again")
  void undecidedReviewIsOfferedAgainAfterARestart() throws InterruptedException {
    web.fixture("/feed.xml", "application/rss+xml", "rss.xml");
    sandbox = DiscordSandbox.builder().start();
    app = start();
    Channel mods =
        sandbox.addPrivateChannel("moderators", sandbox.moderatorRole(), sandbox.botRole());
    BotHarness.await(
        "the bot to see #moderators",
        () -> app.bot().jda().getChannelById(GuildMessageChannel.class, mods.id()) != null);
    SandboxMessage added =
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "feed add",
                Map.of("url", web.url("/feed.xml"), "review", mods))
            .awaitResponse(WAIT);
    assertThat(added.content()).contains("Its newest item is waiting for review there.");
    SandboxMessage first = controls(mods).get(0);

    restart();
    clock.advance(Duration.ofMinutes(20));
    assertThat(app.pollFeedsNow()).isOne();

    List<SandboxMessage> offered = controls(mods);
    assertThat(offered).as("offered again after the restart").hasSize(2);
    SandboxMessage again = offered.get(1);
    SandboxMessage stale =
        sandbox
            .pressButton(
                sandbox.moderator(), first, BotHarness.previewButton(first, PreviewId.POST))
            .awaitResponse(WAIT);
    assertThat(stale.content()).contains("no longer available");
    sandbox.pressButton(
        sandbox.moderator(), again, BotHarness.previewButton(again, PreviewId.POST));
    BotHarness.await("the new preview to conclude", () -> controls(mods).size() == 1);
    assertThat(posts()).hasSize(1);

    restart();
    clock.advance(Duration.ofMinutes(20));
    assertThat(app.pollFeedsNow()).isOne();
    assertThat(controls(mods)).as("posted: not offered again").hasSize(1);
    assertThat(posts()).hasSize(1);
  }
}
